"""OpenTravel 2015B ARI notification builders: ranges in, request bytes out.

One request carries one message type for one hotel:

* ``OTA_HotelInvCountNotifRQ``   — AvailCell ranges → ``Inventories/Inventory`` (CountType 2 = rooms to sell)
* ``OTA_HotelRateAmountNotifRQ`` — RateCell ranges → ``RateAmountMessages/RateAmountMessage``
* ``OTA_HotelAvailNotifRQ``      — RestrictionCell ranges → ``AvailStatusMessages/AvailStatusMessage``

Child order follows the 2015B schema sequences (AvailStatusMessage: StatusApplicationControl,
LengthsOfStay, …, RestrictionStatus; RateAmountMessage: StatusApplicationControl, Rates;
Inventory: StatusApplicationControl, InvCounts). Start/End are inclusive nights (see
``channelmgr.sync.ranges``). Day flags are all seven or none.

**Mapping errors back to items.** Each message element (Inventory, RateAmountMessage,
AvailStatusMessage) is an *item*, numbered from 1 in document order. Where the schema allows it
(AvailStatusMessage, RateAmountMessage) the number is also written as ``LocatorID``; OTAs echo the
number of the failing element in ``Error/@RecordID`` (or point at it with an XPath ``Tag``).
``OutgoingMessage.items[n - 1]`` is the range behind item ``n``. A restriction range needs three
AvailStatusMessages (the schema allows one RestrictionStatus per message: Master, Arrival,
Departure), so it appears three times in ``items`` and is rejected if any of its three is.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from typing import Callable, Sequence

from lxml import etree

from channelmgr.sync.ranges import AvailCell, Range, RateCell, RestrictionCell

OTA_NS = "http://www.opentravel.org/OTA/2003/05"
MESSAGE_VERSION = "1.000"
DAY_FLAGS = ("Mon", "Tue", "Weds", "Thur", "Fri", "Sat", "Sun")  # index = date.weekday()
INV_COUNT_ROOMS_TO_SELL = "2"  # OpenTravel InvCount CountType 2: "available for sale"

# ISO 4217 exponents that are not 2; everything we sell in today (CNY, HKD, USD, EUR) has 2.
_CURRENCY_EXPONENT = {"JPY": 0, "KRW": 0, "VND": 0, "TWD": 2, "BHD": 3, "KWD": 3}

INV_COUNT = "OTA_HotelInvCountNotifRQ"
AVAIL = "OTA_HotelAvailNotifRQ"
RATE_AMOUNT = "OTA_HotelRateAmountNotifRQ"


@dataclass(frozen=True)
class OutgoingMessage:
    """A request ready to POST, plus what is needed to read its reply."""

    name: str                   # root element, e.g. "OTA_HotelAvailNotifRQ"
    hotel_code: str
    echo_token: str
    body: bytes                 # UTF-8 XML with declaration
    items: tuple[Range, ...]    # items[n - 1] is the range behind message element n (RecordID n)
    reply_name: str = ""        # the expected reply's root when it is not simply …RQ → …RS

    @property
    def path(self) -> str:
        """The URL path segment OpenTravel endpoints use: the message name without "RQ"."""
        return self.name[:-2] if self.name.endswith("RQ") else self.name

    @property
    def response_name(self) -> str:
        return self.reply_name or self.name[:-2] + "RS"

    @property
    def ranges(self) -> tuple[Range, ...]:
        """Each range once, in request order."""
        return tuple(dict.fromkeys(self.items))


def minor_to_decimal(amount_minor: int, currency: str) -> str:
    """38800 fen, CNY → "388.00". Exact: integer arithmetic through Decimal, never float."""
    exponent = _CURRENCY_EXPONENT.get(currency, 2)
    return f"{Decimal(amount_minor).scaleb(-exponent):.{exponent}f}"


def decimal_to_minor(text: str, currency: str) -> int:
    """"388.00", CNY → 38800. Raises ValueError for more decimals than the currency has."""
    exponent = _CURRENCY_EXPONENT.get(currency, 2)
    try:
        value = Decimal(text.strip()).scaleb(exponent)
    except ArithmeticError:  # decimal's InvalidOperation, Overflow…
        raise ValueError(f"{text!r} is not a decimal amount") from None
    if not value.is_finite() or value != value.to_integral_value():
        raise ValueError(f"{text!r} is not an amount in {currency} (at most {exponent} decimals)")
    return int(value)


def elements_per_range(rng: Range) -> int:
    """How many message elements (items) a range becomes; pass to ``ranges.pack``."""
    return 3 if isinstance(rng.cell, RestrictionCell) else 1


def build_notif(hotel_code: str, ranges: Sequence[Range], **envelope: object) -> OutgoingMessage:
    """Build the message that fits these ranges (all of one cell type, as ``pack`` returns them)."""
    kinds = {type(r.cell) for r in ranges}
    if len(kinds) != 1:
        raise ValueError(f"one request carries one cell type, got {sorted(k.__name__ for k in kinds)}")
    builder = _BUILDERS[kinds.pop()]
    return builder(hotel_code, ranges, **envelope)


def build_inv_count_notif(
    hotel_code: str, ranges: Sequence[Range], *, echo_token: str | None = None, timestamp: datetime | None = None
) -> OutgoingMessage:
    root, container = _envelope(INV_COUNT, "Inventories", hotel_code, echo_token, timestamp)
    items = []
    for rng in _of_type(ranges, AvailCell):
        inventory = etree.SubElement(container, _q("Inventory"))
        _status_application_control(inventory, rng, rate_plan=False)
        counts = etree.SubElement(inventory, _q("InvCounts"))
        etree.SubElement(counts, _q("InvCount"), CountType=INV_COUNT_ROOMS_TO_SELL, Count=str(rng.cell.count))
        items.append(rng)
    return _finish(root, INV_COUNT, hotel_code, items)


def build_rate_amount_notif(
    hotel_code: str, ranges: Sequence[Range], *, echo_token: str | None = None, timestamp: datetime | None = None
) -> OutgoingMessage:
    root, container = _envelope(RATE_AMOUNT, "RateAmountMessages", hotel_code, echo_token, timestamp)
    items = []
    for rng in _of_type(ranges, RateCell):
        cell = rng.cell
        message = _numbered(container, "RateAmountMessage", len(items) + 1)
        _status_application_control(message, rng, rate_plan=True)
        rate = etree.SubElement(etree.SubElement(message, _q("Rates")), _q("Rate"))
        amount = etree.SubElement(etree.SubElement(rate, _q("BaseByGuestAmts")), _q("BaseByGuestAmt"))
        amount.set("AmountAfterTax", minor_to_decimal(cell.amount_minor, cell.currency))
        amount.set("CurrencyCode", cell.currency)
        if cell.guests is not None:
            amount.set("NumberOfGuests", str(cell.guests))
        items.append(rng)
    return _finish(root, RATE_AMOUNT, hotel_code, items)


def build_avail_notif(
    hotel_code: str, ranges: Sequence[Range], *, echo_token: str | None = None, timestamp: datetime | None = None
) -> OutgoingMessage:
    root, container = _envelope(AVAIL, "AvailStatusMessages", hotel_code, echo_token, timestamp)
    items = []
    for rng in _of_type(ranges, RestrictionCell):
        cell = rng.cell
        # 1: lengths of stay + stop-sell (Master). 2: closed to arrival. 3: closed to departure.
        master = _numbered(container, "AvailStatusMessage", len(items) + 1)
        _status_application_control(master, rng, rate_plan=True)
        stays = etree.SubElement(master, _q("LengthsOfStay"))
        _length_of_stay(stays, "SetMinLOS", cell.min_stay)
        if cell.max_stay is None:
            etree.SubElement(stays, _q("LengthOfStay"), MinMaxMessageType="RemoveMaxLOS")
        else:
            _length_of_stay(stays, "SetMaxLOS", cell.max_stay)
        _restriction_status(master, "Master", cell.stop_sell)
        items.append(rng)
        for restriction, closed in (("Arrival", cell.cta), ("Departure", cell.ctd)):
            message = _numbered(container, "AvailStatusMessage", len(items) + 1)
            _status_application_control(message, rng, rate_plan=True)
            _restriction_status(message, restriction, closed)
            items.append(rng)
    return _finish(root, AVAIL, hotel_code, items)


_BUILDERS: dict[type, Callable[..., OutgoingMessage]] = {
    AvailCell: build_inv_count_notif,
    RateCell: build_rate_amount_notif,
    RestrictionCell: build_avail_notif,
}


def _q(tag: str) -> str:
    return f"{{{OTA_NS}}}{tag}"


def ota_root(name: str, echo_token: str | None = None, timestamp: datetime | None = None) -> etree._Element:
    """A request root with the attributes every OpenTravel message carries."""
    stamp = timestamp or datetime.now(timezone.utc)
    if stamp.tzinfo is None:
        raise ValueError("timestamp must be timezone-aware: OTAs compare it across time zones")
    root = etree.Element(_q(name), nsmap={None: OTA_NS})
    root.set("EchoToken", echo_token or uuid.uuid4().hex)
    root.set("TimeStamp", stamp.isoformat(timespec="seconds"))
    root.set("Version", MESSAGE_VERSION)
    return root


def ota_subelement(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, _q(tag), **attributes)


def outgoing(root: etree._Element, hotel_code: str, items: tuple[Range, ...] = (), reply_name: str = "") -> OutgoingMessage:
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    name = etree.QName(root).localname
    return OutgoingMessage(name, hotel_code, root.get("EchoToken"), body, items, reply_name)


def _envelope(
    name: str, container_tag: str, hotel_code: str, echo_token: str | None, timestamp: datetime | None
) -> tuple[etree._Element, etree._Element]:
    if not hotel_code:
        raise ValueError("hotel_code is required")
    root = ota_root(name, echo_token, timestamp)
    container = etree.SubElement(root, _q(container_tag), HotelCode=hotel_code)
    return root, container


def _finish(root: etree._Element, name: str, hotel_code: str, items: list[Range]) -> OutgoingMessage:
    if not items:
        raise ValueError(f"{name} needs at least one range")
    return outgoing(root, hotel_code, tuple(items))


def _of_type(ranges: Sequence[Range], cell_type: type) -> Sequence[Range]:
    for rng in ranges:
        if not isinstance(rng.cell, cell_type):
            raise ValueError(f"expected {cell_type.__name__} ranges, got {type(rng.cell).__name__}")
    return ranges


def _numbered(container: etree._Element, tag: str, number: int) -> etree._Element:
    return etree.SubElement(container, _q(tag), LocatorID=str(number))


def _status_application_control(parent: etree._Element, rng: Range, *, rate_plan: bool) -> None:
    control = etree.SubElement(parent, _q("StatusApplicationControl"))
    control.set("Start", rng.start.isoformat())
    control.set("End", rng.end.isoformat())  # inclusive: the last night the value applies to
    if rng.weekdays is not None:
        for weekday, flag in enumerate(DAY_FLAGS):  # all seven or none, as the schema intends
            control.set(flag, "true" if weekday in rng.weekdays else "false")
    control.set("InvTypeCode", rng.cell.remote_room)
    if rate_plan:
        control.set("RatePlanCode", rng.cell.remote_rate)


def _length_of_stay(parent: etree._Element, kind: str, nights: int) -> None:
    etree.SubElement(parent, _q("LengthOfStay"), MinMaxMessageType=kind, Time=str(nights), TimeUnit="Day")


def _restriction_status(parent: etree._Element, restriction: str, closed: bool) -> None:
    etree.SubElement(parent, _q("RestrictionStatus"), Restriction=restriction, Status="Close" if closed else "Open")
