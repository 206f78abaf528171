"""Bookings the ledger is creating in a channel batch, as plain records written in one INSERT.

A channel batch may create hundreds of bookings at once (a year of an iCal feed, a channel's
first pull). As ORM objects, building them and flushing them through the unit of work cost more
than everything else the ledger does for them: locking, counting nights, assigning rooms, the
history. A NewReservation has the attributes of a Reservation that the ledger reads and sets, so
the same code books, modifies and cancels either; ``insert_rows`` writes the batch's new ones in
one executemany, and each gets its id read back by its unique (channel, remote id).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Sequence

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..db.models import Reservation, ReservationStatus

_COLUMNS = [column for column in Reservation.__table__.columns if not column.primary_key]
# Each column's default as a function, worked out once: a batch asks it of ten thousand rows.
_DEFAULTS = {
    column.key: (lambda arg=column.default.arg: arg(None)) if column.default.is_callable
    else (lambda arg=column.default.arg: arg)
    for column in _COLUMNS if column.default is not None
}
_KEYS = [column.key for column in _COLUMNS]
_IDS_PER_QUERY = 500  # well under any database's limit of parameters per statement


class NewReservation:
    """The columns of a Reservation, unset ones None until written (then they take the column's
    default, as a flush would give them)."""

    __slots__ = tuple(column.key for column in Reservation.__table__.columns)

    id: int | None
    property_id: int
    channel_id: int | None
    source: str
    remote_id: str
    remote_booking_id: str | None
    revision: str
    room_type_id: int
    rate_plan_id: int | None
    room_id: int | None
    arrival: date
    departure: date
    adults: int
    children: int
    guest_name: str
    guest_phone: str
    amount_minor: int
    currency: str
    commission_minor: int
    status: ReservationStatus
    overbooked: bool
    notes: str
    created_at: datetime
    updated_at: datetime

    def __init__(self, **values):
        for key in self.__slots__:
            setattr(self, key, values.pop(key, None))
        if values:
            raise TypeError(f"not a reservation column: {', '.join(values)}")


def insert_rows(session: Session, channel_id: int, new: Sequence[NewReservation]) -> None:
    """Write ``new`` (all of ``channel_id``) and set each one's id.

    Not INSERT … RETURNING: one that keeps the rows' order is sent a row at a time on SQLite,
    where a plain executemany is one call.
    """
    if not new:
        return
    session.connection().execute(insert(Reservation.__table__), [_row(r) for r in new])
    by_remote_id = {r.remote_id: r for r in new}
    remote_ids = list(by_remote_id)
    for start in range(0, len(remote_ids), _IDS_PER_QUERY):
        for remote_id, new_id in session.execute(select(Reservation.remote_id, Reservation.id).where(
                Reservation.channel_id == channel_id,
                Reservation.remote_id.in_(remote_ids[start:start + _IDS_PER_QUERY]))):
            by_remote_id[remote_id].id = new_id


def _row(r: NewReservation) -> dict:
    row = {key: getattr(r, key) for key in _KEYS}
    for key, default in _DEFAULTS.items():
        if row[key] is None:
            row[key] = default()
    return row
