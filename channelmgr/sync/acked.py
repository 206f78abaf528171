"""The acknowledged state: what each channel last confirmed, one row per cell (``AckedState``).

Written only from ``SendResult.acknowledged`` — the ranges the channel said it applied — and
committed right after each request, so a crash, a kill or a lost reply can only make us send a
cell again, never believe a cell arrived that did not. Forgetting (full resync, a listing that
moved, a remote code unmapped) just deletes rows: the next pass sends the difference again.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Hashable, Iterable

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..db.base import utcnow
from ..db.models import AckedState
from .ranges import AvailCell, Cell, Range, RateCell, RestrictionCell

# (kind, remote room, remote rate or "", guests or 0): the non-night part of AckedState's key.
StorageKey = tuple[str, str, str, int]
AckedNights = dict[StorageKey, dict[date, str]]

_PRIMARY_KEY = ("channel_id", "kind", "remote_room", "remote_rate", "guests", "night")
_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def storage_key(cell: Cell) -> StorageKey:
    if isinstance(cell, AvailCell):
        return ("avail", cell.remote_room, "", 0)
    if isinstance(cell, RateCell):
        return ("rate", cell.remote_room, cell.remote_rate, cell.guests or 0)
    if isinstance(cell, RestrictionCell):
        return ("restriction", cell.remote_room, cell.remote_rate, 0)
    raise TypeError(f"not a cell: {cell!r}")


class ValueCodec:
    """Cell values ↔ the compact JSON text stored in ``AckedState.value`` (``[38800,"CNY"]``).

    Memoised: a horizon has few distinct values, and the diff compares every night's.
    """

    def __init__(self) -> None:
        self._texts: dict[tuple[Hashable, ...], str] = {}

    def encode(self, value: tuple[Hashable, ...]) -> str:
        text = self._texts.get(value)
        if text is None:
            text = self._texts[value] = json.dumps(list(value), separators=(",", ":"))
        return text


def load_acked(session: Session, channel_id: int, start: date, end: date) -> AckedNights:
    """Acknowledged values for nights in ``[start, end)``, grouped by storage key."""
    table = AckedState.__table__.c
    # Core, not the ORM: every pass reads the whole horizon (~10⁴ rows for a small house).
    rows = session.connection().execute(
        select(table.kind, table.remote_room, table.remote_rate, table.guests, table.night, table.value)
        .where(table.channel_id == channel_id, table.night >= start, table.night < end)
    )
    acked: AckedNights = {}
    for kind, room, rate, guests, night, value in rows:
        acked.setdefault((kind, room, rate, guests), {})[night] = value
    return acked


def record_acknowledged(
    session: Session, channel_id: int, ranges: Iterable[Range], codec: ValueCodec, at: datetime | None = None
) -> int:
    """Upsert one row per night of every acknowledged range; returns the number of cells."""
    at = at or utcnow()
    rows = []
    for rng in ranges:
        kind, room, rate, guests = storage_key(rng.cell)
        value = codec.encode(rng.cell.value)
        for night in rng.nights():
            rows.append({"channel_id": channel_id, "kind": kind, "remote_room": room, "remote_rate": rate,
                         "guests": guests, "night": night, "value": value, "acked_at": at})
    if rows:
        connection = session.connection()
        insert = _INSERT.get(connection.dialect.name)
        if insert is None:
            raise RuntimeError(f"no upsert for database {connection.dialect.name!r}")
        statement = insert(AckedState.__table__)
        statement = statement.on_conflict_do_update(
            index_elements=list(_PRIMARY_KEY),
            set_={"value": statement.excluded.value, "acked_at": statement.excluded.acked_at},
        )
        # Core on the table, not the ORM entity: a full resync records ~10⁵ rows per channel and
        # the ORM's bulk path costs a third more for nothing here.
        connection.execute(statement, rows)
    return len(rows)


def forget(session: Session, channel_id: int) -> int:
    """Full resync: the next pass sends the whole desired state."""
    return session.execute(delete(AckedState).where(AckedState.channel_id == channel_id)).rowcount


def prune_past(session: Session, channel_id: int, today: date) -> None:
    """Past nights can no longer be sold or sent; their rows would only grow the table."""
    session.execute(delete(AckedState).where(AckedState.channel_id == channel_id, AckedState.night < today))
