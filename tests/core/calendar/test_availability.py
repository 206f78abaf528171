"""Availability is derived: rooms − booked − out of order, capped by closes; never typed twice."""

from datetime import date, timedelta

import pytest
from sqlalchemy import event

from channelmgr.db.models import CalendarDay, PriceOverride, ReservationStatus
from channelmgr.inventory.availability import AvailabilityState, rooms_left
from channelmgr.inventory.day_marks import day_marks

from .builders import TODAY, day


def _set(hotel, code, night, **values):
    with hotel.db.session() as s:
        s.merge(CalendarDay(room_type_id=hotel.types[code], night=night, **values))


def test_an_empty_calendar_sells_every_room_at_the_base_price(hotel):
    snap = hotel.snapshot(days=10)
    assert [r.code for r in snap.rows] == ["A", "B"]
    assert len(snap.days) == 10 and snap.start == TODAY and snap.today == TODAY
    for row, total, price in ((0, 4, 50000), (1, 2, 30000)):
        for cell in snap.cells[row]:
            assert (cell.total, cell.booked, cell.out_of_order, cell.closed, cell.left) == (total, 0, 0, 0, total)
            assert cell.price_minor == price and cell.state is AvailabilityState.OPEN


def test_bookings_count_on_each_night_of_their_half_open_stay(hotel):
    hotel.book("A", day(0), 2)  # nights 0, 1
    hotel.book("A", day(1), 3)  # nights 1, 2, 3
    hotel.book("A", day(-2), 3)  # started before the window: nights -2, -1, 0
    row = hotel.snapshot(days=5).cells[0]
    assert [c.booked for c in row] == [2, 2, 1, 1, 0]
    assert [c.left for c in row] == [2, 2, 3, 3, 4]


@pytest.mark.parametrize(
    "status, counts",
    [
        (ReservationStatus.CONFIRMED, True),
        (ReservationStatus.CHECKED_IN, True),
        (ReservationStatus.CANCELLED, False),
        (ReservationStatus.NO_SHOW, False),
        (ReservationStatus.CHECKED_OUT, False),
    ],
)
def test_only_holding_bookings_take_a_room(hotel, status, counts):
    hotel.book("B", day(0), 1, status=status)
    assert hotel.cell("B", day(0)).booked == (1 if counts else 0)


def test_out_of_order_rooms_leave_inventory_and_overlapping_repairs_count_once(hotel):
    hotel.repair("101", day(1), day(3))
    hotel.repair("101", day(2), day(4))  # overlaps the first: still one room
    hotel.repair("102", day(2), day(3))
    row = hotel.snapshot(days=5).cells[0]
    assert [c.out_of_order for c in row] == [0, 1, 2, 1, 0]
    assert [c.left for c in row] == [4, 3, 2, 3, 4]


def test_bookings_repairs_and_closes_overlapping(hotel):
    hotel.book("A", day(0), 1)
    hotel.repair("104", day(0), day(1))
    _set(hotel, "A", day(0), rooms_closed=1)
    cell = hotel.cell("A", day(0))
    assert (cell.booked, cell.out_of_order, cell.closed, cell.left) == (1, 1, 1, 1)
    assert cell.state is AvailabilityState.LOW


def test_closing_caps_what_is_left_but_never_goes_below_zero(hotel):
    _set(hotel, "A", day(0), rooms_closed=2)
    for _ in range(3):
        hotel.book("A", day(0), 1)
    cell = hotel.cell("A", day(0))
    assert cell.left == 0 and not cell.overbooked
    assert cell.state is AvailabilityState.SOLD_OUT and cell.sold_out


def test_an_overbooked_night_shows_a_negative_left_and_the_flag(hotel):
    for _ in range(3):
        hotel.book("B", day(0), 1)
    cell = hotel.cell("B", day(0))
    assert cell.left == -1 and cell.overbooked
    assert cell.rooms_to_sell == 0 and cell.state is AvailabilityState.OVERBOOKED


def test_stop_sell_offers_nothing_but_keeps_the_count(hotel):
    _set(hotel, "B", day(0), stop_sell=True, min_stay=2, max_stay=5, closed_to_arrival=True, closed_to_departure=True)
    cell = hotel.cell("B", day(0))
    assert cell.left == 2 and cell.rooms_to_sell == 0 and cell.state is AvailabilityState.STOP_SELL
    assert (cell.min_stay, cell.max_stay, cell.closed_to_arrival, cell.closed_to_departure) == (2, 5, True, True)


def test_the_main_plan_price_uses_the_nights_override(hotel):
    with hotel.db.session() as s:
        s.add(PriceOverride(rate_plan_id=hotel.plans["A/BAR"], night=day(1), price_minor=66600))
    row = hotel.snapshot(days=3).cells[0]
    assert [c.price_minor for c in row] == [50000, 66600, 50000]


def test_derived_plans_follow_the_parent_by_amount_or_percent(hotel):
    with hotel.db.session() as s:
        s.add(PriceOverride(rate_plan_id=hotel.plans["B/BAR"], night=day(1), price_minor=33333))
    prices = {p.code: p.price_minor for p in hotel.calendar.details.details(hotel.types["A"], day(0)).prices}
    assert prices == {"BAR": 50000, "BB": 53000}
    prices = {p.code: p.price_minor for p in hotel.calendar.details.details(hotel.types["B"], day(1)).prices}
    assert prices == {"BAR": 33333, "NR": 30000}  # 33333 × 0.9 = 29999.7 → rounded half-up


@pytest.mark.parametrize("total, booked, ooo, closed, left", [
    (4, 0, 0, 0, 4), (4, 1, 1, 1, 1), (4, 2, 0, 3, 0), (4, 4, 1, 0, -1), (4, 3, 0, 9, 0), (0, 0, 0, 0, 0),
])
def test_rooms_left(total, booked, ooo, closed, left):
    assert rooms_left(total, booked, ooo, closed) == left


def test_a_few_rows_can_be_refreshed_alone(hotel):
    snap = hotel.calendar.availability.snapshot(hotel.property_id, TODAY, day(3), [hotel.types["B"]])
    assert [r.code for r in snap.rows] == ["B"] and len(snap.cells[0]) == 3


def _count_queries(db, fn):
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        fn()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(statements)


def test_the_snapshot_uses_the_same_few_queries_for_any_window(hotel):
    for night in range(0, 60, 3):
        hotel.book("A", day(night), 2)
        _set(hotel, "B", day(night), rooms_closed=1)
    short = _count_queries(hotel.db, lambda: hotel.snapshot(days=7))
    long = _count_queries(hotel.db, lambda: hotel.snapshot(days=365))
    assert short == long <= 10


def test_day_marks_know_weekends_and_chinese_holidays():
    marks = {m.night: m for m in day_marks(date(2030, 9, 28), date(2030, 10, 8))}
    assert marks[date(2030, 9, 28)].is_weekend  # a Saturday
    assert not marks[date(2030, 9, 30)].is_weekend and not marks[date(2030, 9, 30)].is_holiday
    national_day = marks[date(2030, 10, 1)]
    assert national_day.is_holiday and "国庆" in national_day.holiday_zh and national_day.holiday_en
    assert len(marks) == 10 and min(marks) == date(2030, 9, 28) and max(marks) == date(2030, 10, 7)


def test_a_window_that_ends_before_it_starts_is_refused(hotel):
    from channelmgr.errors import UserError

    with pytest.raises(UserError):
        hotel.calendar.availability.snapshot(hotel.property_id, TODAY, TODAY - timedelta(days=1))
