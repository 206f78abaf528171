"""The rooms board: housekeeping status, repairs that leave inventory, arrivals, tonight per type."""

import pytest

from channelmgr.inventory.refusals import Refusal

from .builders import ACTOR, TODAY, day, fingerprint


def test_the_board_lists_rooms_tonight_and_arrivals(hotel):
    hotel.book("A", day(0), 2)
    hotel.book("A", day(-1), 3)  # a late arrival, still expected
    hotel.book("B", day(1), 1)  # tomorrow: not on today's list
    board = hotel.calendar.room_board.board(hotel.property_id)
    assert board.today == TODAY
    assert [r.number for r in board.rooms] == ["101", "102", "103", "104", "201", "202"]
    assert {r.status for r in board.rooms} == {"clean"}
    assert [(t.code, t.tonight.left, t.tonight.total) for t in board.room_types] == [("A", 2, 4), ("B", 2, 2)]
    assert [(a.arrival, a.room_type_id) for a in board.arrivals] == [(day(-1), hotel.types["A"]), (day(0), hotel.types["A"])]


@pytest.mark.parametrize("status", ["dirty", "clean", "occupied", "out_of_order"])
def test_one_click_status(hotel, status):
    hotel.calendar.room_board.set_status(hotel.rooms["201"], status, ACTOR)
    assert next(r for r in hotel.calendar.room_board.board(hotel.property_id).rooms if r.number == "201").status == status


def test_an_unknown_status_is_refused(hotel):
    with pytest.raises(Refusal):
        hotel.calendar.room_board.set_status(hotel.rooms["201"], "haunted", ACTOR)


def test_out_of_order_for_dates_removes_the_room_from_sale(hotel):
    board = hotel.calendar.room_board
    repair_id = board.mark_out_of_order(hotel.rooms["101"], day(0), day(3), "空调维修", ACTOR)
    assert [c.out_of_order for c in hotel.snapshot(days=4).cells[0]] == [1, 1, 1, 0]
    room = next(r for r in board.board(hotel.property_id).rooms if r.number == "101")
    assert (room.status, room.out_of_order_id, room.back_in_service) == ("out_of_order", repair_id, day(3))
    board.end_out_of_order(repair_id, ACTOR)  # started tonight: removed, back in sale at once
    assert [c.out_of_order for c in hotel.snapshot(days=4).cells[0]] == [0, 0, 0, 0]
    assert next(r for r in board.board(hotel.property_id).rooms if r.number == "101").status == "dirty"


def test_ending_a_repair_that_started_earlier_keeps_its_past_nights(hotel):
    hotel.repair("101", day(-3), day(5))
    repair_id = next(r.out_of_order_id for r in hotel.calendar.room_board.board(hotel.property_id).rooms if r.number == "101")
    hotel.calendar.room_board.end_out_of_order(repair_id, ACTOR)
    assert [c.out_of_order for c in hotel.snapshot(start=day(-3), days=5).cells[0]] == [1, 1, 1, 0, 0]


@pytest.mark.parametrize(
    "start, end, setup, code",
    [
        (-1, 2, None, "past"),
        (2, 2, None, "end_before_start"),
        (1, 3, "repair", "already_out_of_order"),
        (1, 3, "assigned", "room_booked"),
        (1, 3, "full", "would_overbook"),
    ],
)
def test_out_of_order_refusals(hotel, start, end, setup, code):
    if setup == "repair":
        hotel.repair("201", day(2), day(4))
    if setup == "assigned":
        hotel.book("B", day(2), 1, room="201")
    if setup == "full":
        hotel.book("B", day(2), 1)
        hotel.book("B", day(2), 1)
    before = fingerprint(hotel.db)
    with pytest.raises(Refusal) as refused:
        hotel.calendar.room_board.mark_out_of_order(hotel.rooms["201"], day(start), day(end), "", ACTOR)
    assert refused.value.code == code
    assert fingerprint(hotel.db) == before
