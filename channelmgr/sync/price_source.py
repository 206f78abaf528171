"""The one place the sync engine learns what price a channel is sent for a rate plan and night.

``price_source`` is a seam. Its body today: the calendar's price (a price typed for the night, else
the plan's base price; a derived plan follows its parent by ± amount or ± percent — the calendar's
own ``override_or_base_prices``), then the channel's markup, rounding and guards through the
pricing engine's ``ChannelOutput``. When the pricing engine (rules, holidays, occupancy) is wired
to the database, only this body changes; desired state, diff and sending stay as they are.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import RatePlan, RoomType
from ..inventory.prices import override_or_base_prices
from ..pricing.steps import PriceRefused
from .channels import ChannelConfig
from .mappings import RatePlanRef, RoomTypeRef

_CACHE_KEY = "channelmgr.sync.calendar_prices"

# The shape every price source has; Services plugs in PricingService.price_source (rules,
# holidays, occupancy, channel output), and price_source below is the calendar-only fallback.
PriceSource = Callable[[Session, ChannelConfig, RoomTypeRef, RatePlanRef, Sequence[date]], dict[date, int]]


def no_rule_min_stays(
    session: Session, channel: ChannelConfig, room_type: RoomTypeRef, rate_plan: RatePlanRef, nights: Sequence[date]
) -> dict[date, int]:
    """The seam for the minimum stays price rules ask (same shape as a PriceSource: ``{night:
    nights}``, only restricted nights). Without the pricing engine no rule restricts a night;
    Services plugs in PricingService.rule_min_stay_source."""
    return {}


def price_source(
    session: Session,
    channel: ChannelConfig,
    room_type: RoomTypeRef,
    rate_plan: RatePlanRef,
    nights: Sequence[date],
) -> dict[date, int]:
    """``{night: amount in minor units}`` the channel should show; a night without a price is absent.

    ``nights`` are consecutive. The calendar prices of every plan of the property are read once
    per session and window (kept in ``session.info``), because one pass asks for each mapped plan
    in turn and a two-year window of a large property is one set of queries, not one per plan.
    """
    if not nights:
        return {}
    start, end = nights[0], nights[-1] + timedelta(days=1)
    prices = _calendar_prices(session, channel.property_id, start, end).get(rate_plan.id)
    if prices is None:
        return {}
    if len(prices) != len(nights):  # not every night of the window asked for: pick those asked
        prices = [prices[(night - start).days] for night in nights]
    output = channel.settings.price_output(channel.name, channel.currency)
    # Each distinct calendar price goes through the channel's output once: a horizon has few, and
    # the nights are then filled in C (map, zip) rather than one Python step each.
    sent: dict[int | None, int | None] = {}
    for price in set(prices):
        try:
            sent[price] = None if price is None else output.apply(price)
        except PriceRefused:  # a markup that drives the price to ≤ 0: not sent, reported as no price
            sent[price] = None
    amounts = map(sent.__getitem__, prices)  # prices[i] is the price of nights[i]
    if None in sent.values():  # nights without a price: left out
        return {night: amount for night, amount in zip(nights, amounts) if amount is not None}
    return dict(zip(nights, amounts))


def _calendar_prices(session: Session, property_id: int, start: date, end: date) -> dict[int, list[int | None]]:
    cache = session.info.setdefault(_CACHE_KEY, {})
    key = (property_id, start, end)
    if key not in cache:
        plan_ids = session.scalars(
            select(RatePlan.id).join(RoomType, RoomType.id == RatePlan.room_type_id).where(RoomType.property_id == property_id)
        ).all()
        cache[key] = override_or_base_prices(session, plan_ids, start, end)
    return cache[key]
