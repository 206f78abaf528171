"""File dialogs start in the user's Documents folder, then where the user last chose a file;
Qt's own dialog words are Chinese in the Chinese UI."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from PySide6.QtWidgets import QFileDialog, QLabel

from ui import i18n
from ui.file_dialogs import remember, start_path


def test_dialogs_start_in_documents_then_in_the_last_folder(tmp_path):
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    assert start_path("x.xlsx") == str(Path(documents) / "x.xlsx")
    remember(str(tmp_path / "calendar.xlsx"))
    assert start_path("x.xlsx") == str(tmp_path / "x.xlsx")
    remember(str(tmp_path / "gone" / "y.xlsx"))  # a folder since deleted: back to Documents
    assert start_path() == documents


def test_qt_own_strings_are_translated_in_chinese():
    i18n.install_language("zh_CN")
    try:
        # Words of Qt's own dialogs (QFileDialog, standard buttons) come from qtbase_zh_CN.qm.
        assert QCoreApplication.translate("QFileDialog", "&Open") != "&Open"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        # and the file dialog's own field labels, which Qt's catalogue misses (ui/qt_words.py)
        dialog = QFileDialog(None)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert not {"&Look in:", "Files of &type:", "File &name:"} & labels, labels
        assert {"查找范围(&L)：", "文件类型(&T)："} <= labels
        dialog.deleteLater()
    finally:
        i18n.install_language("en")
