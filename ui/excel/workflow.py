"""File ▸ Export… / Import…: ask, run the work on the database thread with a progress dialog,
show the result. The dialogs only collect choices; channelmgr.excel does the work."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from channelmgr.errors import UserError
from channelmgr.roomtypes.desk_user import desk_actor

from ..file_dialogs import remember, start_path
from ..context import AppContext
from ..roomtypes.language import catalog_language
from .export_dialog import ExportDialog, ExportRequest
from .import_dialog import ImportDialog, ImportRequest
from .result_dialog import ResultDialog


def workbook_language() -> str:
    return catalog_language()  # the language chosen in Settings, as the catalog's labels


class ExcelWorkflow(QObject):
    def __init__(self, ctx: AppContext, window: QWidget):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.progress: QProgressDialog | None = None
        self.last_result: ResultDialog | None = None

    # --- export ----------------------------------------------------------------------------
    def export_workbook(self) -> None:
        lang = workbook_language()
        dialog = ExportDialog(date.today(), lang, self.window)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        request = dialog.request()
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save workbook"), start_path(f"{request.kind}.xlsx"),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if name:
            remember(name)
            self.run_export(request, Path(name).with_suffix(".xlsx"), lang)

    def run_export(self, request: ExportRequest, path: Path, lang: str) -> None:
        excel, pid = self.ctx.services.excel, self.ctx.property_id

        def work():
            if request.kind == "rooms":
                return excel.export_rooms(pid, path, lang)
            if request.kind == "calendar":
                return excel.export_calendar(pid, path, request.start, request.end, lang)
            if request.kind == "reservations":
                return excel.export_reservations(pid, path, request.start, request.end, None, lang,
                                                 unmasked_by=desk_actor("export dialog") if request.unmasked else None)
            if request.kind == "report":
                return excel.export_report(pid, path, request.start, request.end, lang)
            return excel.export_extranet(pid, path, request.channel, request.start, request.end, lang)

        self._run(work, self.tr("Writing the workbook…"), self._export_done)

    def _export_done(self, result) -> None:
        dialog = ResultDialog(self.window)
        dialog.show_export(result)
        self._show(dialog)

    # --- import ----------------------------------------------------------------------------
    def import_workbook(self) -> None:
        dialog = ImportDialog(self.window)
        if dialog.exec() == ImportDialog.DialogCode.Accepted:
            self.run_import(dialog.request())

    def run_import(self, request: ImportRequest) -> None:
        excel, pid, lang = self.ctx.services.excel, self.ctx.property_id, workbook_language()
        actor = desk_actor("excel import")

        def work():
            if request.kind == "rooms":
                return excel.import_rooms(pid, request.path, actor, request.dry_run, lang)
            return excel.import_calendar(pid, request.path, actor, request.dry_run, lang, force=request.force)

        self._run(work, self.tr("Checking the workbook…"), lambda report: self._import_done(request, report))

    def _import_done(self, request: ImportRequest, report) -> None:
        if report.applied:
            self.ctx.events.data_changed.emit("calendar" if report.kind == "calendar" else "room_types")
        dialog = ResultDialog(self.window)
        dialog.show_import(report)
        if report.needs_confirmation:
            # The same workbook again, with the questioned prices confirmed; the result replaces this one.
            dialog.offer_import_anyway(lambda: (dialog.accept(), self.run_import(replace(request, force=True))))
        self._show(dialog)

    # --- helpers ---------------------------------------------------------------------------
    def _run(self, work, label: str, on_done) -> None:
        self.progress = QProgressDialog(label, "", 0, 0, self.window)  # busy: openpyxl reports no progress
        self.progress.setObjectName("excel_progress")
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # quick jobs finish before it shows

        def done(result) -> None:
            self._close_progress()
            on_done(result)

        self.ctx.db_tasks.submit(work, done, self._failed)

    def _failed(self, exc: Exception) -> None:
        self._close_progress()
        if isinstance(exc, UserError):
            QMessageBox.warning(self.window, self.tr("Excel"), str(exc))
        else:
            QMessageBox.critical(self.window, self.tr("Excel"),
                                 self.tr("Unexpected error: %1").replace("%1", repr(exc)))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _show(self, dialog: ResultDialog) -> None:
        self.last_result = dialog
        dialog.setModal(True)
        dialog.show()

