"""Serialising the sale of a room type's last room across desks and processes.

Two desks (or a desk and a channel pull) selling the last room at the same moment must end with
exactly one sale. Every ledger transaction that adds or moves nights therefore starts with a
no-op UPDATE of the room types it sells, *before it reads any availability*:

* PostgreSQL: the UPDATE row-locks those room_type rows, so a second transaction selling the same
  type waits here until the first commits; under READ COMMITTED its next statements then see the
  first one's booking. (The calendar's ``lock_room_type`` takes the same rows FOR UPDATE, so a
  repair and a sale are serialised too.)
* SQLite: the UPDATE takes the database's single write lock (waiting up to busy_timeout), so the
  availability read that follows is current and no other writer can commit until we do.

A plain SELECT first would not do on SQLite: the read would be stale by the time we write.
The UPDATE sets ``updated_at`` to itself, so no data changes and "last edited" stays true.
"""

from __future__ import annotations

from typing import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..db.models import Reservation, RoomType


def hold_room_types(session: Session, room_type_ids: Iterable[int]) -> None:
    """Lock these room types for selling until the transaction ends (ids in order: no deadlock)."""
    type_ids = sorted(set(room_type_ids))
    if type_ids and session.connection().dialect.name == "sqlite":
        # SQLite's lock is the whole database's and the first write takes it, so one statement
        # does what one per type would (a channel batch of a fifty-type property: 50 → 1).
        session.execute(
            update(RoomType).where(RoomType.id.in_(type_ids)).values(updated_at=RoomType.updated_at),
            execution_options={"synchronize_session": False},
        )
        return
    for type_id in type_ids:
        session.execute(
            update(RoomType).where(RoomType.id == type_id).values(updated_at=RoomType.updated_at),
            execution_options={"synchronize_session": False},
        )


def hold_property_room_types(session: Session, property_id: int) -> None:
    """Lock every room type of the property: a channel batch may touch any of them.

    One UPDATE per type in id order, like hold_room_types, so a batch and a desk moving a guest
    between two types always lock in the same order and never deadlock. Reading the ids first is
    harmless: which room types exist is not what the race is about.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        # One write locks the whole database there: by property, with no list of ids to read and
        # send first (a channel batch runs this once per feed).
        table = RoomType.__table__
        connection.execute(update(table).where(table.c.property_id == property_id)
                           .values(updated_at=table.c.updated_at))
        return
    hold_room_types(session, session.scalars(select(RoomType.id).where(RoomType.property_id == property_id)).all())


def hold_reservation(session: Session, reservation_id: int) -> None:
    """Lock one booking before reading it (cancel, move, no-show): the same reasoning, one row."""
    session.execute(
        update(Reservation).where(Reservation.id == reservation_id).values(updated_at=Reservation.updated_at),
        execution_options={"synchronize_session": False},
    )
