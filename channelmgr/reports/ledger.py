"""The one read every report shares: the bookings with a night in the period, as plain tuples.

SQL does the selecting (property, nights overlapping the period, room type, channel) so only the
rows a report needs leave the database; the arithmetic on them (definitions.py) is done once, in
Python, so the definitions exist in one place and SQLite and PostgreSQL agree to the fen.
Dates are fetched raw and parsed once per distinct value (channelmgr.inventory.nights.raw_dates):
SQLAlchemy's per-value date parsing would cost more than every report's arithmetic together.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import String, case, select, type_coerce
from sqlalchemy.orm import Session

from ..db.models import Channel, Reservation
from ..inventory.nights import ParsedDates, raw_dates
from .definitions import Stay
from .scope import ResolvedScope


class LedgerRow(NamedTuple):
    room_type_id: int
    arrival: date
    departure: date
    amount_minor: int
    commission_minor: int
    status: str
    channel: str  # the channel's name, or the desk source for a booking without one
    booked_on: date | None  # the day it was made, at the property; None unless asked (``with_moments``)
    changed_on: date | None  # the day of its last change, at the property: for a cancelled one, its cancellation

    @property
    def stay(self) -> Stay:
        return Stay(self.arrival, self.departure, self.amount_minor, self.status)

    @property
    def nights(self) -> int:
        return (self.departure - self.arrival).days


def ledger_query(resolved: ResolvedScope, start: date, end: date):
    """The SELECT of the rows with a night in [start, end) inside the scope (also the bench's floor)."""
    channel_key = case((Reservation.channel_id.is_(None), Reservation.source), else_=Channel.name)
    query = (
        select(Reservation.room_type_id, raw_dates(Reservation.arrival), raw_dates(Reservation.departure),
               Reservation.amount_minor, Reservation.commission_minor, type_coerce(Reservation.status, String),
               channel_key, type_coerce(Reservation.created_at, String), type_coerce(Reservation.updated_at, String))
        .outerjoin(Channel, Reservation.channel_id == Channel.id)
        .where(Reservation.property_id == resolved.scope.property_id,
               Reservation.departure > start, Reservation.arrival < end)
    )
    if resolved.scope.room_type is not None:
        query = query.where(Reservation.room_type_id.in_(resolved.room_type_ids))
    if resolved.channel_id is not None:
        query = query.where(Reservation.channel_id == resolved.channel_id)
    elif resolved.source is not None:
        query = query.where(Reservation.channel_id.is_(None), Reservation.source == resolved.source)
    return query


class LocalDays(dict):
    """Stored UTC timestamps (ISO text from SQLite, naive datetime from PostgreSQL) → the date at
    the property.

    Bookings' timestamps are nearly all distinct, so caching whole values saves nothing; the
    zone's offset is looked up once per UTC hour instead (time zones change offset on the hour),
    and the date is the hour's local date unless the hour straddles local midnight (a zone
    offset by half an hour), when the minutes decide.
    """

    def __init__(self, timezone_name: str):
        super().__init__()
        try:
            self.zone = ZoneInfo(timezone_name)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = None  # the machine's zone, as channelmgr.inventory.nights.local_today falls back
        self._hours: dict = {}

    def _hour(self, key, hour_start: datetime):
        found = self._hours.get(key)
        if found is None:
            aware = hour_start.replace(tzinfo=timezone.utc)
            local = aware.astimezone(self.zone) if self.zone else aware.astimezone()
            offset = local.utcoffset()
            last = (hour_start + offset + timedelta(minutes=59, seconds=59)).date()
            found = self._hours[key] = (offset, local.date() if local.date() == last else None)
        return found

    def __missing__(self, raw) -> date:
        if isinstance(raw, str):
            key, moment = raw[:13], None
        else:
            key, moment = (raw.year, raw.month, raw.day, raw.hour), raw.replace(tzinfo=None)
        if key not in self._hours:
            start = moment or datetime.fromisoformat(raw)
            self._hour(key, start.replace(minute=0, second=0, microsecond=0))
        offset, day = self._hours[key]
        if day is None:
            moment = moment or datetime.fromisoformat(raw).replace(tzinfo=None)
            day = (moment + offset).date()
        self[raw] = day
        return day


class _Skip(dict):
    def __missing__(self, raw):
        return None


def ledger_rows(s: Session, resolved: ResolvedScope, start: date | None = None, end: date | None = None,
                with_moments: bool = False) -> list[LedgerRow]:
    """``with_moments``: also the days each booking was made and last changed (lead time, pace);
    the reports by night need neither, and reading 20,000 distinct timestamps costs more than
    their arithmetic."""
    start = start or resolved.scope.start
    end = end or resolved.scope.end
    dates = ParsedDates()
    days = LocalDays(resolved.timezone) if with_moments else _Skip()
    return [
        LedgerRow(rt, dates[a], dates[d], amount, commission, _status(status), channel, days[c], days[u])
        for rt, a, d, amount, commission, status, channel, c, u in s.connection().execute(ledger_query(resolved, start, end))
    ]


def _status(raw) -> str:
    return raw.value if hasattr(raw, "value") else raw
