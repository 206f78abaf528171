"""The drift audit on the Channels page, offscreen against a real sandbox: "Audit now" lists a
difference planted on the channel, "Push again" and "Accept theirs" settle the selected rows, and
the channel list shows each channel's last audit."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from channelmgr.db.models import CalendarDay, RoomType
from channelmgr.money import format_minor
from tests.support.actors import TEST_ACTOR
from tests.ui.sync.test_channels_page import LEFT, _select, ota, page  # noqa: F401  (fixtures)

HOTEL = "ERHAI-CTRIP"
LAST_AUDIT_COLUMN = 7
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def _pushed(qtbot, page):
    _select(qtbot, page, "ctrip")
    report = page.ctx.services.sync.push(page.selected_channel().info.id, actor=TEST_ACTOR).result(timeout=60)
    assert report.in_sync
    return page.ctx.services.sync.drift


def _audit(qtbot, page, rows: int):
    qtbot.mouseClick(page.audit_button, LEFT)
    view = page.drift_view
    qtbot.waitUntil(lambda: view.report is not None and view.report.channel == "ctrip" and not view._busy
                    and view.model.rowCount() == rows, timeout=20000)
    return view


def _select_all(view) -> None:
    selection = view.table.selectionModel()
    for row in range(view.model.rowCount()):
        selection.select(view.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_audit_now_lists_a_planted_price_and_push_again_settles_it(page, qtbot, ota):
    _pushed(qtbot, page)
    listing = ota.listing(HOTEL)
    with listing.lock:
        (room, rate, guests, night), (amount, currency) = sorted(listing.prices.items())[10]
        listing.set_price(room, rate, guests, [night], amount + 3000, currency)

    view = _audit(qtbot, page, rows=1)
    assert page.tabs.currentWidget() is view
    texts = [view.model.index(0, c).data() for c in range(view.model.columnCount())]
    # the channel as the owner named it (screenshot review), the short name in the tooltip
    assert texts[0] == "携程 Ctrip" and view.model.index(0, 0).data(TOOLTIP) == "ctrip"
    assert texts[3] == night.isoformat() and texts[4] == "Price"
    assert texts[5:7] == [format_minor(amount), format_minor(amount + 3000)]
    assert "shows 1 difference(s)" in view.summary.text()
    row = page.model.row_of(page.selected_channel().info.id)
    qtbot.waitUntil(lambda: "1 difference(s)" in (page.model.index(row, LAST_AUDIT_COLUMN).data() or ""))

    assert not view.push_again_button.isEnabled()  # nothing selected yet
    _select_all(view)
    assert view.push_again_button.isEnabled() and view.accept_button.isEnabled()
    qtbot.mouseClick(view.push_again_button, LEFT)
    qtbot.waitUntil(lambda: "shows what it should" in view.summary.text(), timeout=20000)
    assert view.model.rowCount() == 0
    with listing.lock:
        assert listing.prices[(room, rate, guests, night)] == (amount, currency)
    qtbot.waitUntil(lambda: "No difference" in (page.model.index(row, LAST_AUDIT_COLUMN).data() or ""))

    log = page.log_view  # the audits' rows in the sync log read as words, the stored code in the tooltip
    log.reload()

    def audit_rows():
        return [(log.model.index(r, 2).data(), log.model.index(r, 2).data(TOOLTIP))
                for r in range(log.model.rowCount()) if (log.model.index(r, 2).data() or "").startswith("Drift")]
    qtbot.waitUntil(lambda: len(audit_rows()) >= 2, timeout=10000)
    assert ("Drift audit: 1 difference(s)", "audit:differences") in audit_rows()
    assert ("Drift audit: No difference", "audit:clean") in audit_rows()
    error_column = 9
    assert {log.model.index(r, error_column).data() for r in range(log.model.rowCount())
            if (log.model.index(r, 2).data() or "").startswith("Drift")} == {""}  # not the log's English again


def test_accept_theirs_asks_first_then_writes_their_min_stay_into_the_calendar(page, qtbot, ota, monkeypatch):
    _pushed(qtbot, page)
    listing = ota.listing(HOTEL)
    with listing.lock:
        room = sorted(listing.restrictions)[0][0]
        rates = sorted({rate for (r, rate, _n) in listing.restrictions if r == room})
        night = max(n for (_r, _rate, n) in listing.restrictions) - timedelta(days=3)
        for rate in rates:
            listing.set_restrictions(room, rate, [night], {"min_stay": 4})
    view = _audit(qtbot, page, rows=len(rates))
    assert {view.model.index(r, 4).data() for r in range(len(rates))} == {"Min stay"}
    _select_all(view)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(view.accept_button, LEFT)
    assert view.model.rowCount() == len(rates)  # declined: nothing done

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.accept_button, LEFT)
    qtbot.waitUntil(lambda: "shows what it should" in view.summary.text(), timeout=20000)
    assert view.model.rowCount() == 0
    with page.ctx.services.db.session() as s:  # one room type behind the remote room: its calendar night
        changed = s.execute(select(RoomType.code, CalendarDay.min_stay).join(RoomType)
                            .where(CalendarDay.night == night, CalendarDay.min_stay == 4)).all()
    assert len(changed) == 1
