"""From database rows (``Sources``) to a ``PriceEngine``: plans, rules, overrides, channels.

One bad row must not stop a property's prices: a rate plan that cannot be priced (a root plan
without a base price while someone is still setting it up) is left out with its derived plans,
and a rule that cannot be used (it names a room type that was deleted, its JSON was hand-edited)
is left out of the engine. Both are reported as *problems* next to the plan or rule, so the owner
sees what is not applied instead of a price that quietly ignores it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from ..errors import NotFound
from .channel_output import ChannelOutput
from .channel_settings import DIRECT_CHANNEL, channel_output_from_settings
from .engine import PriceEngine
from .plan_store import PlanRow, RatePlanInvalid, plan_from_row
from .property_settings import PropertyPricingSettings
from .rate_plans import RatePlan
from .rule_store import RuleSpec, rule_from_spec
from .steps import PriceRefused
from .sources import Sources

PlanKey = tuple[str, str]  # (room type code, rate plan code)


@dataclass(frozen=True)
class EngineInputs:
    """Everything an engine is built from, as plain data that edits can change in memory."""

    sources: Sources
    settings: PropertyPricingSettings
    plans: tuple[RatePlan, ...]
    plan_ids: dict[PlanKey, int]
    plan_problems: dict[PlanKey, str]
    overrides: dict[tuple[str, str, date], int]
    channels: tuple[ChannelOutput, ...]
    rules: tuple[RuleSpec, ...]

    def with_changes(self, **changes) -> EngineInputs:
        return replace(self, **changes)

    def same_apart_from_rules(self, other: EngineInputs) -> bool:
        return (self.settings, self.plans, self.overrides, self.channels) == (
            other.settings, other.plans, other.overrides, other.channels)

    def plan(self, room_type: str, code: str) -> RatePlan:
        for plan in self.plans:
            if plan.room_type == room_type and plan.code == code:
                return plan
        problem = self.plan_problems.get((room_type, code))
        if problem:
            raise RatePlanInvalid(problem)
        self._check_room_type(room_type)
        raise NotFound(f"No rate plan {code!r} for room type {room_type!r}",
                       f"房型 {room_type!r} 没有价格计划 {code!r}")

    def _check_room_type(self, room_type: str) -> None:
        """Blame an unknown room type as such, not the plan asked for in it."""
        known = sorted(self.sources.room_type_codes().values())
        if room_type not in known:
            raise NotFound(f"No room type {room_type!r}; known: {', '.join(known)}",
                           f"没有房型 {room_type!r}；已有：{', '.join(known)}")

    def plan_row(self, room_type: str, code: str) -> PlanRow:
        """The stored row of a plan, also of one that cannot be priced (so it can be fixed)."""
        type_ids = {code_: type_id for type_id, code_ in self.sources.room_type_codes().items()}
        for row in self.sources.plans:
            if row.code == code and row.room_type_id == type_ids.get(room_type):
                return row
        self._check_room_type(room_type)
        raise NotFound(f"No rate plan {code!r} for room type {room_type!r}",
                       f"房型 {room_type!r} 没有价格计划 {code!r}")

    def with_plan_row(self, row: PlanRow) -> EngineInputs:
        """These inputs with one plan's row changed; refuses a row that cannot be priced."""
        rows = tuple(row if old.id == row.id else old for old in self.sources.plans)
        sources = replace(self.sources, plans=rows)
        plans, plan_ids, problems = _plans(rows, sources.room_type_codes())
        room_type = sources.room_type_codes()[row.room_type_id]
        if (room_type, row.code) in problems:
            raise RatePlanInvalid(problems[(room_type, row.code)])
        return replace(self, sources=sources, plans=tuple(plans), plan_ids=plan_ids, plan_problems=problems)

    @property
    def currency(self) -> str:
        return self.sources.currency


def build_inputs(sources: Sources, overrides_by_plan: dict[int, dict[date, int]]) -> EngineInputs:
    settings = PropertyPricingSettings.from_json(sources.settings)
    codes = sources.room_type_codes()
    plans, plan_ids, problems = _plans(sources.plans, codes)
    key_of = {plan_id: key for key, plan_id in plan_ids.items()}
    overrides = {
        (*key_of[plan_id], night): price
        for plan_id, by_night in overrides_by_plan.items() if plan_id in key_of
        for night, price in by_night.items()
    }
    return EngineInputs(sources, settings, tuple(plans), plan_ids, problems, overrides,
                        channels_for(sources, settings), sources.rules)


def _plans(rows: tuple[PlanRow, ...], type_codes: dict[int, str]):
    by_id = {row.id: row for row in rows}
    plans: list[RatePlan] = []
    plan_ids: dict[PlanKey, int] = {}
    problems: dict[PlanKey, str] = {}
    for row in rows:
        room_type = type_codes[row.room_type_id]
        parent = by_id.get(row.parent_id)
        try:
            plans.append(plan_from_row(row, room_type, parent.code if parent else None))
            plan_ids[(room_type, row.code)] = row.id
        except RatePlanInvalid as exc:
            problems[(room_type, row.code)] = str(exc)
    # A derived plan whose ancestor is left out cannot be priced either.
    while True:
        orphans = [plan for plan in plans if plan.parent and (plan.room_type, plan.parent) in problems]
        if not orphans:
            return plans, plan_ids, problems
        for plan in orphans:
            plans.remove(plan)
            del plan_ids[(plan.room_type, plan.code)]
            problems[(plan.room_type, plan.code)] = (
                f"rate plan {plan.room_type}/{plan.code}: its parent {plan.parent} cannot be priced")


def channels_for(sources: Sources, settings: PropertyPricingSettings) -> tuple[ChannelOutput, ...]:
    """The channel rows, the property-level outputs of channels without a row, and "direct"."""
    currency = sources.currency
    outputs: dict[str, ChannelOutput] = {}
    for name, values in settings.channel_outputs.items():
        outputs[name] = channel_output_from_settings(name, values, currency=currency)
    for name, display, values in sources.channels:
        if values or name not in outputs:  # a row with output keys of its own wins
            outputs[name] = channel_output_from_settings(name, values, display_name=display,
                                                         currency=currency)
    outputs.setdefault(DIRECT_CHANNEL, channel_output_from_settings(DIRECT_CHANNEL, {}, currency=currency))
    return tuple(outputs.values())


def build_engine(inputs: EngineInputs) -> tuple[PriceEngine, dict[str, str]]:
    """The engine, and the problem of each rule left out of it (by rule name)."""
    engine = PriceEngine(inputs.plans, (), inputs.overrides, inputs.channels,
                         inputs.settings.engine_settings())
    problems: dict[str, str] = {}
    # Two rows with one name can only be written around the service; neither is trusted.
    names = Counter(spec.name for spec in inputs.rules)
    for spec in inputs.rules:
        if names[spec.name] > 1:
            problems[spec.name] = f"rule {spec.name!r}: another rule already has this name"
            continue
        problem = install_rule(engine, spec)
        if problem:
            problems[spec.name] = problem
    return engine, problems


def install_rule(engine: PriceEngine, spec: RuleSpec, grid=None) -> str | None:
    """Put ``spec`` into ``engine``, replacing a rule of the same name (refreshing ``grid``);
    returns the reason if it cannot be used."""
    try:
        engine.put_rule(rule_from_spec(spec), grid)
    except PriceRefused:
        raise  # the rule is usable but drives a price to ≤ 0: the caller refuses the edit
    except ValueError as exc:  # RuleInvalid, or the scope names an unknown room type/plan/channel
        return str(exc)
    return None
