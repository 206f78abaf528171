"""Settling a drift: "push again" (ours wins) or "accept theirs" (the channel's value becomes ours).

Push again forgets what the channel acknowledged for exactly those cells (``AckedState`` rows), so
the difference engine sends them on the next pass — the caller asks for that pass at once. Nothing
is sent from here: the engine stays the only sender. It needs no write lock: it plans nothing from
what it reads (one DELETE of those rows), and whatever a pass acknowledges meanwhile it has sent,
so at worst the next pass sends a cell again, never leaves out one a desk changed.

Accept theirs writes the channel's value into our calendar through the calendar's own machinery
(``plan_bulk_edit`` → ``check_typed_prices`` → ``write_changes``): the same checks as a bulk edit
(past nights, stay limits, rooms that exist, the price guard), the same audit trail (action
``drift_accept``, cause "渠道核对：采用 <channel> 的值"), the same role check (calendar, and prices
when a price is accepted), all in one transaction — one refused value changes nothing. That
transaction is a ``db.write_session()`` and the room types are held (``hold_plan``) before the
calendar is read, as for a bulk edit: a desk's edit committed meanwhile is what the plan's
"before" (the audit trail's) shows, and the rooms to sell are worked out from the bookings as they
are when the value is written.

What "the channel's value" becomes here, field by field:

* min / max stay, CTA, CTD, stop-sell → the room type's calendar setting for that night (the
  calendar keeps restrictions per room type: accepting one plan's value sets it for its siblings);
* price → the plan's price for the night, chosen so that the channel's markup, rounding and guards
  turn it into exactly theirs (found by bisection: the output only rises with the price); refused
  when no price does (e.g. theirs is not on the rounding's grid);
* rooms to sell → rooms closed, so that what is left (minus the channel's buffer) is theirs;
  refused when that would need opening more rooms than are closed.

A drift that cannot be taken over (the channel shows nothing, another currency, the channel's own
stop-sell switch, plans of one room type disagreeing) is returned as skipped with the reason.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Sequence

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.models import AckedState, RatePlan, RoomType
from ..inventory.availability import CalendarCell, load_snapshot
from ..inventory.bulk_edit import BulkEditRequest, Operation, hold_plan, load_scope, plan_bulk_edit
from ..inventory.changes import ChangeSet, write_changes
from ..inventory.price_guard import check_typed_prices
from ..inventory.prices import NightlyPrices
from ..pricing.steps import PriceRefused
from .channels import ChannelConfig
from .drift import AVAILABILITY, PRICE, AuditReport, Drift

ACCEPT_ACTION = "drift_accept"
MAX_PRICE_MINOR = 100_000_000  # ¥1,000,000 a night: the bisection's ceiling


def accept_cause(channel: str) -> str:
    return f"渠道核对：采用 {channel} 的值"


def forget_cells(session: Session, channel_id: int, drifts: Iterable[Drift]) -> int:
    """Push again: the next pass sends these cells whatever the channel confirmed before."""
    cells = {(d.key[0], d.key[1], d.key[2], d.key[3], d.night) for d in drifts}
    if not cells:
        return 0
    table = AckedState.__table__.c
    columns = tuple_(table.kind, table.remote_room, table.remote_rate, table.guests, table.night)
    forgotten = 0
    ordered = sorted(cells)
    for i in range(0, len(ordered), 500):  # SQLite caps the parameters of one statement
        forgotten += session.execute(delete(AckedState).where(
            AckedState.channel_id == channel_id, columns.in_(ordered[i:i + 500]))).rowcount
    return forgotten


@dataclass(frozen=True)
class Skipped:
    drift: Drift
    reason: str
    reason_zh: str


@dataclass(frozen=True)
class AcceptResult:
    changes: ChangeSet | None
    accepted: tuple[Drift, ...]
    skipped: tuple[Skipped, ...] = ()
    # What the one audit run after applying still found different (a price rule or the channel's
    # translation on top of the calendar, a sibling the pass could not send yet, the channel
    # changing it again); ``audit`` is that audit (None when nothing was applied).
    still_different: tuple[Drift, ...] = field(default=())
    audit: AuditReport | None = None


@dataclass(frozen=True)
class _Edit:
    room_type_id: int
    operation: Operation
    value: object
    rate_plan_id: int | None = None


def accept_theirs(session: Session, channel: ChannelConfig, drifts: Sequence[Drift], actor: Actor,
                  prices: NightlyPrices, today: date, *, force: bool = False) -> AcceptResult:
    """Write the channel's values of ``drifts`` into the calendar, in the caller's transaction:
    a ``db.write_session()``, so that no other desk writes between what this reads and what it
    writes (roles are checked by the caller: the calendar, and prices when a price is among them)."""
    types = dict(session.execute(select(RoomType.code, RoomType.id)
                                 .where(RoomType.property_id == channel.property_id)).all())
    # Which room types exist is not what a desk races over; their calendar is, so it is held from
    # here on (before the cells and the plan's "before" values are read).
    hold_plan(session, {types[d.room_type] for d in drifts if d.room_type in types})
    plans = {(code, plan): pid for code, plan, pid in session.execute(
        select(RoomType.code, RatePlan.code, RatePlan.id).join(RoomType, RoomType.id == RatePlan.room_type_id)
        .where(RoomType.property_id == channel.property_id))}
    cells = _calendar_cells(session, channel, [d for d in drifts if d.field == AVAILABILITY], types, today)
    edits: dict[tuple[int, str, date], tuple[_Edit, Drift]] = {}
    skipped: list[Skipped] = []
    conflicting: set[tuple[int, str, date]] = set()
    for drift in drifts:
        edit, why = _edit_for(drift, channel, types, plans, cells)
        if edit is None:
            skipped.append(Skipped(drift, *why))
            continue
        slot = (edit.room_type_id if edit.rate_plan_id is None else -edit.rate_plan_id, edit.operation.field,
                drift.night)
        if slot in edits and edits[slot][0] != edit:
            conflicting.add(slot)
        edits.setdefault(slot, (edit, drift))
    for slot in conflicting:
        _, drift = edits.pop(slot)
        skipped.append(Skipped(drift, "the channel's rate plans of this room type show different values",
                               "该房型在渠道上的各价格计划显示的值不一致"))
    accepted = tuple(drift for _, drift in edits.values())
    if not edits:
        return AcceptResult(None, (), tuple(skipped))
    changes = []
    scope = load_scope(session, channel.property_id)  # once for the action, not once per run of nights
    for edit, first, last in _runs((edit, drift.night) for edit, drift in edits.values()):
        request = BulkEditRequest(channel.property_id, first, last, (edit.room_type_id,), edit.operation, edit.value,
                                  rate_plan_ids=(edit.rate_plan_id,) if edit.rate_plan_id is not None else ())
        planned, _ = plan_bulk_edit(session, request, today, scope=scope)
        changes.extend(planned.changes)
    cause = accept_cause(channel.name)
    changeset = ChangeSet(channel.property_id, cause, tuple(changes))
    check_typed_prices(session, channel.property_id, changeset.changes, prices, force)
    write_changes(session, changeset, actor.because(cause), ACCEPT_ACTION)
    return AcceptResult(changeset, accepted, tuple(skipped))


def _edit_for(drift: Drift, channel: ChannelConfig, types: dict, plans: dict,
              cells: dict[tuple[int, date], CalendarCell]) -> tuple[_Edit | None, tuple[str, str]]:
    type_id = types.get(drift.room_type)
    if type_id is None:
        return None, (f"no room type {drift.room_type} here", f"本店没有房型 {drift.room_type}")
    if not drift.shown:
        return None, ("the channel shows nothing for this night: push again instead",
                      "渠道上这一晚没有任何值：请改用“重新推送”")
    theirs = drift.theirs
    if drift.field == "currency":
        return None, (f"the channel sells in {theirs}, we in {drift.ours}", f"渠道以 {theirs} 售卖，本店为 {drift.ours}")
    if drift.field == AVAILABILITY:
        return _rooms_closed_edit(drift, type_id, channel, cells.get((type_id, drift.night)))
    if drift.field == PRICE:
        plan_id = plans.get((drift.room_type, drift.rate_plan))
        if plan_id is None:
            return None, (f"no rate plan {drift.room_type}/{drift.rate_plan} here",
                          f"本店没有价格计划 {drift.room_type}/{drift.rate_plan}")
        price = calendar_price_for(channel, theirs)
        if price is None:
            return None, (f"no price of ours becomes {theirs} fen after this channel's markup and rounding",
                          f"本店任何价格经该渠道加价和取整后都不等于 {theirs} 分")
        return _Edit(type_id, Operation.PRICE, price, plan_id), ("", "")
    if drift.field == "stop_sell":
        if channel.settings.stop_sell and not theirs:
            return None, ("the channel's own stop-sell switch is on (channel settings)", "该渠道本身设为停售（渠道设置）")
        return _Edit(type_id, Operation.CLOSE if theirs else Operation.OPEN, None), ("", "")
    if drift.field in ("cta", "ctd"):
        operation = Operation.CLOSED_TO_ARRIVAL if drift.field == "cta" else Operation.CLOSED_TO_DEPARTURE
        return _Edit(type_id, operation, bool(theirs)), ("", "")
    if drift.field == "min_stay":
        return _Edit(type_id, Operation.MIN_STAY, theirs if theirs and theirs > 1 else None), ("", "")
    if drift.field == "max_stay":
        return _Edit(type_id, Operation.MAX_STAY, theirs), ("", "")
    return None, (f"{drift.field} cannot be taken over", f"{drift.field} 无法采用")


def _rooms_closed_edit(drift: Drift, type_id: int, channel: ChannelConfig,
                       cell: CalendarCell | None) -> tuple[_Edit | None, tuple[str, str]]:
    if cell is None:
        return None, ("the night is outside the calendar", "该晚不在房态日历范围内")
    if cell.stop_sell or channel.settings.stop_sell:
        return None, ("stop-sell is on for this night: rooms to sell are 0 here", "该晚停售：本店可售房为 0")
    buffer = channel.settings.buffer_rooms
    # Rooms free before any is closed; what is left after closing must be the channel's count plus
    # its buffer (for 0: anything up to the buffer).
    open_rooms = cell.total - cell.booked - cell.out_of_order
    wanted_left = drift.theirs + buffer if drift.theirs > 0 else min(max(0, open_rooms), buffer)
    closed = open_rooms - wanted_left
    if closed < 0:
        return None, (f"the channel shows {drift.theirs} rooms; only {max(0, open_rooms - buffer)} can be sold here",
                      f"渠道显示 {drift.theirs} 间；本店最多可售 {max(0, open_rooms - buffer)} 间")
    return _Edit(type_id, Operation.ROOMS_CLOSED, closed), ("", "")


def calendar_price_for(channel: ChannelConfig, theirs: int) -> int | None:
    """The lowest calendar price the channel's output turns into ``theirs`` (None if none does)."""
    output = channel.settings.price_output(channel.name, channel.currency)

    def sent(price: int) -> int:
        try:
            return output.apply(price)
        except PriceRefused:
            return -1

    low, high = 1, max(MAX_PRICE_MINOR, theirs * 2)
    if sent(high) < theirs:
        return None
    while low < high:  # the smallest price sent at least theirs
        middle = (low + high) // 2
        if sent(middle) >= theirs:
            high = middle
        else:
            low = middle + 1
    return low if sent(low) == theirs else None


def _calendar_cells(session: Session, channel: ChannelConfig, drifts: list[Drift], types: dict,
                    today: date) -> dict[tuple[int, date], CalendarCell]:
    if not drifts:
        return {}
    nights = sorted({d.night for d in drifts})
    ids = sorted({types[d.room_type] for d in drifts if d.room_type in types})
    snapshot = load_snapshot(session, channel.property_id, nights[0], nights[-1] + timedelta(days=1),
                             lambda *_: {}, today, room_type_ids=ids)
    return {(row.id, day.night): snapshot.cells[i][j]
            for i, row in enumerate(snapshot.rows) for j, day in enumerate(snapshot.days)}


def _runs(items: Iterable[tuple[_Edit, date]]):
    """(edit, first night, last night) for each run of consecutive nights of one edit."""
    by_edit: dict[_Edit, list[date]] = defaultdict(list)
    for edit, night in items:
        by_edit[edit].append(night)
    for edit, nights in by_edit.items():
        nights.sort()
        first = last = nights[0]
        for night in nights[1:]:
            if night == last + timedelta(days=1):
                last = night
                continue
            yield edit, first, last
            first = last = night
        yield edit, first, last
