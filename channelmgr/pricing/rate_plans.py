"""Rate plans: a root plan has a base price, a derived plan follows its parent (±amount or ±%).

Plans belong to one room type and are identified by ``(room_type, code)``, so every room type can
have its own "BAR", "BB" (breakfast) and "NR" (non-refundable). A derived plan starts from its
parent's finished price for the night (after the parent's rules and manual override), which is
why a breakfast plan stays exactly ¥30 above the room-only price on every night.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from .money import HUNDRED, as_decimal, as_fen, decimal_text, major_text, percent_factor, scale
from .steps import Step, first_step, step

DeriveKind = Literal["amount", "percent"]


@dataclass(frozen=True)
class GuestPricing:
    """How a plan's price changes with the number of guests.

    The plan's price is the price for ``standard_guests``. ``by_guest_count`` gives an explicit
    change (fen) for a guest count, e.g. ``{1: -3000}`` for single use; a count above the standard
    with no explicit entry pays ``extra_adult`` per guest above it; a count below it with no entry
    pays the plan price. Each child pays ``extra_child`` on top of the adults' price.
    """

    standard_guests: int = 2
    by_guest_count: Mapping[int, int] | tuple[tuple[int, int], ...] = ()
    extra_adult: int = 0
    extra_child: int = 0

    def __post_init__(self) -> None:
        if as_fen(self.standard_guests, "standard_guests") < 1:
            raise ValueError(f"standard_guests must be at least 1, got {self.standard_guests}")
        as_fen(self.extra_adult, "extra_adult")
        as_fen(self.extra_child, "extra_child")
        pairs = dict(self.by_guest_count)
        for guests, delta in pairs.items():
            if as_fen(guests, "guest count") < 1:
                raise ValueError(f"guest counts start at 1, got {guests}")
            as_fen(delta, f"price change for {guests} guests")
        # Stored as sorted pairs so the plan stays hashable and equal plans compare equal.
        object.__setattr__(self, "by_guest_count", tuple(sorted(pairs.items())))

    def change_for(self, guests: int) -> int:
        """Change (fen) to the plan price for ``guests`` adults."""
        explicit = dict(self.by_guest_count)
        if guests in explicit:
            return explicit[guests]
        return max(0, guests - self.standard_guests) * self.extra_adult


@dataclass(frozen=True)
class RatePlan:
    """A rate plan of one room type. Exactly one of ``base_price`` and ``parent`` is set."""

    code: str
    room_type: str
    base_price: int | None = None
    parent: str | None = None
    derive_kind: DeriveKind | None = None
    derive_value: int | Decimal | None = None
    guest_pricing: GuestPricing = field(default_factory=GuestPricing)
    name_zh: str = ""
    name_en: str = ""

    def __post_init__(self) -> None:
        where = f"rate plan {self.room_type}/{self.code}"
        if (self.base_price is None) == (self.parent is None):
            raise ValueError(f"{where}: give either a base price or a parent plan, not both or none")
        if self.parent is None:
            if as_fen(self.base_price, f"{where} base_price") <= 0:
                raise ValueError(f"{where}: base price must be above zero, got {self.base_price}")
            if self.derive_kind is not None or self.derive_value is not None:
                raise ValueError(f"{where}: derive_kind/derive_value need a parent plan")
            return
        if self.parent == self.code:
            raise ValueError(f"{where}: a plan cannot derive from itself")
        if self.derive_kind == "amount":
            as_fen(self.derive_value, f"{where} derive_value")
        elif self.derive_kind == "percent":
            value = as_decimal(self.derive_value, f"{where} derive_value")
            if value <= -HUNDRED:
                raise ValueError(f"{where}: {decimal_text(value)}% would make every price ≤ 0")
            object.__setattr__(self, "derive_value", value)
        else:
            raise ValueError(f"{where}: derive_kind must be 'amount' or 'percent' for a derived plan")

    @property
    def is_derived(self) -> bool:
        return self.parent is not None

    @property
    def label_zh(self) -> str:
        return self.name_zh or self.code

    @property
    def label_en(self) -> str:
        return self.name_en or self.code

    @property
    def source(self) -> str:
        return f"rate plan {self.room_type}/{self.code}"


def base_step(plan: RatePlan) -> Step:
    """First step of a root plan's price: its base price."""
    return first_step(
        f"基础价（{plan.label_zh}）",
        f"Base price ({plan.label_en})",
        "=" + major_text(plan.base_price),
        plan.base_price,
        plan.source,
    )


def derive_step(parent_price: int, plan: RatePlan) -> Step:
    """A derived plan's price from its parent's finished price."""
    if plan.derive_kind == "amount":
        price = parent_price + plan.derive_value
        operation = major_text(plan.derive_value, signed=True)
    else:
        price = scale(parent_price, percent_factor(plan.derive_value))
        sign = "+" if plan.derive_value >= 0 else ""
        operation = f"{sign}{decimal_text(plan.derive_value)}%"
    return step(
        f"{plan.label_zh}：由 {plan.parent} 派生",
        f"{plan.label_en}: derived from {plan.parent}",
        operation,
        parent_price,
        price,
        plan.source,
    )


def occupancy_prices(price: int, plan: RatePlan, max_guests: int) -> dict[int, int]:
    """Price for 1…``max_guests`` adults, from the plan's price for its standard occupancy.

    Refuses (ValueError naming the plan) a guest count whose price would be ≤ 0.
    """
    if max_guests < 1:
        raise ValueError(f"max_guests must be at least 1, got {max_guests}")
    prices = {}
    for guests in range(1, max_guests + 1):
        amount = price + plan.guest_pricing.change_for(guests)
        if amount <= 0:
            raise ValueError(f"{plan.source}: price for {guests} guests would be {amount} fen")
        prices[guests] = amount
    return prices


def party_price(price: int, plan: RatePlan, adults: int, children: int = 0) -> int:
    """Price for a party: the adults' occupancy price plus ``extra_child`` per child."""
    return occupancy_prices(price, plan, adults)[adults] + children * plan.guest_pricing.extra_child


class PlanCatalog:
    """All rate plans, indexed by (room type, code), checked for unknown parents and cycles."""

    def __init__(self, plans: Iterable[RatePlan]):
        self._plans: dict[tuple[str, str], RatePlan] = {}
        for plan in plans:
            key = (plan.room_type, plan.code)
            if key in self._plans:
                raise ValueError(f"duplicate rate plan {plan.room_type}/{plan.code}")
            self._plans[key] = plan
        self._chains = {key: self._resolve_chain(key) for key in self._plans}
        self._room_types = tuple(dict.fromkeys(rt for rt, _ in self._plans))
        self._codes = frozenset(code for _, code in self._plans)

    def _resolve_chain(self, key: tuple[str, str]) -> tuple[str, ...]:
        room_type, code = key
        chain = [code]
        plan = self._plans[key]
        while plan.parent is not None:
            if (room_type, plan.parent) not in self._plans:
                raise ValueError(f"{plan.source}: parent plan {plan.parent!r} does not exist")
            if plan.parent in chain:
                raise ValueError(f"{plan.source}: plans derive from each other in a cycle")
            chain.append(plan.parent)
            plan = self._plans[(room_type, plan.parent)]
        return tuple(reversed(chain))

    def __contains__(self, key: object) -> bool:
        return key in self._plans

    def __iter__(self):
        return iter(self._plans.values())

    def get(self, room_type: str, code: str) -> RatePlan:
        try:
            return self._plans[(room_type, code)]
        except KeyError:
            raise KeyError(f"no rate plan {code!r} for room type {room_type!r}") from None

    def chain(self, room_type: str, code: str) -> tuple[str, ...]:
        """Plan codes from the root plan down to ``code`` (``('BAR', 'BB')`` for BB)."""
        self.get(room_type, code)
        return self._chains[(room_type, code)]

    def room_types(self) -> tuple[str, ...]:
        return self._room_types

    def codes(self) -> frozenset[str]:
        return self._codes

    def plans_of(self, room_type: str) -> tuple[RatePlan, ...]:
        return tuple(plan for (rt, _), plan in self._plans.items() if rt == room_type)
