"""Calendar changes as data: which cell, value before, value after; written, audited, inverted.

Every edit of the calendar (a bulk edit, a copied week, "close tonight", an undo) becomes a
``ChangeSet`` and goes through ``write_changes``: one read of the current values, one batch of
writes, one audit entry per room type (not per cell: a year of 100 room types is 36,500 cells).
Undo writes the inverted set, but only when every cell still holds the value the set left there;
if another desk changed one meanwhile, undo is refused rather than overwriting newer work.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.models import CalendarDay, PriceOverride
from ..security.audit import record
from .batch_sql import executemany
from .nights import ParsedDates, raw_dates
from .refusals import Refusal

# The settings stored per (room type, night) in calendar_day, with the value of a missing row.
CALENDAR_DEFAULTS: dict[str, object] = {
    "rooms_closed": 0,
    "stop_sell": False,
    "min_stay": None,
    "max_stay": None,
    "closed_to_arrival": False,
    "closed_to_departure": False,
}
PRICE = "price_minor"  # a price override per (rate plan, night); None = no override
AUDIT_ENTITY = "calendar"  # audit rows: entity "calendar", entity_id = the room type id


class CellKey(NamedTuple):
    # Named tuples, not dataclasses: a year of 100 room types makes 36,500 keys and changes, and
    # tuples are several times cheaper to build and hash.
    room_type_id: int
    night: date
    field: str  # one of CALENDAR_DEFAULTS, or PRICE
    rate_plan_id: int | None = None  # set for PRICE keys only

    @property
    def is_price(self) -> bool:
        return self.field == PRICE


class Change(NamedTuple):
    key: CellKey
    before: object
    after: object


@dataclass(frozen=True)
class ChangeSet:
    property_id: int
    description: str  # what the user asked for, in words (the audit cause when none is given)
    changes: tuple[Change, ...]

    def __len__(self) -> int:
        return len(self.changes)

    @property
    def cell_count(self) -> int:
        """Cells touched: (room type, night) for settings, (rate plan, night) for prices."""
        return len({(c.key.rate_plan_id, c.key.room_type_id, c.key.night) for c in self.changes})

    def inverted(self) -> "ChangeSet":
        return replace(
            self, changes=tuple(Change(c.key, c.after, c.before) for c in reversed(self.changes))
        )

    def affected(self) -> dict[int, tuple[date, date]]:
        """Per room type, the first and last night touched (what a view must repaint)."""
        spans: dict[int, tuple[date, date]] = {}
        for c in self.changes:
            first, last = spans.get(c.key.room_type_id, (c.key.night, c.key.night))
            spans[c.key.room_type_id] = (min(first, c.key.night), max(last, c.key.night))
        return spans


def read_values(session: Session, keys: list[CellKey]) -> list[object]:
    """The current value of each key, in the order given (the default where no row is stored).

    Two queries at most, reading only the settings asked for: a year of 100 room types is 36,500
    keys, and every extra column or object per row shows in the time of a bulk edit.
    """
    settings = _stored_settings(session, [k for k in keys if k.field != PRICE])
    prices = _stored_prices(session, [k for k in keys if k.field == PRICE])
    values = []
    for k in keys:
        if k.field == PRICE:
            values.append(prices.get((k.rate_plan_id, k.night)))
        else:
            values.append(settings[k.field].get((k.room_type_id, k.night), CALENDAR_DEFAULTS[k.field]))
    return values


def _stored_settings(session: Session, keys: list[CellKey]) -> dict[str, dict[tuple[int, date], object]]:
    """{field: {(room type, night): stored value}} over the keys' room types and nights."""
    fields = sorted({k.field for k in keys})
    found: dict[str, dict[tuple[int, date], object]] = {f: {} for f in fields}
    if not keys:
        return found
    # Fetch by room type and night range (indexable); rows beyond the keys are harmless extras.
    rows = session.connection().execute(  # Core, not ORM: plain rows, a third of the cost
        select(CalendarDay.room_type_id, raw_dates(CalendarDay.night), *(getattr(CalendarDay, f) for f in fields))
        .where(
            CalendarDay.room_type_id.in_({k.room_type_id for k in keys}),
            CalendarDay.night.between(min(k.night for k in keys), max(k.night for k in keys)),
        )
        .with_for_update()
    ).all()
    parsed = ParsedDates()
    rows = [((type_id, parsed[raw_night]), values) for type_id, raw_night, *values in rows]
    for i, f in enumerate(fields):
        found[f] = {cell: values[i] for cell, values in rows}
    return found


def _stored_prices(session: Session, keys: list[CellKey]) -> dict[tuple[int, date], int]:
    if not keys:
        return {}
    rows = session.connection().execute(
        select(PriceOverride.rate_plan_id, raw_dates(PriceOverride.night), PriceOverride.price_minor)
        .where(
            PriceOverride.rate_plan_id.in_({k.rate_plan_id for k in keys}),
            PriceOverride.night.between(min(k.night for k in keys), max(k.night for k in keys)),
        )
        .with_for_update()
    ).all()
    parsed = ParsedDates()
    return {(p, parsed[n]): price for p, n, price in rows}


def write_changes(session: Session, changeset: ChangeSet, actor: Actor, action: str) -> None:
    """Write every change of the set in the caller's transaction, and audit it per room type."""
    if not changeset.changes:
        return
    conn = session.connection()
    _write_settings(conn, [c for c in changeset.changes if c.key.field != PRICE])
    _write_prices(conn, [c for c in changeset.changes if c.key.field == PRICE])
    who = actor if actor.cause else actor.because(changeset.description)
    for type_id, (before, after) in sorted(_audit_payloads(changeset).items()):
        record(session, who, action, AUDIT_ENTITY, type_id, before=before, after=after)


def apply_inverse(session: Session, changeset: ChangeSet, actor: Actor, action: str) -> ChangeSet:
    """Undo (or redo, given an inverted set): refuse if a cell no longer holds what the set wrote."""
    current = read_values(session, [c.key for c in changeset.changes])
    moved = [c for c, value in zip(changeset.changes, current) if value != c.after]
    if moved:
        nights = sorted({c.key.night for c in moved})
        raise Refusal(
            "changed_since",
            f"{len(moved)} of the changed cells were edited again since (nights {nights[0]} to {nights[-1]}); "
            f"{action} refused so that the newer values are kept",
            count=len(moved), first=nights[0], last=nights[-1], action=action,
        )
    inverse = changeset.inverted()
    write_changes(session, inverse, actor, action)
    return inverse


def _upsert(conn: Connection, table, keys: tuple[str, ...], updated: tuple[str, ...]):
    """INSERT a full row, or on a key clash UPDATE only ``updated``: one statement, no read first.

    Insert-or-update in one go also settles two desks creating the same cell at once. Both
    supported databases (SQLite ≥ 3.24, PostgreSQL) speak ON CONFLICT.
    """
    dialect_insert = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}.get(conn.dialect.name)
    if dialect_insert is None:
        raise NotImplementedError(f"calendar writes support SQLite and PostgreSQL, not {conn.dialect.name}")
    stmt = dialect_insert(table).values({c.name: bindparam(c.name) for c in table.c})
    return stmt.on_conflict_do_update(index_elements=list(keys), set_={f: stmt.excluded[f] for f in updated})


def _write_settings(conn: Connection, changes: list[Change]) -> None:
    """One statement per field. A calendar is edited over and over, so most cells already have a
    row: a plain UPDATE by key writes them at about half the cost of an upsert. Only when some
    cell has no row yet does the upsert run: it inserts those with the other settings at their
    defaults (which a missing row means) and rewrites the others with the value just written."""
    by_field: dict[str, list[Change]] = defaultdict(list)
    for c in changes:
        by_field[c.key.field].append(c)
    table = CalendarDay.__table__
    for name, group in by_field.items():
        type_ids, nights, values = [c.key.room_type_id for c in group], [c.key.night for c in group], [c.after for c in group]
        update_by_key = (
            update(table)
            .where(table.c.room_type_id == bindparam("b_type"), table.c.night == bindparam("b_night"))
            .values({name: bindparam("v_value")})
        )
        if executemany(conn, update_by_key, {"b_type": type_ids, "b_night": nights, "v_value": values}) == len(group):
            continue
        columns = {f: [default] * len(group) for f, default in CALENDAR_DEFAULTS.items()}
        columns.update(room_type_id=type_ids, night=nights, **{name: values})
        executemany(conn, _upsert(conn, table, ("room_type_id", "night"), (name,)), columns)


def _write_prices(conn: Connection, changes: list[Change]) -> None:
    table = PriceOverride.__table__
    removed = [c.key for c in changes if c.after is None]
    kept = [c for c in changes if c.after is not None]
    where = (table.c.rate_plan_id == bindparam("b_plan")) & (table.c.night == bindparam("b_night"))
    executemany(
        conn, delete(table).where(where), {"b_plan": [k.rate_plan_id for k in removed], "b_night": [k.night for k in removed]}
    )
    executemany(
        conn,
        _upsert(conn, table, ("rate_plan_id", "night"), ("price_minor",)),
        {
            "rate_plan_id": [c.key.rate_plan_id for c in kept],
            "night": [c.key.night for c in kept],
            "price_minor": [c.after for c in kept],
        },
    )


def _audit_payloads(changeset: ChangeSet) -> dict[int, tuple[dict, dict]]:
    """Per room type: {field: {night: value}} before and after (price fields: "price:<plan id>").

    Field first, then night: a year-long edit of one setting is one small dict per room type,
    quick to write and easy to read back for one night (cell details).
    """
    payloads: dict[int, tuple[dict, dict]] = {}
    iso: dict[date, str] = {}
    for key, old, new in changeset.changes:
        before, after = payloads.get(key.room_type_id) or payloads.setdefault(key.room_type_id, ({}, {}))
        night = iso.get(key.night) or iso.setdefault(key.night, key.night.isoformat())
        field = key.field if key.field != PRICE else f"price:{key.rate_plan_id}"
        if field not in before:
            before[field], after[field] = {}, {}
        before[field][night] = old
        after[field][night] = new
    return payloads
