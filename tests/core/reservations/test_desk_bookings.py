"""Bookings by hand: refused when they would overbook; cancel, no-show, room moves (排房)."""

from datetime import timedelta

import pytest

from channelmgr.db.models import RoomOutOfOrder
from channelmgr.errors import UserError
from channelmgr.inventory.refusals import Refusal
from channelmgr.reservations.desk_bookings import DeskBooking
from tests.support.ledger import CHANNEL, DESK, TODAY, booking

from .helpers import free_rooms

D = timedelta(days=1)


def desk(hotel, code="DBL", arrival=TODAY, nights=2, guest="李雷", **kw) -> DeskBooking:
    return DeskBooking(hotel.property_id, hotel.types[code], arrival, nights, guest, **kw)


def test_a_phone_booking_is_stored_with_a_room_for_the_whole_stay(ledger, hotel):
    info = ledger.book(desk(hotel, source="phone", guest_phone="139", amount_minor=77600), DESK)
    assert (info.source, info.room_number, info.status, info.amount_minor, info.revision) == (
        "phone", "201", "confirmed", 77600, "1")
    assert [h.change for h in ledger.detail(info.id).history] == ["created"]


def test_a_booking_that_would_overbook_is_refused_with_the_full_night(ledger, hotel):
    ledger.book(desk(hotel, "TWN", arrival=TODAY + D, nights=1), DESK)
    with pytest.raises(Refusal) as refused:
        ledger.book(desk(hotel, "TWN", arrival=TODAY, nights=3), DESK)
    assert refused.value.code == "booking_would_overbook"
    assert str(TODAY + D) in str(refused.value) and "overbook" in str(refused.value)
    assert len(ledger.list(hotel.property_id)) == 1


def test_a_room_out_of_order_counts_as_taken(db, ledger, hotel):
    with db.session() as s:
        s.add(RoomOutOfOrder(room_id=hotel.rooms["101"], start_date=TODAY, end_date=TODAY + D))
    with pytest.raises(Refusal, match="no room left"):
        ledger.book(desk(hotel, "TWN", nights=1), DESK)


@pytest.mark.parametrize("change, code", [
    (dict(guest="  "), "no_guest_name"), (dict(nights=0), "nights_range"), (dict(amount_minor=-1), "amount_negative"),
    (dict(source="fax"), "bad_source"), (dict(arrival=TODAY - D), "arrival_past"), (dict(adults=0), "guests_range"),
])
def test_bad_desk_bookings_are_refused(ledger, hotel, change, code):
    with pytest.raises(Refusal) as refused:
        ledger.book(desk(hotel, **change), DESK)
    assert refused.value.code == code


def test_assignment_keeps_one_room_for_the_whole_stay(ledger, hotel):
    # 201 is taken on the second night only; a two-night stay goes to 202, not 201 then 202.
    ledger.book(desk(hotel, arrival=TODAY + D, nights=1, guest="甲"), DESK)
    info = ledger.book(desk(hotel, arrival=TODAY, nights=2, guest="乙"), DESK)
    assert info.room_number == "202"


def test_cancel_restores_availability_and_is_not_repeated(db, ledger, hotel):
    info = ledger.book(desk(hotel, "TWN"), DESK)
    assert free_rooms(db, hotel, "TWN", TODAY) == 0
    assert ledger.cancel(info.id, DESK).status == "cancelled"
    assert free_rooms(db, hotel, "TWN", TODAY) == 1
    ledger.book(desk(hotel, "TWN", guest="another"), DESK)  # the room sells again
    with pytest.raises(Refusal, match="only a confirmed booking"):
        ledger.cancel(info.id, DESK)
    assert [h.change for h in ledger.detail(info.id).history] == ["created", "cancelled"]


def test_no_show_only_on_or_after_arrival(db, ledger, hotel):
    later = ledger.book(desk(hotel, arrival=TODAY + 3 * D), DESK)
    with pytest.raises(Refusal, match="arrives on"):
        ledger.no_show(later.id, DESK)
    tonight = ledger.book(desk(hotel, "TWN"), DESK)
    assert ledger.no_show(tonight.id, DESK).status == "no_show"
    assert free_rooms(db, hotel, "TWN", TODAY) == 1


def test_moving_to_a_taken_or_broken_room_is_refused(db, ledger, hotel):
    first = ledger.book(desk(hotel, guest="甲"), DESK)
    second = ledger.book(desk(hotel, arrival=TODAY + D, nights=3, guest="乙"), DESK)
    assert (first.room_number, second.room_number) == ("201", "202")
    with pytest.raises(Refusal) as refused:
        ledger.move_to_room(second.id, hotel.rooms["201"], DESK)
    assert refused.value.code == "room_taken" and "甲" in str(refused.value)
    with db.session() as s:
        s.add(RoomOutOfOrder(room_id=hotel.rooms["302"], start_date=TODAY + 3 * D, end_date=TODAY + 5 * D))
    with pytest.raises(Refusal) as refused:
        ledger.move_to_room(second.id, hotel.rooms["302"], DESK)  # an upgrade, but 302 is broken on night 3
    assert refused.value.code == "room_out_of_order"
    moved = ledger.move_to_room(second.id, hotel.rooms["301"], DESK)  # upgrade to the suite
    assert (moved.room_number, moved.room_type_code) == ("301", "STE")
    assert [h.change for h in ledger.detail(second.id).history] == ["created", "upgraded"]


def test_an_upgrade_into_a_full_type_is_refused(ledger, hotel):
    ledger.book(desk(hotel, "TWN", guest="甲"), DESK)
    mine = ledger.book(desk(hotel, "DBL", guest="乙"), DESK)
    with pytest.raises(Refusal) as refused:
        ledger.move_to_room(mine.id, hotel.rooms["101"], DESK)
    assert refused.value.code == "booking_would_overbook"  # the type is full before the room is even looked at


def test_an_upgrade_resolves_an_overbooking(ledger, hotel):
    ledger.ingest(hotel.channel_id, [booking("C-1"), booking("C-2"), booking("C-3")], CHANNEL)
    [conflict, _second_night] = ledger.overbookings(hotel.property_id)
    last = conflict.last
    assert last.remote_id == "C-3" and "STE" in [u.code for u in conflict.upgrades]
    ledger.move_to_room(last.id, hotel.rooms["301"], DESK)
    assert ledger.overbookings(hotel.property_id) == []
    assert not any(r.overbooked for r in ledger.list(hotel.property_id))


def test_a_room_clash_is_on_the_board_with_free_rooms_of_the_same_type(db, ledger, hotel):
    from channelmgr.db.models import Reservation

    a = ledger.book(desk(hotel, guest="甲"), DESK)
    b = ledger.book(desk(hotel, arrival=TODAY + 2 * D, guest="乙"), DESK)
    with db.session() as s:  # a stay extended behind the ledger's back, into a room given away
        s.get(Reservation, b.id).room_id = hotel.rooms["201"]
        s.get(Reservation, a.id).departure = TODAY + 3 * D
    [clash] = ledger.overbookings(hotel.property_id)
    assert (clash.kind, clash.night, clash.room_number) == ("room_clash", TODAY + 2 * D, "201")
    assert clash.last.id == b.id and clash.free_rooms == ("202",)


def test_assign_unassigned_bookings(db, ledger, hotel):
    from channelmgr.db.models import Reservation

    info = ledger.book(desk(hotel), DESK)
    with db.session() as s:
        s.get(Reservation, info.id).room_id = None
    [done] = ledger.assign_rooms(hotel.property_id, TODAY, TODAY + 10 * D, DESK)
    assert (done.reservation_id, done.room_number) == (info.id, "201")


def test_unknown_ids_are_user_errors(ledger):
    with pytest.raises(UserError):
        ledger.cancel(999, DESK)
    with pytest.raises(UserError):
        ledger.detail(999)


def test_rooms_free_for_the_whole_stay_own_type_first(ledger, hotel):
    ledger.book(desk(hotel, arrival=TODAY + D, nights=1, guest="甲"), DESK)  # 201, second night
    mine = ledger.book(desk(hotel, "TWN", nights=2, guest="乙"), DESK)  # 101
    free = ledger.free_rooms(mine.id)
    assert [(r.number, r.room_type_code, r.same_type) for r in free] == [
        ("202", "DBL", False), ("301", "STE", False), ("302", "STE", False)]
