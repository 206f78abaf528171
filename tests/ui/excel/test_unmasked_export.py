"""Phone numbers in clear only when an administrator ticks it: the export dialog's and the audit
page's checkbox greyed with the reason for other roles; the .xlsx read back masked / in clear,
the opt-in audited. Demo accounts on a real SQLite database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from channelmgr.db.models import AuditEntry
from channelmgr.demo import load_demo
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.security.signed_in import sign_in, sign_out
from channelmgr.services import Services
from ui.app import build_context
from ui.excel.export_dialog import ExportDialog
from ui.pages.audit import AuditPage
from tests.support.today import property_today

PASSWORDS = {"owner": "demo-owner-1", "desk": "demo-desk-1", "viewer": "demo-viewer-1"}
PHONE, MASKED = "13800000001", "138****0001"  # 王芳, the demo's first booking


@pytest.fixture
def ctx_as(db):
    load_demo(db, accounts=True)
    services = Services(db)
    made = []

    def sign(name: str):
        sign_in(services.users.authenticate(name, PASSWORDS[name]))
        ctx = build_context(services)
        made.append(ctx)
        return ctx

    yield sign
    for ctx in made:
        ctx.db_tasks.wait()
    sign_out()
    services.close()


def _cells(path) -> set[str]:
    return {str(v) for ws in load_workbook(path) for row in ws.iter_rows(values_only=True) for v in row if v}


def _opt_ins(db) -> list[tuple[str, dict]]:
    with db.session() as s:
        return [(a.actor, a.after) for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "unmasked_export"))]


def _export(qtbot, ctx, tmp_path, name: str, tick: bool):
    from ui.excel import ExcelWorkflow

    dialog = ExportDialog(property_today(), "zh")
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("reservations"))
    dialog.start.setDate(property_today() - timedelta(days=5))
    dialog.unmasked.setChecked(tick)
    window = QWidget()
    qtbot.addWidget(window)
    flow = ExcelWorkflow(ctx, window)
    path = tmp_path / name
    flow.run_export(dialog.request(), path, "zh")
    qtbot.waitUntil(lambda: flow.last_result is not None, timeout=10000)
    return dialog, path


def test_an_administrator_exports_phones_in_clear_only_when_ticked(qtbot, ctx_as, db, tmp_path):
    ctx = ctx_as("owner")
    dialog, masked = _export(qtbot, ctx, tmp_path, "masked.xlsx", tick=False)
    assert dialog.unmasked.isEnabled()
    cells = _cells(masked)
    assert MASKED in cells and PHONE not in cells and _opt_ins(db) == []
    dialog, clear = _export(qtbot, ctx, tmp_path, "clear.xlsx", tick=True)
    cells = _cells(clear)
    assert PHONE in cells and MASKED not in cells
    assert _opt_ins(db) == [("owner", {"export": "reservations", "file": "clear.xlsx"})]


def test_the_checkbox_is_only_for_the_reservations_workbook(qtbot, ctx_as):
    ctx_as("owner")
    dialog = ExportDialog(property_today(), "zh")
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("rooms"))
    dialog.unmasked.setChecked(True)
    assert not dialog.unmasked.isEnabled() and not dialog.request().unmasked


@pytest.mark.parametrize("name", ["desk", "viewer"])
def test_other_roles_see_it_greyed_with_the_reason_and_export_masked(qtbot, ctx_as, db, tmp_path, name):
    ctx = ctx_as(name)
    dialog, path = _export(qtbot, ctx, tmp_path, "r.xlsx", tick=True)
    assert not dialog.unmasked.isEnabled() and name in dialog.unmasked.toolTip()
    assert not dialog.request().unmasked
    cells = _cells(path)
    assert MASKED in cells and PHONE not in cells and _opt_ins(db) == []
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    assert not page.unmasked.isEnabled() and name in page.unmasked.toolTip()


def test_the_audit_page_exports_phones_in_clear_for_an_administrator(qtbot, ctx_as, db, tmp_path):
    ctx = ctx_as("owner")
    details = ctx.services.properties.details(ctx.property_id)
    ctx.services.properties.update(desk_actor("test"), details.changed(phone="13912345678"))
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)
    for name, tick in (("masked.xlsx", False), ("clear.xlsx", True)):
        page.unmasked.setChecked(tick)
        page.export_to(tmp_path / name)
        qtbot.waitUntil((tmp_path / name).exists, timeout=10000)
        ctx.db_tasks.wait()
    assert "139****5678" in _cells(tmp_path / "masked.xlsx") and "13912345678" not in _cells(tmp_path / "masked.xlsx")
    assert "13912345678" in _cells(tmp_path / "clear.xlsx")
    assert [after["file"] for _user, after in _opt_ins(db)] == ["clear.xlsx"]
