"""Guests booking on the sandbox OTA, and the OpenTravel pull that delivers those bookings.

A booking made on the sandbox (``SandboxHandle.book`` or ``POST /api/book/{hotel}``) becomes a
revision the channel manager has not seen. ``OTA_ReadRQ`` (path ``OTA_Read``) answers with an
``OTA_ResRetrieveRS`` listing every booking whose newest revision is not yet acknowledged;
``OTA_NotifReportRQ`` (path ``OTA_NotifReport``) acknowledges them. Like a real OTA, an
acknowledgement covers the revision that was *delivered*: a booking cancelled between the read and
the report is delivered again, so a cancellation can never be swallowed by an earlier ack.

Revisions are named by ``LastModifyDateTime`` with microseconds and strictly increasing per
booking: a book and a cancel in the same second must still be two ordered revisions, or the
channel manager would see "same revision, different content" and ask a person.

Room codes are deliberately not checked against the listing: tests need to deliver a booking the
channel manager cannot map (what happens when an OTA renames a room), and that must reach the
needs-attention list rather than be refused here.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from typing import Callable

from lxml import etree

from channelmgr.channels.errors import ProtocolError
from channelmgr.channels.opentravel_messages import MESSAGE_VERSION, OTA_NS, minor_to_decimal, ota_tag as _q
from channelmgr.channels.opentravel_responses import OtaIssue
from channelmgr.channels.sandbox.notif_processing import Reply, render_response, request_issue
from channelmgr.channels.sandbox.state import ListingState
from channelmgr.channels.xml_safety import parse_untrusted_xml
from channelmgr.pricing.money import HUNDRED, scale

READ_PATH, REPORT_PATH = "OTA_Read", "OTA_NotifReport"
RESPONSES = {READ_PATH: "OTA_ResRetrieveRS", REPORT_PATH: "OTA_NotifReportRS"}
RESERVATION_ID_TYPE = "14"
MAX_STAY_NIGHTS = 90

_ids = itertools.count(1)  # sandbox-wide, so two listings never hand out the same remote id


class BookingRefused(ValueError):
    """The OTA would not take this booking (bad dates, a night with no room left…)."""


@dataclass(frozen=True)
class SandboxBooking:
    remote_id: str
    room: str
    rate: str
    arrival: date
    departure: date                 # check-out day: nights are [arrival, departure)
    given_name: str
    surname: str
    phone: str
    amount_minor: int
    currency: str
    adults: int
    children: int
    created: datetime
    modified: datetime              # the revision's name (LastModifyDateTime)
    status: str = "Book"            # OpenTravel ResStatus: Book or Cancel
    commission_minor: int = 0       # what the OTA keeps of amount_minor
    delivered: datetime | None = field(default=None, compare=False)     # revision last sent in a read
    acknowledged: datetime | None = field(default=None, compare=False)  # revision last acknowledged

    @property
    def nights(self) -> list[date]:
        return [self.arrival + timedelta(days=i) for i in range((self.departure - self.arrival).days)]

    @property
    def pending(self) -> bool:
        return self.acknowledged != self.modified

    def to_json(self) -> dict:
        return {
            "remote_id": self.remote_id, "room": self.room, "rate": self.rate,
            "arrival": self.arrival.isoformat(), "departure": self.departure.isoformat(),
            "guest": f"{self.given_name} {self.surname}".strip(), "phone": self.phone,
            "amount_minor": self.amount_minor, "commission_minor": self.commission_minor,
            "currency": self.currency, "adults": self.adults,
            "children": self.children, "status": self.status, "revision": _stamp(self.modified),
            "acknowledged": self.acknowledged is not None and not self.pending,
        }


def _now_after(previous: datetime | None) -> datetime:
    now = datetime.now(timezone.utc)
    if previous is not None and now <= previous:
        now = previous + timedelta(microseconds=1)
    return now


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


# --- the OTA's own side: guests book and cancel --------------------------------------------------

def book(
    state: ListingState,
    *,
    room: str,
    rate: str,
    arrival: date,
    departure: date,
    today: date,
    given_name: str = "",
    surname: str = "",
    phone: str = "",
    amount_minor: int = 0,
    adults: int = 2,
    children: int = 0,
    force: bool = False,
    commission_minor: int | None = None,
) -> SandboxBooking:
    """Take a booking and close its nights on this listing, as an OTA does when a guest books.

    Refused when a night the channel manager pushed has no room left, unless ``force`` (an OTA
    that oversells: exactly what the overbooking flag downstream is for).
    """
    if departure <= arrival:
        raise BookingRefused(f"departure {departure} is not after arrival {arrival}")
    if (departure - arrival).days > MAX_STAY_NIGHTS:
        raise BookingRefused(f"stays longer than {MAX_STAY_NIGHTS} nights are not sold here")
    if arrival < today:
        raise BookingRefused(f"arrival {arrival} is in the past (today is {today})")
    if amount_minor < 0 or adults < 0 or children < 0 or (commission_minor or 0) < 0:
        raise BookingRefused("amounts and guest counts cannot be negative")
    if commission_minor is None:  # the listing's rate, as the OTA charges it
        commission_minor = scale(amount_minor, state.config.commission_percent / HUNDRED)
    if commission_minor > amount_minor:
        raise BookingRefused(f"commission {commission_minor} is more than the amount {amount_minor}")
    with state.lock:
        nights = [arrival + timedelta(days=i) for i in range((departure - arrival).days)]
        full = [n for n in nights if state.counts.get((room, n)) == 0]
        if full and not force:
            raise BookingRefused(f"{room} has no room left on {', '.join(map(str, full))}")
        moment = _now_after(None)
        booking = SandboxBooking(
            remote_id=f"{state.config.hotel_code}-B{next(_ids):05d}", room=room, rate=rate, arrival=arrival,
            departure=departure, given_name=given_name, surname=surname, phone=phone, amount_minor=amount_minor,
            currency=state.config.currency, adults=adults, children=children, created=moment, modified=moment,
            commission_minor=commission_minor,
        )
        _take(state, booking, -1)
        state.bookings[booking.remote_id] = booking
        state.count("bookings_made")
    return booking


def cancel(state: ListingState, remote_id: str) -> SandboxBooking:
    """Cancel a booking: a new revision with ResStatus Cancel; its nights open again here."""
    with state.lock:
        booking = state.bookings.get(remote_id)
        if booking is None:
            raise KeyError(remote_id)
        if booking.status == "Cancel":
            return booking
        booking = replace(booking, status="Cancel", modified=_now_after(booking.modified))
        _take(state, booking, +1)
        state.bookings[remote_id] = booking
        state.count("bookings_cancelled")
    return booking


def redeliver(state: ListingState, remote_id: str) -> None:
    """Forget the acknowledgement: the same revision is delivered again by the next read."""
    with state.lock:
        booking = state.bookings[remote_id]
        state.bookings[remote_id] = replace(booking, delivered=None, acknowledged=None)


def _take(state: ListingState, booking: SandboxBooking, step: int) -> None:
    # Only nights the channel manager pushed a count for are adjusted; the next push overwrites
    # them anyway with what the homestay really has left.
    for night in booking.nights:
        count = state.counts.get((booking.room, night))
        if count is not None:
            state.counts[(booking.room, night)] = max(0, count + step)


# --- the OpenTravel pull -----------------------------------------------------------------------

def process_read(state: ListingState, body: bytes) -> Reply:
    """``OTA_ReadRQ`` → ``OTA_ResRetrieveRS`` with every booking whose newest revision is unacknowledged."""
    response = RESPONSES[READ_PATH]
    root, echo, problem = parse_request(body, "OTA_ReadRQ")
    if problem is not None:
        return Reply(400, render_response(response, echo, [problem]), "bad_request")
    hotel = root.find(f"{_q('ReadRequests')}/{_q('HotelReadRequest')}")
    if hotel is None or hotel.get("HotelCode") != state.config.hotel_code:
        code = None if hotel is None else hotel.get("HotelCode")
        issue = request_issue("392", f"HotelCode {code!r} is not this listing ({state.config.hotel_code})")
        return Reply(200, render_response(response, echo, [issue]), "rejected")
    pending = deliver_pending(state)
    return Reply(200, render_res_retrieve(echo, pending), "ok", applied=len(pending))


def deliver_pending(state: ListingState) -> list[SandboxBooking]:
    """Every booking whose newest revision is unacknowledged, marked delivered (any protocol's read)."""
    with state.lock:
        pending = [b for b in state.bookings.values() if b.pending]
        for booking in pending:
            state.bookings[booking.remote_id] = replace(booking, delivered=booking.modified)
    state.count("bookings_delivered", len(pending))
    return pending


def revision_id(booking: SandboxBooking) -> str:
    """The id a hub gives a booking's current revision (Channex-style feeds acknowledge revisions)."""
    return f"{booking.remote_id}@{_stamp(booking.modified)}"


def acknowledge_revision(state: ListingState, revision: str) -> bool:
    """Acknowledge one delivered revision by its id; False if no delivered revision has it.

    A booking changed since it was delivered stays pending: the newer revision is not the one
    acknowledged (the cancellation-after-read case of the OpenTravel report, revision by revision)."""
    remote_id, _, stamp = revision.rpartition("@")
    with state.lock:
        booking = state.bookings.get(remote_id)
        if booking is None or booking.delivered is None:
            return False
        if stamp == _stamp(booking.delivered):
            acknowledged = booking.delivered
        elif stamp == _stamp(booking.modified):
            acknowledged = booking.modified
        else:
            return False
        state.bookings[remote_id] = replace(booking, acknowledged=acknowledged)
    state.count("bookings_acknowledged")
    return True


def process_notif_report(state: ListingState, body: bytes) -> Reply:
    """``OTA_NotifReportRQ``: the delivered revision of each named booking is acknowledged."""
    response = RESPONSES[REPORT_PATH]
    root, echo, problem = parse_request(body, "OTA_NotifReportRQ")
    if problem is not None:
        return Reply(400, render_response(response, echo, [problem]), "bad_request")
    path = "/".join(_q(t) for t in ("NotifDetails", "HotelNotifReport", "HotelReservations", "HotelReservation",
                                    "UniqueID"))
    ids = [u.get("ID") for u in root.iterfind(path) if u.get("Type") == RESERVATION_ID_TYPE and u.get("ID")]
    if not ids:
        issue = request_issue("321", "no HotelReservation/UniqueID (Type 14) to acknowledge", "10")
        return Reply(200, render_response(response, echo, [issue]), "rejected")
    unknown: list[str] = []
    acknowledged = 0
    with state.lock:
        for remote_id in dict.fromkeys(ids):
            booking = state.bookings.get(remote_id)
            if booking is None or booking.delivered is None:
                unknown.append(remote_id)
                continue
            state.bookings[remote_id] = replace(booking, acknowledged=booking.delivered)
            acknowledged += 1
    state.count("bookings_acknowledged", acknowledged)
    # An id we never delivered is a warning, not an error: the report as a whole did its job.
    warnings = [OtaIssue("warning", f"no delivered reservation {rid!r} here", "450", "3") for rid in unknown]
    return Reply(200, _with_warnings(render_response(response, echo, []), warnings), "ok", applied=acknowledged)


def render_res_retrieve(echo_token: str | None, bookings: list[SandboxBooking]) -> bytes:
    root = etree.Element(_q("OTA_ResRetrieveRS"), nsmap={None: OTA_NS})
    if echo_token:
        root.set("EchoToken", echo_token)
    root.set("TimeStamp", datetime.now(timezone.utc).isoformat(timespec="seconds"))
    root.set("Version", MESSAGE_VERSION)
    etree.SubElement(root, _q("Success"))
    listing = etree.SubElement(root, _q("ReservationsList"))
    for b in bookings:
        reservation = _sub(listing, "HotelReservation", CreateDateTime=_stamp(b.created),
                           LastModifyDateTime=_stamp(b.modified), ResStatus=b.status)
        _sub(reservation, "UniqueID", Type=RESERVATION_ID_TYPE, ID=b.remote_id)
        total = minor_to_decimal(b.amount_minor, b.currency)
        stay = _sub(_sub(reservation, "RoomStays"), "RoomStay")
        _sub(_sub(stay, "RoomTypes"), "RoomType", RoomTypeCode=b.room)
        _sub(_sub(stay, "RatePlans"), "RatePlan", RatePlanCode=b.rate)
        counts = _sub(stay, "GuestCounts")
        _sub(counts, "GuestCount", AgeQualifyingCode="10", Count=str(b.adults))
        if b.children:
            _sub(counts, "GuestCount", AgeQualifyingCode="8", Count=str(b.children))
        _sub(stay, "TimeSpan", Start=b.arrival.isoformat(), End=b.departure.isoformat())
        _sub(stay, "Total", AmountAfterTax=total, CurrencyCode=b.currency)
        commission = minor_to_decimal(b.commission_minor, b.currency)
        _sub(_sub(stay, "Commission"), "CommissionPayableAmount", Amount=commission, CurrencyCode=b.currency)
        customer = _sub(_sub(_sub(_sub(_sub(_sub(reservation, "ResGuests"), "ResGuest"), "Profiles"),
                                  "ProfileInfo"), "Profile"), "Customer")
        name = _sub(customer, "PersonName")
        _sub(name, "GivenName").text = b.given_name
        _sub(name, "Surname").text = b.surname
        if b.phone:
            _sub(customer, "Telephone", PhoneNumber=b.phone)
        global_info = _sub(reservation, "ResGlobalInfo")
        _sub(global_info, "Total", AmountAfterTax=total, CurrencyCode=b.currency)
        _sub(_sub(global_info, "TotalCommissions"), "CommissionPayableAmount", Amount=commission,
             CurrencyCode=b.currency)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def parse_request(body: bytes, expected: str) -> tuple[etree._Element | None, str | None, OtaIssue | None]:
    try:
        root = parse_untrusted_xml(body, what="request")
    except ProtocolError as exc:
        return None, None, request_issue("450", str(exc), "7")
    echo = root.get("EchoToken")
    if root.tag != _q(expected):
        return root, echo, request_issue("450", f"this URL takes {expected}, not {etree.QName(root).localname}", "7")
    return root, echo, None


def _with_warnings(body: bytes, warnings: list[OtaIssue]) -> bytes:
    if not warnings:
        return body
    root = etree.fromstring(body)  # our own bytes, just rendered: nothing untrusted here
    group = etree.SubElement(root, _q("Warnings"))
    for issue in warnings:
        _sub(group, "Warning", Type=issue.type, Code=issue.code, ShortText=issue.text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, _q(tag), {k: v for k, v in attributes.items() if v is not None})


PROCESSORS: dict[str, Callable[[ListingState, bytes], Reply]] = {
    READ_PATH: process_read,
    REPORT_PATH: process_notif_report,
}
