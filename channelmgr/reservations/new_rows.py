"""Bookings the ledger is creating in a channel batch, as plain records written in one INSERT.

A channel batch may create hundreds of bookings at once (a year of an iCal feed, a channel's
first pull). As ORM objects, building them and flushing them through the unit of work cost more
than everything else the ledger does for them: locking, counting nights, assigning rooms, the
history. A NewReservation has the attributes of a Reservation that the ledger reads and sets, so
the same code books, modifies and cancels either; ``insert_rows`` writes the batch's new ones in
one executemany (batch_sql.insert_columns: each distinct date, time or id converted for the driver
once), and each gets its id read back by its unique (channel, remote id).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Sequence

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from ..db.models import Reservation, ReservationStatus
from ..inventory.batch_sql import fetch_rows, insert_columns

_COLUMNS = [column for column in Reservation.__table__.columns if not column.primary_key]
# Each column's default as a function, worked out once: a batch asks it of ten thousand rows.
_DEFAULTS = {
    column.key: (lambda arg=column.default.arg: arg(None)) if column.default.is_callable
    else (lambda arg=column.default.arg: arg)
    for column in _COLUMNS if column.default is not None
}
_KEYS = [column.key for column in _COLUMNS]


@dataclass(slots=True, eq=False)  # eq=False: two new bookings are never "the same" one
class NewReservation:
    """The columns of a Reservation, unset ones None until written (then they take the column's
    default, as a flush would give them). A dataclass: its generated __init__ sets ten thousand
    bookings in a sixth of the time a loop over the columns took."""

    id: int | None = None
    property_id: int | None = None
    channel_id: int | None = None
    source: str | None = None
    remote_id: str | None = None
    remote_booking_id: str | None = None
    revision: str | None = None
    room_type_id: int | None = None
    rate_plan_id: int | None = None
    room_id: int | None = None
    arrival: date | None = None
    departure: date | None = None
    adults: int | None = None
    children: int | None = None
    guest_name: str | None = None
    guest_phone: str | None = None
    amount_minor: int | None = None
    currency: str | None = None
    commission_minor: int | None = None
    status: ReservationStatus | None = None
    overbooked: bool | None = None
    notes: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


if {f.name for f in fields(NewReservation)} != {column.key for column in Reservation.__table__.columns}:
    # A column added to Reservation must be added above too, or new bookings would lack it.
    raise RuntimeError("NewReservation's fields differ from the reservations table's columns")


# Built once (fetch_rows compiles it once): a feed's batch reads its new ids with it.
_NEW_IDS = select(Reservation.remote_id, Reservation.id).where(
    Reservation.channel_id == bindparam("channel_id"), Reservation.id > bindparam("before"))


def insert_rows(session: Session, channel_id: int, new: Sequence[NewReservation]) -> None:
    """Write ``new`` (all of ``channel_id``) and set each one's id.

    Not INSERT … RETURNING: one that keeps the rows' order is sent a row at a time on SQLite,
    where a plain executemany is one call. The ids are read back by the unique (channel, remote
    id), among the rows above the highest id before the insert: ids only grow, so every new row
    is there, and a range is one cheap condition where a list of remote ids was hundreds of
    parameters (any other row of the channel found there is skipped: its remote id is not new).
    """
    if not new:
        return
    conn = session.connection()
    before = session.scalar(select(func.max(Reservation.id))) or 0
    insert_columns(conn, Reservation.__table__, {key: _column(key, new) for key in _KEYS})
    by_remote_id = {r.remote_id: r for r in new}
    for remote_id, new_id in fetch_rows(conn, _NEW_IDS, {"channel_id": channel_id, "before": before}):
        mine = by_remote_id.get(remote_id)
        if mine is not None:
            mine.id = new_id
    missing = [r.remote_id for r in new if r.id is None]
    if missing:  # cannot happen while ids grow; say so rather than write history rows without a booking
        raise RuntimeError(f"new bookings not found after their insert: {missing[:5]}")


def _column(key: str, new: Sequence[NewReservation]) -> list:
    values = [getattr(r, key) for r in new]
    default = _DEFAULTS.get(key)
    if default is not None and None in values:
        values = [default() if v is None else v for v in values]
    return values
