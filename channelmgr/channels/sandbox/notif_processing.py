"""The sandbox's strict-OTA brain: read an ARI notification, check each item, apply the good ones.

Behaves like a strict channel so the sync engine meets real failure shapes early:

* body unreadable, hostile, or the wrong message for the URL → HTTP 400 with ``<Errors>``;
* request-level problems (HotelCode not this listing's, no items, too many items) → HTTP 200 with
  ``<Errors>`` naming no item: nothing applied;
* item-level problems (unknown room or rate code, End before Start, a night in the past or beyond
  the horizon, half the day flags, a bad count or amount, another currency) → HTTP 200 with one
  ``<Error RecordID="n" Status="NotProcessed">`` per refused item; the other items *are* applied.
  ``n`` is the item's ``LocatorID`` if it has one, else its 1-based position (what
  ``opentravel_messages`` numbers its items by).

Error codes are from OpenTravel's ERR list (15 invalid date, 61 invalid currency, 249 invalid rate
code, 321 required field missing, 392 invalid hotel code, 402 invalid room type, 450 unable to
process) and its EWT list for Type (3 business rule, 7 protocol violation, 10 required field missing).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Callable

from lxml import etree

from channelmgr.channels.errors import ProtocolError
from channelmgr.channels.opentravel_messages import (
    AVAIL,
    DAY_FLAGS,
    INV_COUNT,
    INV_COUNT_ROOMS_TO_SELL,
    MESSAGE_VERSION,
    OTA_NS,
    RATE_AMOUNT,
    decimal_to_minor,
    ota_tag as _q,
)
from channelmgr.channels.opentravel_responses import OtaIssue
from channelmgr.channels.sandbox.listings import ListingConfig
from channelmgr.channels.sandbox.state import ListingState
from channelmgr.channels.xml_safety import parse_untrusted_xml

Update = Callable[[ListingState], None]

_RESTRICTION_FIELDS = {"Master": "stop_sell", "Arrival": "cta", "Departure": "ctd"}
_TRUE, _FALSE = {"true", "1"}, {"false", "0"}


class ItemProblem(Exception):
    def __init__(self, code: str, text: str, type_: str = "3") -> None:
        super().__init__(text)
        self.code, self.text, self.type = code, text, type_


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    outcome: str      # for the listing's counters: ok / partial / rejected / bad_request
    applied: int = 0
    refused: int = 0


@dataclass(frozen=True)
class _Spec:
    request: str
    container: str
    item: str
    read: Callable[[etree._Element, ListingConfig, date], Update]

    @property
    def response(self) -> str:
        return self.request[:-2] + "RS"


def process_notif(state: ListingState, path_name: str, body: bytes, today: date) -> Reply:
    """Handle a POST to ``…/{path_name}`` (e.g. ``OTA_HotelAvailNotif``) for one listing."""
    spec = SPECS[path_name]
    config = state.config
    try:
        root = parse_untrusted_xml(body, what="request")
    except ProtocolError as exc:
        return _refusal(spec, 400, "bad_request", None, request_issue("450", str(exc), "7"))
    echo = root.get("EchoToken")
    if root.tag != _q(spec.request):
        text = f"this URL takes {spec.request}, not {etree.QName(root).localname}"
        return _refusal(spec, 400, "bad_request", echo, request_issue("450", text, "7"))
    container = root.find(_q(spec.container))
    if container is None:
        return _refusal(spec, 400, "bad_request", echo, request_issue("321", f"{spec.container} is missing", "10"))

    if container.get("HotelCode") != config.hotel_code:
        text = f"HotelCode {container.get('HotelCode')!r} is not this listing ({config.hotel_code})"
        return _refusal(spec, 200, "rejected", echo, request_issue("392", text))
    items = container.findall(_q(spec.item))
    if not items:
        return _refusal(spec, 200, "rejected", echo, request_issue("321", f"no {spec.item} to apply", "10"))
    limit = config.max_items_per_request
    if limit is not None and len(items) > limit:
        text = f"{len(items)} {spec.item} elements; this channel takes at most {limit} per request"
        return _refusal(spec, 200, "rejected", echo, request_issue("450", text))

    updates: list[Update] = []
    errors: list[OtaIssue] = []
    for position, item in enumerate(items, start=1):
        try:
            updates.append(spec.read(item, config, today))
        except ItemProblem as problem:
            errors.append(
                OtaIssue("error", problem.text, problem.code, problem.type, "NotProcessed",
                         record_id=item.get("LocatorID") or str(position))
            )
    with state.lock:
        for update in updates:  # document order: a later item for the same night wins, as on real OTAs
            update(state)
    outcome = "ok" if not errors else ("partial" if updates else "rejected")
    return Reply(200, render_response(spec.response, echo, errors), outcome, len(updates), len(errors))


def render_response(name: str, echo_token: str | None, errors: list[OtaIssue]) -> bytes:
    root = etree.Element(_q(name), nsmap={None: OTA_NS})
    if echo_token:
        root.set("EchoToken", echo_token)
    root.set("TimeStamp", datetime.now(timezone.utc).isoformat(timespec="seconds"))
    root.set("Version", MESSAGE_VERSION)
    if not errors:
        etree.SubElement(root, _q("Success"))
    else:
        group = etree.SubElement(root, _q("Errors"))
        for issue in errors:
            error = etree.SubElement(group, _q("Error"))
            for attribute, value in (("Type", issue.type), ("Code", issue.code), ("Status", issue.status),
                                     ("RecordID", issue.record_id), ("ShortText", issue.text)):
                if value is not None:
                    error.set(attribute, value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def request_issue(code: str, text: str, type_: str = "3") -> OtaIssue:
    return OtaIssue("error", text, code, type_, "NotProcessed")


def _refusal(spec: _Spec, status: int, outcome: str, echo: str | None, issue: OtaIssue) -> Reply:
    return Reply(status, render_response(spec.response, echo, [issue]), outcome)


# --- reading one item --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Target:
    room: str
    rate: str | None
    nights: tuple[date, ...]


def _read_control(item: etree._Element, config: ListingConfig, today: date, *, rate_plan: bool) -> _Target:
    control = item.find(_q("StatusApplicationControl"))
    if control is None:
        raise ItemProblem("321", "StatusApplicationControl is missing", "10")
    start, end = _date(control, "Start"), _date(control, "End")
    if end < start:
        raise ItemProblem("15", f"End {end} is before Start {start}")
    if start < today:
        raise ItemProblem("15", f"Start {start} is in the past (today is {today})")
    last = today + timedelta(days=config.horizon_days - 1)
    if end > last:
        raise ItemProblem("15", f"End {end} is beyond the {config.horizon_days}-night horizon (last {last})")
    weekdays = _day_flags(control)

    room = _required(control, "InvTypeCode")
    if room not in config.rooms:
        raise ItemProblem("402", f"unknown room type code {room!r}")
    rate = None
    if rate_plan:
        rate = _required(control, "RatePlanCode")
        if rate not in config.rates:
            raise ItemProblem("249", f"unknown rate plan code {rate!r}")
    nights = tuple(
        start + timedelta(days=i)
        for i in range((end - start).days + 1)
        if weekdays is None or (start + timedelta(days=i)).weekday() in weekdays
    )
    if not nights:
        raise ItemProblem("15", "the day flags select no night between Start and End")
    return _Target(room, rate, nights)


def _date(element: etree._Element, attribute: str) -> date:
    text = _required(element, attribute)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ItemProblem("15", f"{attribute} {text!r} is not a date (YYYY-MM-DD)") from None


def _required(element: etree._Element, attribute: str) -> str:
    value = element.get(attribute)
    if not value:
        raise ItemProblem("321", f"{etree.QName(element).localname}/@{attribute} is missing", "10")
    return value


def _day_flags(control: etree._Element) -> frozenset[int] | None:
    present = [flag for flag in DAY_FLAGS if control.get(flag) is not None]
    if not present:
        return None
    if len(present) != len(DAY_FLAGS):
        raise ItemProblem("321", f"day flags must be all seven or none; got {', '.join(present)}")
    chosen = set()
    for weekday, flag in enumerate(DAY_FLAGS):
        value = control.get(flag).strip().lower()
        if value not in _TRUE | _FALSE:
            raise ItemProblem("321", f"{flag}={value!r} is not a boolean")
        if value in _TRUE:
            chosen.add(weekday)
    return frozenset(chosen)


def _positive_int(text: str | None, what: str, minimum: int) -> int:
    try:
        value = int(text or "")
    except ValueError:
        raise ItemProblem("321", f"{what} {text!r} is not a whole number") from None
    if value < minimum:
        raise ItemProblem("321", f"{what} must be ≥ {minimum}, got {value}")
    return value


def _read_inventory(item: etree._Element, config: ListingConfig, today: date) -> Update:
    target = _read_control(item, config, today, rate_plan=False)
    counts = item.findall(f"{_q('InvCounts')}/{_q('InvCount')}")
    to_sell = [c for c in counts if c.get("CountType") == INV_COUNT_ROOMS_TO_SELL]
    if len(to_sell) != 1:
        raise ItemProblem("321", "expected exactly one InvCount with CountType 2 (available for sale)", "10")
    count = _positive_int(to_sell[0].get("Count"), "Count", 0)
    return functools.partial(ListingState.set_count, room=target.room, nights=target.nights, count=count)


def _read_avail_status(item: etree._Element, config: ListingConfig, today: date) -> Update:
    target = _read_control(item, config, today, rate_plan=True)
    changes: dict[str, object] = {}
    for stay in item.findall(f"{_q('LengthsOfStay')}/{_q('LengthOfStay')}"):
        kind = stay.get("MinMaxMessageType")
        if stay.get("TimeUnit", "Day") != "Day":
            raise ItemProblem("321", f"TimeUnit {stay.get('TimeUnit')!r}: this channel counts stays in Day")
        if kind == "SetMinLOS":
            changes["min_stay"] = _positive_int(stay.get("Time"), "SetMinLOS Time", 1)
        elif kind == "SetMaxLOS":
            changes["max_stay"] = _positive_int(stay.get("Time"), "SetMaxLOS Time", 1)
        elif kind == "RemoveMinLOS":
            changes["min_stay"] = 1
        elif kind == "RemoveMaxLOS":
            changes["max_stay"] = None
        else:
            raise ItemProblem("321", f"MinMaxMessageType {kind!r} is not supported")
    status = item.find(_q("RestrictionStatus"))
    if status is not None:
        field = _RESTRICTION_FIELDS.get(status.get("Restriction", "Master"))
        if field is None:
            raise ItemProblem("321", f"Restriction {status.get('Restriction')!r} is not supported")
        if status.get("Status") not in ("Open", "Close"):
            raise ItemProblem("321", f"RestrictionStatus Status must be Open or Close, got {status.get('Status')!r}")
        changes[field] = status.get("Status") == "Close"
    if not changes:
        raise ItemProblem("321", "AvailStatusMessage carries neither LengthsOfStay nor RestrictionStatus", "10")
    return functools.partial(ListingState.set_restrictions, room=target.room, rate=target.rate,
                             nights=target.nights, changes=changes)


def _read_rate_amount(item: etree._Element, config: ListingConfig, today: date) -> Update:
    target = _read_control(item, config, today, rate_plan=True)
    amounts = item.findall(f"{_q('Rates')}/{_q('Rate')}/{_q('BaseByGuestAmts')}/{_q('BaseByGuestAmt')}")
    if not amounts:
        raise ItemProblem("321", "Rates/Rate/BaseByGuestAmts/BaseByGuestAmt is missing", "10")
    prices = []
    for amount in amounts:
        currency = amount.get("CurrencyCode", config.currency)
        if currency != config.currency:
            raise ItemProblem("61", f"currency {currency!r}: this listing sells in {config.currency}")
        text = _required(amount, "AmountAfterTax")
        try:
            minor = decimal_to_minor(text, currency)
        except ValueError as exc:
            raise ItemProblem("321", str(exc)) from None
        if minor < 0:
            raise ItemProblem("321", f"AmountAfterTax {text} is negative")
        guests = amount.get("NumberOfGuests")
        prices.append((None if guests is None else _positive_int(guests, "NumberOfGuests", 1), minor, currency))

    def apply(state: ListingState) -> None:
        for guests, minor, currency in prices:
            state.set_price(target.room, target.rate, guests, target.nights, minor, currency)

    return apply


SPECS: dict[str, _Spec] = {
    spec.request[:-2]: spec
    for spec in (
        _Spec(INV_COUNT, "Inventories", "Inventory", _read_inventory),
        _Spec(AVAIL, "AvailStatusMessages", "AvailStatusMessage", _read_avail_status),
        _Spec(RATE_AMOUNT, "RateAmountMessages", "RateAmountMessage", _read_rate_amount),
    )
}
