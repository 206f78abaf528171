"""Plain results of the pricing service, for the CLI, the UI, the calendar and the sync engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .guard import GuardReport, SuspiciousChange
from .money import major_text
from .rule_store import RuleSpec

CellKey = tuple[str, str, date]  # (room type code, rate plan code, night)


@dataclass(frozen=True)
class PriceRow:
    room_type: str
    rate_plan: str
    channel: str
    night: date
    price_minor: int
    currency: str
    min_stay: int | None  # strictest min-stay hint of the rules that applied (国庆 ≥ 2 nights)
    estimated_holidays: bool  # the night's year has no official holiday arrangement yet


@dataclass(frozen=True)
class ExplainStep:
    label_zh: str
    label_en: str
    operation: str  # '=388', '+80', '×1.5', '+15%', '↑…8'
    amount_minor: int  # the change this step made (the first step: the starting price)
    price_after_minor: int


@dataclass(frozen=True)
class PriceExplanation:
    room_type: str
    rate_plan: str
    channel: str
    night: date
    currency: str
    steps: tuple[ExplainStep, ...]
    min_stay: int | None
    estimated_holidays: bool

    @property
    def price_minor(self) -> int:
        return self.steps[-1].price_after_minor

    def chain(self, lang: str = "zh") -> str:
        """One line: '基础价（标准价） =388 → 周末 +80 → 国庆 ×1.5 → 携程 加价 +15% → … → 808'."""
        parts = [f"{step.label_zh if lang == 'zh' else step.label_en} {step.operation}"
                 for step in self.steps]
        return " → ".join([*parts, major_text(self.price_minor)])


@dataclass(frozen=True)
class RuleInfo:
    """A stored rule with what the engine made of it."""

    spec: RuleSpec
    stage: str | None  # base | adjust | scale | final; None when the rule cannot be used
    operation: str  # '+80', '×1.5' …; '' when the rule cannot be used
    problem: str | None  # why the rule is not applied (it names a deleted room type, …)

    @property
    def id(self) -> int:
        return self.spec.id

    @property
    def name(self) -> str:
        return self.spec.name


@dataclass(frozen=True)
class PlanInfo:
    room_type: str
    room_type_name_zh: str
    room_type_name_en: str
    code: str
    name_zh: str
    name_en: str
    base_price_minor: int | None
    parent: str | None
    derive_kind: str | None  # "amount" | "percent"
    derive_value: str | None  # fen for amount, a percent for percent
    standard_guests: int
    guest_changes: tuple[tuple[int, int], ...]  # (guest count, change in fen)
    extra_adult_minor: int
    extra_child_minor: int
    problem: str | None


@dataclass(frozen=True)
class ChannelInfo:
    name: str
    name_zh: str
    name_en: str
    markup_percent: str
    fixed_adjust_minor: int
    rounding: str  # none | yuan | end8 | end9
    min_price_minor: int | None
    max_price_minor: int | None


@dataclass(frozen=True)
class PricePreview:
    """The desk's own prices (the "direct" channel) before and after some edits.

    ``before``/``after`` map (room type, plan) to one price per night of ``nights``; a plan only
    on one side (created or removed) is missing on the other. ``changed`` has every cell whose
    price moves; ``report`` those the fat-finger guard finds suspicious.
    """

    nights: tuple[date, ...]
    currency: str
    before: dict[tuple[str, str], tuple[int, ...]]
    after: dict[tuple[str, str], tuple[int, ...]]
    changed: dict[CellKey, tuple[int | None, int]]
    report: GuardReport

    @property
    def needs_confirmation(self) -> bool:
        return self.report.needs_confirmation

    def biggest_moves(self, limit: int = 5) -> list[SuspiciousChange]:
        return self.report.biggest(limit)
