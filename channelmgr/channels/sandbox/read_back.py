"""The sandbox answering "what do you show?": ``OTA_HotelAvailGetRQ`` and ``OTA_HotelRatePlanRQ``.

Why these two and not a sandbox-only read: they are what OpenTravel itself defines for reading a
hotel's ARI back, and what OpenTravel-speaking channels that offer a read at all expose (the
availability/restriction "get" and the rate plan retrieve), so a real channel can be wired with
the same client. ``OTA_HotelAvailGetRS`` carries rooms to sell (``BookingLimit`` on a message
naming only the room) and restrictions (``LengthsOfStay``, ``RestrictionStatus`` Master / Arrival /
Departure on messages naming room and rate); ``OTA_HotelRatePlanRS`` carries the nightly prices
(``Rates/Rate`` with ``BaseByGuestAmt``). Consecutive nights with the same value go out as one
``Start``–``End`` run (inclusive, as in the notifications), and a night nothing was ever pushed for
is absent, as a channel that was never told shows nothing.

Paths ``POST /ota/{hotel}/OTA_HotelAvailGet`` and ``…/OTA_HotelRatePlan``, same Basic auth.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable, Hashable, Iterable, Iterator

from lxml import etree

from channelmgr.channels.errors import ProtocolError
from channelmgr.channels.opentravel_messages import minor_to_decimal, ota_tag as _q
from channelmgr.channels.sandbox.notif_processing import Reply, render_response, request_issue
from channelmgr.channels.sandbox.state import ListingState, Restrictions
from channelmgr.channels.xml_safety import parse_untrusted_xml

AVAIL_GET, RATE_PLAN = "OTA_HotelAvailGet", "OTA_HotelRatePlan"
RESPONSES = {AVAIL_GET: "OTA_HotelAvailGetRS", RATE_PLAN: "OTA_HotelRatePlanRS"}
MAX_READ_NIGHTS = 1100  # one read covers at most three years, as a channel's horizon does

_ONE_DAY = timedelta(days=1)


def process_avail_get(state: ListingState, body: bytes) -> Reply:
    response = RESPONSES[AVAIL_GET]
    request = _read_request(state, body, "OTA_HotelAvailGetRQ", "HotelAvailRequests/HotelAvailRequest", response)
    if isinstance(request, Reply):
        return request
    echo, start, end = request
    root = _response_root(response, echo)
    messages = _sub(root, "AvailStatusMessages", HotelCode=state.config.hotel_code)
    with state.lock:
        counts = {key: value for key, value in state.counts.items() if start <= key[1] <= end}
        restrictions = {key: value for key, value in state.restrictions.items() if start <= key[2] <= end}
    for (room,), first, last, count in _runs(((room,), night, count) for (room, night), count in counts.items()):
        message = _sub(messages, "AvailStatusMessage", BookingLimit=str(count))
        _sub(message, "StatusApplicationControl", Start=first.isoformat(), End=last.isoformat(), InvTypeCode=room)
    rows = (((room, rate), night, value) for (room, rate, night), value in restrictions.items())
    for (room, rate), first, last, value in _runs(rows):
        _restriction_messages(messages, room, rate, first, last, value)
    return Reply(200, etree.tostring(root, xml_declaration=True, encoding="UTF-8"), "ok")


def process_rate_plan(state: ListingState, body: bytes) -> Reply:
    response = RESPONSES[RATE_PLAN]
    request = _read_request(state, body, "OTA_HotelRatePlanRQ", "RatePlans/RatePlan", response, hotel_ref=True)
    if isinstance(request, Reply):
        return request
    echo, start, end = request
    root = _response_root(response, echo)
    plans = _sub(root, "RatePlans", HotelCode=state.config.hotel_code)
    with state.lock:
        prices = [((rate, room, guests), night, value)
                  for (room, rate, guests, night), value in state.prices.items() if start <= night <= end]
    by_plan: dict[str, etree._Element] = {}
    for (rate, room, guests), first, last, (amount, currency) in _runs(prices):
        plan = by_plan.get(rate)
        if plan is None:
            plan = by_plan[rate] = _sub(plans, "RatePlan", RatePlanCode=rate)
            _sub(plan, "Rates")
        rate_element = _sub(plan[0], "Rate", InvTypeCode=room, Start=first.isoformat(), End=last.isoformat())
        attributes = {"AmountAfterTax": minor_to_decimal(amount, currency), "CurrencyCode": currency}
        if guests is not None:
            attributes["NumberOfGuests"] = str(guests)
        _sub(_sub(rate_element, "BaseByGuestAmts"), "BaseByGuestAmt", **attributes)
    return Reply(200, etree.tostring(root, xml_declaration=True, encoding="UTF-8"), "ok")


def _restriction_messages(parent, room: str, rate: str, first: date, last: date, value: Restrictions) -> None:
    """One message for the lengths of stay and the Master status, one each for Arrival and Departure
    (the schema allows one RestrictionStatus per AvailStatusMessage)."""
    control = {"Start": first.isoformat(), "End": last.isoformat(), "InvTypeCode": room, "RatePlanCode": rate}
    message = _sub(parent, "AvailStatusMessage")
    _sub(message, "StatusApplicationControl", **control)
    stays = _sub(message, "LengthsOfStay")
    _sub(stays, "LengthOfStay", MinMaxMessageType="SetMinLOS", Time=str(value.min_stay), TimeUnit="Day")
    if value.max_stay is not None:
        _sub(stays, "LengthOfStay", MinMaxMessageType="SetMaxLOS", Time=str(value.max_stay), TimeUnit="Day")
    _sub(message, "RestrictionStatus", Restriction="Master", Status=_status(value.stop_sell))
    for restriction, closed in (("Arrival", value.cta), ("Departure", value.ctd)):
        message = _sub(parent, "AvailStatusMessage")
        _sub(message, "StatusApplicationControl", **control)
        _sub(message, "RestrictionStatus", Restriction=restriction, Status=_status(closed))


def _status(closed: bool) -> str:
    return "Close" if closed else "Open"


def _runs(rows: Iterable[tuple[tuple, date, Hashable]]) -> Iterator[tuple[tuple, date, date, Hashable]]:
    """(key, first, last, value) for every run of consecutive nights with one value, key by key."""
    ordered = sorted(rows, key=lambda row: (tuple("" if part is None else str(part) for part in row[0]), row[1]))
    current = None
    for key, night, value in ordered:
        if current is not None and current[0] == key and current[3] == value and current[2] + _ONE_DAY == night:
            current[2] = night
            continue
        if current is not None:
            yield tuple(current)
        current = [key, night, night, value]
    if current is not None:
        yield tuple(current)


def _read_request(state: ListingState, body: bytes, expected: str, path: str, response: str, *,
                  hotel_ref: bool = False) -> tuple[str | None, date, date] | Reply:
    """(echo token, first night, last night) of a read request, or the refusal to send back."""
    try:
        root = parse_untrusted_xml(body, what="request")
    except ProtocolError as exc:
        return Reply(400, render_response(response, None, [request_issue("450", str(exc), "7")]), "bad_request")
    echo = root.get("EchoToken")
    if root.tag != _q(expected):
        issue = request_issue("450", f"this URL takes {expected}, not {etree.QName(root).localname}", "7")
        return Reply(400, render_response(response, echo, [issue]), "bad_request")
    request = root.find("/".join(_q(tag) for tag in path.split("/")))
    holder = request.find(_q("HotelRef")) if request is not None and hotel_ref else request
    code = holder.get("HotelCode") if holder is not None else None
    if code != state.config.hotel_code:
        issue = request_issue("392", f"HotelCode {code!r} is not this listing ({state.config.hotel_code})")
        return Reply(200, render_response(response, echo, [issue]), "rejected")
    window = request.find(_q("DateRange"))
    try:
        start = date.fromisoformat(window.get("Start", "")) if window is not None else None
        end = date.fromisoformat(window.get("End", "")) if window is not None else None
    except ValueError:
        start = end = None
    if start is None or end is None or end < start or (end - start).days >= MAX_READ_NIGHTS:
        text = f"DateRange Start/End must be dates, End not before Start, at most {MAX_READ_NIGHTS} nights"
        return Reply(200, render_response(response, echo, [request_issue("15", text)]), "rejected")
    return echo, start, end


def _response_root(name: str, echo: str | None) -> etree._Element:
    return etree.fromstring(render_response(name, echo, []))  # our own bytes: the <Success/> envelope


def _sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, _q(tag), attributes)


PROCESSORS: dict[str, Callable[[ListingState, bytes], Reply]] = {
    AVAIL_GET: process_avail_get,
    RATE_PLAN: process_rate_plan,
}
