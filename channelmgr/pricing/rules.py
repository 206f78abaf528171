"""Price rules: conditions on a night, a scope, and one adjustment.

Order of application — the one place it is defined (``apply_rules``), used by ``price``,
``explain`` and ``compute`` alike:

1. **Start**: a root plan's base price, or a derived plan's price from its parent (rate_plans).
2. **Rules**, in ``Rule.order_key`` order = (stage, priority, code):

   ============  =================================================================
   Stage.BASE    sets the night's starting price: season prices ("summer = ¥488")
   Stage.ADJUST  amounts: weekend +¥80, night before a holiday +¥100
   Stage.SCALE   factors and percents: 国庆 ×1.5, last-minute −10%, ≥80% sold +15%
   Stage.FINAL   last word: "春节 = ¥888 whatever else applies"
   ============  =================================================================

   The stage defaults from the adjustment (set → BASE, amount → ADJUST, factor/percent → SCALE)
   and may be given explicitly (a set in FINAL). Amounts come before factors so that
   "weekend +80, 国庆 ×1.5" multiplies the weekend price (388 → 468 → 702), as owners expect.
   Within a stage a **higher priority acts later and so has the last word**: of two set-prices
   the higher priority wins; ties are broken by rule code so the order is always the same.
3. **Manual override** for (room type, plan, night) replaces the result of 1–2 (engine).
4. **Derived plans** start from their parent's result of 1–3, then apply only the rules that name
   them explicitly (a rule with an empty plan scope reaches them through the parent already).
5. **Channel output**: markup, rounding, min/max guards (channel_output).

Every step that would produce a price ≤ 0 is refused with ``PriceRefused`` naming the rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum, IntEnum
from typing import ClassVar, Protocol

from .holidays_cn import DayInfo, canonical_holiday_name
from .money import HUNDRED, as_decimal, as_fen, decimal_text, major_text, percent_factor, scale
from .steps import Step, step


@dataclass(frozen=True, slots=True)
class NightFacts:
    """What a condition may look at for one night (built by ``PricingSettings.night_facts``)."""

    night: date
    day: DayInfo
    is_weekend: bool  # per settings; a make-up workday is not a weekend night by default
    lead_days: int  # nights between "today" (as_of) and the night: 0 = tonight, <0 = past


# -- conditions ------------------------------------------------------------------------------


class NightCondition(Protocol):
    def matches(self, facts: NightFacts) -> bool: ...


def _frozen_set(values: Iterable, what: str) -> frozenset:
    # A bare string is an iterable of characters: "ctrip" would scope to {'c', 't', 'r', ...}.
    if isinstance(values, str):
        raise TypeError(f"{what} must be a collection of names, not the string {values!r}")
    return frozenset(values)


@dataclass(frozen=True)
class Weekend:
    """Weekend nights as the settings define them (default Friday and Saturday nights)."""

    def matches(self, facts: NightFacts) -> bool:
        return facts.is_weekend


@dataclass(frozen=True)
class Weekdays:
    """Nights falling on these calendar weekdays (0 = Monday … 6 = Sunday), 调休 not considered."""

    days: frozenset[int]

    def __post_init__(self) -> None:
        days = _frozen_set(self.days, "weekdays")
        if not days or not days <= set(range(7)):
            raise ValueError(f"weekdays must be a non-empty set of 0 (Mon) … 6 (Sun), got {days}")
        object.__setattr__(self, "days", days)

    def matches(self, facts: NightFacts) -> bool:
        return facts.night.weekday() in self.days


@dataclass(frozen=True)
class Season:
    """Nights from ``start`` to ``end`` inclusive; ``yearly`` repeats the month/day span every
    year and may wrap over New Year (20 Dec – 5 Jan)."""

    start: date
    end: date
    yearly: bool = False

    def __post_init__(self) -> None:
        if not self.yearly and self.start > self.end:
            raise ValueError(f"season starts {self.start} after it ends {self.end}")

    def matches(self, facts: NightFacts) -> bool:
        night = facts.night
        if not self.yearly:
            return self.start <= night <= self.end
        day = (night.month, night.day)
        first, last = (self.start.month, self.start.day), (self.end.month, self.end.day)
        if first <= last:
            return first <= day <= last
        return day >= first or day <= last


def _holiday_names(names: Iterable[str]) -> frozenset[str]:
    return frozenset(canonical_holiday_name(n) for n in _frozen_set(names, "holiday names"))


@dataclass(frozen=True)
class HolidayNights:
    """Nights inside a public-holiday break; ``names`` (e.g. {'国庆节'}) limits it to breaks holding
    one of those holidays — the whole break, so 2025's 国庆 covers 10-06 (中秋) too. Empty = any."""

    names: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", _holiday_names(self.names))

    def matches(self, facts: NightFacts) -> bool:
        return facts.day.is_holiday and (not self.names or bool(self.names & facts.day.break_names))


@dataclass(frozen=True)
class NightBeforeHoliday:
    """The night before a break starts (the night itself not a holiday); ``names`` as above."""

    names: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", _holiday_names(self.names))

    def matches(self, facts: NightFacts) -> bool:
        upcoming = facts.day.next_break_names
        return bool(upcoming) and (not self.names or bool(self.names & upcoming))


@dataclass(frozen=True)
class MakeupWorkdays:
    """Make-up working days (调休), e.g. 2025-09-28, a Sunday people work."""

    def matches(self, facts: NightFacts) -> bool:
        return facts.day.is_makeup_workday


@dataclass(frozen=True)
class LeadTime:
    """Nights whose distance from ``as_of`` lies in [min_days, max_days] (either may be open).

    Tonight is 0 days ahead. ``last_minute(2)`` = tonight, tomorrow and the day after;
    ``early_bird(60)`` = 60 or more days ahead. Past nights never match.
    """

    min_days: int | None = None
    max_days: int | None = None

    def __post_init__(self) -> None:
        if self.min_days is None and self.max_days is None:
            raise ValueError("a lead-time condition needs min_days, max_days or both")
        low = 0 if self.min_days is None else as_fen(self.min_days, "min_days")
        high = self.max_days
        if low < 0 or (high is not None and as_fen(high, "max_days") < low):
            raise ValueError(f"lead time {self.min_days}…{self.max_days} days is empty or negative")

    @classmethod
    def last_minute(cls, within_days: int) -> LeadTime:
        return cls(0, within_days)

    @classmethod
    def early_bird(cls, at_least_days: int) -> LeadTime:
        return cls(at_least_days, None)

    def matches(self, facts: NightFacts) -> bool:
        lead = facts.lead_days
        if lead < (self.min_days or 0):
            return False
        return self.max_days is None or lead <= self.max_days


@dataclass(frozen=True)
class OccupancyAtLeast:
    """The room type is at least this sold for the night (0.8 = 80%); needs occupancy input.

    Not a NightCondition: it depends on the room type as well, so the engine evaluates it apart.
    """

    sold_fraction: Decimal

    def __post_init__(self) -> None:
        value = as_decimal(self.sold_fraction, "sold_fraction")
        if not 0 <= value <= 1:
            raise ValueError(f"sold_fraction is a fraction between 0 and 1, got {value}")
        object.__setattr__(self, "sold_fraction", value)


# -- adjustments -----------------------------------------------------------------------------


class AdjustmentKind(Enum):
    ADD = "add"  # ± amount in fen
    PERCENT = "percent"  # ± percent
    FACTOR = "factor"  # × factor
    SET = "set"  # = absolute price in fen


class Stage(IntEnum):
    BASE = 10
    ADJUST = 20
    SCALE = 30
    FINAL = 40


_DEFAULT_STAGE = {
    AdjustmentKind.SET: Stage.BASE,
    AdjustmentKind.ADD: Stage.ADJUST,
    AdjustmentKind.PERCENT: Stage.SCALE,
    AdjustmentKind.FACTOR: Stage.SCALE,
}


@dataclass(frozen=True)
class Adjustment:
    """What a rule does to the price. Build with ``add``, ``percent``, ``factor`` or ``set_to``."""

    kind: AdjustmentKind
    value: int | Decimal

    def __post_init__(self) -> None:
        if self.kind in (AdjustmentKind.ADD, AdjustmentKind.SET):
            as_fen(self.value, f"{self.kind.value} amount")
            if self.kind is AdjustmentKind.SET and self.value <= 0:
                raise ValueError(f"a set price must be above zero, got {self.value}")
            return
        value = as_decimal(self.value, f"{self.kind.value} value")
        if self.kind is AdjustmentKind.PERCENT and value <= -HUNDRED:
            raise ValueError(f"{decimal_text(value)}% would make every price ≤ 0")
        if self.kind is AdjustmentKind.FACTOR and value <= 0:
            raise ValueError(f"factor ×{decimal_text(value)} would make every price ≤ 0")
        object.__setattr__(self, "value", value)

    @classmethod
    def add(cls, fen: int) -> Adjustment:
        return cls(AdjustmentKind.ADD, fen)

    @classmethod
    def percent(cls, percent: Decimal | int | str) -> Adjustment:
        return cls(AdjustmentKind.PERCENT, percent)

    @classmethod
    def factor(cls, factor: Decimal | int | str) -> Adjustment:
        return cls(AdjustmentKind.FACTOR, factor)

    @classmethod
    def set_to(cls, fen: int) -> Adjustment:
        return cls(AdjustmentKind.SET, fen)

    def apply(self, price: int) -> int:
        if self.kind is AdjustmentKind.ADD:
            return price + self.value
        if self.kind is AdjustmentKind.SET:
            return self.value
        if self.kind is AdjustmentKind.PERCENT:
            return scale(price, percent_factor(self.value))
        return scale(price, self.value)

    def operation(self) -> str:
        if self.kind is AdjustmentKind.ADD:
            return major_text(self.value, signed=True)
        if self.kind is AdjustmentKind.SET:
            return "=" + major_text(self.value)
        if self.kind is AdjustmentKind.PERCENT:
            return f"{'+' if self.value >= 0 else ''}{decimal_text(self.value)}%"
        return f"×{decimal_text(self.value)}"


# -- scope and rule --------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Which room types, rate plans and channels a rule reaches; an empty set means all.

    An empty ``rate_plans`` means every *root* plan: derived plans inherit the effect through
    their parent, and applying the rule to them again would count it twice. A rule reaches a
    derived plan only when it names it.
    """

    room_types: frozenset[str] = frozenset()
    rate_plans: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for name in ("room_types", "rate_plans", "channels"):
            object.__setattr__(self, name, _frozen_set(getattr(self, name), name))

    def covers(self, room_type: str, plan_code: str, plan_is_derived: bool, channel: str) -> bool:
        if self.room_types and room_type not in self.room_types:
            return False
        if self.channels and channel not in self.channels:
            return False
        if self.rate_plans:
            return plan_code in self.rate_plans
        return not plan_is_derived


@dataclass(frozen=True)
class Rule:
    """One pricing rule: when all ``conditions`` hold on a night within the validity dates, for
    a (room type, plan, channel) in ``scope``, apply ``adjustment``. See the module docstring
    for the order. ``min_stay`` is a restriction hint carried to the caller (e.g. 国庆 ≥ 2 nights);
    it does not change the price."""

    code: str
    adjustment: Adjustment
    conditions: tuple = ()
    scope: Scope = field(default_factory=Scope)
    priority: int = 0
    stage: Stage | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    enabled: bool = True
    min_stay: int | None = None
    label_zh: str = ""
    label_en: str = ""

    _night_conditions: tuple = field(init=False, repr=False, compare=False)
    _texts: tuple[str, str, str] = field(init=False, repr=False, compare=False)
    occupancy_threshold: Decimal | None = field(init=False, repr=False, compare=False)

    CONDITION_TYPES: ClassVar[tuple[type, ...]] = (
        Weekend, Weekdays, Season, HolidayNights, NightBeforeHoliday, MakeupWorkdays, LeadTime,
    )

    def __post_init__(self) -> None:
        if not self.code:
            raise ValueError("a rule needs a code")
        where = f"rule {self.code!r}"
        if not isinstance(self.adjustment, Adjustment):
            raise TypeError(f"{where}: adjustment must be an Adjustment, got {self.adjustment!r}")
        conditions = tuple(self.conditions)
        night, thresholds = [], []
        for condition in conditions:
            if isinstance(condition, OccupancyAtLeast):
                thresholds.append(condition.sold_fraction)
            elif isinstance(condition, self.CONDITION_TYPES):
                night.append(condition)
            else:
                raise TypeError(f"{where}: unknown condition {condition!r}")
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError(f"{where}: valid from {self.valid_from} is after valid to {self.valid_to}")
        if self.min_stay is not None and as_fen(self.min_stay, f"{where} min_stay") < 1:
            raise ValueError(f"{where}: min_stay must be at least 1 night")
        as_fen(self.priority, f"{where} priority")
        object.__setattr__(self, "conditions", conditions)
        object.__setattr__(self, "stage", Stage(self.stage or _DEFAULT_STAGE[self.adjustment.kind]))
        object.__setattr__(self, "_night_conditions", tuple(night))
        # Worked out once: a rule is applied to many prices, its texts never change.
        texts = (self.label_zh or self.code, self.label_en or self.code, self.adjustment.operation())
        object.__setattr__(self, "_texts", texts)
        object.__setattr__(self, "occupancy_threshold", max(thresholds) if thresholds else None)

    @property
    def source(self) -> str:
        return f"rule {self.code!r}"

    def order_key(self) -> tuple[int, int, str]:
        return (self.stage, self.priority, self.code)

    def matches_night(self, facts: NightFacts) -> bool:
        """Validity dates and every condition except occupancy hold on this night."""
        if self.valid_from is not None and facts.night < self.valid_from:
            return False
        if self.valid_to is not None and facts.night > self.valid_to:
            return False
        return all(condition.matches(facts) for condition in self._night_conditions)

    def matches_occupancy(self, sold_fraction) -> bool:
        """The occupancy condition holds (always true for a rule without one)."""
        if self.occupancy_threshold is None:
            return True
        return sold_fraction is not None and sold_fraction >= self.occupancy_threshold

    def apply(self, price: int) -> Step:
        """This rule's step on ``price``; refuses (PriceRefused) a result ≤ 0."""
        return step(*self._texts, price, self.adjustment.apply(price), self.source)


def apply_rules(price: int, rules: Iterable[Rule]) -> list[Step]:
    """Steps of ``rules`` applied to ``price`` in the documented order (stage, priority, code)."""
    steps = []
    for rule in sorted(rules, key=Rule.order_key):
        steps.append(rule.apply(price))
        price = steps[-1].price_after
    return steps
