"""The rooms board (房态板): every physical room with its housekeeping status, who is in it, and
which rooms are out of order; plus tonight's availability per room type and today's arrivals.

Out of order has two sides. The status (clean/dirty/occupied/out of order) is housekeeping's word
on the room right now; a RoomOutOfOrder range is what takes the room out of sellable inventory for
nights ahead. Marking a repair for dates creates the range (and sets the status when it starts
tonight); a one-click status change never touches inventory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.engine import Database
from ..db.models import Reservation, ReservationStatus, Room, RoomOutOfOrder, RoomStatus, RoomType
from ..errors import NotFound
from ..reservations.selling_lock import hold_room_types
from ..security.audit import record
from .availability import HOLDING_STATUSES, CalendarCell, load_snapshot
from .nights import ONE_DAY, Clock, property_today
from .prices import NightlyPrices, no_prices
from .refusals import Refusal
from ..security.roles import Permission, requires


@dataclass(frozen=True)
class BoardRoom:
    id: int
    number: str
    floor: int | None
    room_type_id: int
    status: str  # a RoomStatus value
    guest_name: str | None = None  # the guest checked in to the room
    stay_id: int | None = None  # their reservation
    departure: date | None = None
    out_of_order_id: int | None = None  # a repair covering tonight
    back_in_service: date | None = None  # the first night the room can be sold again


@dataclass(frozen=True)
class BoardRoomType:
    id: int
    code: str
    name_zh: str
    name_en: str
    tonight: CalendarCell
    main_rate_plan_code: str | None = None  # what a walk-in is booked and priced on


def expected_in(status: str, arrival: date, departure: date, today: date) -> bool:
    """The desk still expects the guest today: booked (not checked in) and the stay not over.
    ``RoomBoardService._arrivals`` asks the database the same question."""
    return status == ReservationStatus.CONFIRMED.value and arrival <= today < departure


def is_late_arrival(status: str, arrival: date, departure: date, today: date) -> bool:
    """Expected in, but due on an earlier night: the guest has not come yet. Not a no-show until
    the desk marks one, and the room is still held for them."""
    return expected_in(status, arrival, departure, today) and arrival < today


@dataclass(frozen=True)
class Arrival:
    """A confirmed booking due in today (or late: arrived on an earlier night, not checked in)."""

    reservation_id: int
    room_type_id: int
    guest_name: str
    arrival: date
    departure: date
    source: str

    def late(self, today: date) -> bool:
        return is_late_arrival(ReservationStatus.CONFIRMED.value, self.arrival, self.departure, today)


@dataclass(frozen=True)
class RoomBoard:
    property_id: int
    today: date
    room_types: tuple[BoardRoomType, ...]
    rooms: tuple[BoardRoom, ...]
    arrivals: tuple[Arrival, ...]


def get_room(session: Session, room_id: int) -> Room:
    room = session.get(Room, room_id)
    if room is None:
        raise NotFound(f"No room with id {room_id}", f"没有编号为 {room_id} 的房间")
    return room


def repair_tonight(session: Session, room_id: int, today: date) -> RoomOutOfOrder | None:
    return session.scalars(
        select(RoomOutOfOrder).where(
            RoomOutOfOrder.room_id == room_id, RoomOutOfOrder.start_date <= today, RoomOutOfOrder.end_date > today
        )
    ).first()


class RoomBoardService:
    def __init__(self, db: Database, clock: Clock, prices: NightlyPrices):
        self.db = db
        self.clock = clock
        self.prices = prices

    def board(self, property_id: int) -> RoomBoard:
        with self.db.session() as s:
            today = property_today(s, property_id, self.clock)
            tonight = load_snapshot(s, property_id, today, today + ONE_DAY, self.prices, today)
            types = tuple(
                BoardRoomType(rt.id, rt.code, rt.name_zh, rt.name_en, tonight.cell(i, 0), rt.main_rate_plan_code)
                for i, rt in enumerate(tonight.rows)
            )
            return RoomBoard(property_id, today, types, self._rooms(s, property_id, today), self._arrivals(s, property_id, today))

    @requires(Permission.CALENDAR)
    def set_status(self, room_id: int, status: str, actor: Actor) -> None:
        try:
            new = RoomStatus(status)
        except ValueError:
            allowed = ", ".join(m.value for m in RoomStatus)
            raise Refusal("bad_status", f"Unknown room status {status!r}; use one of {allowed}", status=status) from None
        with self.db.session() as s:
            room = get_room(s, room_id)
            if room.status is not new:
                record(s, actor, "set_status", "room", room.number, {"status": room.status.value}, {"status": new.value})
                room.status = new

    @requires(Permission.CALENDAR)
    def mark_out_of_order(self, room_id: int, start: date, end: date, reason: str, actor: Actor) -> int:
        """Take the room out of sale for the nights ``[start, end)``; returns the repair's id."""
        with self.db.session() as s:
            room = get_room(s, room_id)
            today = property_today(s, room.property_id, self.clock)
            if end <= start:
                raise Refusal("end_before_start", f"The room must come back after {start}, not on {end}", first=start, last=end)
            if start < today:
                raise Refusal("past", f"Nights before today ({today}) cannot be changed", today=today)
            # The ledger's selling lock: a repair and a sale of the same type's last room are serialised.
            hold_room_types(s, [room.room_type_id])
            self._refuse_clash(s, room, start, end, today)
            repair = RoomOutOfOrder(room_id=room.id, start_date=start, end_date=end, reason=reason.strip())
            s.add(repair)
            if start == today and room.status is not RoomStatus.OUT_OF_ORDER:
                room.status = RoomStatus.OUT_OF_ORDER
            s.flush()
            record(
                s, actor, "create", "room_out_of_order", repair.id, None,
                {"room": room.number, "start": start.isoformat(), "end": end.isoformat(), "reason": repair.reason},
            )
            return repair.id

    @requires(Permission.CALENDAR)
    def end_out_of_order(self, repair_id: int, actor: Actor) -> None:
        """Back in service from tonight; a repair that has not started yet is simply removed."""
        with self.db.session() as s:
            repair = s.get(RoomOutOfOrder, repair_id)
            if repair is None:
                raise NotFound(f"No out-of-order record {repair_id}", f"没有编号为 {repair_id} 的停用记录")
            room = get_room(s, repair.room_id)
            today = property_today(s, room.property_id, self.clock)
            before = {"room": room.number, "start": repair.start_date.isoformat(), "end": repair.end_date.isoformat()}
            if repair.start_date < today:
                repair.end_date = max(today, repair.start_date + ONE_DAY)  # keep the history of past nights
                after = {**before, "end": repair.end_date.isoformat()}
            else:
                s.delete(repair)
                after = None
            if room.status is RoomStatus.OUT_OF_ORDER:
                room.status = RoomStatus.DIRTY  # a repaired room is cleaned before it is sold
            record(s, actor, "end", "room_out_of_order", repair_id, before, after)

    # --- reading ------------------------------------------------------------------------------
    @staticmethod
    def _rooms(s: Session, property_id: int, today: date) -> tuple[BoardRoom, ...]:
        in_house = {
            r.room_id: r
            for r in s.scalars(
                select(Reservation).where(
                    Reservation.property_id == property_id,
                    Reservation.status == ReservationStatus.CHECKED_IN,
                    Reservation.room_id.is_not(None),
                )
            )
        }
        repairs = {
            r.room_id: r
            for r in s.scalars(
                select(RoomOutOfOrder)
                .join(Room, Room.id == RoomOutOfOrder.room_id)
                .where(Room.property_id == property_id, RoomOutOfOrder.start_date <= today, RoomOutOfOrder.end_date > today)
            )
        }
        rooms = s.scalars(
            select(Room)
            .join(RoomType, RoomType.id == Room.room_type_id)
            .where(Room.property_id == property_id, ~RoomType.archived)
            .order_by(RoomType.sort_order, RoomType.id, Room.number)
        )
        board = []
        for room in rooms:
            stay, repair = in_house.get(room.id), repairs.get(room.id)
            board.append(
                BoardRoom(
                    id=room.id,
                    number=room.number,
                    floor=room.floor,
                    room_type_id=room.room_type_id,
                    status=room.status.value,
                    guest_name=stay.guest_name if stay else None,
                    stay_id=stay.id if stay else None,
                    departure=stay.departure if stay else None,
                    out_of_order_id=repair.id if repair else None,
                    back_in_service=repair.end_date if repair else None,
                )
            )
        return tuple(board)

    @staticmethod
    def _arrivals(s: Session, property_id: int, today: date) -> tuple[Arrival, ...]:
        # ``expected_in`` as a query: the board reads every booking of the property otherwise.
        rows = s.scalars(
            select(Reservation)
            .where(
                Reservation.property_id == property_id,
                Reservation.status == ReservationStatus.CONFIRMED,
                Reservation.arrival <= today,
                Reservation.departure > today,
            )
            .order_by(Reservation.arrival, Reservation.id)
        )
        return tuple(
            Arrival(r.id, r.room_type_id, r.guest_name, r.arrival, r.departure, r.source) for r in rows
        )

    def _refuse_clash(self, s: Session, room: Room, start: date, end: date, today: date) -> None:
        """Refuse a repair that overlaps another one, a guest in the room, or the last free room."""
        other = s.scalars(
            select(RoomOutOfOrder).where(
                RoomOutOfOrder.room_id == room.id, RoomOutOfOrder.start_date < end, RoomOutOfOrder.end_date > start
            )
        ).first()
        if other is not None:
            raise Refusal(
                "already_out_of_order",
                f"Room {room.number} is already out of order from {other.start_date} to {other.end_date}",
                room=room.number, first=other.start_date, last=other.end_date,
            )
        guest = s.scalars(
            select(Reservation).where(
                Reservation.room_id == room.id,
                Reservation.status.in_(HOLDING_STATUSES),
                Reservation.arrival < end,
                Reservation.departure > start,
            )
        ).first()
        if guest is not None:
            raise Refusal(
                "room_booked",
                f"Room {room.number} is booked by {guest.guest_name} from {guest.arrival} to {guest.departure}",
                room=room.number, guest=guest.guest_name, first=guest.arrival, last=guest.departure,
            )
        window = load_snapshot(s, room.property_id, start, end, no_prices, today, [room.room_type_id])
        for column, cell in enumerate(window.cells[0] if window.cells else ()):
            if cell.booked + cell.out_of_order + 1 > cell.total:
                night = window.night(column)
                raise Refusal(
                    "would_overbook",
                    f"Taking room {room.number} out on {night} would leave too few rooms for the bookings of that night",
                    room=room.number, night=night,
                )
