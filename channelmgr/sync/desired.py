"""What one channel should show, night by night over its horizon: the *desired* ARI.

Per mapped room type, rooms to sell (OpenTravel CountType 2): the calendar's derived availability
(rooms − booked − out of order − closed, and 0 while the calendar's stop-sell is on) minus the
channel's buffer, never below 0, and 0 while the channel itself is stop-sold. The calendar's
stop-sell zeroes the count as well as closing the rates: a channel mapped by room only, or one
that ignores restrictions, still stops selling.

Per mapped rate plan: the restrictions of its room type's calendar (stop-sell, closed to arrival
/ departure, min / max stay; the channel's own stop-sell closes every rate) and the price from
``price_source``. The minimum stay sent is the night's *effective* one: the stricter of the
calendar's and the one the price rules ask of that plan on that channel (``rule_min_stays``, e.g.
国庆 ≥ 2 nights) — the same merge the calendar shows (``CalendarCell.effective_min_stay``).
Restrictions the channel does not take are sent neutral and reported.

What the channel can carry is its profile's (channel_profiles) unless the owner overrode it, and
every difference is stated once per channel (``DesiredState.notes``, capability_notes): nights
beyond the channel's own horizon are not sent; a restriction it does not take is counted per kind
in nights; our stay-through minimum stay is translated for a channel that reads it arrival-based
(min_stay_basis); a channel taking occupancy or per-person prices is told what we send instead.

The state is held as series — ``(a cell of the key, {night: value})`` — not as one object per
cell: a two-year horizon of a large property is ~10⁵ cells per channel, and the diff and the
coalescing only need values (``ranges.coalesce_series``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Hashable

from sqlalchemy.orm import Session

from ..channels.adapter import adapter_for, rates_name_their_room
from ..inventory.availability import CalendarCell, load_snapshot
from . import capability_notes as notes
from .capability_notes import CapabilityNote
from .channel_profiles import OUR_MIN_STAY_BASIS, RESTRICTIONS
from .channels import ChannelConfig
from .min_stay_basis import arrival_min_stays
from .mappings import Mapping, SyncWarning, conflicting_remote_codes, load_mappings, mapping_warnings, rate_key
from .price_source import PriceSource, no_rule_min_stays, price_source
from .ranges import AvailCell, Cell, RateCell, RestrictionCell

Values = dict[date, tuple[Hashable, ...]]
Series = tuple[Cell, Values]

_RESTRICTION_NAMES = {"cta": "closed to arrival", "ctd": "closed to departure", "min_stay": "minimum stay",
                      "max_stay": "maximum stay", "stop_sell": "stop-sell"}


@dataclass(frozen=True)
class Origin:
    """The local room type (and rate plan) a remote key is fed from, for reports and warnings."""

    room_type: str
    rate_plan: str | None = None


@dataclass
class DesiredState:
    channel_id: int
    start: date  # first night (the property's today)
    end: date    # exclusive
    series: list[Series] = field(default_factory=list)
    origins: dict[tuple[Hashable, ...], Origin] = field(default_factory=dict)  # cell key → local origin
    warnings: list[SyncWarning] = field(default_factory=list)
    notes: list[CapabilityNote] = field(default_factory=list)  # what the channel's capabilities change

    @property
    def cell_count(self) -> int:
        return sum(len(values) for _, values in self.series)


def desired_state(
    session: Session,
    channel: ChannelConfig,
    today: date,
    prices: PriceSource = price_source,
    rule_min_stays: PriceSource = no_rule_min_stays,
) -> DesiredState:
    """What ``channel`` should show over its horizon; ``prices`` gives each mapped plan's nightly
    price, ``rule_min_stays`` the minimum stay its price rules ask."""
    settings = channel.settings
    start, end = today, today + timedelta(days=settings.sent_horizon_days)
    state = DesiredState(channel.id, start, end)
    tally = _CapabilityTally()
    mappings = load_mappings(session, channel.id)
    by_rate_alone = not rates_name_their_room(adapter_for(channel.protocol))
    state.warnings.extend(mapping_warnings(session, channel.property_id, mappings,
                                           rates_name_their_room=not by_rate_alone))
    conflicts = conflicting_remote_codes(mappings, rates_name_their_room=not by_rate_alone)
    live = [m for m in mappings if not m.archived and m.remote_room not in conflicts]
    if not live:
        state.notes = tally.notes(settings)
        return state

    snapshot = load_snapshot(
        session, channel.property_id, start, end, _no_prices, today,
        room_type_ids=sorted({m.room_type.id for m in live}),
    )
    nights = [day.night for day in snapshot.days]
    calendar = {row.id: snapshot.cells[i] for i, row in enumerate(snapshot.rows)}

    availability_done: set[tuple[int, str]] = set()
    # Plans of a room type whose rules ask the same minimum stays share one read-only dict.
    restrictions_by_key: dict[tuple, Values] = {}
    for m in live:
        cells = calendar.get(m.room_type.id)
        if cells is None:
            continue
        if (m.room_type.id, m.remote_room) not in availability_done:
            availability_done.add((m.room_type.id, m.remote_room))
            prototype = AvailCell(m.remote_room, start, 0)
            state.series.append((prototype, _availability(nights, cells, channel)))
            state.origins[prototype.key] = Origin(m.room_type.code)
        if m.rate_plan is None or rate_key(m, not by_rate_alone) in conflicts:
            continue
        origin = Origin(m.room_type.code, m.rate_plan.code)
        # Worked out even when the channel takes no restriction at all: what is set is counted.
        by_rules = rule_min_stays(session, channel, m.room_type, m.rate_plan, nights)
        key = (m.room_type.id, tuple(sorted(by_rules.items())))
        if key not in restrictions_by_key:
            values, warnings = _restrictions(nights, cells, by_rules, channel, m, tally)
            restrictions_by_key[key] = values
            state.warnings.extend(warnings)
        if settings.supported_restrictions:
            prototype = RestrictionCell(m.remote_room, m.remote_rate, start)
            state.series.append((prototype, restrictions_by_key[key]))
            state.origins[prototype.key] = origin
        if settings.price_unit != "room_night":
            continue  # ours are per room: sent as per-person they would be wrong (stated in the notes)
        prototype = RateCell(m.remote_room, m.remote_rate, start, 0, channel.currency)
        state.series.append((prototype, _rates(session, nights, channel, m, state.warnings, prices)))
        state.origins[prototype.key] = origin
    state.notes = tally.notes(settings)
    return state


@dataclass
class _CapabilityTally:
    """Nights a channel's capabilities touch, per room type (its plans share the calendar's
    restrictions: the largest count of its plans, not their sum), for one line per channel."""

    dropped: dict[tuple[str, str], int] = field(default_factory=dict)  # (restriction, room type) → nights
    raised: dict[str, int] = field(default_factory=dict)  # room type → min stays raised by the translation

    def count(self, counts: dict, key, nights: int) -> None:
        counts[key] = max(counts.get(key, 0), nights)

    def notes(self, settings) -> list[CapabilityNote]:
        found = []
        if "min_stay" in settings.supported_restrictions and settings.min_stay_basis != OUR_MIN_STAY_BASIS:
            found.append(CapabilityNote(notes.MIN_STAY_TRANSLATED, sum(self.raised.values()),
                                        settings.min_stay_basis))
        if settings.sent_horizon_days < settings.horizon_days:
            found.append(CapabilityNote(notes.BEYOND_HORIZON, settings.horizon_days - settings.sent_horizon_days,
                                        limit=settings.sent_horizon_days))
        for name in RESTRICTIONS:
            nights = sum(n for (restriction, _), n in self.dropped.items() if restriction == name)
            if nights:
                found.append(CapabilityNote(notes.RESTRICTION_UNSUPPORTED, nights, name))
        if settings.price_unit != "room_night":
            found.append(CapabilityNote(notes.PRICE_UNIT_UNSUPPORTED, detail=settings.price_unit))
        elif settings.occupancy_pricing:
            found.append(CapabilityNote(notes.OCCUPANCY_SINGLE_PRICE))
        return found


def _no_prices(session, rate_plan_ids, start, end) -> dict:
    # The snapshot's own price column is the calendar's main plan; channel prices come from
    # price_source, so the snapshot is asked for none.
    return {}


def _availability(nights: list[date], cells: tuple[CalendarCell, ...], channel: ChannelConfig) -> Values:
    settings = channel.settings
    if settings.stop_sell:
        return dict.fromkeys(nights, (0,))
    buffer = settings.buffer_rooms
    shared: dict[int, tuple[int]] = {}  # a few distinct counts: share their tuples
    # The snapshot shares one tuple among equal cells: work each distinct cell out once, and fill
    # the nights in C.
    by_cell: dict[CalendarCell, tuple[int]] = {}
    for cell in set(cells):
        count = max(0, cell.rooms_to_sell - buffer)
        by_cell[cell] = shared.get(count) or shared.setdefault(count, (count,))
    return dict(zip(nights, map(by_cell.__getitem__, cells)))


def _restrictions(
    nights: list[date],
    cells: tuple[CalendarCell, ...],
    rule_min_stays: dict[date, int],
    channel: ChannelConfig,
    mapping: Mapping,
    tally: _CapabilityTally,
) -> tuple[Values, list[SyncWarning]]:
    settings = channel.settings
    supported = settings.supported_restrictions
    dropped: Counter[str] = Counter()
    inverted = 0
    # A calendar has few distinct restriction settings (cells differ mostly in their counts):
    # work each out once, keyed by the fields _restriction_value reads.
    seen: dict[tuple, tuple[tuple, tuple[str, ...], bool]] = {}
    values: Values = {}
    for night, cell in zip(nights, cells):
        rule_min = rule_min_stays.get(night)
        settings_key = (cell[_RESTRICTION_FIELDS], rule_min)
        found = seen.get(settings_key)
        if found is None:
            found = seen[settings_key] = _restriction_value(
                cell._replace(rule_min_stay=rule_min), settings.stop_sell, supported)
        value, dropped_here, inverted_here = found
        values[night] = value
        if dropped_here:
            dropped.update(dropped_here)
        inverted += inverted_here

    code = mapping.room_type.code
    if "min_stay" in supported and settings.min_stay_basis != OUR_MIN_STAY_BASIS:
        # Ours holds on every night a stay covers (stay-through) and SetMinLOS carries it as it
        # is; a channel reading it by arrival day alone would sell a short stay arriving just
        # before a minimum-stay period. Translated so it never does (min_stay_basis explains).
        raised, inverted_by_raise = _send_arrival_based(values)
        tally.count(tally.raised, code, raised)
        inverted += inverted_by_raise
    for name, n in dropped.items():
        tally.count(tally.dropped, (name, code), n)
    warnings = [
        SyncWarning(
            "restriction_unsupported",
            f"{_RESTRICTION_NAMES[name]} is set on {n} night(s) of {code} but channel {channel.name} "
            f"does not take it: not sent",
            room_type=code, nights=n, detail=name,
            text_zh=f"{code} 有 {n} 晚设置了{notes.RESTRICTION_SHORT[name][1]}，但渠道 {channel.name} 不接收：未发送",
        )
        for name, n in sorted(dropped.items())
    ]
    if inverted:
        warnings.append(SyncWarning(
            "stay_inverted",
            f"maximum stay is below minimum stay on {inverted} night(s) of {code}: sent as the minimum",
            room_type=code, nights=inverted, text_zh=f"{code} 有 {inverted} 晚的最多入住少于最少入住：按最少入住发送",
        ))
    return values, warnings


def _send_arrival_based(values: Values) -> tuple[int, int]:
    """Our stay-through minimums in ``values`` (night order) turned arrival-based in place
    (min_stay_basis.arrival_min_stays says how and why): (nights raised, of which now max < min)."""
    nights = list(values)
    through = [values[night][3] for night in nights]
    raised = inverted = 0
    for night, before, after in zip(nights, through, arrival_min_stays(through)):
        if after != before:
            raised += 1
            stop_sell, cta, ctd, _, max_stay = values[night]
            if max_stay is not None and max_stay < after:
                max_stay = after  # as for a max below the min typed in the calendar: the min holds
                inverted += 1
            values[night] = (stop_sell, cta, ctd, after, max_stay)
    return raised, inverted


# stop_sell, min_stay, max_stay, closed_to_arrival, closed_to_departure: what _restriction_value reads.
_RESTRICTION_FIELDS = slice(CalendarCell._fields.index("stop_sell"), CalendarCell._fields.index("closed_to_departure") + 1)

_NEUTRAL = {"stop_sell": False, "cta": False, "ctd": False, "min_stay": 1, "max_stay": None}


def _restriction_value(
    cell: CalendarCell, channel_stop_sell: bool, supported: frozenset[str]
) -> tuple[tuple, tuple[str, ...], bool]:
    """(cell value, restrictions dropped because the channel does not take them, max < min?)"""
    wanted = {
        "stop_sell": cell.stop_sell or channel_stop_sell,
        "cta": cell.closed_to_arrival,
        "ctd": cell.closed_to_departure,
        "min_stay": max(1, cell.effective_min_stay or 1),
        "max_stay": cell.max_stay,
    }
    dropped = tuple(name for name in wanted if name not in supported and wanted[name] != _NEUTRAL[name])
    for name in dropped:
        wanted[name] = _NEUTRAL[name]
    inverted = wanted["max_stay"] is not None and wanted["max_stay"] < wanted["min_stay"]
    if inverted:
        # A contradiction typed in the calendar (or a rule's minimum above the calendar's
        # maximum); the minimum is the owner's firmer intent.
        wanted["max_stay"] = wanted["min_stay"]
    value = (wanted["stop_sell"], wanted["cta"], wanted["ctd"], wanted["min_stay"], wanted["max_stay"])
    return value, dropped, inverted


def _rates(
    session: Session,
    nights: list[date],
    channel: ChannelConfig,
    mapping: Mapping,
    warnings: list[SyncWarning],
    source: PriceSource,
) -> Values:
    prices = source(session, channel, mapping.room_type, mapping.rate_plan, nights)
    currency = channel.currency
    shared = {amount: (amount, currency) for amount in set(prices.values())}  # few distinct: share tuples
    values: Values = dict(zip(prices, map(shared.__getitem__, prices.values())))
    missing = len(nights) - len(values)
    if missing:
        code, plan = mapping.room_type.code, mapping.rate_plan.code
        warnings.append(SyncWarning(
            "no_price",
            f"rate plan {code}/{plan} has no price on {missing} night(s): those nights are not sent",
            room_type=code, rate_plan=plan, nights=missing,
            text_zh=f"价格计划 {code}/{plan} 有 {missing} 晚没有价格：这些晚不发送",
        ))
    return values
