"""Which workbook to import, as what, and whether only to check it (dry run)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QPushButton, QWidget)

from ..file_dialogs import remember, start_path


@dataclass(frozen=True)
class ImportRequest:
    kind: str  # rooms | calendar
    path: Path
    dry_run: bool
    force: bool = False  # the owner confirmed prices the fat-finger guard questioned


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("excel_import_dialog")
        self.setWindowTitle(self.tr("Import from Excel"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Calendar workbook"), "calendar")
        self.kind.addItem(self.tr("Room types workbook"), "rooms")
        self.path = QLineEdit(self)
        self.path.setObjectName("import_path")
        self.path.setMinimumWidth(320)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.dry_run = QCheckBox(self.tr("Only check, change nothing"), self)
        form = QFormLayout(self)
        form.addRow(self.tr("Workbook"), self.kind)
        form.addRow(self.tr("File"), row)
        form.addRow("", self.dry_run)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.path.textChanged.connect(self._path_changed)
        self._path_changed()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a workbook"), self.path.text() or start_path(),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if name:
            remember(name)
            self.path.setText(name)

    def _path_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.path.text().strip()))

    def request(self) -> ImportRequest:
        return ImportRequest(self.kind.currentData(), Path(self.path.text().strip()), self.dry_run.isChecked())
