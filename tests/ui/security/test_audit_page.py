"""The Audit page: entries with filters by user, entity, text and dates; export read back."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from PySide6.QtCore import QDate

from channelmgr.actor import Actor
from channelmgr.inventory.property_details import PropertyDetails  # noqa: F401  (the type changed below)
from ui.pages.audit import AuditPage


def _page(qtbot, app_context):
    page = AuditPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)
    return page


def _reload(qtbot, page):
    page.loaded = False
    page.reload()
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)


def test_filters_and_export(qtbot, app_context, tmp_path):
    services = app_context.services
    details = services.properties.details(app_context.property_id)
    services.properties.update(Actor("li", "settings page"), details.changed(phone="0872-5550000"))
    page = _page(qtbot, app_context)
    assert page.model.rowCount() == len(page.rows) > 1
    page.user_box.setCurrentIndex(page.user_box.findData("li"))
    _reload(qtbot, page)
    assert [(r.user, r.entity) for r in page.rows] == [("li", "property")]
    assert page.model.index(0, 2).data() == "Changed" and page.model.index(0, 3).data().startswith("Property ")
    assert "phone" in page.model.index(0, 4).data() and "0872-5550000" in page.model.index(0, 4).data()
    page.user_box.setCurrentIndex(0)
    page.text.setText("0872-5550000")
    _reload(qtbot, page)
    assert [r.user for r in page.rows] == ["li"]
    page.text.clear()
    page.use_dates.setChecked(True)
    page.start.setDate(QDate(2001, 1, 1))
    page.end.setDate(QDate(2001, 1, 2))
    _reload(qtbot, page)
    assert page.rows == []
    page.end.setDate(QDate.fromString(date.today().isoformat(), "yyyy-MM-dd").addDays(1))
    _reload(qtbot, page)
    assert page.rows

    target = tmp_path / "audit.xlsx"
    page.export_to(target)
    qtbot.waitUntil(target.exists, timeout=5000)
    app_context.db_tasks.wait()
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert any(r[1] == "li" and r[5] == "phone" and r[7] == "087****0000" for r in rows[1:])  # masked
