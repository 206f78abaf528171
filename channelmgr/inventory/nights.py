"""Nights, weekdays and "today" as the property sees them.

A night is named by the date the guest arrives for it; ranges of nights are half-open
``[start, end)`` like stays (ARCHITECTURE rule 4). "Today" is the date in the property's time zone,
not the desk's: a desk in Europe running a Dali homestay must not see yesterday as tonight.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from ..db.models import Property
from ..errors import NotFound

ONE_DAY = timedelta(days=1)
ALL_WEEKDAYS = frozenset(range(7))  # 0 = Monday … 6 = Sunday, as date.weekday()

# Returns the current moment as an aware datetime; tests pass a fixed one.
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def local_today(timezone_name: str, now: datetime) -> date:
    """The calendar date at ``now`` in ``timezone_name``.

    Falls back to the machine's local date when the zone is unknown, e.g. on a Windows machine
    without the tzdata package: a wrong "today" there is better than no calendar at all.
    """
    try:
        return now.astimezone(ZoneInfo(timezone_name)).date()
    except (ZoneInfoNotFoundError, ValueError):
        return now.astimezone().date()


def nights(start: date, end: date) -> list[date]:
    """Every night in ``[start, end)``."""
    return [start + timedelta(days=i) for i in range((end - start).days)]


def property_today(session: Session, property_id: int, clock: Clock) -> date:
    """Tonight's date at the property (its time zone), for the "no changes in the past" rules."""
    tz = session.scalar(select(Property.timezone).where(Property.id == property_id))
    if tz is None:
        raise NotFound(f"No property with id {property_id}")
    return local_today(tz, clock())


def raw_dates(column):
    """``column`` as the driver returns it, skipping SQLAlchemy's date parsing.

    SQLite stores dates as text and SQLAlchemy parses each value with a regular expression; a
    two-year snapshot reads some 200,000 dates, mostly the same few hundred. Fetch them raw and
    turn them into dates with a ParsedDates cache instead.
    """
    return type_coerce(column, String)


class ParsedDates(dict):
    """Raw date values (ISO text from SQLite, ``date`` from PostgreSQL) → date, each parsed once."""

    def __missing__(self, raw):
        value = raw if isinstance(raw, date) else date.fromisoformat(raw)
        self[raw] = value
        return value


class DayOffsets(dict):
    """Raw date values → days after ``start`` (negative before it), each parsed once."""

    def __init__(self, start: date):
        super().__init__()
        self.start = start
        self._dates = ParsedDates()

    def __missing__(self, raw):
        value = (self._dates[raw] - self.start).days
        self[raw] = value
        return value
