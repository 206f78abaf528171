"""The one read every report shares: the bookings with a night in the period, as plain tuples.

SQL does the selecting (property, nights overlapping the period, room type, channel) so only the
rows a report needs leave the database; the arithmetic on them (definitions.py) is done once, in
Python, so the definitions exist in one place and SQLite and PostgreSQL agree to the fen.
Dates are fetched raw and parsed once per distinct value (channelmgr.inventory.nights.raw_dates):
SQLAlchemy's per-value date parsing would cost more than every report's arithmetic together.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

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
    created_at: datetime | None  # UTC, naive (as stored); None unless asked for (``with_moments``)
    updated_at: datetime | None  # UTC, naive: for a cancelled booking, when it was cancelled

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


class _Moments(dict):
    """Raw datetime values → naive UTC datetime (ISO text on SQLite, datetime on PostgreSQL)."""

    def __missing__(self, raw):
        value = raw if isinstance(raw, datetime) else datetime.fromisoformat(raw)
        if value.tzinfo is not None:
            value = value.replace(tzinfo=None)
        self[raw] = value
        return value


class _Skip(dict):
    def __missing__(self, raw):
        return None


def ledger_rows(s: Session, resolved: ResolvedScope, start: date | None = None, end: date | None = None,
                with_moments: bool = False) -> list[LedgerRow]:
    """``with_moments``: also parse when each booking was made and last changed (lead time, pace);
    the reports by night need neither, and parsing 20,000 distinct timestamps is half their time."""
    start = start or resolved.scope.start
    end = end or resolved.scope.end
    dates = ParsedDates()
    moments = _Moments() if with_moments else _Skip()
    return [
        LedgerRow(rt, dates[a], dates[d], amount, commission, _status(status), channel, moments[c], moments[u])
        for rt, a, d, amount, commission, status, channel, c, u in s.connection().execute(ledger_query(resolved, start, end))
    ]


def _status(raw) -> str:
    return raw.value if hasattr(raw, "value") else raw
