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
from functools import lru_cache
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
    # How the request travels, for protocols that are not "POST to {endpoint}/{name}" (Channex-style
    # JSON: GET …/booking_revisions/feed, POST …/api/v1/availability); empty: OpenTravel's default.
    http_method: str = "POST"
    http_path: str = ""         # below the endpoint, query included; "" → ``path`` from the name
    # Which of the channel's rate buckets the request draws on ("" the channel's only one). A
    # Channex-style hub counts availability and price/restriction requests apart (throttle.Pacer).
    pace: str = ""

    @property
    def path(self) -> str:
        """The URL below the endpoint: ``http_path``, else the segment OpenTravel endpoints use,
        the message name without "RQ"."""
        if self.http_path:
            return self.http_path
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


def json_amount_to_minor(value: object, currency: str) -> int:
    """A JSON amount — a decimal string ("388.00") or a whole number — in minor units; raises
    ValueError for anything else (true, 1.5 as a float, "abc", more decimals than the currency has)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"{value!r} is not an amount")
    return decimal_to_minor(str(value), currency)


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
    head, echo_token = _envelope_head(INV_COUNT, "Inventories", hotel_code, echo_token, timestamp)
    parts = [head]
    for rng in _of_type(ranges, AvailCell):
        parts.append(f"<Inventory>{_status_application_control(rng, rate_plan=False)}<InvCounts>"
                     f'<InvCount CountType="{INV_COUNT_ROOMS_TO_SELL}" Count="{rng.cell.count}"/>'
                     "</InvCounts></Inventory>")
    return _finish(parts, INV_COUNT, "Inventories", hotel_code, echo_token, list(ranges))


def build_rate_amount_notif(
    hotel_code: str, ranges: Sequence[Range], *, echo_token: str | None = None, timestamp: datetime | None = None
) -> OutgoingMessage:
    head, echo_token = _envelope_head(RATE_AMOUNT, "RateAmountMessages", hotel_code, echo_token, timestamp)
    parts = [head]
    for number, rng in enumerate(_of_type(ranges, RateCell), 1):
        cell = rng.cell
        guests = "" if cell.guests is None else f' NumberOfGuests="{cell.guests}"'
        parts.append(f'<RateAmountMessage LocatorID="{number}">{_status_application_control(rng, rate_plan=True)}'
                     f'<Rates><Rate><BaseByGuestAmts><BaseByGuestAmt AmountAfterTax='
                     f'{_attr(minor_to_decimal(cell.amount_minor, cell.currency))} CurrencyCode={_attr(cell.currency)}'
                     f"{guests}/></BaseByGuestAmts></Rate></Rates></RateAmountMessage>")
    return _finish(parts, RATE_AMOUNT, "RateAmountMessages", hotel_code, echo_token, list(ranges))


def build_avail_notif(
    hotel_code: str, ranges: Sequence[Range], *, echo_token: str | None = None, timestamp: datetime | None = None
) -> OutgoingMessage:
    head, echo_token = _envelope_head(AVAIL, "AvailStatusMessages", hotel_code, echo_token, timestamp)
    parts = [head]
    items = []
    for rng in _of_type(ranges, RestrictionCell):
        cell = rng.cell
        control = _status_application_control(rng, rate_plan=True)
        # 1: lengths of stay + stop-sell (Master). 2: closed to arrival. 3: closed to departure.
        max_stay = ('<LengthOfStay MinMaxMessageType="RemoveMaxLOS"/>' if cell.max_stay is None
                    else _length_of_stay("SetMaxLOS", cell.max_stay))
        parts.append(f'<AvailStatusMessage LocatorID="{len(items) + 1}">{control}<LengthsOfStay>'
                     f'{_length_of_stay("SetMinLOS", cell.min_stay)}{max_stay}</LengthsOfStay>'
                     f'{_restriction_status("Master", cell.stop_sell)}</AvailStatusMessage>')
        items.append(rng)
        for restriction, closed in (("Arrival", cell.cta), ("Departure", cell.ctd)):
            parts.append(f'<AvailStatusMessage LocatorID="{len(items) + 1}">{control}'
                         f"{_restriction_status(restriction, closed)}</AvailStatusMessage>")
            items.append(rng)
    return _finish(parts, AVAIL, "AvailStatusMessages", hotel_code, echo_token, items)


_BUILDERS: dict[type, Callable[..., OutgoingMessage]] = {
    AvailCell: build_inv_count_notif,
    RateCell: build_rate_amount_notif,
    RestrictionCell: build_avail_notif,
}


def ota_tag(tag: str) -> str:
    """An element name in the OpenTravel namespace, as lxml spells it: {http://…/2003/05}Tag."""
    return f"{{{OTA_NS}}}{tag}"


_q = ota_tag


def ota_root(name: str, echo_token: str | None = None, timestamp: datetime | None = None) -> etree._Element:
    """A request root with the attributes every OpenTravel message carries."""
    root = etree.Element(_q(name), nsmap={None: OTA_NS})
    root.set("EchoToken", echo_token or uuid.uuid4().hex)
    root.set("TimeStamp", _timestamp(timestamp))
    root.set("Version", MESSAGE_VERSION)
    return root


def _timestamp(timestamp: datetime | None) -> str:
    stamp = timestamp or datetime.now(timezone.utc)
    if stamp.tzinfo is None:
        raise ValueError("timestamp must be timezone-aware: OTAs compare it across time zones")
    return stamp.isoformat(timespec="seconds")


def ota_subelement(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, _q(tag), **attributes)


def outgoing(root: etree._Element, hotel_code: str, items: tuple[Range, ...] = (), reply_name: str = "") -> OutgoingMessage:
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    name = etree.QName(root).localname
    return OutgoingMessage(name, hotel_code, root.get("EchoToken"), body, items, reply_name)


# The ARI notifications are written as text, not built as an lxml tree and serialised: a full
# resync of a large property is ~10⁵ elements per channel and the tree cost more than everything
# else in the pass. The text is byte for byte what lxml writes for the same tree (attribute order,
# self-closed empty elements, the declaration); every value that is not ours — codes, the echo
# token — goes through _attr, which is lxml's own escaping.
_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"


@lru_cache(maxsize=4096)
def _attr(text: str) -> str:
    """``text`` as a quoted attribute value, escaped exactly as lxml escapes it (and refused, as lxml
    refuses it, if it holds characters XML cannot carry). Memoised: a channel has few codes."""
    written = etree.tostring(etree.Element("a", v=text), encoding="unicode")  # <a v="…"/>
    return written[5:-2]


def _envelope_head(
    name: str, container_tag: str, hotel_code: str, echo_token: str | None, timestamp: datetime | None
) -> tuple[str, str]:
    """The declaration, the root's start tag (as ``ota_root`` makes it) and the container's; and the
    echo token."""
    if not hotel_code:
        raise ValueError("hotel_code is required")
    stamp = _timestamp(timestamp)
    echo_token = echo_token or uuid.uuid4().hex
    head = (f'{_DECLARATION}<{name} xmlns="{OTA_NS}" EchoToken={_attr(echo_token)} '
            f'TimeStamp={_attr(stamp)} Version="{MESSAGE_VERSION}">'
            f"<{container_tag} HotelCode={_attr(hotel_code)}>")
    return head, echo_token


def _finish(
    parts: list[str], name: str, container_tag: str, hotel_code: str, echo_token: str, items: list[Range]
) -> OutgoingMessage:
    if not items:
        raise ValueError(f"{name} needs at least one range")
    parts.append(f"</{container_tag}></{name}>")
    return OutgoingMessage(name, hotel_code, echo_token, "".join(parts).encode("utf-8"), tuple(items))


def _of_type(ranges: Sequence[Range], cell_type: type) -> Sequence[Range]:
    for rng in ranges:
        if not isinstance(rng.cell, cell_type):
            raise ValueError(f"expected {cell_type.__name__} ranges, got {type(rng.cell).__name__}")
    return ranges


@lru_cache(maxsize=None)
def _day_flags(weekdays: frozenset[int] | None) -> str:
    if weekdays is None:
        return ""
    # all seven or none, as the schema intends
    return "".join(f' {flag}="{"true" if weekday in weekdays else "false"}"' for weekday, flag in enumerate(DAY_FLAGS))


def _status_application_control(rng: Range, *, rate_plan: bool) -> str:
    # End is inclusive: the last night the value applies to.
    cell = rng.cell
    rate = f" RatePlanCode={_attr(cell.remote_rate)}" if rate_plan else ""
    return (f'<StatusApplicationControl Start="{rng.start.isoformat()}" End="{rng.end.isoformat()}"'
            f"{_day_flags(rng.weekdays)} InvTypeCode={_attr(cell.remote_room)}{rate}/>")


def _length_of_stay(kind: str, nights: int) -> str:
    return f'<LengthOfStay MinMaxMessageType="{kind}" Time="{nights}" TimeUnit="Day"/>'


def _restriction_status(restriction: str, closed: bool) -> str:
    return f'<RestrictionStatus Restriction="{restriction}" Status="{"Close" if closed else "Open"}"/>'
