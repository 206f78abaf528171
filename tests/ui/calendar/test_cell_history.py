"""A calendar cell's "who changed this and when": its audit entries, newest first, this night only,
and the rate plan and price rule changes that move its price."""

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
    calendar = [r for r in dialog.rows if r.entity == "calendar"]
    assert [(r.user, r.cause) for r in calendar] == [("wang", "copy"), ("li", "bulk edit")]
    assert calendar[0].change_text == f"min_stay {night.isoformat()}: 2 → 3"
    assert {r.entity for r in dialog.rows} == {"calendar", "price_rule"}  # the demo's own price rules too
    assert dialog.model.rowCount() == len(dialog.rows)
    assert f"{len(dialog.rows)} change(s)" in dialog.heading.text()


def test_a_base_price_change_is_in_the_history_of_every_night_it_moved(page, qtbot):
    ctx = page.ctx
    lake = page.model.room_type(0)
    ctx.services.pricing.set_base_price(Actor("li", "prices page"), ctx.property_id, lake.code, "BAR", 61800,
                                        force=True)
    dialog = page.show_cell_history(page.model.index(0, 9))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: hasattr(dialog, "rows"), timeout=5000)
    newest = dialog.rows[0]
    assert (newest.user, newest.entity, newest.entity_id) == ("li", "rate_plan", f"{lake.code}/BAR")
    assert "→ ¥618" in newest.change_text


def test_right_click_offers_the_history(page, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMenu

    shown = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos: shown.append([a.text() for a in menu.actions()]))
    rect = page.view.visualRect(page.model.index(0, 2))
    page._cell_menu(rect.center())
    assert shown == [["Who changed this and when…"]]
