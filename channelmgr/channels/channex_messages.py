"""Channex-style ARI requests: ranges in, JSON bodies out.

Two endpoints carry everything (the public Channex API's shape):

* ``POST /api/v1/availability`` — AvailCell ranges → ``values[]`` of ``{property_id, room_type_id,
  date_from, date_to, availability}`` (rooms to sell);
* ``POST /api/v1/restrictions`` — RateCell and RestrictionCell ranges → ``values[]`` of
  ``{property_id, rate_plan_id, date_from, date_to, …}`` with ``rate`` for a price, and
  ``min_stay_arrival`` *or* ``min_stay_through`` (the channel's ``min_stay_basis``), ``max_stay``,
  ``closed_to_arrival``, ``closed_to_departure``, ``stop_sell`` for restrictions. A value sets only
  the fields it names, so a price and the restrictions of the same nights may share a request.

``date_from``/``date_to`` are inclusive nights, as our ranges are; a weekday pattern travels as
``days: ["mo", "we", …]``. Rates are decimal strings in the currency's own exponent ("388.00";
never a float). One range is one value: ``values[n]`` is ``OutgoingMessage.items[n]``, which is how
the per-item warnings of a reply find their range.

Rate plans belong to one room type at a Channex-style hub, so a restriction value names its rate
plan only: map each room type's rate plans to that room's own rate plan ids.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, Sequence

from channelmgr.channels.opentravel_messages import OutgoingMessage, minor_to_decimal
from channelmgr.sync.channel_profiles import MIN_STAY_BASES
from channelmgr.sync.ranges import AvailCell, Range, RateCell, RestrictionCell

AVAILABILITY = "availability"
RESTRICTIONS = "restrictions"
API_PATH = "api/v1"
# What a request is called in the sync log (SyncLog.message holds 50 characters).
MESSAGE_NAMES = {AVAILABILITY: "POST availability", RESTRICTIONS: "POST restrictions"}
DEFAULT_MAX_VALUES = 1000  # values per request a Channex-style hub takes; a channel setting overrides it
DAY_NAMES = ("mo", "tu", "we", "th", "fr", "sa", "su")  # index = date.weekday()
MIN_STAY_FIELDS = {"arrival": "min_stay_arrival", "through": "min_stay_through"}
assert set(MIN_STAY_FIELDS) == set(MIN_STAY_BASES)


def items_per_range(rng: Range) -> int:
    """One range is one value, whatever it carries."""
    return 1


def endpoint_of(rng: Range) -> str:
    """Which endpoint carries the range: prices and restrictions share ``restrictions``."""
    return AVAILABILITY if isinstance(rng.cell, AvailCell) else RESTRICTIONS


def build_values(property_id: str, ranges: Sequence[Range], *, min_stay_basis: str,
                 request_id: str | None = None) -> OutgoingMessage:
    """The request for one planned group of ranges (all for one endpoint)."""
    if not property_id:
        raise ValueError("property_id is required")
    if not ranges:
        raise ValueError("a request needs at least one range")
    endpoints = {endpoint_of(r) for r in ranges}
    if len(endpoints) != 1:
        raise ValueError(f"one request goes to one endpoint, got {sorted(endpoints)}")
    endpoint = endpoints.pop()
    if endpoint == AVAILABILITY:
        values = [availability_value(property_id, r) for r in ranges]
    else:
        values = [restriction_value(property_id, r, min_stay_basis) for r in ranges]
    body = json.dumps({"values": values}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return OutgoingMessage(MESSAGE_NAMES[endpoint], property_id, request_id or uuid.uuid4().hex, body,
                           tuple(ranges), http_method="POST", http_path=f"{API_PATH}/{endpoint}", pace=endpoint)


def availability_value(property_id: str, rng: Range) -> dict[str, Any]:
    cell = rng.cell
    if not isinstance(cell, AvailCell):
        raise ValueError(f"availability carries AvailCell ranges, got {type(cell).__name__}")
    return {"property_id": property_id, "room_type_id": cell.remote_room, **_dates(rng), "availability": cell.count}


def restriction_value(property_id: str, rng: Range, min_stay_basis: str) -> dict[str, Any]:
    cell = rng.cell
    value: dict[str, Any] = {"property_id": property_id}
    if isinstance(cell, RateCell):
        value["rate_plan_id"] = cell.remote_rate
        value.update(_dates(rng))
        amount = minor_to_decimal(cell.amount_minor, cell.currency)
        if cell.guests is None:
            value["rate"] = amount
        else:  # an occupancy price: the hub's per-occupancy list, one entry
            value["rates"] = [{"occupancy": cell.guests, "rate": amount}]
        return value
    if isinstance(cell, RestrictionCell):
        try:
            min_stay_field = MIN_STAY_FIELDS[min_stay_basis]
        except KeyError:
            raise ValueError(f"min_stay_basis must be one of {', '.join(MIN_STAY_FIELDS)}, got {min_stay_basis!r}") from None
        value["rate_plan_id"] = cell.remote_rate
        value.update(_dates(rng))
        # The cell is sent whole (every field), so the channel converges to exactly this state;
        # max_stay 0 is the hub's "no maximum".
        value[min_stay_field] = cell.min_stay
        value["max_stay"] = cell.max_stay or 0
        value["closed_to_arrival"] = cell.cta
        value["closed_to_departure"] = cell.ctd
        value["stop_sell"] = cell.stop_sell
        return value
    raise ValueError(f"restrictions carry RateCell or RestrictionCell ranges, got {type(cell).__name__}")


def _dates(rng: Range) -> dict[str, Any]:
    dates: dict[str, Any] = {"date_from": rng.start.isoformat(), "date_to": rng.end.isoformat()}
    if rng.weekdays is not None:
        dates["days"] = [DAY_NAMES[d] for d in sorted(rng.weekdays)]
    return dates
