"""The front desk's quick actions: close or reopen a room type tonight, a walk-in guest, check-in
and check-out. Each is one short transaction with its audit entry.

Closing tonight is a one-night bulk edit, so it returns a ChangeSet the UI can undo like any other.
A walk-in is a desk booking like a phone one (the reservation ledger's ``book_at_desk``: the same
selling lock, room assignment, history and refusal when a night has no room left), checked in at
once when the desk gives the room. Check-in puts the guest in a room through the ledger's room
move, which refuses a room taken on any night of the stay and treats another type as an upgrade.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.engine import Database
from ..db.models import RatePlan, Reservation, ReservationStatus, Room, RoomStatus
from ..reservations.desk_bookings import DeskBooking, book_at_desk, get_locked_booking
from ..reservations.history import add_desk_revision, audit_view
from ..reservations.room_moves import move_to_room
from ..reservations.service import ReservationService
from ..reservations.views import ReservationInfo
from ..security.audit import record
from .bulk_edit import BulkEditRequest, BulkEditService, Operation
from .changes import ChangeSet
from .nights import ONE_DAY, Clock, property_today
from .prices import NightlyPrices, override_or_base_prices, stay_amount
from .refusals import Refusal
from .room_board import get_room, repair_tonight
from ..security.roles import Permission, requires


@dataclass(frozen=True)
class WalkInRequest:
    property_id: int
    room_type_id: int
    nights: int  # from tonight
    guest_name: str
    # The whole stay (fen) as the desk agreed it; None: the stay's own price (``stay_amount``,
    # night by night, like 新建订单's quote).
    amount_minor: int | None = None
    adults: int = 2
    children: int = 0
    guest_phone: str = ""
    room_id: int | None = None  # check the guest in to this room at once


class FrontDeskService:
    def __init__(self, db: Database, clock: Clock, bulk_edit: BulkEditService, reservations: ReservationService,
                 prices: NightlyPrices = override_or_base_prices):
        self.db = db
        self.clock = clock
        self.bulk_edit = bulk_edit
        self.reservations = reservations
        self.prices = prices

    @requires(Permission.CALENDAR)
    def close_tonight(self, property_id: int, room_type_id: int, actor: Actor) -> ChangeSet:
        """Stop selling the room type for tonight (every channel gets 0 rooms)."""
        return self._tonight(property_id, room_type_id, Operation.CLOSE, actor)

    @requires(Permission.CALENDAR)
    def reopen_tonight(self, property_id: int, room_type_id: int, actor: Actor) -> ChangeSet:
        return self._tonight(property_id, room_type_id, Operation.OPEN, actor)

    def _tonight(self, property_id: int, room_type_id: int, op: Operation, actor: Actor) -> ChangeSet:
        with self.db.session() as s:
            today = property_today(s, property_id, self.clock)
        request = BulkEditRequest(property_id, today, today, (room_type_id,), op)
        return self.bulk_edit.apply(request, actor)

    @requires(Permission.RESERVATIONS)
    def walk_in(self, request: WalkInRequest, actor: Actor) -> ReservationInfo:
        if request.amount_minor is not None and request.amount_minor <= 0:
            raise Refusal("price_not_positive", f"A price must be above zero, got {request.amount_minor} fen",
                          value=request.amount_minor)
        with self.db.session() as s:
            today = property_today(s, request.property_id, self.clock)
            amount = request.amount_minor
            if amount is None:
                amount = self._stay_price(s, request.room_type_id, today, request.nights)
            booking = book_at_desk(
                s,
                DeskBooking(
                    property_id=request.property_id,
                    room_type_id=request.room_type_id,
                    arrival=today,
                    nights=request.nights,
                    guest_name=request.guest_name,
                    source="walk_in",
                    guest_phone=request.guest_phone,
                    amount_minor=amount,
                    adults=request.adults,
                    children=request.children,
                ),
                actor,
                today,
            )
            if request.room_id is not None:
                _check_in(s, booking, get_room(s, request.room_id), today, actor)
            booking_id = booking.id
        return self.reservations.detail(booking_id).reservation

    def _stay_price(self, s: Session, room_type_id: int, arrival: date, nights: int) -> int:
        plan_id = s.scalar(select(RatePlan.id).where(RatePlan.room_type_id == room_type_id)
                           .order_by(RatePlan.sort_order, RatePlan.id))  # the main plan, as book_at_desk
        amount = None if plan_id is None else stay_amount(s, self.prices, plan_id, arrival, arrival + ONE_DAY * nights)
        if amount is None:
            raise Refusal("no_price", "This room type has no price for every night of the stay: enter the amount")
        return amount

    @requires(Permission.RESERVATIONS)
    def check_in(self, reservation_id: int, room_id: int, actor: Actor) -> None:
        with self.db.session() as s:
            booking = get_locked_booking(s, reservation_id)
            _check_in(s, booking, get_room(s, room_id), property_today(s, booking.property_id, self.clock), actor)

    @requires(Permission.RESERVATIONS)
    def check_out(self, reservation_id: int, actor: Actor) -> None:
        """The guest leaves: the booking is checked out and the room needs cleaning."""
        with self.db.session() as s:
            booking = get_locked_booking(s, reservation_id)
            if booking.status is not ReservationStatus.CHECKED_IN:
                raise Refusal(
                    "not_checked_in",
                    f"{booking.guest_name} is not checked in (status {booking.status.value})",
                    guest=booking.guest_name, status=booking.status.value,
                )
            before = audit_view(booking)
            booking.status = ReservationStatus.CHECKED_OUT
            add_desk_revision(s, booking, "checked_out", actor)
            record(s, actor, "check_out", "reservation", booking.id, before, audit_view(booking))
            if booking.room_id is not None:
                room = get_room(s, booking.room_id)
                record(s, actor, "set_status", "room", room.number, {"status": room.status.value}, {"status": "dirty"})
                room.status = RoomStatus.DIRTY


def _check_in(s: Session, booking: Reservation, room: Room, today: date, actor: Actor) -> None:
    if booking.status is not ReservationStatus.CONFIRMED:
        raise Refusal("not_confirmed", f"{booking.guest_name}'s booking is {booking.status.value}, not confirmed",
                      guest=booking.guest_name, status=booking.status.value)
    if booking.arrival > today:
        raise Refusal("arrives_later", f"{booking.guest_name} arrives on {booking.arrival}", guest=booking.guest_name,
                      night=booking.arrival)
    if booking.departure <= today:
        raise Refusal("stay_over", f"{booking.guest_name}'s stay ended on {booking.departure}", guest=booking.guest_name,
                      night=booking.departure)
    if room.status is RoomStatus.OCCUPIED:
        raise Refusal("room_occupied", f"Room {room.number} is occupied", room=room.number)
    if room.status is RoomStatus.OUT_OF_ORDER or repair_tonight(s, room.id, today) is not None:
        raise Refusal("room_out_of_order", f"Room {room.number} is out of order", room=room.number)
    if booking.room_id != room.id:
        move_to_room(s, booking.id, room.id, actor, today)  # free for the whole stay, or refused
    before = audit_view(booking)
    booking.status = ReservationStatus.CHECKED_IN
    add_desk_revision(s, booking, "checked_in", actor)
    record(s, actor, "check_in", "reservation", booking.id, before, {**audit_view(booking), "room": room.number})
    record(s, actor, "set_status", "room", room.number, {"status": room.status.value}, {"status": "occupied"})
    room.status = RoomStatus.OCCUPIED
