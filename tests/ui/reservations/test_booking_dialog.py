"""新建订单 offscreen: a booking taken by phone entered through the dialog, checked against the
services (list, availability snapshot, pricing), the last room refused twice, and cancel."""

from datetime import date, timedelta

import pytest

from channelmgr.reservations.desk_quote import rooms_free_at_desk
from channelmgr.services import Services
from tests.support.ledger import build_ledger_hotel
from ui import i18n
from tests.support.today import property_today

D = timedelta(days=1)
ARRIVAL = property_today() + 20 * D


@pytest.fixture
def setup(qtbot, db):
    from ui.app import build_context
    from ui.pages.reservations import ReservationsPage

    hotel = build_ledger_hotel(db)
    services = Services(db)
    ctx = build_context(services)
    i18n.install_language("en")
    page = ReservationsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.loaded)
    yield page, hotel, services
    ctx.db_tasks.wait()


def open_dialog(page, qtbot, room_type: str, hotel, nights: int = 2):
    dialog = page.new_booking()
    qtbot.waitUntil(lambda: dialog.room_type.count() > 0)
    dialog.room_type.setCurrentIndex(dialog.room_type.findData(hotel.types[room_type]))
    dialog.arrival.setDate(ARRIVAL)
    dialog.nights.setValue(nights)
    qtbot.waitUntil(lambda: dialog.quote is not None and "left" in dialog.quote_line.text())
    return dialog


def desk_rooms_left(services, hotel, room_type: str, nights: int = 2) -> int:
    snapshot = services.calendar.availability.snapshot(hotel.property_id, ARRIVAL, ARRIVAL + nights * D,
                                                       [hotel.types[room_type]])
    return min(rooms_free_at_desk(cell) for cell in snapshot.cells[0])


def stored_guests(services, hotel) -> list[str]:
    return sorted(r.guest_name for r in services.reservations.list(hotel.property_id) if r.status == "confirmed")


def test_a_phone_booking_made_in_the_dialog_is_listed_chosen_and_takes_a_room(setup, qtbot):
    page, hotel, services = setup
    assert desk_rooms_left(services, hotel, "DBL") == 2
    announced = []
    page.ctx.events.data_changed.connect(announced.append)
    dialog = open_dialog(page, qtbot, "DBL", hotel)
    assert "2 room(s) left" in dialog.quote_line.text()
    dialog.source.setCurrentIndex(dialog.source.findData("wechat"))
    dialog.guest.setText("李雷")
    dialog.phone.setText("13800001111")
    dialog.notes.setPlainText("arrives after 22:00")
    dialog.book_button.click()
    qtbot.waitUntil(lambda: page.bookings.detail.booking is not None)
    assert announced == ["reservations"]
    chosen = page.bookings.detail.booking
    assert (chosen.guest_name, chosen.source, chosen.arrival, chosen.nights, chosen.guest_phone, chosen.notes) == (
        "李雷", "wechat", ARRIVAL, 2, "13800001111", "arrives after 22:00")
    assert [r.guest_name for r in page.model.rows] == ["李雷"]
    assert desk_rooms_left(services, hotel, "DBL") == 1


def test_the_amount_is_prefilled_with_the_pricing_services_price_for_the_stay(setup, qtbot):
    page, hotel, services = setup
    dialog = open_dialog(page, qtbot, "TWN", hotel, nights=3)
    expected = sum(p.price_minor for p in services.pricing.prices(hotel.property_id, "TWN", "BAR", None,
                                                                  ARRIVAL, ARRIVAL + 3 * D))
    assert expected > 0 and dialog.amount.value_minor() == expected
    dialog.amount.setText("1000")  # a price agreed on the phone
    dialog.amount.textEdited.emit("1000")
    dialog.guest.setText("韩梅梅")
    dialog.book_button.click()
    qtbot.waitUntil(lambda: page.bookings.detail.booking is not None)
    assert page.bookings.detail.booking.amount_minor == 100000


def test_the_last_room_booked_twice_is_refused_the_second_time_and_nothing_is_stored(setup, qtbot):
    page, hotel, services = setup
    first = open_dialog(page, qtbot, "TWN", hotel)  # TWN has one room
    second = open_dialog(page, qtbot, "TWN", hotel)
    assert "1 room(s) left" in second.quote_line.text()
    first.guest.setText("先来")
    with qtbot.waitSignal(first.booked):
        first.book_button.click()
    second.guest.setText("后到")
    second.book_button.click()
    qtbot.waitUntil(lambda: "would overbook" in second.refusal.text())
    assert second.isVisible() and second.book_button.isEnabled()
    qtbot.waitUntil(lambda: "No room of this type is left" in second.quote_line.text())
    assert stored_guests(services, hotel) == ["先来"]
    assert desk_rooms_left(services, hotel, "TWN") == 0


def test_a_past_arrival_is_refused_inline(setup, qtbot):
    page, hotel, services = setup
    dialog = open_dialog(page, qtbot, "DBL", hotel)
    dialog.arrival.setMinimumDate(property_today() - 5 * D)  # what a stale minimum could let through
    dialog.arrival.setDate(property_today() - 2 * D)
    dialog.guest.setText("迟到")
    dialog.book_button.click()
    qtbot.waitUntil(lambda: "before today" in dialog.refusal.text())
    assert dialog.isVisible() and stored_guests(services, hotel) == []


def test_cancelling_the_booking_in_the_detail_panel_restores_availability(setup, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    page, hotel, services = setup
    dialog = open_dialog(page, qtbot, "TWN", hotel)
    dialog.guest.setText("取消者")
    dialog.book_button.click()
    detail = page.bookings.detail
    qtbot.waitUntil(lambda: detail.booking is not None and detail.cancel_button.isEnabled())
    assert desk_rooms_left(services, hotel, "TWN") == 0
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    detail.cancel_button.click()
    qtbot.waitUntil(lambda: detail.booking is not None and detail.booking.status == "cancelled")
    assert desk_rooms_left(services, hotel, "TWN") == 1


def test_ctrl_n_opens_the_dialog(setup, qtbot):
    from PySide6.QtWidgets import QApplication

    page, _hotel, _services = setup
    page.actions_["reservations.new_booking"].trigger()
    qtbot.waitUntil(lambda: any(w.objectName() == "new_booking_dialog" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    assert page.actions_["reservations.new_booking"].shortcut().toString() == "Ctrl+N"
