"""Reading what prices are made of from the database, and noticing when it changed.

``read_sources`` loads, in a handful of small queries, every row pricing depends on except the
manual overrides — room types, rate plans, rules, the output part of each channel's settings,
the property's pricing settings — plus a *digest* of the overrides. The result is plain,
comparable data, so it is its own fingerprint: the service keeps the engine built from one
``Sources`` and reuses it for as long as a fresh read compares equal. That catches changes made
by anyone — this desk, another desk on the same PostgreSQL database, the calendar's bulk price
edit — without a version column every writer would have to remember to bump.

Overrides can be tens of thousands of rows, so they are summarised by one aggregate query
(count and weighted sums over plan, night and price) instead of being read; any edit, a moved
price, or two prices swapped between nights changes at least one of the sums.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from ..db.models import Channel, PriceOverride, PriceRule, Property, RatePlan, Reservation, Room, RoomType
from ..errors import NotFound
from ..inventory.availability import HOLDING_STATUSES
from .channel_settings import output_settings
from .plan_store import PlanRow
from .property_settings import read_settings_json
from .rule_store import RuleSpec, spec_from_columns


@dataclass(frozen=True)
class Sources:
    property_id: int
    currency: str
    timezone: str
    room_types: tuple[tuple[int, str, str, str, bool], ...]  # id, code, name_zh, name_en, archived
    plans: tuple[PlanRow, ...]
    channels: tuple[tuple[str, str, dict], ...]  # name, display name, output settings
    settings: dict  # the property's pricing settings JSON
    overrides_digest: tuple
    rules: tuple[RuleSpec, ...]

    def same_apart_from_rules(self, other: Sources) -> bool:
        """Everything but the rules is unchanged: rule edits can then be applied incrementally."""
        return (self.currency, self.timezone, self.room_types, self.plans, self.channels,
                self.settings, self.overrides_digest) == (
                other.currency, other.timezone, other.room_types, other.plans, other.channels,
                other.settings, other.overrides_digest)

    def room_type_codes(self) -> dict[int, str]:
        return {type_id: code for type_id, code, *_ in self.room_types}


def read_sources(session: Session, property_id: int) -> Sources:
    prop = session.execute(
        select(Property.currency, Property.timezone).where(Property.id == property_id)).first()
    if prop is None:
        raise NotFound(f"No property with id {property_id}")
    room_types = tuple(tuple(row) for row in session.execute(
        select(RoomType.id, RoomType.code, RoomType.name_zh, RoomType.name_en, RoomType.archived)
        .where(RoomType.property_id == property_id)
        .order_by(RoomType.sort_order, RoomType.id)))
    plans = tuple(PlanRow(*row) for row in session.execute(
        select(RatePlan.id, RatePlan.room_type_id, RatePlan.code, RatePlan.name_zh, RatePlan.name_en,
               RatePlan.base_price_minor, RatePlan.parent_id, RatePlan.derive_kind,
               RatePlan.derive_value, RatePlan.settings)
        .join(RoomType, RatePlan.room_type_id == RoomType.id)
        .where(RoomType.property_id == property_id)
        .order_by(RoomType.sort_order, RoomType.id, RatePlan.sort_order, RatePlan.id)))
    channels = tuple(
        (name, display or "", output_settings(settings))
        for name, display, settings in session.execute(
            select(Channel.name, Channel.display_name, Channel.settings)
            .where(Channel.property_id == property_id, Channel.protocol.in_(_priced_protocols()))
            .order_by(Channel.id)))
    rules = tuple(
        spec_from_columns(id=row.id, name=row.name, kind=row.kind, priority=row.priority,
                          enabled=row.enabled, params=row.params, scope=row.scope,
                          valid_from=row.valid_from, valid_to=row.valid_to)
        for row in session.scalars(
            select(PriceRule).where(PriceRule.property_id == property_id).order_by(PriceRule.id)))
    return Sources(property_id, prop.currency, prop.timezone, room_types, plans, channels,
                   read_settings_json(session, property_id),
                   _overrides_digest(session, property_id), rules)


def _priced_protocols() -> list[str]:
    # A channel we push to gets prices; an iCal feed channel only tells us taken nights, so it has
    # no price to show, explain or guard.
    from ..channels.adapter import PROTOCOLS, adapter_for, pushes

    return [protocol for protocol in PROTOCOLS if pushes(adapter_for(protocol))]


def _property_overrides():
    return (select().select_from(PriceOverride)
            .join(RatePlan, PriceOverride.rate_plan_id == RatePlan.id)
            .join(RoomType, RatePlan.room_type_id == RoomType.id))


def _overrides_digest(session: Session, property_id: int) -> tuple:
    # A night as a number without dialect-specific date arithmetic: extract() is portable.
    night = (extract("year", PriceOverride.night) * 372 + extract("month", PriceOverride.night) * 31
             + extract("day", PriceOverride.night))
    price, plan = PriceOverride.price_minor, PriceOverride.rate_plan_id
    query = _property_overrides().add_columns(
        func.count(), func.sum(price), func.sum(price * plan), func.sum(price * night),
        func.sum(plan * night),
    ).where(RoomType.property_id == property_id)
    return tuple(int(value or 0) for value in session.execute(query).one())


def read_overrides(session: Session, property_id: int) -> dict[int, dict[date, int]]:
    """Every manual price of the property: rate plan id → {night: fen}."""
    found: dict[int, dict[date, int]] = defaultdict(dict)
    query = _property_overrides().add_columns(
        PriceOverride.rate_plan_id, PriceOverride.night, PriceOverride.price_minor,
    ).where(RoomType.property_id == property_id)
    for plan_id, night, price in session.execute(query):
        found[plan_id][night] = price
    return found


def sold_fractions(session: Session, room_type_codes: dict[int, str], start: date,
                   end: date) -> dict[tuple[str, date], Decimal]:
    """(room type code, night) → share of the type's rooms booked, for nights in [start, end).

    Two set-based queries (room counts, overlapping bookings grouped by stay), counted per night
    in Python. A type without rooms has no entry, so occupancy rules never match it; an
    overbooked night counts as full.
    """
    if not room_type_codes or end <= start:
        return {}
    type_ids = list(room_type_codes)
    rooms = {type_id: count for type_id, count in session.execute(
        select(Room.room_type_id, func.count()).where(Room.room_type_id.in_(type_ids))
        .group_by(Room.room_type_id))}
    booked: dict[tuple[int, date], int] = defaultdict(int)
    stays = session.execute(
        select(Reservation.room_type_id, Reservation.arrival, Reservation.departure, func.count())
        .where(Reservation.room_type_id.in_(type_ids), Reservation.status.in_(HOLDING_STATUSES),
               Reservation.arrival < end, Reservation.departure > start)
        .group_by(Reservation.room_type_id, Reservation.arrival, Reservation.departure))
    for type_id, arrival, departure, count in stays:
        night = max(arrival, start)
        while night < min(departure, end):
            booked[(type_id, night)] += count
            night += timedelta(days=1)
    fractions = {}
    for type_id, total in rooms.items():
        code = room_type_codes[type_id]
        night = start
        while night < end:
            fractions[(code, night)] = min(Decimal(1), Decimal(booked.get((type_id, night), 0)) / total)
            night += timedelta(days=1)
    return fractions


def occupancy_digest(session: Session, property_id: int) -> tuple:
    """Changes whenever a booking or a room of the property is added, changed or removed, so a
    grid priced with occupancy figures is recomputed only when they may have moved."""
    bookings = session.execute(
        select(func.count(), func.max(Reservation.updated_at), func.sum(Reservation.id),
               func.sum(Reservation.room_type_id))
        .where(Reservation.property_id == property_id)).one()
    rooms = session.execute(
        select(func.count(), func.sum(Room.room_type_id), func.sum(Room.id))
        .where(Room.property_id == property_id)).one()
    return (*bookings, *rooms)
