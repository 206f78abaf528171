"""Reading an OpenTravel channel back: ``OTA_HotelAvailGetRQ`` and ``OTA_HotelRatePlanRQ``.

The two requests OpenTravel defines for asking a hotel's channel what it shows (see
``channelmgr.channels.sandbox.read_back`` for why these); the replies become
:data:`~channelmgr.channels.adapter.ReadBackValues`, the engine's own keys and value tuples.

A reply is untrusted: parsed with ``parse_untrusted_xml``, every date, count, amount and flag
checked, runs clipped to the window asked for (a hostile ``Start="1900-01-01"`` cannot make us
build a century of nights), and anything unreadable raises ``ProtocolError`` naming the element.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Hashable

from lxml import etree

from channelmgr.channels.adapter import ReadBackValues
from channelmgr.channels.errors import ProtocolError
from channelmgr.channels.opentravel_messages import OTA_NS, OutgoingMessage, decimal_to_minor, ota_root, ota_subelement, outgoing
from channelmgr.channels.opentravel_responses import read_response
from channelmgr.channels.xml_safety import parse_untrusted_xml

AVAIL_GET = "OTA_HotelAvailGetRQ"
RATE_PLAN = "OTA_HotelRatePlanRQ"
_NEUTRAL = {"stop_sell": False, "cta": False, "ctd": False, "min_stay": 1, "max_stay": None}
_RESTRICTION_FIELDS = {"Master": "stop_sell", "Arrival": "cta", "Departure": "ctd"}


def build_avail_get(hotel_code: str, start: date, end: date) -> OutgoingMessage:
    """Rooms to sell and restrictions for nights [start, end)."""
    root = ota_root(AVAIL_GET)
    request = ota_subelement(ota_subelement(root, "HotelAvailRequests"), "HotelAvailRequest", HotelCode=hotel_code)
    ota_subelement(request, "DateRange", **_window(start, end))
    return outgoing(root, hotel_code)


def build_rate_plan_get(hotel_code: str, start: date, end: date) -> OutgoingMessage:
    """Nightly prices of every rate plan for nights [start, end)."""
    root = ota_root(RATE_PLAN)
    plan = ota_subelement(ota_subelement(root, "RatePlans"), "RatePlan")
    ota_subelement(plan, "HotelRef", HotelCode=hotel_code)
    ota_subelement(plan, "DateRange", **_window(start, end))
    return outgoing(root, hotel_code)


def _window(start: date, end: date) -> dict[str, str]:
    if end <= start:
        raise ValueError(f"an empty window: {start} to {end}")
    return {"Start": start.isoformat(), "End": (end - timedelta(days=1)).isoformat()}  # End is inclusive


def parse_avail_get(body: bytes, start: date, end: date) -> ReadBackValues:
    root, ns = _root(body, "OTA_HotelAvailGetRS")
    values: ReadBackValues = {}
    restrictions: dict[tuple[str, str], dict[date, dict[str, object]]] = {}
    for position, message in enumerate(root.iterfind(f"{ns}AvailStatusMessages/{ns}AvailStatusMessage"), start=1):
        where = f"AvailStatusMessage {position}"
        control = message.find(f"{ns}StatusApplicationControl")
        if control is None:
            raise ProtocolError(f"{where}: no StatusApplicationControl")
        room = _code(control, "InvTypeCode", where)
        nights = _nights(control, start, end, where)
        if message.get("BookingLimit") is not None:
            count = _int(message.get("BookingLimit"), f"{where} BookingLimit", 0)
            shown = values.setdefault(("avail", room, "", 0), {})
            for night in nights:
                shown[night] = (count,)
            continue
        rate = _code(control, "RatePlanCode", where)
        fields = _restriction_fields(message, ns, where)
        per_night = restrictions.setdefault((room, rate), {})
        for night in nights:
            per_night.setdefault(night, {}).update(fields)
    for (room, rate), nights in restrictions.items():
        shown = values.setdefault(("restriction", room, rate, 0), {})
        for night, fields in nights.items():
            merged = {**_NEUTRAL, **fields}
            shown[night] = (merged["stop_sell"], merged["cta"], merged["ctd"], merged["min_stay"], merged["max_stay"])
    return values


def parse_rate_plan(body: bytes, start: date, end: date) -> ReadBackValues:
    root, ns = _root(body, "OTA_HotelRatePlanRS")
    values: ReadBackValues = {}
    for plan in root.iterfind(f"{ns}RatePlans/{ns}RatePlan"):
        rate = _code(plan, "RatePlanCode", "RatePlan")
        for position, element in enumerate(plan.iterfind(f"{ns}Rates/{ns}Rate"), start=1):
            where = f"RatePlan {rate} Rate {position}"
            room = _code(element, "InvTypeCode", where)
            nights = _nights(element, start, end, where)
            for amount in element.iterfind(f"{ns}BaseByGuestAmts/{ns}BaseByGuestAmt"):
                guests = amount.get("NumberOfGuests")
                guests = 0 if guests is None else _int(guests, f"{where} NumberOfGuests", 1)
                currency = amount.get("CurrencyCode") or ""
                if not (len(currency) == 3 and currency.isascii() and currency.isupper()):
                    raise ProtocolError(f"{where}: CurrencyCode {currency!r} is not an ISO 4217 code")
                try:
                    minor = decimal_to_minor(amount.get("AmountAfterTax") or "", currency)
                except (ValueError, ArithmeticError) as exc:
                    raise ProtocolError(f"{where}: AmountAfterTax {amount.get('AmountAfterTax')!r}: {exc}") from None
                if minor < 0:
                    raise ProtocolError(f"{where}: AmountAfterTax is negative")
                shown = values.setdefault(("rate", room, rate, guests), {})
                value: tuple[Hashable, ...] = (minor, currency)
                for night in nights:
                    shown[night] = value
    return values


def _root(body: bytes, expected: str) -> tuple[etree._Element, str]:
    root = parse_untrusted_xml(body, what=f"{expected} reply")
    response = read_response(root, expected=expected)
    if response.errors:
        raise ProtocolError("the channel refused the read: " + "; ".join(map(str, response.errors)))
    namespace = etree.QName(root).namespace
    return root, (f"{{{namespace}}}" if namespace else "")


def _restriction_fields(message: etree._Element, ns: str, where: str) -> dict[str, object]:
    fields: dict[str, object] = {}
    for stay in message.iterfind(f"{ns}LengthsOfStay/{ns}LengthOfStay"):
        kind = stay.get("MinMaxMessageType")
        if stay.get("TimeUnit", "Day") != "Day":
            raise ProtocolError(f"{where}: TimeUnit {stay.get('TimeUnit')!r} (only Day is read)")
        if kind == "SetMinLOS":
            fields["min_stay"] = _int(stay.get("Time"), f"{where} SetMinLOS Time", 1)
        elif kind == "SetMaxLOS":
            fields["max_stay"] = _int(stay.get("Time"), f"{where} SetMaxLOS Time", 1)
        else:
            raise ProtocolError(f"{where}: MinMaxMessageType {kind!r} is not a state that can be read")
    for status in message.iterfind(f"{ns}RestrictionStatus"):
        field = _RESTRICTION_FIELDS.get(status.get("Restriction", "Master"))
        if field is None or status.get("Status") not in ("Open", "Close"):
            raise ProtocolError(f"{where}: RestrictionStatus {dict(status.attrib)} is not Master/Arrival/Departure "
                                "Open/Close")
        fields[field] = status.get("Status") == "Close"
    return fields


def _nights(element: etree._Element, start: date, end: date, where: str) -> list[date]:
    """The element's inclusive Start–End nights that fall in [start, end)."""
    try:
        first = date.fromisoformat(element.get("Start") or "")
        last = date.fromisoformat(element.get("End") or "")
    except ValueError:
        raise ProtocolError(f"{where}: Start {element.get('Start')!r} / End {element.get('End')!r} "
                            "are not dates (YYYY-MM-DD)") from None
    if last < first:
        raise ProtocolError(f"{where}: End {last} is before Start {first}")
    first, last = max(first, start), min(last, end - timedelta(days=1))
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _code(element: etree._Element, attribute: str, where: str) -> str:
    value = element.get(attribute)
    if not value or len(value) > 64:
        raise ProtocolError(f"{where}: {attribute} is missing or longer than 64 characters")
    return value


def _int(text: str | None, what: str, minimum: int) -> int:
    try:
        value = int(text or "")
    except ValueError:
        raise ProtocolError(f"{what} {text!r} is not a whole number") from None
    if value < minimum or value > 100_000:
        raise ProtocolError(f"{what} {value} is out of range")
    return value


__all__ = ["AVAIL_GET", "RATE_PLAN", "OTA_NS", "build_avail_get", "build_rate_plan_get", "parse_avail_get",
           "parse_rate_plan"]
