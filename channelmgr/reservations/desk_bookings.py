"""Bookings the desk makes and changes: by phone, walk-in or WeChat; cancel; no-show.

Unlike a channel booking (which already happened elsewhere and must be kept), a booking taken by
hand is *refused* when a night of the stay has no room left: the guest is still on the phone and
can be offered another room type or date. Each function runs inside the caller's transaction and
must be its first work there, because it begins with the selling lock (selling_lock.py), which is
what makes two desks selling the last room at the same moment end with exactly one sale.

Check-in and check-out are the front desk's (channelmgr/inventory/front_desk.py); they are not
repeated here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.models import Property, RatePlan, Reservation, ReservationStatus, RoomType
from ..errors import NotFound
from ..inventory.availability import HOLDING_STATUSES
from ..inventory.refusals import Refusal
from ..security.audit import record
from .history import add_desk_revision, audit_view
from .occupancy import NightCounts
from .overbooking_flags import clear_resolved_overbookings
from .room_plan import RoomPlan
from .selling_lock import hold_reservation, hold_room_types

# "other": a friend of the owner, a travel agent's call… still a booking by hand, kept apart in reports.
DESK_SOURCES = ("phone", "wechat", "walk_in", "other")  # in the order the desk offers them
# (Chinese, English): how the command line and the workbooks name them (the desk translates its
# own through Qt, with the same words)
DESK_SOURCE_NAMES = {"phone": ("电话", "Phone"), "wechat": ("微信", "WeChat"), "walk_in": ("散客", "Walk-in"),
                     "other": ("其他", "Other")}
MAX_NIGHTS = 90


@dataclass(frozen=True)
class DeskBooking:
    property_id: int
    room_type_id: int
    arrival: date
    nights: int
    guest_name: str
    source: str = "phone"
    guest_phone: str = ""
    amount_minor: int = 0  # the whole stay, fen
    adults: int = 2
    children: int = 0
    rate_plan_id: int | None = None  # None: the room type's main plan
    notes: str = ""

    @property
    def departure(self) -> date:
        return self.arrival + timedelta(days=self.nights)


def check_desk_booking(request: DeskBooking, today: date) -> None:
    if not request.guest_name.strip():
        raise Refusal("no_guest_name", "Enter the guest's name")
    if request.source not in DESK_SOURCES:
        raise Refusal("bad_source", f"A booking by hand comes by {', '.join(DESK_SOURCES)}, not {request.source!r}",
                      source=request.source)
    if not 1 <= request.nights <= MAX_NIGHTS:
        raise Refusal("nights_range", f"A stay is 1 to {MAX_NIGHTS} nights, not {request.nights}",
                      nights=request.nights, max=MAX_NIGHTS)
    if request.arrival < today:
        raise Refusal("arrival_past", f"The arrival {request.arrival} is before today ({today})",
                      night=request.arrival, today=today)
    if request.amount_minor < 0:
        raise Refusal("amount_negative", f"The amount cannot be negative ({request.amount_minor} fen)",
                      value=request.amount_minor)
    if request.adults < 1 or request.children < 0:
        raise Refusal("guests_range", "A booking needs at least one adult")


def book_at_desk(s: Session, request: DeskBooking, actor: Actor, today: date) -> Reservation:
    """Store a booking taken by hand, or refuse it if any night of the stay is full."""
    check_desk_booking(request, today)
    hold_room_types(s, [request.room_type_id])  # first statement: see selling_lock.py
    room_type = s.get(RoomType, request.room_type_id)
    if room_type is None or room_type.property_id != request.property_id:
        raise NotFound(f"No room type {request.room_type_id} in this property")
    departure = request.departure
    counts = NightCounts.load(s, request.property_id, request.arrival, departure, [room_type.id])
    full = counts.full_nights(room_type.id, request.arrival, departure)
    if full:
        nights = ", ".join(night.isoformat() for night in full)
        raise Refusal(
            "booking_would_overbook",
            f"{room_type.name_zh} ({room_type.code}) has no room left on {nights}: the booking would overbook",
            room_type=room_type.code, nights=nights, night=full[0],
        )
    plan_id = request.rate_plan_id or s.scalar(
        select(RatePlan.id).where(RatePlan.room_type_id == room_type.id).order_by(RatePlan.sort_order, RatePlan.id)
    )
    rooms = RoomPlan.load(s, request.property_id, request.arrival, departure, today)
    room = rooms.first_free(room_type.id, request.arrival, departure)
    booking = Reservation(
        property_id=request.property_id,
        source=request.source,
        room_type_id=room_type.id,
        rate_plan_id=plan_id,
        room_id=room.id if room else None,
        arrival=request.arrival,
        departure=departure,
        adults=request.adults,
        children=request.children,
        guest_name=request.guest_name.strip()[:100],
        guest_phone=request.guest_phone.strip()[:50],
        amount_minor=request.amount_minor,
        currency=s.scalar(select(Property.currency).where(Property.id == request.property_id)) or "CNY",
        status=ReservationStatus.CONFIRMED,
        revision="1",
        notes=request.notes,
    )
    s.add(booking)
    s.flush()
    add_desk_revision(s, booking, "created", actor, first=True)
    record(s, actor, "create", "reservation", booking.id, None, audit_view(booking))
    return booking


def get_locked_booking(s: Session, reservation_id: int) -> Reservation:
    hold_reservation(s, reservation_id)  # first statement: see selling_lock.py
    booking = s.get(Reservation, reservation_id)
    if booking is None:
        raise NotFound(f"No reservation with id {reservation_id}", f"没有编号为 {reservation_id} 的订单")
    return booking


def cancel_booking(s: Session, reservation_id: int, actor: Actor) -> Reservation:
    """Cancel: its nights are sold again on every channel (cancelled bookings hold nothing)."""
    booking = get_locked_booking(s, reservation_id)
    if booking.status not in (ReservationStatus.CONFIRMED,):
        raise Refusal("not_cancellable", f"{booking.guest_name}'s booking is {booking.status.value}; only a confirmed "
                      "booking can be cancelled", guest=booking.guest_name, status=booking.status.value)
    _release(s, booking, ReservationStatus.CANCELLED, "cancelled", actor)
    return booking


def mark_no_show(s: Session, reservation_id: int, actor: Actor, today: date) -> Reservation:
    """The guest did not come: the remaining nights are free to sell again."""
    booking = get_locked_booking(s, reservation_id)
    if booking.status is not ReservationStatus.CONFIRMED:
        raise Refusal("not_confirmed", f"{booking.guest_name}'s booking is {booking.status.value}, not confirmed",
                      guest=booking.guest_name, status=booking.status.value)
    if booking.arrival > today:
        raise Refusal("arrives_later", f"{booking.guest_name} arrives on {booking.arrival}; a no-show is marked on "
                      "or after the arrival day", guest=booking.guest_name, night=booking.arrival)
    _release(s, booking, ReservationStatus.NO_SHOW, "no_show", actor)
    return booking


def _release(s: Session, booking: Reservation, status: ReservationStatus, change: str, actor: Actor) -> None:
    before = audit_view(booking)
    held = booking.status in HOLDING_STATUSES
    booking.status = status
    booking.overbooked = False
    add_desk_revision(s, booking, change, actor)
    record(s, actor, change, "reservation", booking.id, before, audit_view(booking))
    if held:
        clear_resolved_overbookings(s, actor, booking.room_type_id, booking.arrival, booking.departure)
