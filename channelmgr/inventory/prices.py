"""The nightly price (and the price rules' minimum stay) the calendar shows, behind small
pluggable functions.

``NightlyPrices`` is the seam: the calendar asks it for the price of some rate plans over a window
of nights and never looks at how the price is made. ``override_or_base_prices`` is the simple rule
used until the pricing engine (channelmgr.pricing) is plugged in through
``CalendarServices(prices=...)``: a price typed in the calendar for that night, else the plan's
base price; a derived plan follows its parent's price for the night by ± amount or ± percent.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import PriceOverride, RatePlan
from .nights import DayOffsets, raw_dates


class NightlyPrices(Protocol):
    def __call__(
        self, session: Session, rate_plan_ids: Sequence[int], start: date, end: date
    ) -> dict[int, list[int | None]]:
        """For each plan id, the price (fen) of every night in ``[start, end)``; None = no price."""


class RuleMinStays(Protocol):
    def __call__(
        self, session: Session, rate_plan_ids: Sequence[int], start: date, end: date
    ) -> dict[int, list[int | None]]:
        """For each plan id that a price rule restricts in ``[start, end)``, the rules' minimum
        stay of every night (None: no rule that night); plans no rule restricts are left out.

        The calendar's own restriction and this are combined into the night's *effective*
        minimum stay (``CalendarCell.effective_min_stay``), the one the channels are sent.
        """


def no_rule_min_stays(session: Session, rate_plan_ids: Sequence[int], start: date, end: date) -> dict:
    """Until the pricing engine is plugged in, no rule restricts a night."""
    return {}


def stay_amount(
    session: Session, prices: NightlyPrices, rate_plan_id: int, arrival: date, departure: date
) -> int | None:
    """The price of a whole stay on one plan (fen): the sum of its nights' own prices, so a
    weekend or holiday night inside the stay costs what the calendar says — never tonight's
    price × nights. None when a night has no price. Every booking path quotes with this
    (新建订单 through ``quote_desk_stay``, 散客入住 through ``FrontDeskService.walk_in``)."""
    nightly = prices(session, [rate_plan_id], arrival, departure).get(rate_plan_id) or []
    if len(nightly) != (departure - arrival).days or None in nightly:
        return None
    return sum(nightly)


def no_prices(session: Session, rate_plan_ids: Sequence[int], start: date, end: date) -> dict[int, list[int | None]]:
    """For snapshots that only count rooms (checks before a repair or a sale): skips the price queries."""
    return {}


def override_or_base_prices(
    session: Session, rate_plan_ids: Sequence[int], start: date, end: date
) -> dict[int, list[int | None]]:
    plans = _plans_with_ancestors(session, rate_plan_ids)
    n = max(0, (end - start).days)
    overrides: dict[int, dict[int, int]] = defaultdict(dict)  # plan → {night offset: price}
    if plans and n:
        offsets = DayOffsets(start)
        rows = session.connection().execute(
            select(PriceOverride.rate_plan_id, raw_dates(PriceOverride.night), PriceOverride.price_minor).where(
                PriceOverride.rate_plan_id.in_(plans), PriceOverride.night >= start, PriceOverride.night < end
            )
        ).all()
        for plan_id, night, price in rows:
            overrides[plan_id][offsets[night]] = price

    resolved: dict[int, list[int | None]] = {}

    def prices_of(plan_id: int, chain: frozenset[int] = frozenset()) -> list[int | None]:
        if plan_id in resolved:
            return resolved[plan_id]
        plan = plans.get(plan_id)
        if plan is None or plan_id in chain:  # a missing or circular parent gives no price
            return [None] * n
        if plan.parent_id is None:
            base = [plan.base_price_minor] * n
        else:
            parent = prices_of(plan.parent_id, chain | {plan_id})
            # A horizon holds few distinct prices: derive each once (Decimal arithmetic is slow).
            derived = {price: _derive(price, plan) for price in set(parent)}
            base = list(map(derived.__getitem__, parent))
        for offset, price in overrides.get(plan_id, {}).items():
            base[offset] = price
        resolved[plan_id] = base
        return base

    return {plan_id: prices_of(plan_id) for plan_id in rate_plan_ids}


def _plans_with_ancestors(session: Session, plan_ids: Sequence[int]) -> dict[int, RatePlan]:
    """The plans asked for and every parent up their chains (one query per generation)."""
    found: dict[int, RatePlan] = {}
    wanted = set(plan_ids)
    while wanted:
        batch = session.scalars(select(RatePlan).where(RatePlan.id.in_(wanted))).all()
        found.update((p.id, p) for p in batch)
        wanted = {p.parent_id for p in batch if p.parent_id is not None} - found.keys()
    return found


def _derive(parent_price: int | None, plan: RatePlan) -> int | None:
    if parent_price is None or plan.derive_value is None:
        return parent_price
    value = Decimal(plan.derive_value)
    if plan.derive_kind == "percent":
        return int((parent_price * (1 + value / 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return parent_price + int(value)
