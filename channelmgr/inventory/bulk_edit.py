"""Bulk edits of the calendar: one request → a previewable, undoable ChangeSet.

A request names a range of nights, a weekday filter, room types (and rate plans, for prices) and
one operation. ``plan_*`` turns it into the exact list of cells whose value would change, checking
everything first; preview counts that list, apply writes it in one transaction. Because both use
the same plan, the number previewed is the number written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.engine import Database
from ..db.models import RatePlan, Room, RoomType
from .batch_sql import gc_paused
from .changes import CALENDAR_DEFAULTS, PRICE, CellKey, Change, ChangeSet, apply_inverse, read_values, write_changes
from .nights import ALL_WEEKDAYS, ONE_DAY, Clock, nights, property_today
from .price_guard import check_typed_prices
from .prices import NightlyPrices, override_or_base_prices
from .refusals import Refusal
from ..reservations.selling_lock import hold_room_types
from ..security.roles import Permission, requires

MAX_NIGHTS = 3 * 366  # one request; beyond that it is almost certainly a typo in the year
MAX_STAY_NIGHTS = 365
MAX_COPY_WEEKS = 104


class Operation(str, Enum):
    OPEN = "open"  # stop-sell off
    CLOSE = "close"  # stop-sell on
    ROOMS_CLOSED = "rooms_closed"  # value: rooms held back from sale, 0 … rooms of the type
    MIN_STAY = "min_stay"  # value: nights, or None to remove the restriction
    MAX_STAY = "max_stay"
    CLOSED_TO_ARRIVAL = "closed_to_arrival"  # value: True/False
    CLOSED_TO_DEPARTURE = "closed_to_departure"
    PRICE = "price"  # value: fen, > 0, for the chosen rate plans
    CLEAR_PRICE = "clear_price"

    @property
    def field(self) -> str:
        if self in (Operation.OPEN, Operation.CLOSE):
            return "stop_sell"
        if self in (Operation.PRICE, Operation.CLEAR_PRICE):
            return PRICE
        return self.value

    @property
    def is_price(self) -> bool:
        return self.field == PRICE


@dataclass(frozen=True)
class BulkEditRequest:
    property_id: int
    first_night: date
    last_night: date  # inclusive: "from the 1st to the 7th" is seven nights
    room_type_ids: tuple[int, ...]
    operation: Operation
    value: int | bool | None = None
    weekdays: frozenset[int] = ALL_WEEKDAYS  # 0 = Monday
    rate_plan_ids: tuple[int, ...] = ()  # price operations only

    def describe(self) -> str:
        days = "" if self.weekdays == ALL_WEEKDAYS else " weekdays " + ",".join(str(d + 1) for d in sorted(self.weekdays))
        value = "" if self.value is None else f" = {self.value}"
        return f"bulk edit {self.operation.value}{value}, {self.first_night}…{self.last_night}{days}"


@dataclass(frozen=True)
class CopyWeekRequest:
    """Copy the seven nights from ``source_first_night`` onto each of the next ``weeks`` weeks."""

    property_id: int
    source_first_night: date
    weeks: int
    room_type_ids: tuple[int, ...]
    include_prices: bool = True

    def describe(self) -> str:
        return f"copy week of {self.source_first_night} to the next {self.weeks} weeks"


@dataclass(frozen=True)
class BulkPreview:
    cells_selected: int  # cells the request covers
    cells_changed: int  # of those, cells whose value would change (what apply writes)


@dataclass
class _Scope:
    """The property's room types and rate plans, loaded once per request."""

    names: dict[int, str] = field(default_factory=dict)  # room type id → name
    room_counts: dict[int, int] = field(default_factory=dict)
    plans: dict[int, int] = field(default_factory=dict)  # rate plan id → room type id

    @classmethod
    def load(cls, session: Session, property_id: int) -> "_Scope":
        scope = cls()
        for type_id, name in session.execute(
            select(RoomType.id, RoomType.name_zh).where(RoomType.property_id == property_id, ~RoomType.archived)
        ):
            scope.names[type_id] = name
        scope.room_counts = dict(
            session.execute(
                select(Room.room_type_id, func.count()).where(Room.room_type_id.in_(scope.names)).group_by(Room.room_type_id)
            ).all()
        )
        scope.plans = dict(
            session.execute(select(RatePlan.id, RatePlan.room_type_id).where(RatePlan.room_type_id.in_(scope.names))).all()
        )
        return scope

    def room_types(self, ids: tuple[int, ...]) -> list[int]:
        if not ids:
            raise Refusal("no_room_type", "Choose at least one room type")
        unknown = sorted(set(ids) - self.names.keys())
        if unknown:
            raise Refusal("unknown_room_type", f"Unknown room type(s) {unknown} for this property", ids=unknown)
        return list(dict.fromkeys(ids))

    def rate_plans(self, ids: tuple[int, ...], type_ids: list[int]) -> list[int]:
        if not ids:
            raise Refusal("no_rate_plan", "Choose at least one rate plan for a price change")
        foreign = sorted(p for p in set(ids) if self.plans.get(p) not in type_ids)
        if foreign:
            raise Refusal(
                "foreign_rate_plan", f"Rate plan(s) {foreign} are not plans of the chosen room types", ids=foreign
            )
        return list(dict.fromkeys(ids))


def load_scope(session: Session, property_id: int) -> _Scope:
    """The property's room types and rate plans, for planning several requests (``plan_bulk_edit``)."""
    return _Scope.load(session, property_id)


def plan_bulk_edit(session: Session, request: BulkEditRequest, today: date, *,
                   scope: "_Scope | None" = None) -> tuple[ChangeSet, int]:
    """(the changes the request makes, the number of cells it covers); raises Refusal on bad input.
    ``scope``: the property's room types and plans when the caller plans many requests at once
    (``load_scope``), so they are read once, not once per request."""
    _check_range(request.first_night, request.last_night, today)
    if not request.weekdays:
        raise Refusal("no_weekday", "Choose at least one weekday")
    if not request.weekdays <= ALL_WEEKDAYS:
        raise Refusal("bad_weekday", f"Weekdays are 0 (Monday) to 6 (Sunday), got {sorted(request.weekdays)}")
    scope = scope or _Scope.load(session, request.property_id)
    type_ids = scope.room_types(request.room_type_ids)
    op = request.operation
    value = _checked_value(op, request.value)
    days = [d for d in nights(request.first_night, request.last_night + ONE_DAY) if d.weekday() in request.weekdays]
    if op.is_price:
        plans = scope.rate_plans(request.rate_plan_ids, type_ids)
        keys = [CellKey(scope.plans[p], d, PRICE, p) for p in plans for d in days]
    else:
        if op is Operation.ROOMS_CLOSED:
            _check_rooms_exist(scope, type_ids, value)
        field_name = op.field
        keys = [CellKey(t, d, field_name) for t in type_ids for d in days]
    if value is not None and op in (Operation.MIN_STAY, Operation.MAX_STAY):
        _check_stay_limits(session, scope, op, value, keys)
    changes = tuple(Change(k, old, value) for k, old in zip(keys, read_values(session, keys)) if old != value)
    return ChangeSet(request.property_id, request.describe(), changes), len(keys)


def plan_copy_week(session: Session, request: CopyWeekRequest, today: date) -> tuple[ChangeSet, int]:
    if not 1 <= request.weeks <= MAX_COPY_WEEKS:
        raise Refusal("weeks_range", f"Copy to 1 to {MAX_COPY_WEEKS} weeks, not {request.weeks}", weeks=request.weeks)
    first_target = request.source_first_night + timedelta(weeks=1)
    if first_target < today:
        raise Refusal("past", f"Nights before today ({today}) cannot be changed", today=today)
    scope = _Scope.load(session, request.property_id)
    type_ids = scope.room_types(request.room_type_ids)
    source_days = nights(request.source_first_night, request.source_first_night + timedelta(weeks=1))
    fields = [(t, f, None) for t in type_ids for f in CALENDAR_DEFAULTS]
    if request.include_prices:
        fields += [(t, PRICE, p) for p, t in scope.plans.items() if t in type_ids]
    targets = [timedelta(weeks=k) for k in range(1, request.weeks + 1)]
    source_keys = [CellKey(t, d, f, p) for t, f, p in fields for d in source_days]
    target_keys = [k._replace(night=k.night + shift) for shift in targets for k in source_keys]
    values = dict(zip(source_keys + target_keys, read_values(session, source_keys + target_keys)))
    changes = []
    for shift in targets:
        for source in source_keys:
            target = source._replace(night=source.night + shift)
            if values[target] != values[source]:
                changes.append(Change(target, values[target], values[source]))
    cells = len({(k.rate_plan_id, k.room_type_id, k.night) for k in target_keys})
    return ChangeSet(request.property_id, request.describe(), tuple(changes)), cells


def _check_range(first: date, last: date, today: date) -> None:
    if last < first:
        raise Refusal("end_before_start", f"The last night {last} is before the first night {first}", first=first, last=last)
    if first < today:
        raise Refusal("past", f"Nights before today ({today}) cannot be changed", today=today)
    if (last - first).days + 1 > MAX_NIGHTS:
        raise Refusal("range_too_long", f"At most {MAX_NIGHTS} nights at a time", max=MAX_NIGHTS)


def _checked_value(op: Operation, value: object) -> object:
    """The value the operation writes into each cell, or a Refusal saying what was expected."""
    if op in (Operation.OPEN, Operation.CLOSE):
        return op is Operation.CLOSE
    if op is Operation.CLEAR_PRICE:
        return None
    if op in (Operation.CLOSED_TO_ARRIVAL, Operation.CLOSED_TO_DEPARTURE):
        if not isinstance(value, bool):
            raise Refusal("bad_value", f"{op.value} needs yes or no, got {value!r}", operation=op.value, value=value)
        return value
    if op in (Operation.MIN_STAY, Operation.MAX_STAY) and value is None:
        return None  # removes the restriction
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refusal("bad_value", f"{op.value} needs a whole number, got {value!r}", operation=op.value, value=value)
    if op is Operation.PRICE and value <= 0:
        raise Refusal("price_not_positive", f"A price must be above zero, got {value} fen", value=value)
    if op is Operation.ROOMS_CLOSED and value < 0:
        raise Refusal("bad_value", f"Rooms closed cannot be negative, got {value}", operation=op.value, value=value)
    if op in (Operation.MIN_STAY, Operation.MAX_STAY) and not 1 <= value <= MAX_STAY_NIGHTS:
        raise Refusal(
            "stay_range", f"A stay limit is 1 to {MAX_STAY_NIGHTS} nights, got {value}", value=value, max=MAX_STAY_NIGHTS
        )
    return value


def _check_rooms_exist(scope: _Scope, type_ids: list[int], closing: int) -> None:
    for t in type_ids:
        rooms = scope.room_counts.get(t, 0)
        if closing > rooms:
            raise Refusal(
                "too_many_closed",
                f"{scope.names[t]} has {rooms} rooms; {closing} cannot be closed",
                room_type=scope.names[t],
                rooms=rooms,
                value=closing,
            )


def _check_stay_limits(session: Session, scope: _Scope, op: Operation, value: int, keys: list[CellKey]) -> None:
    """A new minimum must not exceed the maximum already set on a night, and the other way round."""
    other = "max_stay" if op is Operation.MIN_STAY else "min_stay"
    limits = read_values(session, [k._replace(field=other) for k in keys])
    for key, limit in sorted(zip(keys, limits)):
        if limit is None:
            continue
        low, high = (value, limit) if op is Operation.MIN_STAY else (limit, value)
        if low > high:
            raise Refusal(
                "min_above_max",
                f"Minimum stay {low} would be above maximum stay {high} for {scope.names[key.room_type_id]} "
                f"on {key.night}",
                min=low,
                max=high,
                room_type=scope.names[key.room_type_id],
                night=key.night,
            )


def hold_plan(session: Session, room_type_ids) -> None:
    """Keep other writers of these room types' calendar out until this transaction ends, before
    the plan is read: otherwise a desk that commits in between is overwritten, and the undo
    record (the "before" values) is stale, so an undo later writes back what that desk replaced.

    SQLite: nothing to do, the write session's BEGIN IMMEDIATE already holds the one write lock.
    PostgreSQL: SELECT ... FOR UPDATE in ``read_values`` locks only the calendar rows that
    exist; a night with no row yet (the default values) locks nothing, so two desks could both
    plan from "no row" and the second upsert would win with a stale "before". Locking the room
    type rows instead covers every night and every rate plan of the type (each belongs to one),
    in id order (no deadlock); it is the selling lock's row lock, so a sale of the last room and
    an edit of the rooms closed are serialised too. An advisory lock would do the same but needs a
    key space of its own, which a plain row lock avoids.
    """
    if session.connection().dialect.name != "sqlite":
        hold_room_types(session, room_type_ids)


class BulkEditService:
    """Preview, apply, undo and redo calendar edits; each call is one short transaction.

    The writing calls plan inside ``db.write_session()`` after ``hold_plan``: what they read is
    what they overwrite, and no other desk can change it before they commit. Previews stay plain
    reads.

    Typed prices are checked by the property's fat-finger guard against what each cell shows now
    (``price_guard``): a suspicious move raises ConfirmationRequired unless ``force``.
    """

    def __init__(self, db: Database, clock: Clock, prices: NightlyPrices = override_or_base_prices):
        self.db = db
        self.clock = clock
        self.prices = prices

    def preview(self, request: BulkEditRequest) -> BulkPreview:
        with gc_paused(), self.db.session() as s:
            changes, selected = plan_bulk_edit(s, request, property_today(s, request.property_id, self.clock))
            return BulkPreview(selected, changes.cell_count)

    @requires(Permission.CALENDAR)
    def apply(self, request: BulkEditRequest, actor: Actor, force: bool = False) -> ChangeSet:
        with gc_paused(), self.db.write_session() as s:
            hold_plan(s, request.room_type_ids)
            changes, _ = plan_bulk_edit(s, request, property_today(s, request.property_id, self.clock))
            check_typed_prices(s, request.property_id, changes.changes, self.prices, force)
            write_changes(s, changes, actor, "bulk_edit")
            return changes

    def preview_copy_week(self, request: CopyWeekRequest) -> BulkPreview:
        with gc_paused(), self.db.session() as s:
            changes, selected = plan_copy_week(s, request, property_today(s, request.property_id, self.clock))
            return BulkPreview(selected, changes.cell_count)

    @requires(Permission.CALENDAR)
    def copy_week(self, request: CopyWeekRequest, actor: Actor, force: bool = False) -> ChangeSet:
        with gc_paused(), self.db.write_session() as s:
            hold_plan(s, request.room_type_ids)
            changes, _ = plan_copy_week(s, request, property_today(s, request.property_id, self.clock))
            check_typed_prices(s, request.property_id, changes.changes, self.prices, force)
            write_changes(s, changes, actor, "copy_week")
            return changes

    @requires(Permission.CALENDAR)
    def undo(self, changeset: ChangeSet, actor: Actor) -> ChangeSet:
        """Put back the values ``changeset`` replaced; returns what was written."""
        with gc_paused(), self.db.write_session() as s:
            hold_plan(s, {c.key.room_type_id for c in changeset.changes})
            return apply_inverse(s, changeset, actor, "undo")

    @requires(Permission.CALENDAR)
    def redo(self, changeset: ChangeSet, actor: Actor) -> ChangeSet:
        """Write ``changeset`` again after an undo; returns what was written."""
        with gc_paused(), self.db.write_session() as s:
            hold_plan(s, {c.key.room_type_id for c in changeset.changes})
            return apply_inverse(s, changeset.inverted(), actor, "redo")
