"""Derived availability: the room-state calendar (房态日历) as a plain snapshot.

Rooms to sell are never typed: for a room type and night they are the rooms of the type minus the
rooms booked that night, minus the rooms out of order, minus the rooms the owner closed
(ARCHITECTURE.md, "Data model"). A snapshot for a window is built from a handful of set-based
queries (room types, room counts, main plans, overlapping bookings, out-of-order ranges, calendar
settings, prices), whatever the size of the window, and counted in Python with per-night running
sums, so 100 room types × two years stay well under a second.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple, Sequence

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..db.models import CalendarDay, Property, RatePlan, Reservation, ReservationStatus, Room, RoomOutOfOrder, RoomType
from .batch_sql import fetch_rows, gc_paused
from .day_marks import DayMark, day_marks
from .nights import Clock, DayOffsets, property_today, raw_dates
from .prices import NightlyPrices, RuleMinStays, no_rule_min_stays
from .refusals import Refusal

# Bookings that hold a room. Cancelled and no-show bookings free it; a checked-out guest has left.
HOLDING_STATUSES = (ReservationStatus.CONFIRMED, ReservationStatus.CHECKED_IN)


class AvailabilityState(str, Enum):
    OPEN = "open"
    LOW = "low"  # few rooms left: worth a glance before the last one goes
    SOLD_OUT = "sold_out"
    STOP_SELL = "stop_sell"
    OVERBOOKED = "overbooked"


def rooms_left(total: int, booked: int, out_of_order: int, closed: int) -> int:
    """Rooms still sellable; negative only when the night is physically overbooked.

    Closing rooms caps what is left but never pushes it below zero: closing 2 of the 4 rooms and
    then taking 3 bookings leaves 0, not −1. Only bookings and repairs beyond the rooms that exist
    make it negative, which is the overbooking flag.
    """
    physical = total - booked - out_of_order
    return physical if physical < 0 else max(0, physical - closed)


def is_low(left: int, total: int) -> bool:
    """One room left, or a fifth of the type or less (a big type feels "low" before its last room)."""
    return 0 < left <= max(1, total // 5)


class CalendarCell(NamedTuple):
    """One room type on one night. A tuple: a two-year calendar holds tens of thousands."""

    total: int
    booked: int
    out_of_order: int
    closed: int
    left: int
    stop_sell: bool
    min_stay: int | None
    max_stay: int | None
    closed_to_arrival: bool
    closed_to_departure: bool
    price_minor: int | None  # the main rate plan's price for the night
    # The minimum stay the price rules ask of the main rate plan that night (国庆 ≥ 2 nights);
    # ``min_stay`` above is only what was set in the calendar itself.
    rule_min_stay: int | None = None

    @property
    def effective_min_stay(self) -> int | None:
        """The minimum stay that holds: the stricter of the calendar's and the rules'."""
        if self.rule_min_stay is None:
            return self.min_stay
        return self.rule_min_stay if self.min_stay is None else max(self.min_stay, self.rule_min_stay)

    @property
    def min_stay_from_rule(self) -> bool:
        """The effective minimum stay comes from a price rule, not from the calendar."""
        return self.rule_min_stay is not None and (self.min_stay is None or self.rule_min_stay > self.min_stay)

    @property
    def overbooked(self) -> bool:
        return self.booked + self.out_of_order > self.total

    @property
    def rooms_to_sell(self) -> int:
        """What the channels are offered: nothing while stop-sell is on."""
        return 0 if self.stop_sell else max(0, self.left)

    @property
    def sold_out(self) -> bool:
        return self.rooms_to_sell == 0

    @property
    def state(self) -> AvailabilityState:
        if self.overbooked:
            return AvailabilityState.OVERBOOKED
        if self.stop_sell:
            return AvailabilityState.STOP_SELL
        if self.left <= 0:
            return AvailabilityState.SOLD_OUT
        if is_low(self.left, self.total):
            return AvailabilityState.LOW
        return AvailabilityState.OPEN


@dataclass(frozen=True)
class RoomTypeRow:
    id: int
    code: str
    name_zh: str
    name_en: str
    room_count: int
    main_rate_plan_id: int | None
    main_rate_plan_code: str | None


@dataclass(frozen=True)
class CalendarSnapshot:
    property_id: int
    currency: str
    start: date
    end: date  # exclusive
    today: date
    days: tuple[DayMark, ...]
    rows: tuple[RoomTypeRow, ...]
    cells: tuple[tuple[CalendarCell, ...], ...]  # cells[row][column]

    def cell(self, row: int, column: int) -> CalendarCell:
        return self.cells[row][column]

    def column_of(self, night: date) -> int | None:
        offset = (night - self.start).days
        return offset if 0 <= offset < len(self.days) else None

    def row_of(self, room_type_id: int) -> int | None:
        for i, row in enumerate(self.rows):
            if row.id == room_type_id:
                return i
        return None

    def night(self, column: int) -> date:
        return self.days[column].night


def load_snapshot(
    session: Session,
    property_id: int,
    start: date,
    end: date,
    prices: NightlyPrices,
    today: date,
    room_type_ids: Sequence[int] | None = None,
    rule_min_stays: RuleMinStays = no_rule_min_stays,
) -> CalendarSnapshot:
    """The calendar for ``[start, end)``; only ``room_type_ids`` when given (narrow refreshes).

    ``rule_min_stays`` gives the price rules' minimum stay of each main plan, so each cell knows
    its effective minimum stay."""
    currency = session.scalar(select(Property.currency).where(Property.id == property_id)) or "CNY"
    types = _room_types(session, property_id, room_type_ids)
    type_ids = [rt.id for rt in types]
    n = max(0, (end - start).days)
    # Core rows fetched whole (.all()): the ORM adds nothing here, and iterating a result row by
    # row costs a driver call per row.
    conn, offsets = session.connection(), DayOffsets(start)
    booked = _running_counts(n, _booked_ranges(conn, property_id, type_ids, start, end, offsets,
                                               by_type=room_type_ids is not None))
    out_of_order = _out_of_order_counts(conn, type_ids, start, end, n, offsets)
    settings = _calendar_settings(conn, type_ids, start, end, offsets)
    main_plans = [rt.main_rate_plan_id for rt in types if rt.main_rate_plan_id]
    main_prices = prices(session, main_plans, start, end)
    main_min_stays = rule_min_stays(session, main_plans, start, end)

    # Identical cells (most of a quiet calendar) share one tuple: a two-year snapshot of a large
    # property holds a fraction of the cell objects it would otherwise.
    intern = {}.setdefault
    unset = (0, False, None, None, False, False)  # a night with no calendar_day row
    rows = []
    for rt in types:
        total = rt.room_count
        stored = [unset] * n
        for i, values in settings.get(rt.id, {}).items():
            stored[i] = values
        cells = []
        append = cells.append
        for b, o, price, rule_min, (closed, stop, min_stay, max_stay, cta, ctd) in zip(
            booked.get(rt.id) or [0] * n, out_of_order.get(rt.id) or [0] * n,
            main_prices.get(rt.main_rate_plan_id) or [None] * n,
            main_min_stays.get(rt.main_rate_plan_id) or [None] * n, stored,
        ):
            cell = CalendarCell(
                total, b, o, closed, rooms_left(total, b, o, closed), stop, min_stay, max_stay, cta, ctd, price, rule_min
            )
            append(intern(cell, cell))
        rows.append(tuple(cells))
    return CalendarSnapshot(
        property_id=property_id,
        currency=currency,
        start=start,
        end=end,
        today=today,
        days=day_marks(start, end),
        rows=tuple(types),
        cells=tuple(rows),
    )


def _room_types(session: Session, property_id: int, only: Sequence[int] | None) -> list[RoomTypeRow]:
    query = (
        select(RoomType.id, RoomType.code, RoomType.name_zh, RoomType.name_en)
        .where(RoomType.property_id == property_id, ~RoomType.archived)
        .order_by(RoomType.sort_order, RoomType.id)
    )
    if only is not None:
        query = query.where(RoomType.id.in_(only))
    types = session.execute(query).all()
    ids = [t.id for t in types]
    counts = _room_counts(session, ids)
    main_plans: dict[int, tuple[int, str]] = {}
    plan_rows = session.execute(
        select(RatePlan.room_type_id, RatePlan.id, RatePlan.code)
        .where(RatePlan.room_type_id.in_(ids))
        .order_by(RatePlan.room_type_id, RatePlan.sort_order, RatePlan.id)
    )
    for type_id, plan_id, code in plan_rows:
        main_plans.setdefault(type_id, (plan_id, code))  # the first plan is the main one
    return [
        RoomTypeRow(
            id=t.id,
            code=t.code,
            name_zh=t.name_zh,
            name_en=t.name_en,
            room_count=counts.get(t.id, 0),
            main_rate_plan_id=main_plans.get(t.id, (None, None))[0],
            main_rate_plan_code=main_plans.get(t.id, (None, None))[1],
        )
        for t in types
    ]


def held_nights(
    session: Session, property_id: int, start: date, end: date, room_type_ids: Sequence[int] | None = None
) -> dict[int, tuple[int, list[int]]]:
    """Per room type (archived ones left out): its rooms, and per night of ``[start, end)`` how
    many of them are booked or out of order.

    The physical part of the calendar, which the ledger checks a sale against
    (reservations/occupancy.py). Settings, prices and day marks are not read: a sale needs none of
    them, and a channel batch loads this once per transaction.
    """
    # The types and their rooms in one query (one of the few a channel batch makes per feed).
    query = (select(RoomType.id, func.count(Room.id)).outerjoin(Room, Room.room_type_id == RoomType.id)
             .where(RoomType.property_id == property_id, ~RoomType.archived)
             .group_by(RoomType.id).order_by(RoomType.id))
    if room_type_ids is not None:
        query = query.where(RoomType.id.in_(room_type_ids))
    counts = dict(session.execute(query).all())
    type_ids = list(counts)
    n = max(0, (end - start).days)
    conn, offsets = session.connection(), DayOffsets(start)
    booked = _running_counts(n, _booked_ranges(conn, property_id, type_ids, start, end, offsets,
                                               by_type=room_type_ids is not None))
    out_of_order = _out_of_order_counts(conn, type_ids, start, end, n, offsets)
    nobody = [0] * n
    return {
        type_id: (counts.get(type_id, 0),
                  [b + o for b, o in zip(booked.get(type_id) or nobody, out_of_order.get(type_id) or nobody)])
        for type_id in type_ids
    }


def _room_counts(session: Session, type_ids: list[int]) -> dict[int, int]:
    return dict(
        session.execute(
            select(Room.room_type_id, func.count()).where(Room.room_type_id.in_(type_ids)).group_by(Room.room_type_id)
        ).all()
    )


# Up to this many room types, a narrow load asks the database for their bookings alone (the
# room type index); beyond it, one scan by property and a filter here is quicker.
_NARROW_TYPES = 8


def _booked_ranges(conn: Connection, property_id: int, type_ids: list[int], start: date, end: date,
                   offsets: DayOffsets, *, by_type: bool = False):
    """(room type, first night, end) of every booking holding a room in the window, as day offsets.

    The one query that can return a row per booking of two years: fetched straight from the driver
    (batch_sql.fetch_rows), by property (its index beats the room types' for long windows), and
    narrowed to ``type_ids`` here. ``by_type``: the caller wants a few of the property's types (a
    channel batch for one room type of fifty): then they are asked for by type, so the other
    types' bookings are not fetched only to be dropped.
    """
    narrow = by_type and 0 < len(type_ids) <= _NARROW_TYPES
    params = {"property_id": property_id, "start": start, "end": end}
    if narrow:
        params.update({f"type_{i}": type_id for i, type_id in enumerate(type_ids)})
    rows = fetch_rows(conn, _booked_query(len(type_ids) if narrow else 0), params)
    wanted = set(type_ids)
    return [(type_id, offsets[arrival], offsets[departure]) for type_id, arrival, departure in rows if type_id in wanted]


@lru_cache(maxsize=_NARROW_TYPES + 1)
def _booked_query(types: int):
    """_booked_ranges' query, built once per number of room types asked for by type (0: all of
    the property's). Equalities, not IN (list): fetch_rows takes no expanding parameters."""
    query = select(Reservation.room_type_id, raw_dates(Reservation.arrival), raw_dates(Reservation.departure)).where(
        Reservation.property_id == bindparam("property_id"),
        or_(*(Reservation.status == status for status in HOLDING_STATUSES)),
        Reservation.arrival < bindparam("end", type_=Reservation.arrival.type),
        Reservation.departure > bindparam("start", type_=Reservation.departure.type),
    )
    if types:
        query = query.where(or_(*(Reservation.room_type_id == bindparam(f"type_{i}") for i in range(types))))
    return query


def _running_counts(n: int, ranges) -> dict[int, list[int]]:
    """Per room type, how many of the [first, end) offset ranges cover each night of the window."""
    steps: dict[int, list[int]] = {}
    for type_id, first, stop in ranges:
        row = steps.get(type_id) or steps.setdefault(type_id, [0] * (n + 1))
        row[first if first > 0 else 0] += 1
        row[stop if stop < n else n] -= 1
    return {type_id: list(accumulate(row[:n])) for type_id, row in steps.items()}


def _out_of_order_counts(conn: Connection, type_ids: list[int], start: date, end: date, n: int, offsets: DayOffsets):
    rows = conn.execute(
        select(Room.room_type_id, RoomOutOfOrder.room_id, raw_dates(RoomOutOfOrder.start_date), raw_dates(RoomOutOfOrder.end_date))
        .join(Room, Room.id == RoomOutOfOrder.room_id)
        .where(Room.room_type_id.in_(type_ids), RoomOutOfOrder.start_date < end, RoomOutOfOrder.end_date > start)
    ).all()
    # A room under two overlapping repairs is still one room out: mark nights per room first.
    nights_out: dict[tuple[int, int], bytearray] = defaultdict(lambda: bytearray(n))
    for type_id, room_id, first, stop in rows:
        marks = nights_out[(type_id, room_id)]
        for i in range(max(0, offsets[first]), min(n, offsets[stop])):
            marks[i] = 1
    counts: dict[int, list[int]] = {}
    for (type_id, _room), marks in nights_out.items():
        row = counts.setdefault(type_id, [0] * n)
        for i, out in enumerate(marks):
            row[i] += out
    return counts


def _calendar_settings(conn: Connection, type_ids: list[int], start: date, end: date, offsets: DayOffsets):
    """{room type: {day offset: (rooms_closed, stop_sell, min, max, CTA, CTD)}} for stored days."""
    rows = conn.execute(
        select(
            CalendarDay.room_type_id,
            raw_dates(CalendarDay.night),
            CalendarDay.rooms_closed,
            CalendarDay.stop_sell,
            CalendarDay.min_stay,
            CalendarDay.max_stay,
            CalendarDay.closed_to_arrival,
            CalendarDay.closed_to_departure,
        ).where(CalendarDay.room_type_id.in_(type_ids), CalendarDay.night >= start, CalendarDay.night < end)
    ).all()
    settings: dict[int, dict[int, tuple]] = defaultdict(dict)
    for type_id, night, *values in rows:
        settings[type_id][offsets[night]] = tuple(values)
    return settings


class AvailabilityService:
    def __init__(self, db: Database, clock: Clock, prices: NightlyPrices,
                 rule_min_stays: RuleMinStays = no_rule_min_stays):
        self.db = db
        self.clock = clock
        self.prices = prices
        self.rule_min_stays = rule_min_stays

    def today(self, property_id: int) -> date:
        with self.db.session() as s:
            return property_today(s, property_id, self.clock)

    def snapshot(
        self, property_id: int, start: date, end: date, room_type_ids: Sequence[int] | None = None
    ) -> CalendarSnapshot:
        """Room types × nights of ``[start, end)``; pass ``room_type_ids`` to refresh a few rows."""
        with gc_paused(), self.db.session() as s:
            return self.snapshot_in(s, property_id, start, end, room_type_ids)

    def snapshot_in(
        self, session: Session, property_id: int, start: date, end: date, room_type_ids: Sequence[int] | None = None
    ) -> CalendarSnapshot:
        """``snapshot`` read in the caller's transaction: a writer that plans from the calendar
        (the Excel import) reads it under its write lock, not in a session of its own."""
        if end < start:
            raise Refusal("end_before_start", f"The window ends ({end}) before it starts ({start})", first=start, last=end)
        today = property_today(session, property_id, self.clock)
        return load_snapshot(session, property_id, start, end, self.prices, today, room_type_ids, self.rule_min_stays)
