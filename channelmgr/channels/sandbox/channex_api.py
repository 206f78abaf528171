"""The sandbox as a Channex-style hub: ``/channex/{property}/api/v1/…``, JSON in and out.

Routes below ``/channex/{property_id}/api/v1`` (the listing's hotel code is the property id, its
password the API key, sent in the ``user-api-key`` header):

* ``POST availability`` — ``{"values": [{property_id, room_type_id, date_from, date_to, availability}]}``
* ``POST restrictions`` — ``{"values": [{property_id, rate_plan_id, date_from, date_to, [days], rate,
  min_stay_arrival | min_stay_through, max_stay, closed_to_arrival, closed_to_departure, stop_sell}]}``
  (a value sets only the fields it names);
* ``GET availability|restrictions?filter[property_id]=…&filter[date][gte]=…&filter[date][lte]=…`` —
  what the hub shows, read back (``{"data": {room or rate plan id: {date: …}}}``);
* ``GET booking_revisions/feed?filter[property_id]=…`` — unacknowledged booking revisions;
  ``POST booking_revisions/{id}/ack`` — one acknowledged.

As the real hub does: a bad value (unknown room or rate plan id, a date that is not one, date_to
before date_from, a past night, a value of the wrong type) is refused alone, with a per-item
warning naming it by ``index``, and the request's other values are applied (HTTP 200); a request
that cannot be read is refused whole (422); more than ``requests_per_window`` writes per pace in
``rate_window_seconds`` get 429 with ``Retry-After``. Guests book through the same booking desk as
the OpenTravel listings (``bookings.py``).
"""

from __future__ import annotations

import hmac
import math
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable

from channelmgr.channels.errors import ProtocolError
from channelmgr.channels.json_safety import parse_untrusted_json
from channelmgr.channels.opentravel_messages import json_amount_to_minor, minor_to_decimal
from channelmgr.channels.sandbox import bookings as booking_desk
from channelmgr.channels.sandbox.state import ListingState

AVAILABILITY, RESTRICTIONS = "availability", "restrictions"
MAX_READ_DAYS = 750
DAY_NAMES = ("mo", "tu", "we", "th", "fr", "sa", "su")
_COMMON = {"property_id", "date_from", "date_to", "days"}
_AVAILABILITY_FIELDS = _COMMON | {"room_type_id", "availability"}
_RESTRICTION_FIELDS = _COMMON | {"rate_plan_id", "rate", "rates", "min_stay_arrival", "min_stay_through", "max_stay",
                                 "closed_to_arrival", "closed_to_departure", "stop_sell"}
_FLAGS = {"closed_to_arrival": "cta", "closed_to_departure": "ctd", "stop_sell": "stop_sell"}


@dataclass(frozen=True)
class ApiReply:
    status: int
    payload: dict
    headers: dict = field(default_factory=dict)
    outcome: str = "ok"        # counted on the listing: ok · partial · rejected · …
    applied: int = 0
    refused: int = 0


class _Invalid(ValueError):
    """One value is refused; the message is its warning."""


def handle(state: ListingState, method: str, route: list[str], query: dict[str, list[str]], body: bytes,
           api_key: str | None, today: date, now: Callable[[], float] = time.monotonic) -> ApiReply:
    """Answer one request to ``/channex/{property}/api/v1/{route…}``."""
    if not api_key or not hmac.compare_digest(api_key.encode(), state.config.password.encode()):
        return _error(401, "unauthorized", "the user-api-key header is missing or wrong", outcome="unauthorized")
    if method == "POST" and route in ([AVAILABILITY], [RESTRICTIONS]):
        wait = _over_limit(state, route[0], now())
        if wait is not None:
            return _error(429, "too_many_requests", f"more than {state.config.requests_per_window} {route[0]} "
                          f"requests in {state.config.rate_window_seconds:g}s",
                          headers={"Retry-After": str(wait)}, outcome="rate_limited")
        return _write(state, route[0], body, today)
    if method == "GET" and route in ([AVAILABILITY], [RESTRICTIONS]):
        return _read_back(state, route[0], query)
    if method == "GET" and route == ["booking_revisions", "feed"]:
        if _one(query, "filter[property_id]") != state.config.hotel_code:
            return _error(422, "validation_error", "filter[property_id] must be this property's id")
        return ApiReply(200, {"data": [_revision(state, b) for b in booking_desk.deliver_pending(state)]},
                        outcome="ok")
    if method == "POST" and len(route) == 3 and route[0] == "booking_revisions" and route[2] == "ack":
        if not booking_desk.acknowledge_revision(state, route[1]):
            return _error(404, "not_found", f"no delivered booking revision {route[1]!r}", outcome="rejected")
        return ApiReply(200, {"meta": {"message": "Success"}}, applied=1)
    return _error(404, "not_found", f"no {method} {'/'.join(route)} here", outcome="not_found")


# --- writes ---------------------------------------------------------------------------------------

def _over_limit(state: ListingState, pace: str, moment: float) -> int | None:
    """Seconds until the pace's window has room again, or None (and the request counted)."""
    limit, window = state.config.requests_per_window, state.config.rate_window_seconds
    if limit is None:
        return None
    with state.lock:
        times = [t for t in state.request_times.get(pace, []) if t > moment - window]
        if len(times) >= limit:
            state.request_times[pace] = times
            return max(1, math.ceil(times[0] + window - moment))
        times.append(moment)
        state.request_times[pace] = times
    return None


def _write(state: ListingState, endpoint: str, body: bytes, today: date) -> ApiReply:
    try:
        document = parse_untrusted_json(body, what="request")
    except ProtocolError as exc:
        return _error(422, "validation_error", str(exc), outcome="bad_request")
    values = document.get("values")
    if not isinstance(values, list) or not values:
        return _error(422, "validation_error", "the request needs a non-empty 'values' list", outcome="bad_request")
    limit = state.config.max_items_per_request
    if limit is not None and len(values) > limit:
        return _error(422, "validation_error", f"{len(values)} values, more than the {limit} a request may carry",
                      outcome="bad_request")
    apply = _apply_availability if endpoint == AVAILABILITY else _apply_restrictions
    warnings = []
    with state.lock:
        for index, value in enumerate(values):
            try:
                apply(state, value, today)
            except _Invalid as exc:
                echo = {k: value[k] for k in ("room_type_id", "rate_plan_id", "date_from", "date_to")
                        if isinstance(value, dict) and k in value}
                warnings.append({"index": index, **echo, "warning": str(exc)})
    meta: dict[str, Any] = {"message": "Success"}
    if warnings:
        meta["warnings"] = warnings
    refused = len(warnings)
    outcome = "ok" if not refused else ("partial" if refused < len(values) else "rejected")
    return ApiReply(200, {"data": [{"id": uuid.uuid4().hex, "type": "task"}], "meta": meta}, outcome=outcome,
                    applied=len(values) - refused, refused=refused)


def _apply_availability(state: ListingState, value: Any, today: date) -> None:
    nights = _nights_of(state, value, _AVAILABILITY_FIELDS, today)
    room = value.get("room_type_id")
    if room not in state.config.rooms:
        raise _Invalid(f"unknown room_type_id {room!r}")
    count = value.get("availability")
    if type(count) is not int or count < 0:
        raise _Invalid(f"availability must be a whole number ≥ 0, got {count!r}")
    state.set_count(room, nights, count)


def _apply_restrictions(state: ListingState, value: Any, today: date) -> None:
    nights = _nights_of(state, value, _RESTRICTION_FIELDS, today)
    rate_plan = value.get("rate_plan_id")
    room = state.config.rate_plans.get(rate_plan) if isinstance(rate_plan, str) else None
    if room is None:
        raise _Invalid(f"unknown rate_plan_id {rate_plan!r}")
    if "min_stay_arrival" in value and "min_stay_through" in value:
        raise _Invalid("give min_stay_arrival or min_stay_through, not both")
    changes: dict[str, Any] = {}
    for name in ("min_stay_arrival", "min_stay_through"):
        if name in value:
            changes["min_stay"] = _whole(value[name], name, 1)
            changes["min_stay_basis"] = name.removeprefix("min_stay_")
    if "max_stay" in value:
        changes["max_stay"] = _whole(value["max_stay"], "max_stay", 0) or None
    for name, key in _FLAGS.items():
        if name in value:
            if not isinstance(value[name], bool):
                raise _Invalid(f"{name} must be true or false, got {value[name]!r}")
            changes[key] = value[name]
    prices = []
    if "rate" in value:
        prices.append((None, _amount(value["rate"], state.config.currency, "rate")))
    if "rates" in value:
        if not isinstance(value["rates"], list):
            raise _Invalid("rates must be a list of {occupancy, rate}")
        for entry in value["rates"]:
            if not isinstance(entry, dict):
                raise _Invalid("rates must be a list of {occupancy, rate}")
            prices.append((_whole(entry.get("occupancy"), "occupancy", 1),
                           _amount(entry.get("rate"), state.config.currency, "rate")))
    if not changes and not prices:
        raise _Invalid("the value sets nothing (no rate and no restriction)")
    # Checked whole before anything is set: a refused value changes nothing.
    for guests, amount in prices:
        state.set_price(room, rate_plan, guests, nights, amount, state.config.currency)
    if changes:
        state.set_restrictions(room, rate_plan, nights, changes)


def _nights_of(state: ListingState, value: Any, allowed: set[str], today: date) -> list[date]:
    if not isinstance(value, dict):
        raise _Invalid(f"a value must be an object, got {type(value).__name__}")
    unknown = set(value) - allowed
    if unknown:
        raise _Invalid(f"unknown fields {sorted(unknown)}")
    if value.get("property_id") != state.config.hotel_code:
        raise _Invalid(f"property_id {value.get('property_id')!r} is not this property")
    start = _date(value.get("date_from"), "date_from")
    end = _date(value.get("date_to"), "date_to")
    if end < start:
        raise _Invalid(f"date_to {end} is before date_from {start}")
    if start < today:
        raise _Invalid(f"date_from {start} is in the past (today is {today})")
    last = today + timedelta(days=state.config.horizon_days - 1)
    if end > last:
        raise _Invalid(f"date_to {end} is beyond the {state.config.horizon_days}-day horizon (last {last})")
    days = value.get("days")
    if days is not None:
        if not isinstance(days, list) or not days or any(d not in DAY_NAMES for d in days):
            raise _Invalid(f"days must be a non-empty list of {', '.join(DAY_NAMES)}, got {days!r}")
        weekdays = {DAY_NAMES.index(d) for d in days}
    else:
        weekdays = set(range(7))
    return [start + timedelta(days=i) for i in range((end - start).days + 1)
            if (start + timedelta(days=i)).weekday() in weekdays]


def _date(text: Any, name: str) -> date:
    try:
        if not isinstance(text, str) or len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise _Invalid(f"{name} {text!r} is not a date (YYYY-MM-DD)") from None


def _whole(value: Any, name: str, minimum: int) -> int:
    if type(value) is not int or value < minimum:
        raise _Invalid(f"{name} must be a whole number ≥ {minimum}, got {value!r}")
    return value


def _amount(value: Any, currency: str, name: str) -> int:
    # The currency's own exponent, as the read-back's minor_to_decimal turns it back.
    try:
        amount = json_amount_to_minor(value, currency)
    except ValueError:
        raise _Invalid(f"{name} must be a decimal string like \"388.00\" in {currency}, got {value!r}") from None
    if amount < 0:
        raise _Invalid(f"{name} {value!r} is not an amount in {currency}")
    return amount


# --- reads ----------------------------------------------------------------------------------------

def _read_back(state: ListingState, endpoint: str, query: dict[str, list[str]]) -> ApiReply:
    if _one(query, "filter[property_id]") != state.config.hotel_code:
        return _error(422, "validation_error", "filter[property_id] must be this property's id")
    try:
        start = date.fromisoformat(_one(query, "filter[date][gte]") or "")
        end = date.fromisoformat(_one(query, "filter[date][lte]") or "")
    except ValueError:
        return _error(422, "validation_error", "filter[date][gte] and filter[date][lte] must be dates (YYYY-MM-DD)")
    if end < start or (end - start).days >= MAX_READ_DAYS:
        return _error(422, "validation_error", f"the date range must run forwards, at most {MAX_READ_DAYS} days")
    data: dict[str, dict] = {}
    with state.lock:
        if endpoint == AVAILABILITY:
            for (room, night), count in sorted(state.counts.items()):
                if start <= night <= end:
                    data.setdefault(room, {})[night.isoformat()] = count
        else:
            for (_room, rate, guests, night), (amount, currency) in sorted(
                    state.prices.items(), key=lambda kv: (kv[0][1], kv[0][2] or 0, kv[0][3])):
                if start <= night <= end and guests is None:
                    data.setdefault(rate, {}).setdefault(night.isoformat(), {})["rate"] = minor_to_decimal(amount, currency)
            for (_room, rate, night), r in sorted(state.restrictions.items()):
                if start <= night <= end:
                    field_name = f"min_stay_{r.min_stay_basis or 'through'}"
                    data.setdefault(rate, {}).setdefault(night.isoformat(), {}).update({
                        field_name: r.min_stay, "max_stay": r.max_stay or 0, "closed_to_arrival": r.cta,
                        "closed_to_departure": r.ctd, "stop_sell": r.stop_sell})
    return ApiReply(200, {"data": data}, outcome="read")


def _revision(state: ListingState, booking: booking_desk.SandboxBooking) -> dict:
    revision = booking_desk.revision_id(booking)
    amount = minor_to_decimal(booking.amount_minor, booking.currency)
    status = "cancelled" if booking.status == "Cancel" else ("new" if booking.modified == booking.created else "modified")
    return {"id": revision, "type": "booking_revision", "attributes": {
        "id": revision, "booking_id": booking.remote_id, "property_id": state.config.hotel_code, "status": status,
        "inserted_at": booking.modified.isoformat(timespec="microseconds"),
        "arrival_date": booking.arrival.isoformat(), "departure_date": booking.departure.isoformat(),
        "amount": amount, "currency": booking.currency,
        "ota_commission": minor_to_decimal(booking.commission_minor, booking.currency),
        "customer": {"name": booking.given_name, "surname": booking.surname, "phone": booking.phone},
        "rooms": [{"room_type_id": booking.room, "rate_plan_id": booking.rate,
                   "checkin_date": booking.arrival.isoformat(), "checkout_date": booking.departure.isoformat(),
                   "amount": amount, "occupancy": {"adults": booking.adults, "children": booking.children}}],
    }}


# --- plumbing -------------------------------------------------------------------------------------

def _one(query: dict[str, list[str]], name: str) -> str | None:
    found = query.get(name)
    return found[0] if found else None


def _error(status: int, code: str, title: str, *, headers: dict | None = None, outcome: str = "rejected") -> ApiReply:
    return ApiReply(status, {"errors": {"code": code, "title": title}}, headers or {}, outcome=outcome)
