"""What an export or import did: a summary, the problems cell by cell, and buttons to open files.

Opening goes through QDesktopServices, so the workbook (or the annotated copy with the bad cells
marked in red) opens in whatever the desk uses: Excel, WPS or LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from channelmgr.excel import ExportResult, ImportReport

from ..models.record_table import Column, RecordTableModel


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ResultDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("excel_result_dialog")
        self.setWindowTitle(self.tr("Excel"))
        self.resize(760, 420)
        self.summary = QLabel(self)
        self.summary.setObjectName("result_summary")
        self.summary.setWordWrap(True)
        self.problems = RecordTableModel([
            Column(self.tr("Cell"), lambda p: p.where),
            Column(self.tr("Value"), lambda p: "" if p.value is None else str(p.value)),
            Column(self.tr("Problem"), lambda p: p.reason),
        ], self)
        self.table = QTableView(self)
        self.table.setObjectName("problem_table")
        self.table.setModel(self.problems)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def add_open_button(self, text: str, path: Path, name: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.clicked.connect(lambda: open_file(path))
        return button

    def offer_import_anyway(self, on_confirm) -> QPushButton:
        """For an import refused only by the fat-finger guard: the owner checked the prices."""
        self.summary.setText(self.tr("%1 price(s) look like typos, so nothing was changed. Check them below; "
                                     "if they are right, import anyway.").replace("%1", str(self.problems.rowCount())))
        button = self.buttons.addButton(self.tr("Import anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        button.setObjectName("import_anyway")
        button.clicked.connect(on_confirm)
        return button

    def show_export(self, result: ExportResult) -> None:
        self.summary.setText(self.tr("Saved %1 (%2 rows).").replace("%1", str(result.path)).replace("%2", str(result.rows)))
        self.table.hide()
        self.add_open_button(self.tr("Open workbook"), result.path, "open_workbook")

    def show_import(self, report: ImportReport) -> None:
        self.problems.set_rows(report.problems)
        self.table.setVisible(bool(report.problems))
        if report.problems:
            text = self.tr("%1 problem(s) found; nothing was changed. Fix the marked cells and import again.")
            self.summary.setText(text.replace("%1", str(len(report.problems))))
            if report.annotated_copy:
                self.add_open_button(self.tr("Open marked copy"), report.annotated_copy, "open_annotated")
        elif not report.change_count:
            self.summary.setText(self.tr("No changes: the workbook matches the data."))
        else:
            text = self.tr("%1 cell(s) would change.") if report.dry_run else self.tr("%1 cell(s) changed.")
            details = ", ".join(f"{name} {count}" for name, count in sorted(report.changes_by_field.items()))
            self.summary.setText(text.replace("%1", str(report.change_count)) + f"\n{details}")
        self.add_open_button(self.tr("Open workbook"), report.path, "open_workbook")
