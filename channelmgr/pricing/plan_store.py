"""Rate plans as stored in the ``rate_plan`` table ↔ engine ``RatePlan`` objects.

Columns used: ``base_price_minor`` (root plans), ``parent_id`` + ``derive_kind`` ("amount" |
"percent") + ``derive_value`` (text: fen for amount, a decimal for percent, e.g. "4000", "-10").
Occupancy pricing lives in ``settings["occupancy"]``::

    {"standard_guests": 2,                 # the plan's price is for this many adults
     "by_guest_count": {"1": -2000},       # explicit change (fen) for a guest count
     "extra_adult_minor": 6000,            # per adult above the standard without an entry
     "extra_child_minor": 3000}            # per child

Other keys of ``settings`` belong to whoever wrote them and are left alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from ..errors import UserError
from .rate_plans import GuestPricing, RatePlan

OCCUPANCY_KEY = "occupancy"


class RatePlanInvalid(UserError, ValueError):
    """A stored rate plan cannot be priced; the message names it."""


class PlanRow(NamedTuple):
    """The columns of a ``rate_plan`` row pricing depends on (plain, comparable)."""

    id: int
    room_type_id: int
    code: str
    name_zh: str
    name_en: str
    base_price_minor: int | None
    parent_id: int | None
    derive_kind: str | None
    derive_value: str | None
    settings: dict


def guest_pricing_from_json(value: Mapping | None) -> GuestPricing:
    value = value or {}
    return GuestPricing(
        standard_guests=value.get("standard_guests", 2),
        by_guest_count={int(guests): delta for guests, delta in (value.get("by_guest_count") or {}).items()},
        extra_adult=value.get("extra_adult_minor", 0),
        extra_child=value.get("extra_child_minor", 0),
    )


def guest_pricing_json(pricing: GuestPricing) -> dict:
    return {
        "standard_guests": pricing.standard_guests,
        "by_guest_count": {str(guests): delta for guests, delta in pricing.by_guest_count},
        "extra_adult_minor": pricing.extra_adult,
        "extra_child_minor": pricing.extra_child,
    }


def derive_value_text(kind: str, value: int | Decimal | str) -> str:
    """``derive_value`` as stored: whole fen for "amount", a plain decimal for "percent"."""
    if kind == "amount":
        if isinstance(value, bool) or not isinstance(value, int):
            raise RatePlanInvalid(f"a derived amount must be whole fen, got {value!r}")
        return str(value)
    if kind == "percent":
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise RatePlanInvalid(f"a derived percent must be a number, got {value!r}") from None
        return format(number.normalize(), "f")
    raise RatePlanInvalid(f"derive kind must be 'amount' or 'percent', got {kind!r}")


def plan_from_row(row: PlanRow, room_type: str, parent_code: str | None) -> RatePlan:
    """The engine plan for a row; any bad column → RatePlanInvalid naming the plan."""
    where = f"rate plan {room_type}/{row.code}"
    try:
        derive_value = None
        if row.parent_id is not None:
            derive_value = _stored_derive_value(row.derive_kind, row.derive_value)
        return RatePlan(
            code=row.code,
            room_type=room_type,
            base_price=None if row.parent_id is not None else row.base_price_minor,
            parent=parent_code,
            derive_kind=row.derive_kind if row.parent_id is not None else None,
            derive_value=derive_value,
            guest_pricing=guest_pricing_from_json((row.settings or {}).get(OCCUPANCY_KEY)),
            name_zh=row.name_zh,
            name_en=row.name_en,
        )
    except (TypeError, ValueError, InvalidOperation) as exc:
        message = str(exc)
        raise RatePlanInvalid(message if message.startswith(where) else f"{where}: {message}") from None


def _stored_derive_value(kind: str | None, text: str | None) -> int | Decimal | None:
    if text is None:
        return None
    if kind == "amount":
        return int(text)  # "40.5" raises: an amount is whole fen
    return Decimal(text)
