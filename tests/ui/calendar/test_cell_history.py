"""A calendar cell's "who changed this and when": its audit entries, newest first, this night only."""

from __future__ import annotations

from channelmgr.actor import Actor
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation


def test_cell_history_lists_who_changed_this_night(page, qtbot):
    ctx = page.ctx
    lake = page.model.room_type(0)
    night, other = page.model.night(3), page.model.night(4)
    bulk = ctx.services.calendar.bulk_edit
    bulk.apply(BulkEditRequest(ctx.property_id, night, night, (lake.id,), Operation.MIN_STAY, 2), Actor("li", "bulk edit"))
    bulk.apply(BulkEditRequest(ctx.property_id, night, other, (lake.id,), Operation.MIN_STAY, 3), Actor("wang", "copy"))
    bulk.apply(BulkEditRequest(ctx.property_id, other, other, (lake.id,), Operation.MIN_STAY, 5), Actor("zhao", "x"))
    dialog = page.show_cell_history(page.model.index(0, 3))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: hasattr(dialog, "rows"), timeout=5000)
    assert [(r.user, r.cause) for r in dialog.rows] == [("wang", "copy"), ("li", "bulk edit")]
    assert dialog.model.rowCount() == 2
    text = dialog.model.index(0, 4).data()
    assert f"min_stay {night.isoformat()}: 2 → 3" == text
    assert "2 change(s)" in dialog.heading.text()


def test_right_click_offers_the_history(page, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMenu

    shown = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos: shown.append([a.text() for a in menu.actions()]))
    rect = page.view.visualRect(page.model.index(0, 2))
    page._cell_menu(rect.center())
    assert shown == [["Who changed this and when…"]]
