"""Front desk: tonight's close/reopen, walk-ins that take availability, check-in and check-out."""

import pytest
from sqlalchemy import select

from channelmgr.db.models import AuditEntry, Reservation
from channelmgr.inventory.front_desk import WalkInRequest
from channelmgr.inventory.refusals import Refusal

from .builders import ACTOR, TODAY, day, fingerprint


def walk_in(hotel, code="B", nights=2, room=None, amount=57600, name="散客 张三"):
    return hotel.calendar.front_desk.walk_in(
        WalkInRequest(
            property_id=hotel.property_id,
            room_type_id=hotel.types[code],
            nights=nights,
            guest_name=name,
            amount_minor=amount,
            room_id=hotel.rooms[room] if room else None,
        ),
        ACTOR,
    )


def test_a_walk_in_is_a_booking_that_consumes_availability(hotel):
    assert [c.left for c in hotel.snapshot(days=3).cells[1]] == [2, 2, 2]
    booking = walk_in(hotel, nights=2)
    assert (booking.source, booking.arrival, booking.nights, booking.amount_minor) == ("walk_in", TODAY, 2, 57600)
    assert booking.status == "confirmed" and booking.room_type_code == "B"
    assert [c.left for c in hotel.snapshot(days=3).cells[1]] == [1, 1, 2]


def test_a_walk_in_is_refused_when_a_night_has_no_room_left(hotel):
    hotel.book("B", day(1), 1)
    hotel.book("B", day(1), 1)
    before = fingerprint(hotel.db)
    with pytest.raises(Refusal) as refused:
        walk_in(hotel, nights=2)  # tonight has 1 left, tomorrow none
    assert refused.value.code == "booking_would_overbook" and refused.value.params["night"] == day(1)
    assert "双床房" in str(refused.value)
    assert fingerprint(hotel.db) == before


def test_closing_tonight_keeps_the_last_rooms_for_walk_ins(hotel):
    # Closing a type tonight stops the channels; the desk can still sell its rooms at the door.
    hotel.calendar.front_desk.close_tonight(hotel.property_id, hotel.types["B"], ACTOR)
    assert hotel.cell("B", TODAY).rooms_to_sell == 0
    walk_in(hotel, "B", nights=1)
    walk_in(hotel, "B", nights=1)
    with pytest.raises(Refusal) as refused:
        walk_in(hotel, "B", nights=1)
    assert refused.value.code == "booking_would_overbook"


@pytest.mark.parametrize(
    "kwargs, code",
    [({"name": "  "}, "no_guest_name"), ({"nights": 0}, "nights_range"), ({"amount": 0}, "price_not_positive")],
)
def test_walk_in_input_is_checked(hotel, kwargs, code):
    with pytest.raises(Refusal) as refused:
        walk_in(hotel, **kwargs)
    assert refused.value.code == code


def test_close_and_reopen_tonight_only_touch_tonight_and_can_be_undone(hotel):
    desk = hotel.calendar.front_desk
    closed = desk.close_tonight(hotel.property_id, hotel.types["A"], ACTOR)
    assert [c.stop_sell for c in hotel.snapshot(days=2).cells[0]] == [True, False]
    assert [(c.key.night, c.before, c.after) for c in closed.changes] == [(TODAY, False, True)]
    hotel.calendar.bulk_edit.undo(closed, ACTOR)
    assert not hotel.cell("A", TODAY).stop_sell
    desk.close_tonight(hotel.property_id, hotel.types["A"], ACTOR)
    desk.reopen_tonight(hotel.property_id, hotel.types["A"], ACTOR)
    assert not hotel.cell("A", TODAY).stop_sell


def _room_status(hotel, number):
    return {r.number: r.status for r in hotel.calendar.room_board.board(hotel.property_id).rooms}[number]


def test_check_in_occupies_the_room_and_check_out_leaves_it_dirty(hotel):
    booking_id = hotel.book("A", day(0), 2)
    desk = hotel.calendar.front_desk
    desk.check_in(booking_id, hotel.rooms["102"], ACTOR)
    assert _room_status(hotel, "102") == "occupied"
    board = hotel.calendar.room_board.board(hotel.property_id)
    room = next(r for r in board.rooms if r.number == "102")
    assert (room.guest_name, room.stay_id, room.departure) == ("guest A 2030-03-04", booking_id, day(2))
    assert hotel.cell("A", TODAY).booked == 1  # a checked-in guest still holds the room
    desk.check_out(booking_id, ACTOR)
    assert _room_status(hotel, "102") == "dirty"
    with hotel.db.session() as s:
        assert s.get(Reservation, booking_id).status.value == "checked_out"
        actions = [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["assign_room", "check_in", "set_status", "check_out", "set_status"]
    history = [h.change for h in hotel.calendar.front_desk.reservations.detail(booking_id).history]
    assert history[-2:] == ["checked_in", "checked_out"]
    assert hotel.cell("A", day(1)).booked == 0  # left early: tomorrow is free again


def test_a_walk_in_with_a_room_is_checked_in_at_once(hotel):
    booking = walk_in(hotel, "A", nights=1, room="103")
    assert booking.status == "checked_in" and booking.room_number == "103"
    assert _room_status(hotel, "103") == "occupied"


def test_checking_in_to_a_room_of_another_type_is_an_upgrade(hotel):
    booking_id = hotel.book("A", day(0), 2)
    hotel.calendar.front_desk.check_in(booking_id, hotel.rooms["201"], ACTOR)
    assert hotel.cell("B", TODAY).booked == 1 and hotel.cell("A", TODAY).booked == 0


@pytest.mark.parametrize(
    "arrival, room, setup, code",
    [
        (1, "101", None, "arrives_later"),
        (0, "201", "type B full", "booking_would_overbook"),
        (0, "101", "occupied", "room_occupied"),
        (0, "101", "repair", "room_out_of_order"),
        (0, "102", "taken tomorrow", "room_taken"),
    ],
)
def test_check_in_refusals(hotel, arrival, room, setup, code):
    booking_id = hotel.book("A", day(arrival), 2)
    if setup == "occupied":
        hotel.calendar.room_board.set_status(hotel.rooms[room], "occupied", ACTOR)
    if setup == "repair":
        hotel.repair(room, day(0), day(1))
    if setup == "type B full":
        hotel.book("B", day(1), 1)
        hotel.book("B", day(1), 1)
    if setup == "taken tomorrow":
        hotel.book("A", day(1), 1, room="102")
    before = fingerprint(hotel.db)
    with pytest.raises(Refusal) as refused:
        hotel.calendar.front_desk.check_in(booking_id, hotel.rooms[room], ACTOR)
    assert refused.value.code == code
    assert fingerprint(hotel.db) == before


def test_check_out_needs_a_checked_in_guest(hotel):
    booking_id = hotel.book("A", day(0), 1)
    with pytest.raises(Refusal) as refused:
        hotel.calendar.front_desk.check_out(booking_id, ACTOR)
    assert refused.value.code == "not_checked_in"


def test_a_walk_in_without_an_amount_is_priced_night_by_night(hotel):
    from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation

    # Tomorrow dearer than tonight (a typed price): two nights cost 300 + 360, not 2 × 300.
    hotel.calendar.bulk_edit.apply(BulkEditRequest(hotel.property_id, day(1), day(1), (hotel.types["B"],),
                                                   Operation.PRICE, 36000, rate_plan_ids=(hotel.plans["B/BAR"],)), ACTOR)
    booking = walk_in(hotel, nights=2, amount=None)
    assert booking.amount_minor == 30000 + 36000


def test_walk_in_and_new_booking_quote_agree_on_the_demo(demo_services):
    """散客入住 and 新建订单 price a stay with one function: same total, night by night."""
    from datetime import timedelta

    from channelmgr.reservations.desk_quote import quote_desk_stay

    services = demo_services
    pid = services.inventory.property_id(None)
    today = services.calendar.availability.today(pid)
    room_type = next(rt for rt in services.inventory.room_types(pid) if rt.code == "LKV")
    # The stay covers the next weekend, so its nights' prices differ from tonight's.
    nights = (4 - today.weekday()) % 7 + 3
    quote = quote_desk_stay(services.calendar.availability, services.pricing, pid, room_type.id, room_type.code,
                            room_type.rate_plans[0].code, today, nights)
    rows = services.pricing.prices(pid, "LKV", room_type.rate_plans[0].code, None, today, today + timedelta(days=nights))
    assert len({row.price_minor for row in rows}) > 1, "the stay should mix weekday and weekend prices"
    booking = services.calendar.front_desk.walk_in(
        WalkInRequest(pid, room_type.id, nights, "散客 李四"), ACTOR)
    assert booking.amount_minor == quote.amount_minor == sum(row.price_minor for row in rows)
    assert booking.amount_minor != rows[0].price_minor * nights
