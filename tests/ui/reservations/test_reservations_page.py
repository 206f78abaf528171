"""The Reservations page offscreen: search and filters, details with history, board, attention."""

from datetime import date, timedelta

import pytest

from channelmgr.services import Services
from tests.support.ledger import CHANNEL, DESK, booking, build_ledger_hotel
from ui import i18n
from tests.support.today import property_today

D = timedelta(days=1)
SOON = property_today() + 10 * D


@pytest.fixture
def page(qtbot, db):
    from channelmgr.reservations.desk_bookings import DeskBooking
    from ui.app import build_context
    from ui.pages.reservations import ReservationsPage

    hotel = build_ledger_hotel(db)
    services = Services(db)
    services.reservations.ingest(
        hotel.channel_id,
        [booking("CTRIP-1", arrival=SOON, guest="一"), booking("CTRIP-2", arrival=SOON, guest="二"),
         booking("CTRIP-3", arrival=SOON, guest="三"), booking("CTRIP-9", room="KING", arrival=SOON)],
        CHANNEL,
    )
    services.reservations.book(DeskBooking(hotel.property_id, hotel.types["TWN"], SOON + 5 * D, 2, "Emily Carter",
                                           guest_phone="13912345678"), DESK)
    ctx = build_context(services)
    i18n.install_language("en")
    widget = ReservationsPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.reload()
    qtbot.waitUntil(lambda: widget.loaded)
    yield widget
    ctx.db_tasks.wait()


def shown(page) -> list[str]:
    proxy = page.bookings.proxy
    return sorted(proxy.index(r, 1).data() for r in range(proxy.rowCount()))


def test_search_and_filters_narrow_the_list(page, qtbot):
    panel = page.bookings
    assert page.model.rowCount() == 4 and shown(page) == ["Emily Carter", "王一", "王三", "王二"]
    panel.search.setText("emily")
    assert shown(page) == ["Emily Carter"] and "1 of 4" in page.heading.text()
    panel.search.setText("1391234")  # phone
    assert shown(page) == ["Emily Carter"]
    panel.search.setText("ctrip-2")  # the channel's reservation number
    assert shown(page) == ["王二"]
    panel.search.clear()
    panel.channel.setCurrentIndex(panel.channel.findData("ctrip"))
    assert shown(page) == ["王一", "王三", "王二"]
    panel.channel.setCurrentIndex(panel.channel.findData(""))  # direct bookings
    assert shown(page) == ["Emily Carter"]
    panel.channel.setCurrentIndex(0)
    panel.by_dates.setChecked(True)
    panel.start.setDate(SOON + 5 * D)
    panel.end.setDate(SOON + 6 * D)
    assert shown(page) == ["Emily Carter"]
    panel.by_dates.setChecked(False)
    panel.status.setCurrentIndex(panel.status.findData("cancelled"))
    assert shown(page) == []
    panel.status.setCurrentIndex(0)
    assert len(shown(page)) == 4


def test_overbooked_rows_stand_out_and_the_board_suggests_fixes(page):
    from PySide6.QtCore import Qt

    overbooked = [r for r in range(page.model.rowCount()) if page.model.rows[r].overbooked]
    assert len(overbooked) == 1
    assert page.model.index(overbooked[0], 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Overbookings (2)" == page.tabs.tabText(1)
    top = page.board.tree.topLevelItem(0)
    children = [top.child(i).text(2) + " " + top.child(i).text(3) for i in range(top.childCount())]
    assert any("came last" in c and "王三" in c for c in children)
    assert any("Upgrade 王三 to STE" in c for c in children) and any("Contact 王三" in c for c in children)


def test_needs_attention_shows_the_raw_booking(page, qtbot):
    assert page.tabs.tabText(2) == "Needs attention (1)"
    view = page.attention
    view.view.setCurrentIndex(view.model.index(0, 0))
    text = view.raw.toPlainText()
    assert "not mapped" in text and '"room_code": "KING"' in text


def test_choosing_a_booking_shows_its_history_and_cancel_works(page, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    panel = page.bookings
    panel.search.setText("emily")
    panel.view.setCurrentIndex(panel.proxy.index(0, 0))
    detail = panel.detail
    qtbot.waitUntil(lambda: detail.history_model.rowCount() == 1)
    assert "Emily Carter" in detail.title.text() and detail.cancel_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    detail.cancel_button.click()
    qtbot.waitUntil(lambda: any(r.status == "cancelled" for r in page.model.rows))
    qtbot.waitUntil(lambda: detail.history_model.rowCount() == 2)
    assert [detail.history_model.index(r, 2).data() for r in range(2)] == ["Created", "Cancelled"]
    # The latest revision is chosen at once, its content shown without a further click.
    assert detail.history.currentIndex().row() == 1
    assert '"status": "cancelled"' in detail.raw.toPlainText()


def test_models_pass_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.bookings.proxy)
    qtmodeltester.check(page.attention.model)


def test_moving_the_last_booking_to_a_free_suite_clears_the_board(page, qtbot):
    panel = page.bookings
    panel.search.setText("王三")
    panel.view.setCurrentIndex(panel.proxy.index(0, 0))
    detail = panel.detail
    qtbot.waitUntil(lambda: detail.free_rooms.count() > 0)
    labels = [detail.free_rooms.itemText(i) for i in range(detail.free_rooms.count())]
    # No DBL room is free both nights; other types' free rooms are offered as moves to that type.
    assert labels == ["301 (upgrade to STE)", "302 (upgrade to STE)", "101 (upgrade to TWN)"]
    detail.move_button.click()
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "Overbookings (0)")
    assert [r.room_number for r in page.model.rows if r.guest_name == "王三"] == ["301"]


def test_a_channel_booking_shows_the_name_the_owner_gave_the_channel(page, qtbot):
    from sqlalchemy import update

    from channelmgr.db.models import Channel

    with page.ctx.services.db.session() as s:
        s.execute(update(Channel).where(Channel.name == "ctrip").values(display_name="携程 Ctrip"))
    page.loaded = False
    page.reload()
    qtbot.waitUntil(lambda: page.loaded)
    source = next(c for c, col in enumerate(page.model.columns) if col.header == "Source")
    sources = {page.model.index(r, source).data() for r in range(page.model.rowCount())}
    assert "携程 Ctrip" in sources and "ctrip" not in sources  # not its short name
    panel = page.bookings
    assert panel.channel.itemText(panel.channel.findData("ctrip")) == "携程 Ctrip"
