"""Room assignment (排房) at the desk: put a booking in a given room, or fill in the unassigned.

Moving a booking to a room is refused when the room is taken or out of order on any night of the
stay: a guest keeps one room for the whole stay. A room of another type is an upgrade (or a
downgrade): the booking changes type too, and that is refused like a new booking when the type
is full on a night of the stay. Like every ledger write, each function is the first work of its
transaction (selling_lock.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.models import Reservation, Room, RoomOutOfOrder, RoomType
from ..errors import NotFound
from ..inventory.availability import HOLDING_STATUSES
from ..inventory.refusals import Refusal
from ..security.audit import record
from .desk_bookings import get_locked_booking
from .history import add_desk_revision, audit_view
from .occupancy import NightCounts
from .overbooking_flags import clear_resolved_overbookings
from .room_plan import RoomPlan
from .selling_lock import hold_property_room_types, hold_room_types


@dataclass(frozen=True)
class Assignment:
    reservation_id: int
    guest_name: str
    room_number: str | None  # None: no single room is free for the whole stay


@dataclass(frozen=True)
class FreeRoom:
    id: int
    number: str
    room_type_code: str
    same_type: bool  # False: moving there is an upgrade (or downgrade)


def rooms_free_for(s: Session, reservation_id: int, today: date) -> list[FreeRoom]:
    """Rooms free for the booking's whole stay: its own type first, then the others."""
    booking = s.get(Reservation, reservation_id)
    if booking is None:
        raise NotFound(f"No reservation with id {reservation_id}", f"没有编号为 {reservation_id} 的订单")
    plan = RoomPlan.load(s, booking.property_id, booking.arrival, booking.departure, today)
    if booking.room_id is not None and booking.status in HOLDING_STATUSES:
        plan.release(booking.room_id, booking.arrival, booking.departure)
    codes = dict(s.execute(select(RoomType.id, RoomType.code).where(RoomType.property_id == booking.property_id,
                                                                    ~RoomType.archived)).all())
    free = [
        FreeRoom(room.id, room.number, codes[type_id], type_id == booking.room_type_id)
        for type_id in codes
        for room in plan.free_rooms(type_id, booking.arrival, booking.departure)
        if room.id != booking.room_id
    ]
    return sorted(free, key=lambda r: (not r.same_type, r.room_type_code))


def move_to_room(s: Session, reservation_id: int, room_id: int, actor: Actor, today: date) -> Reservation:
    booking = get_locked_booking(s, reservation_id)
    room = s.get(Room, room_id)
    if room is None or room.property_id != booking.property_id:
        raise NotFound(f"No room with id {room_id} in this property")
    if booking.status not in HOLDING_STATUSES:
        raise Refusal("not_holding", f"{booking.guest_name}'s booking is {booking.status.value}; it holds no room",
                      guest=booking.guest_name, status=booking.status.value)
    old_type = booking.room_type_id
    hold_room_types(s, {old_type, room.room_type_id})
    if room.room_type_id != old_type:
        _refuse_full_type(s, booking, room.room_type_id)
    plan = RoomPlan.load(s, booking.property_id, booking.arrival, booking.departure, today)
    if booking.room_id is not None:
        plan.release(booking.room_id, booking.arrival, booking.departure)  # its own nights don't clash
    if not plan.is_free(room.id, booking.arrival, booking.departure):
        raise _clash(s, booking, room, today)
    before = audit_view(booking)
    booking.room_id = room.id
    change = "moved"
    if room.room_type_id != old_type:
        booking.room_type_id = room.room_type_id
        booking.overbooked = False  # the new type had a room for every night
        change = "upgraded"
    add_desk_revision(s, booking, change, actor)
    record(s, actor, "assign_room", "reservation", booking.id, before, {**audit_view(booking), "room": room.number})
    if room.room_type_id != old_type:
        clear_resolved_overbookings(s, actor, old_type, booking.arrival, booking.departure)
    return booking


def assign_unassigned(s: Session, property_id: int, start: date, end: date, actor: Actor, today: date) -> list[Assignment]:
    """Give every holding booking without a room, with a night in ``[start, end)``, the first
    room of its type free for its whole stay (earliest arrivals first)."""
    hold_property_room_types(s, property_id)  # first statement: see selling_lock.py
    waiting = s.scalars(
        select(Reservation)
        .where(
            Reservation.property_id == property_id,
            Reservation.room_id.is_(None),
            Reservation.status.in_(HOLDING_STATUSES),
            Reservation.arrival < end,
            Reservation.departure > start,
        )
        .order_by(Reservation.arrival, Reservation.id)
    ).all()
    if not waiting:
        return []
    plan = RoomPlan.load(s, property_id, min(r.arrival for r in waiting), max(r.departure for r in waiting), today)
    done = []
    for booking in waiting:
        room = plan.first_free(booking.room_type_id, booking.arrival, booking.departure)
        if room is not None:
            before = audit_view(booking)
            booking.room_id = room.id
            plan.take(room.id, booking.arrival, booking.departure)
            add_desk_revision(s, booking, "assigned", actor)
            record(s, actor, "assign_room", "reservation", booking.id, before, {**audit_view(booking), "room": room.number})
        done.append(Assignment(booking.id, booking.guest_name, room.number if room else None))
    return done


def _refuse_full_type(s: Session, booking: Reservation, room_type_id: int) -> None:
    counts = NightCounts.load(s, booking.property_id, booking.arrival, booking.departure, [room_type_id])
    full = counts.full_nights(room_type_id, booking.arrival, booking.departure)
    if full:
        room_type = s.get(RoomType, room_type_id)
        nights = ", ".join(night.isoformat() for night in full)
        raise Refusal("booking_would_overbook",
                      f"{room_type.name_zh} ({room_type.code}) has no room left on {nights}: the move would overbook",
                      room_type=room_type.code, nights=nights, night=full[0])


def _clash(s: Session, booking: Reservation, room: Room, today: date) -> Refusal:
    """Why the room is not free for the stay, in words the desk can act on."""
    other = s.scalars(
        select(Reservation).where(
            Reservation.room_id == room.id,
            Reservation.id != booking.id,
            Reservation.status.in_(HOLDING_STATUSES),
            Reservation.arrival < booking.departure,
            Reservation.departure > booking.arrival,
        ).order_by(Reservation.arrival)
    ).first()
    if other is not None:
        return Refusal("room_taken", f"Room {room.number} is taken by {other.guest_name} from {other.arrival} to "
                       f"{other.departure}", room=room.number, guest=other.guest_name, first=other.arrival,
                       last=other.departure)
    repair = s.scalars(
        select(RoomOutOfOrder).where(
            RoomOutOfOrder.room_id == room.id,
            RoomOutOfOrder.start_date < booking.departure,
            RoomOutOfOrder.end_date > booking.arrival,
        )
    ).first()
    first, last = (repair.start_date, repair.end_date) if repair else (today, today)
    return Refusal("room_out_of_order", f"Room {room.number} is out of order" +
                   (f" from {first} to {last}" if repair else ""), room=room.number, first=first, last=last)
