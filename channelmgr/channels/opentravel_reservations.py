"""Reservations by OpenTravel pull: ``OTA_ReadRQ`` → ``OTA_ResRetrieveRS`` → ``OTA_NotifReportRQ``.

The flow (pmsXchange/AlpineBits style): ask for undelivered reservations, store each one
idempotently by (channel, remote id, revision), and only then acknowledge the stored ones with a
notif report. A reservation that was not acknowledged is delivered again — never lost.

Dates: a reservation's ``TimeSpan`` Start is the arrival and End the **departure** (check-out) day,
which is already our half-open ``[arrival, departure)`` — unlike ARI ranges, nothing is converted.

Parsed reservations are plain dicts; one that cannot be read fully still comes back, with its
``problems`` listed, so the caller can flag it for a person instead of silently dropping a booking.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Sequence

from lxml import etree

from channelmgr.channels.errors import ProtocolError
from channelmgr.channels.opentravel_messages import (
    OTA_NS,
    OutgoingMessage,
    decimal_to_minor,
    ota_root,
    ota_subelement,
    outgoing,
)
from channelmgr.channels.opentravel_responses import OtaResponse, read_response
from channelmgr.channels.xml_safety import parse_untrusted_xml
from channelmgr.pricing.money import HUNDRED, scale

READ = "OTA_ReadRQ"
RES_RETRIEVE = "OTA_ResRetrieveRS"
NOTIF_REPORT = "OTA_NotifReportRQ"
RESERVATION_ID_TYPE = "14"  # OpenTravel UIT code list: 14 = reservation
_ADULT, _CHILD = "10", "8"  # OpenTravel AQC code list
_DURATION_NIGHTS = re.compile(r"^P(\d+)[ND]$")


def build_read_request(
    hotel_code: str, *, since: date | None = None, echo_token: str | None = None, timestamp: datetime | None = None
) -> OutgoingMessage:
    """Ask for reservations not yet acknowledged (``since``: only those changed from that day)."""
    if not hotel_code:
        raise ValueError("hotel_code is required")
    root = ota_root(READ, echo_token, timestamp)
    requests = ota_subelement(root, "ReadRequests")
    hotel = ota_subelement(requests, "HotelReadRequest", HotelCode=hotel_code)
    criteria = ota_subelement(hotel, "SelectionCriteria", SelectionType="Undelivered")
    if since is not None:
        criteria.set("Start", since.isoformat())
    return outgoing(root, hotel_code, reply_name=RES_RETRIEVE)


def build_notif_report(
    hotel_code: str, remote_ids: Sequence[str], *, echo_token: str | None = None, timestamp: datetime | None = None
) -> OutgoingMessage:
    """Acknowledge reservations that are safely stored; call only after the local commit."""
    if not remote_ids:
        raise ValueError("nothing to acknowledge")
    root = ota_root(NOTIF_REPORT, echo_token, timestamp)
    ota_subelement(root, "Success")
    report = ota_subelement(ota_subelement(root, "NotifDetails"), "HotelNotifReport")
    reservations = ota_subelement(report, "HotelReservations")
    for remote_id in dict.fromkeys(remote_ids):
        reservation = ota_subelement(reservations, "HotelReservation")
        ota_subelement(reservation, "UniqueID", Type=RESERVATION_ID_TYPE, ID=remote_id)
    return outgoing(root, hotel_code)


def parse_res_retrieve(body: bytes) -> tuple[OtaResponse, list[dict]]:
    """Read an ``OTA_ResRetrieveRS``: its status and every reservation in it, as plain dicts."""
    root = parse_untrusted_xml(body, what="reservation reply")
    response = read_response(root, expected=RES_RETRIEVE)
    ns = _ns(root)
    reservations = [_reservation(element, ns) for element in root.iterfind(f"{ns}ReservationsList/{ns}HotelReservation")]
    return response, reservations


def _ns(root: etree._Element) -> str:
    namespace = etree.QName(root).namespace
    if namespace not in (OTA_NS, None):
        raise ProtocolError(f"the reply is in namespace {namespace!r}, not OpenTravel's")
    return f"{{{namespace}}}" if namespace else ""


def _reservation(element: etree._Element, ns: str) -> dict:
    problems: list[str] = []
    remote_id = _remote_id(element, ns)
    if remote_id is None:
        problems.append("no reservation id (UniqueID Type 14 or HotelReservationID)")
    total = element.find(f"{ns}ResGlobalInfo/{ns}Total")
    total_minor, currency = _amount(total, problems, "reservation total")
    commission_minor = _commission(element.find(f"{ns}ResGlobalInfo/{ns}TotalCommissions"), total_minor, ns,
                                   problems, "reservation commission")
    return {
        "remote_id": remote_id,
        "status": element.get("ResStatus"),
        "created": element.get("CreateDateTime"),
        "modified": element.get("LastModifyDateTime"),
        "rooms": [_room_stay(stay, ns, problems) for stay in element.iterfind(f"{ns}RoomStays/{ns}RoomStay")],
        "guest": _guest(element, ns),
        "total_minor": total_minor,
        "commission_minor": commission_minor,
        "currency": currency,
        "comments": [
            " ".join(text.split())
            for text in element.xpath(".//*[local-name()='Comment']/*[local-name()='Text']/text()")
            if text.strip()
        ],
        "problems": problems,
    }


def _remote_id(element: etree._Element, ns: str) -> str | None:
    for unique in element.iterfind(f"{ns}UniqueID"):
        if unique.get("Type") == RESERVATION_ID_TYPE and unique.get("ID"):
            return unique.get("ID")
    for found in element.iterfind(f"{ns}ResGlobalInfo/{ns}HotelReservationIDs/{ns}HotelReservationID"):
        if found.get("ResID_Value"):
            return found.get("ResID_Value")
    return None


def _room_stay(stay: etree._Element, ns: str, problems: list[str]) -> dict:
    room_type = stay.find(f"{ns}RoomTypes/{ns}RoomType")
    rate_plan = stay.find(f"{ns}RatePlans/{ns}RatePlan")
    arrival, departure = _time_span(stay.find(f"{ns}TimeSpan"), problems)
    adults = children = 0
    for count in stay.iterfind(f"{ns}GuestCounts/{ns}GuestCount"):
        number = int(count.get("Count", "0")) if count.get("Count", "0").isdigit() else 0
        if count.get("AgeQualifyingCode") == _CHILD:
            children += number
        else:  # adult (10) or unspecified: a guest we must count towards occupancy
            adults += number
    amount_minor, currency = _amount(stay.find(f"{ns}Total"), problems, "room total")
    commission_minor = _commission(stay.find(f"{ns}Commission"), amount_minor, ns, problems, "room commission")
    return {
        "room_code": room_type.get("RoomTypeCode") if room_type is not None else None,
        "rate_code": rate_plan.get("RatePlanCode") if rate_plan is not None else None,
        "arrival": arrival,
        "departure": departure,
        "nights": (departure - arrival).days if arrival and departure else None,
        "adults": adults,
        "children": children,
        "amount_minor": amount_minor,
        "commission_minor": commission_minor,
        "currency": currency,
    }


def _time_span(span: etree._Element | None, problems: list[str]) -> tuple[date | None, date | None]:
    if span is None:
        problems.append("a room stay has no TimeSpan")
        return None, None
    try:
        arrival = date.fromisoformat(span.get("Start", "")[:10])
        if span.get("End"):
            departure = date.fromisoformat(span.get("End")[:10])
        else:  # some channels send a Duration in nights instead of an End
            match = _DURATION_NIGHTS.match(span.get("Duration", ""))
            if not match:
                raise ValueError("neither End nor a Duration in nights")
            departure = arrival + timedelta(days=int(match.group(1)))
    except ValueError as exc:
        problems.append(f"unreadable TimeSpan {dict(span.attrib)}: {exc}")
        return None, None
    if departure <= arrival:
        problems.append(f"departure {departure} is not after arrival {arrival}")
    return arrival, departure


def _amount(element: etree._Element | None, problems: list[str], what: str,
            attribute: str = "AmountAfterTax") -> tuple[int | None, str | None]:
    if element is None or element.get(attribute) is None:
        return None, element.get("CurrencyCode") if element is not None else None
    currency = element.get("CurrencyCode") or "CNY"
    text = element.get(attribute).strip()
    places = element.get("DecimalPlaces")
    try:
        if places is not None and "." not in text:
            text = str(Decimal(text).scaleb(-int(places)))  # "38800" with DecimalPlaces 2 means 388.00
        return decimal_to_minor(text, currency), currency
    except (ValueError, ArithmeticError) as exc:
        problems.append(f"unreadable {what} {element.get(attribute)!r}: {exc}")
        return None, currency


def _commission(element: etree._Element | None, amount_minor: int | None, ns: str, problems: list[str],
                what: str) -> int | None:
    """OpenTravel's CommissionType: a CommissionPayableAmount, else a Percent of the amount.

    None when the channel says nothing: the ledger then stores no commission (a booking the
    guest paid the house directly, or a channel that settles commission on its own invoice).
    """
    if element is None:
        return None
    payable, _ = _amount(element.find(f"{ns}CommissionPayableAmount"), problems, what, attribute="Amount")
    if payable is not None or element.get("Percent") is None:
        return payable
    try:
        percent = Decimal(element.get("Percent"))
        if not percent.is_finite():
            raise ArithmeticError("not a finite number")
    except ArithmeticError as exc:
        problems.append(f"unreadable {what} Percent {element.get('Percent')!r}: {exc}")
        return None
    if amount_minor is None:
        problems.append(f"{what} is a Percent ({percent}) of an amount the reservation does not give")
        return None
    return scale(amount_minor, percent / HUNDRED)


def _guest(element: etree._Element, ns: str) -> dict:
    customer = element.find(f"{ns}ResGuests/{ns}ResGuest/{ns}Profiles/{ns}ProfileInfo/{ns}Profile/{ns}Customer")

    def text(path: str) -> str | None:
        if customer is None:
            return None
        found = customer.find(path)
        return found.text.strip() if found is not None and found.text and found.text.strip() else None

    phone = customer.find(f"{ns}Telephone") if customer is not None else None
    return {
        "given_name": text(f"{ns}PersonName/{ns}GivenName"),
        "surname": text(f"{ns}PersonName/{ns}Surname"),
        "phone": phone.get("PhoneNumber") if phone is not None else None,
        "email": text(f"{ns}Email"),
    }
