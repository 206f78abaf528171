"""File ▸ Export…/Import…: work off the GUI thread, a result dialog listing problems, files opened."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from channelmgr.excel import CellProblem, ImportReport
from ui.excel import ExcelWorkflow
from ui.excel.export_dialog import ExportRequest
from ui.excel.import_dialog import ImportDialog, ImportRequest
from ui.excel.result_dialog import ResultDialog


def opened_urls(monkeypatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


def workflow(qtbot, app_context) -> ExcelWorkflow:
    window = QWidget()
    qtbot.addWidget(window)
    return ExcelWorkflow(app_context, window)


def test_export_then_bad_import_lists_problems_and_opens_the_marked_copy(qtbot, app_context, tmp_path, monkeypatch):
    urls = opened_urls(monkeypatch)
    flow = workflow(qtbot, app_context)
    path = tmp_path / "rooms.xlsx"
    flow.run_export(ExportRequest("rooms", None, None, None), path, "zh")
    qtbot.waitUntil(lambda: flow.last_result is not None, timeout=10000)
    assert path.exists() and str(path) in flow.last_result.summary.text()

    wb = load_workbook(path)
    ws = wb["房型"]
    bed = next(c.column_letter for c in ws[2] if c.value == "bed_type")
    ws[f"{bed}3"] = "水床"
    wb.save(path)
    flow.last_result = None
    flow.run_import(ImportRequest("rooms", path, dry_run=False))
    qtbot.waitUntil(lambda: flow.last_result is not None, timeout=10000)

    dialog = flow.last_result
    assert dialog.table.isVisibleTo(dialog) and dialog.problems.rowCount() == 1
    assert dialog.problems.index(0, 0).data() == f"房型!{bed}3"
    assert dialog.problems.index(0, 1).data() == "水床"
    dialog.findChild(type(dialog.buttons.buttons()[0]), "open_annotated").click()
    assert urls == [str(tmp_path / "rooms.problems.xlsx")]


def test_applied_import_announces_the_change(qtbot, app_context, tmp_path):
    flow = workflow(qtbot, app_context)
    path = tmp_path / "cal.xlsx"
    app_context.services.excel.export_calendar(app_context.property_id, path)
    wb = load_workbook(path)
    wb["最少入住"]["D3"] = 2
    wb.save(path)
    with qtbot.waitSignal(app_context.events.data_changed, timeout=10000) as changed:
        flow.run_import(ImportRequest("calendar", path, dry_run=False))
    assert changed.args == ["calendar"]
    qtbot.waitUntil(lambda: flow.last_result is not None, timeout=10000)
    assert "1" in flow.last_result.summary.text() and not flow.last_result.table.isVisibleTo(flow.last_result)


def test_result_dialog_for_a_clean_dry_run(qtbot, tmp_path):
    report = ImportReport(tmp_path / "c.xlsx", "calendar", dry_run=True)
    report.changes_by_field.update({"price": 3})
    dialog = ResultDialog()
    qtbot.addWidget(dialog)
    dialog.show_import(report)
    assert "3" in dialog.summary.text() and "price 3" in dialog.summary.text()
    bad = ImportReport(tmp_path / "c.xlsx", "calendar", dry_run=False,
                       problems=[CellProblem("价格", "D7", -5, "must be above 0")])
    other = ResultDialog()
    qtbot.addWidget(other)
    other.show_import(bad)
    assert other.problems.index(0, 2).data() == "must be above 0"
    assert other.findChild(type(other.buttons.buttons()[0]), "open_annotated") is None  # no copy was written


def test_unreadable_file_shows_a_message_not_a_traceback(qtbot, app_context, tmp_path, monkeypatch):
    shown = []
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    flow = workflow(qtbot, app_context)
    path = tmp_path / "x.xlsx"
    path.write_text("not a workbook")
    flow.run_import(ImportRequest("calendar", path, dry_run=True))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "not an Excel workbook" in shown[0]


def test_import_dialog_needs_a_file(qtbot):
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    dialog.path.setText("/tmp/a.xlsx")
    assert ok.isEnabled() and dialog.request().path.name == "a.xlsx"


def test_file_menu_offers_export_and_import(qtbot, app_context):
    from ui.main_window import MainWindow
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    ids = [a.objectName() for a in file_menu.actions() if a.objectName()]
    assert ids[:2] == ["file.export", "file.import"]
    assert window.actions_["file.export"].shortcut().toString() == "Ctrl+E"


def test_a_questioned_price_is_imported_only_after_import_anyway(qtbot, app_context, tmp_path):
    from datetime import timedelta

    from tests.core.excel.helpers import edit, find_cell

    services, pid = app_context.services, app_context.property_id
    night = services.calendar.availability.today(pid) + timedelta(days=40)
    path = tmp_path / "cal.xlsx"
    services.excel.export_calendar(pid, path, night, night + timedelta(days=3))
    edit(path, {("价格", find_cell(path, "价格", ("LKV", "BAR"), night)): 35800})  # ¥358 meant
    flow = workflow(qtbot, app_context)

    def lkv_price():
        return services.calendar.availability.snapshot(pid, night, night + timedelta(days=1)).cell(0, 0).price_minor

    shown = lkv_price()
    flow.run_import(ImportRequest("calendar", path, dry_run=False))
    qtbot.waitUntil(lambda: flow.last_result is not None, timeout=10000)
    first = flow.last_result
    assert first.problems.rowCount() == 1 and "¥35,800" in first.problems.index(0, 2).data()
    assert "仍然导入" in first.problems.index(0, 2).data() or "import anyway" in first.problems.index(0, 2).data()
    assert lkv_price() == shown  # nothing written until the owner confirms
    anyway = first.findChild(type(first.buttons.buttons()[0]), "import_anyway")
    assert anyway is not None and anyway.isVisibleTo(first)

    with qtbot.waitSignal(app_context.events.data_changed, timeout=10000) as changed:
        anyway.click()
    assert changed.args == ["calendar"]
    qtbot.waitUntil(lambda: flow.last_result is not first, timeout=10000)
    assert lkv_price() == 3580000 and not flow.last_result.table.isVisibleTo(flow.last_result)
    assert flow.last_result.findChild(type(anyway), "import_anyway") is None


def test_other_problems_offer_no_import_anyway(qtbot, tmp_path):
    bad = ImportReport(tmp_path / "c.xlsx", "calendar", dry_run=False,
                       problems=[CellProblem("价格", "D7", -5, "must be above 0")])
    dialog = ResultDialog()
    qtbot.addWidget(dialog)
    dialog.show_import(bad)
    assert dialog.findChild(type(dialog.buttons.buttons()[0]), "import_anyway") is None
