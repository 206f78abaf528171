"""The price engine: rate plans + rules + manual overrides + channel output → price per cell.

Order of application (rules.py has the full table):
base price → rules by (stage, priority, code) → manual override → derived plans (their parent's
result ± amount/%, then rules naming them, then their own override) → channel output.

One code path. ``price`` is the last step of ``evaluate``/``explain``. ``compute`` prices whole
rows with the very same step functions (``base_step``, ``Rule.apply`` via ``apply_rules``,
``derive_step``, and ``ChannelOutput.apply``, which is the arithmetic behind
``ChannelOutput.steps``), memoised by their inputs — a step's result depends only on its input
price and the set of rules that match — and nights carrying a manual price go through the
single-cell path itself. So bulk and single-cell results cannot drift apart (a test compares
every cell of a grid with ``price``).

Why it is fast: each rule gets a bit. For each night the engine records which rules' night
conditions hold (a bitmask, evaluated once per rule and night), and for each
(room type, plan, channel) which rules are in scope (another bitmask). A night's rule set is the
AND of the two; a 730-night horizon has only a few dozen distinct sets, so the rule pipeline runs
a few dozen times per row and the row is filled by index lookups at C speed. Channel output is
memoised by input price. A rule edit clears one bit and sets a new one (bits are never reused, so
every memo stays valid) and recomputes only the rows the old or new scope reaches.

An engine is not thread-safe (it memoises); give each worker its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .channel_output import ChannelOutput
from .money import as_fen, major_text
from .night_table import NightTable, Occupancy
from .rate_plans import PlanCatalog, RatePlan, base_step, derive_step, occupancy_prices
from .rules import Rule, apply_rules
from .settings import PricingSettings
from .steps import PriceRefused, Step, step

RowKey = tuple[str, str, str]  # (room type, rate plan code, channel code)
OverrideKey = tuple[str, str, date]  # (room type, rate plan code, night)


@dataclass(frozen=True)
class Quote:
    """The result of pricing one cell: the price is the last step's ``price_after``."""

    steps: tuple[Step, ...]
    min_stay: int | None  # strictest minimum stay among the rules that applied
    estimated_holidays: bool  # the night's holidays are an estimate (year not yet published)
    min_stay_rule: str | None = None  # the rule that set ``min_stay``

    @property
    def price(self) -> int:
        return self.steps[-1].price_after


class PriceGrid:
    """Prices from one ``compute``: ``rows[(room_type, plan, channel)][i]`` prices ``nights[i]``."""

    def __init__(self, table: NightTable, rows: dict[RowKey, list[int]]):
        self._table = table
        self.rows = rows

    @property
    def nights(self) -> tuple[date, ...]:
        return self._table.nights

    @property
    def as_of(self) -> date:
        return self._table.as_of

    def price(self, room_type: str, rate_plan: str, channel: str, night: date) -> int:
        return self.rows[(room_type, rate_plan, channel)][self._table.index[night]]

    def estimated_nights(self) -> tuple[date, ...]:
        """Nights priced on estimated holidays (their year's arrangement is not published)."""
        return tuple(facts.night for facts in self._table.facts if facts.day.estimated)

    def __len__(self) -> int:
        return sum(len(row) for row in self.rows.values())


def _override_step(price: int, override: int) -> Step:
    return step("手动改价", "Manual price", "=" + major_text(override), price, override,
                "manual override")


class PriceEngine:
    """Prices (room type, rate plan, channel, night) cells; see the module docstring."""

    def __init__(
        self,
        plans: Iterable[RatePlan],
        rules: Iterable[Rule] = (),
        overrides: Mapping[OverrideKey, int] | None = None,
        channels: Iterable[ChannelOutput] = (),
        settings: PricingSettings | None = None,
    ):
        self.settings = settings or PricingSettings()
        self.plans = PlanCatalog(plans)
        self.channels: dict[str, ChannelOutput] = {}
        for channel in channels:
            if channel.code in self.channels:
                raise ValueError(f"duplicate channel {channel.code!r}")
            self.channels[channel.code] = channel
        self._overrides = self._index_overrides(overrides or {})
        self._rules: dict[str, Rule] = {}
        self._bit_of: dict[str, int] = {}
        self._rule_at: dict[int, Rule] = {}  # every bit ever given out; bits are never reused
        self._applicable: dict[tuple[str, str, str], int] = {}
        self._ordered: dict[int, tuple[Rule, ...]] = {}
        self._rule_steps_memo: dict[tuple[int, int], tuple[Step, ...]] = {}
        self._derive_memo: dict[tuple[str, str], dict[int, int]] = {}
        for rule in rules:
            if rule.code in self._rules:
                raise ValueError(f"duplicate rule code {rule.code!r}")
            self._check_rule(rule)
            self._install(rule)

    # -- set-up and validation -----------------------------------------------------------

    def _index_overrides(self, overrides: Mapping[OverrideKey, int]) -> dict[tuple[str, str], dict]:
        index: dict[tuple[str, str], dict[date, int]] = {}
        for (room_type, code, night), price in overrides.items():
            self.plans.get(room_type, code)
            where = f"manual price for {room_type}/{code} on {night}"
            if as_fen(price, where) <= 0:
                raise ValueError(f"{where} must be above zero, got {price}")
            index.setdefault((room_type, code), {})[night] = price
        return index

    def _check_rule(self, rule: Rule) -> None:
        scope = rule.scope
        for what, named, known in (
            ("room types", scope.room_types, set(self.plans.room_types())),
            ("rate plans", scope.rate_plans, self.plans.codes()),
            ("channels", scope.channels, set(self.channels)),
        ):
            if named - known:
                raise ValueError(f"{rule.source}: unknown {what} {sorted(named - known)}")
        for plan in self.plans:
            if plan.code not in scope.rate_plans:
                continue
            if scope.room_types and plan.room_type not in scope.room_types:
                continue
            twice = set(self.plans.chain(plan.room_type, plan.code)[:-1]) & scope.rate_plans
            if twice:
                raise ValueError(
                    f"{rule.source} names {plan.code} and its parent {sorted(twice)}: "
                    f"{plan.code} follows its parent already, so it would get the rule twice"
                )

    def _install(self, rule: Rule) -> int:
        bit = len(self._rule_at)
        self._rules[rule.code] = rule
        self._bit_of[rule.code] = bit
        self._rule_at[bit] = rule
        return bit

    def _channel(self, code: str) -> ChannelOutput:
        try:
            return self.channels[code]
        except KeyError:
            raise KeyError(f"unknown channel {code!r}; known: {sorted(self.channels)}") from None

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(sorted(self._rules.values(), key=Rule.order_key))

    # -- rule sets as bitmasks -----------------------------------------------------------

    def _applies(self, rule: Rule, room_type: str, code: str, channel: str) -> bool:
        if not rule.enabled:
            return False
        return rule.scope.covers(room_type, code, self.plans.get(room_type, code).is_derived, channel)

    def _reaches(self, rule: Rule, row: RowKey) -> bool:
        """The rule can change this row: it applies to the plan or to one of its ancestors."""
        room_type, code, channel = row
        return any(self._applies(rule, room_type, c, channel) for c in self.plans.chain(room_type, code))

    def _applicable_mask(self, room_type: str, code: str, channel: str) -> int:
        key = (room_type, code, channel)
        mask = self._applicable.get(key)
        if mask is None:
            mask = 0
            for name, rule in self._rules.items():
                if self._applies(rule, room_type, code, channel):
                    mask |= 1 << self._bit_of[name]
            self._applicable[key] = mask
        return mask

    def _ordered_rules(self, mask: int) -> tuple[Rule, ...]:
        rules = self._ordered.get(mask)
        if rules is None:
            found, rest = [], mask
            while rest:
                low = rest & -rest
                found.append(self._rule_at[low.bit_length() - 1])
                rest ^= low
            rules = self._ordered[mask] = tuple(sorted(found, key=Rule.order_key))
        return rules

    def _rule_steps(self, price: int, mask: int) -> tuple[Step, ...]:
        key = (price, mask)
        steps = self._rule_steps_memo.get(key)
        if steps is None:
            steps = self._rule_steps_memo[key] = tuple(apply_rules(price, self._ordered_rules(mask)))
        return steps

    def _rule_price(self, price: int, mask: int) -> int:
        return self._rule_steps(price, mask)[-1].price_after if mask else price

    def _table(self, nights: Iterable[date], as_of: date, occupancy: Occupancy | None) -> NightTable:
        active = ((self._bit_of[code], rule) for code, rule in self._rules.items() if rule.enabled)
        return NightTable(self.settings, nights, as_of, occupancy, active)

    # -- one cell ------------------------------------------------------------------------

    def evaluate(self, room_type: str, rate_plan: str, channel: str, night: date, as_of: date,
                 occupancy: Occupancy | None = None) -> Quote:
        """Price one cell with every step that led to it."""
        output = self._channel(channel)
        table = self._table((night,), as_of, occupancy)
        steps, applied = self._pre_channel_steps(room_type, rate_plan, channel, table, 0)
        steps.extend(output.steps(steps[-1].price_after))
        strictest = max(applied, key=lambda rule: rule.min_stay or 0, default=None)
        min_stay = strictest.min_stay if strictest is not None and strictest.min_stay else None
        return Quote(tuple(steps), min_stay, table.facts[0].day.estimated,
                     strictest.code if min_stay else None)

    def price(self, room_type: str, rate_plan: str, channel: str, night: date, as_of: date,
              occupancy: Occupancy | None = None) -> int:
        return self.evaluate(room_type, rate_plan, channel, night, as_of, occupancy).price

    def explain(self, room_type: str, rate_plan: str, channel: str, night: date, as_of: date,
                occupancy: Occupancy | None = None) -> list[Step]:
        return list(self.evaluate(room_type, rate_plan, channel, night, as_of, occupancy).steps)

    def guest_prices(self, room_type: str, rate_plan: str, channel: str, night: date,
                     as_of: date, max_guests: int, occupancy: Occupancy | None = None) -> dict[int, int]:
        """Channel price per guest count (1…max_guests): the plan's occupancy pricing applied
        before channel output, so markup and rounding apply to every guest count alike."""
        output = self._channel(channel)
        table = self._table((night,), as_of, occupancy)
        steps, _ = self._pre_channel_steps(room_type, rate_plan, channel, table, 0)
        plan = self.plans.get(room_type, rate_plan)
        by_guests = occupancy_prices(steps[-1].price_after, plan, max_guests)
        return {guests: output.apply(price) for guests, price in by_guests.items()}

    def _pre_channel_steps(self, room_type: str, code: str, channel: str, table: NightTable,
                           i: int) -> tuple[list[Step], list[Rule]]:
        plan = self.plans.get(room_type, code)
        if plan.parent is None:
            steps, applied = [base_step(plan)], []
        else:
            steps, applied = self._pre_channel_steps(room_type, plan.parent, channel, table, i)
            steps.append(derive_step(steps[-1].price_after, plan))
        mask = table.view(room_type)[0][i] & self._applicable_mask(room_type, code, channel)
        if mask:
            steps.extend(self._rule_steps(steps[-1].price_after, mask))
            applied.extend(self._ordered_rules(mask))
        override = self._overrides.get((room_type, code), {}).get(table.nights[i])
        if override is not None:
            steps.append(_override_step(steps[-1].price_after, override))
        return steps, applied

    # -- whole grids ---------------------------------------------------------------------

    def compute(self, room_types: Iterable[str] | None, rate_plans: Iterable[str] | None,
                channels: Iterable[str] | None, nights: Iterable[date], as_of: date,
                occupancy: Occupancy | None = None) -> PriceGrid:
        """Prices of every (room type, plan, channel) row over ``nights``; None = all of them.

        A plan code a room type does not have is skipped for that room type.
        """
        room_types = self.plans.room_types() if room_types is None else tuple(room_types)
        codes = sorted(self.plans.codes()) if rate_plans is None else tuple(rate_plans)
        channels = tuple(self.channels) if channels is None else tuple(channels)
        for channel in channels:
            self._channel(channel)
        grid = PriceGrid(self._table(nights, as_of, occupancy), {})
        rows = [(rt, code, ch) for rt in room_types for code in codes
                if (rt, code) in self.plans for ch in channels]
        self._fill(grid, rows)
        return grid

    def _fill(self, grid: PriceGrid, rows: Iterable[RowKey]) -> None:
        table = grid._table
        shared: dict = {}  # pre-channel results, shared by channels that have the same rules
        for room_type, code, channel in rows:
            output = self.channels[channel]
            _, _, positions = table.view(room_type)
            by_position = self._prices_by_position(room_type, code, channel, table, shared)
            sent = [output.apply(price) for price in by_position]
            row = list(map(sent.__getitem__, positions))
            for i, price in self._override_night_prices(room_type, code, channel, table, shared):
                row[i] = output.apply(price)
            grid.rows[(room_type, code, channel)] = row

    def _chain_key(self, room_type: str, code: str, channel: str) -> tuple:
        """What a pre-channel price depends on besides the night: the rules in scope of each
        plan from the root down. Channels whose key is equal get equal pre-channel prices."""
        chain = self.plans.chain(room_type, code)
        return room_type, code, tuple(self._applicable_mask(room_type, c, channel) for c in chain)

    def _prices_by_position(self, room_type: str, code: str, channel: str, table: NightTable,
                            shared: dict) -> list[int]:
        """Pre-channel price (overrides aside) for each distinct night mask of the room type:
        every night with the same matching rules gets the same price, so a 730-night row needs
        the rule pipeline only a few dozen times."""
        key = self._chain_key(room_type, code, channel)
        prices = shared.get(key)
        if prices is not None:
            return prices
        plan = self.plans.get(room_type, code)
        _, distinct, _ = table.view(room_type)
        in_scope = key[2][-1]
        try:
            if plan.parent is None:
                starts = [base_step(plan).price_after] * len(distinct)
            else:
                parent = self._prices_by_position(room_type, plan.parent, channel, table, shared)
                starts = [self._derived_price(room_type, plan, price) for price in parent]
            prices = [self._rule_price(start, mask & in_scope) for start, mask in zip(starts, distinct, strict=True)]
        except PriceRefused as refused:
            refused.add_note(self._first_refused_night(room_type, code, channel, table))
            raise
        shared[key] = prices
        return prices

    def _override_night_prices(self, room_type: str, code: str, channel: str, table: NightTable,
                               shared: dict) -> list[tuple[int, int]]:
        """(night index, pre-channel price) for nights with a manual price on this plan or an
        ancestor. Such a night differs from the others with the same rules, so it goes through
        the single-cell path — a handful of nights per row."""
        key = ("overrides", *self._chain_key(room_type, code, channel))
        found = shared.get(key)
        if found is None:
            positions = set()
            for plan_code in self.plans.chain(room_type, code):
                for night in self._overrides.get((room_type, plan_code), ()):
                    if night in table.index:
                        positions.add(table.index[night])
            found = shared[key] = [
                (i, self._pre_channel_steps(room_type, code, channel, table, i)[0][-1].price_after)
                for i in sorted(positions)
            ]
        return found

    def _derived_price(self, room_type: str, plan: RatePlan, parent_price: int) -> int:
        memo = self._derive_memo.setdefault((room_type, plan.code), {})
        price = memo.get(parent_price)
        if price is None:
            price = memo[parent_price] = derive_step(parent_price, plan).price_after
        return price

    def _first_refused_night(self, room_type: str, code: str, channel: str,
                             table: NightTable) -> str:
        where = f"room type {room_type!r}, rate plan {code!r}, channel {channel!r}"
        for i, night in enumerate(table.nights):
            try:
                self._pre_channel_steps(room_type, code, channel, table, i)
            except PriceRefused:
                return f"{where}, first on night {night}"
        return where

    # -- restrictions set by rules ---------------------------------------------------------

    def rule_min_stays(self, grid: PriceGrid, room_type: str, code: str,
                       channel: str) -> list[int | None] | None:
        """The strictest rule minimum stay of every night of ``grid`` for one row (None on a
        night no such rule covers), or None when no rule with a minimum stay reaches the row.

        The very rules ``evaluate`` reports in ``Quote.min_stay``: those in scope of the plan or
        one of its ancestors whose night conditions hold. A manual price override does not lift
        the restriction (the rule still describes the night). Worked out per distinct night
        mask, like prices, so a two-year row costs a few dozen lookups.
        """
        self._channel(channel)
        in_scope = 0
        for plan_code in self.plans.chain(room_type, code):
            in_scope |= self._applicable_mask(room_type, plan_code, channel)
        if not any(rule.min_stay for rule in self._ordered_rules(in_scope)):
            return None
        _, distinct, positions = grid._table.view(room_type)
        per_mask = [self._strictest_min_stay(mask & in_scope) for mask in distinct]
        return list(map(per_mask.__getitem__, positions))

    def _strictest_min_stay(self, mask: int) -> int | None:
        return max((rule.min_stay for rule in self._ordered_rules(mask) if rule.min_stay), default=None)

    # -- incremental edits ---------------------------------------------------------------

    def put_rule(self, rule: Rule, grid: PriceGrid | None = None) -> list[RowKey]:
        """Add a rule, or replace the rule with the same code. With ``grid``, recompute only
        the rows the old or new rule can reach, in place; returns those rows."""
        self._check_rule(rule)
        return self._replace(self._rules.get(rule.code), rule, grid)

    def remove_rule(self, code: str, grid: PriceGrid | None = None) -> list[RowKey]:
        if code not in self._rules:
            raise KeyError(f"no rule {code!r}")
        return self._replace(self._rules[code], None, grid)

    def _replace(self, old: Rule | None, new: Rule | None, grid: PriceGrid | None) -> list[RowKey]:
        old_bit = self._bit_of.pop(old.code) if old is not None else None
        if old is not None:
            del self._rules[old.code]
        new_bit = self._install(new) if new is not None else None
        touched = [rule for rule in (old, new) if rule is not None]
        # Only room types named by the rules can change (all of them when a scope is open);
        # skipping the rest keeps a one-room-type edit cheap on a large property.
        reachable = None
        if all(rule.scope.room_types for rule in touched):
            reachable = frozenset().union(*(rule.scope.room_types for rule in touched))
        for key, mask in self._applicable.items():
            if reachable is not None and key[0] not in reachable:
                continue
            if old is not None and self._applies(old, *key):
                mask &= ~(1 << old_bit)
            if new is not None and self._applies(new, *key):
                mask |= 1 << new_bit
            self._applicable[key] = mask
        if grid is None:
            return []
        if old_bit is not None:
            grid._table.remove_rule(old_bit)
        if new is not None and new.enabled:
            grid._table.add_rule(new_bit, new)
        affected = [row for row in grid.rows if (reachable is None or row[0] in reachable)
                    and any(self._reaches(rule, row) for rule in touched)]
        self._fill(grid, affected)
        return affected
