"""What a Channex-style hub shows, read back: the GET side of availability and restrictions.

``GET /api/v1/availability`` and ``GET /api/v1/restrictions`` with ``filter[property_id]``,
``filter[date][gte]`` and ``filter[date][lte]`` answer ``{"data": {id: {date: …}}}``: per room
type id the rooms to sell, per rate plan id the rate and restrictions. This module builds the two
requests and turns the replies straight into :data:`~channelmgr.channels.adapter.ReadBackValues`
— ``(kind, remote room, remote rate, 0) → {night: value}`` as ``sync.acked.storage_key`` and the
cells' ``value`` name them (a hub's rate is per room, not per guest count: guests 0) — so a drift
audit compares what the hub shows with the desired state night by night.

Replies are input: read through ``json_safety``; a value that is not what the hub documents (a
date that is not one, a count that is not a whole number) is refused with where and what.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping
from urllib.parse import urlencode

from channelmgr.channels.adapter import ReadBackValues
from channelmgr.channels.errors import ProtocolError
from channelmgr.channels.json_safety import parse_untrusted_json
from channelmgr.channels.opentravel_messages import OutgoingMessage, json_amount_to_minor

READ_NAMES = {"availability": "GET availability", "restrictions": "GET restrictions"}
_MIN_STAY_FIELDS = ("min_stay_arrival", "min_stay_through")


def read_request(property_id: str, endpoint: str, first: date, last: date) -> OutgoingMessage:
    """The read-back of ``endpoint`` ("availability" or "restrictions") for nights first … last."""
    if endpoint not in READ_NAMES:
        raise ValueError(f"nothing to read back at {endpoint!r}")
    if last < first:
        raise ValueError(f"last night {last} is before the first {first}")
    query = urlencode({"filter[property_id]": property_id, "filter[date][gte]": first.isoformat(),
                       "filter[date][lte]": last.isoformat()})
    return OutgoingMessage(READ_NAMES[endpoint], property_id, "", b"", (), http_method="GET",
                           http_path=f"api/v1/{endpoint}?{query}", pace="read")


def availability_cells(body: bytes) -> ReadBackValues:
    cells: ReadBackValues = {}
    for room, night, count, where in _entries(body, "availability read-back"):
        if type(count) is not int or count < 0:
            raise ProtocolError(f"{where}: {count!r} is not a number of rooms")
        cells.setdefault(("avail", room, "", 0), {})[night] = (count,)
    return cells


def restriction_cells(body: bytes, room_of: Mapping[str, str], currency: str) -> ReadBackValues:
    """``room_of``: the hub's rate plan id → its room type id (our mappings say it); a rate plan
    we do not map is left out, as it is not ours to compare."""
    cells: ReadBackValues = {}
    for plan, night, value, where in _entries(body, "restrictions read-back"):
        room = room_of.get(plan)
        if room is None:
            continue
        if not isinstance(value, dict):
            raise ProtocolError(f"{where}: expected an object, got {type(value).__name__}")
        if "rate" in value:
            cells.setdefault(("rate", room, plan, 0), {})[night] = (_minor(value["rate"], currency, f"{where}.rate"), currency)
        basis = [name for name in _MIN_STAY_FIELDS if name in value]
        if basis or any(k in value for k in ("closed_to_arrival", "closed_to_departure", "stop_sell")):
            min_stay = _whole(value.get(basis[0]) if basis else 1, f"{where}.{basis[0] if basis else 'min_stay'}", 1)
            max_stay = _whole(value.get("max_stay", 0), f"{where}.max_stay", 0) or None
            cells.setdefault(("restriction", room, plan, 0), {})[night] = (
                _flag(value, "stop_sell", where), _flag(value, "closed_to_arrival", where),
                _flag(value, "closed_to_departure", where), min_stay, max_stay)
    return cells


def _entries(body: bytes, what: str):
    data = parse_untrusted_json(body, what=what).get("data")
    if not isinstance(data, dict):
        raise ProtocolError(f"the {what} has no 'data' object")
    for key, nights in data.items():
        if not isinstance(nights, dict):
            raise ProtocolError(f"the {what} data[{key!r}] is not an object of dates")
        for text, value in nights.items():
            where = f"the {what} data[{key!r}][{text!r}]"
            try:
                night = date.fromisoformat(text)
            except ValueError:
                raise ProtocolError(f"{where}: {text!r} is not a date") from None
            yield key, night, value, where


def _minor(value: Any, currency: str, where: str) -> int:
    try:
        return json_amount_to_minor(value, currency)
    except ValueError as exc:
        raise ProtocolError(f"{where}: {exc}") from None


def _whole(value: Any, where: str, minimum: int) -> int:
    if type(value) is not int or value < minimum:
        raise ProtocolError(f"{where}: {value!r} is not a whole number ≥ {minimum}")
    return value


def _flag(value: dict, name: str, where: str) -> bool:
    flag = value.get(name, False)
    if not isinstance(flag, bool):
        raise ProtocolError(f"{where}.{name}: {flag!r} is not true or false")
    return flag
