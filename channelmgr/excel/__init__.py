"""Excel workbooks: export (room types, calendar, reservations, report, OTA extranet sheets) and
all-or-nothing import of the room-types and calendar workbooks.

    excel = services.excel
    excel.export_calendar(property_id, "calendar.xlsx", start, end, lang="zh")
    report = excel.import_calendar(property_id, "calendar.xlsx", actor, dry_run=True)
    report.ok, report.problems, report.changes_by_field, report.annotated_copy

openpyxl only; no Qt. Workbooks are written in write-only mode and read in read-only mode.
"""

from .problems import CellProblem, ExportResult, ImportReport
from .service import ExcelService
from .workbook_files import WorkbookUnreadable

__all__ = ["ExcelService", "ImportReport", "ExportResult", "CellProblem", "WorkbookUnreadable"]
