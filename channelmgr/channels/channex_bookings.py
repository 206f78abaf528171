"""Bookings from a Channex-style hub: the booking revisions feed, read and acknowledged one by one.

``GET /api/v1/booking_revisions/feed?filter[property_id]=…`` lists the revisions the hub has not
had acknowledged; each is acknowledged alone, ``POST /api/v1/booking_revisions/{id}/ack``, and only
once the booking it carries is stored (``sync.reservation_pull`` decides that; this module only
says how). A revision left unacknowledged is simply in the feed again next pull.

Each revision becomes the dict ``reservations.channel_booking.read_channel_booking`` reads. What is
wrong *inside* one booking (a date that is not one, a negative amount) goes into its ``problems``
— that booking goes to the needs-attention list, the others are stored; only a feed whose shape
cannot be trusted is refused whole (``ProtocolError``), with nothing stored.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

from channelmgr.channels.errors import ProtocolError
from channelmgr.channels.json_safety import parse_untrusted_json
from channelmgr.channels.opentravel_messages import OutgoingMessage, json_amount_to_minor

FEED_PATH = "api/v1/booking_revisions/feed"
FEED_NAME = "GET booking_revisions/feed"
ACK_NAME = "POST booking_revisions/ack"
BOOKINGS = "bookings"  # the pace: bookings do not count against the ARI limits
# Channex-style booking statuses → the words read_channel_booking knows
_STATUSES = {"new": "new", "modified": "modified", "cancelled": "cancelled", "canceled": "cancelled"}


def feed_request(property_id: str) -> OutgoingMessage:
    if not property_id:
        raise ValueError("property_id is required")
    query = urlencode({"filter[property_id]": property_id})
    return OutgoingMessage(FEED_NAME, property_id, "", b"", (), http_method="GET",
                           http_path=f"{FEED_PATH}?{query}", pace=BOOKINGS)


def ack_request(property_id: str, revision_id: str) -> OutgoingMessage:
    if not revision_id:
        raise ValueError("a revision id is required")
    path = f"api/v1/booking_revisions/{quote(revision_id, safe='')}/ack"
    return OutgoingMessage(ACK_NAME, property_id, revision_id, b"", (), http_method="POST", http_path=path,
                           pace=BOOKINGS)


def parse_feed(body: bytes) -> list[tuple[str, dict[str, Any]]]:
    """``(revision id, booking dict)`` for each revision in the feed, in feed order."""
    document = parse_untrusted_json(body, what="booking feed")
    entries = document.get("data")
    if not isinstance(entries, list):
        raise ProtocolError("the booking feed has no 'data' list")
    out = []
    for number, entry in enumerate(entries):
        where = f"booking feed data[{number}]"
        if not isinstance(entry, dict):
            raise ProtocolError(f"{where} is {type(entry).__name__}, not an object")
        attributes = entry.get("attributes")
        if not isinstance(attributes, dict):
            raise ProtocolError(f"{where} has no 'attributes' object")
        revision_id = entry.get("id") or attributes.get("id")
        if not isinstance(revision_id, str) or not revision_id:
            raise ProtocolError(f"{where} has no revision id: it could never be acknowledged")
        out.append((revision_id, booking_of(attributes)))
    return out


def booking_of(attributes: dict[str, Any]) -> dict[str, Any]:
    problems: list[str] = []
    # None: the ledger takes the property's currency (read_channel_booking's default).
    currency = _text(attributes.get("currency")) or None
    status = _text(attributes.get("status")).lower()
    rooms = attributes.get("rooms")
    if not isinstance(rooms, list):
        problems.append("'rooms' is not a list")
        rooms = []
    customer = attributes.get("customer") if isinstance(attributes.get("customer"), dict) else {}
    notes = _text(attributes.get("notes"))
    return {
        "remote_id": _text(attributes.get("booking_id")) or None,
        "status": _STATUSES.get(status, status or None),
        # The revision's own time: the ledger orders revisions by it (a late-delivered old one
        # does not overwrite a newer one).
        "revision": _text(attributes.get("inserted_at")) or _text(attributes.get("id")) or None,
        "created": _text(attributes.get("inserted_at")) or None,
        "modified": _text(attributes.get("inserted_at")) or None,
        "rooms": [_room(room, n, currency, problems) for n, room in enumerate(rooms, 1)],
        "guest": {"given_name": _text(customer.get("name")) or None, "surname": _text(customer.get("surname")) or None,
                  "phone": _text(customer.get("phone")) or None, "email": _text(customer.get("mail")) or None},
        "total_minor": _amount(attributes.get("amount"), currency, "booking amount", problems),
        # What the OTA keeps; Channex gives it for the whole booking only (the ledger shares it
        # over the rooms by their amounts).
        "commission_minor": _amount(attributes.get("ota_commission"), currency, "ota_commission", problems),
        "currency": currency,
        "comments": [notes] if notes else [],
        "ota_reservation_code": _text(attributes.get("ota_reservation_code")) or None,
        "problems": problems,
    }


def _room(room: Any, number: int, currency: str | None, problems: list[str]) -> dict[str, Any]:
    if not isinstance(room, dict):
        problems.append(f"room {number} is not an object")
        return {}
    occupancy = room.get("occupancy") if isinstance(room.get("occupancy"), dict) else {}
    arrival = _date(room.get("checkin_date"), f"room {number} checkin_date", problems)
    departure = _date(room.get("checkout_date"), f"room {number} checkout_date", problems)
    return {
        "room_code": _text(room.get("room_type_id")) or None,
        "rate_code": _text(room.get("rate_plan_id")) or None,
        "arrival": arrival,
        "departure": departure,
        "nights": (departure - arrival).days if arrival and departure else None,
        "adults": _count(occupancy.get("adults"), f"room {number} adults", problems),
        "children": _count(occupancy.get("children"), f"room {number} children", problems),
        "amount_minor": _amount(room.get("amount"), currency, f"room {number} amount", problems),
        "currency": currency,
    }


def _text(value: Any) -> str:
    return value.strip()[:200] if isinstance(value, str) else ""


def _date(value: Any, what: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        problems.append(f"{what} {value!r} is not a date")
        return None


def _count(value: Any, what: str, problems: list[str]) -> int:
    if value is None:
        return 0
    if type(value) is not int:
        problems.append(f"{what} {value!r} is not a whole number")
        return 0
    return value


def _amount(value: Any, currency: str | None, what: str, problems: list[str]) -> int | None:
    if value is None:
        return None
    try:
        return json_amount_to_minor(value, currency or "CNY")  # the exponent: 2 for CNY and most
    except ValueError as exc:
        problems.append(f"{what}: {exc}")
        return None
