"""The reservation ledger behind one object (``Services.reservations``): the UI and the CLI call it.

One short transaction per call; plain dataclasses out. The work itself lives in small modules:
channel_ingest (channel bookings, idempotent), desk_bookings (by hand, cancel, no-show),
room_moves (排房), overbooking_board, attention (the needs-attention list).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from ..actor import Actor
from ..db.engine import Database
from ..db.models import Channel, Reservation, ReservationStatus, Room, RoomType
from ..errors import NotFound, UserError
from ..inventory.nights import Clock, property_today, utc_now
from . import attention, desk_bookings, room_moves
from .channel_ingest import IngestReport, ingest_channel_bookings
from .desk_bookings import DeskBooking
from .history import history_of
from .overbooking_board import Conflict, overbooking_board
from .room_moves import Assignment, FreeRoom
from .views import AttentionInfo, ReservationDetail, ReservationInfo
from ..security.roles import Permission, requires

STATUSES = tuple(s.value for s in ReservationStatus)


class ReservationService:
    def __init__(self, db: Database, clock: Clock = utc_now):
        self.db = db
        self.clock = clock

    # --- reading ------------------------------------------------------------------------
    def list(
        self,
        property_id: int,
        start: date | None = None,
        end: date | None = None,
        channel: str | None = None,
        status: str | None = None,
        search: str | None = None,
    ) -> list[ReservationInfo]:
        """Reservations with a night in [start, end) (open-ended when a bound is missing);
        ``search`` matches the guest's name, phone or the channel's reservation id."""
        if status and status not in STATUSES:
            raise UserError(f"Unknown status {status!r}; use one of {', '.join(STATUSES)}",
                            f"未知状态 {status!r}；可用：{', '.join(STATUSES)}")
        ch, query = _listing()
        query = query.where(Reservation.property_id == property_id).order_by(Reservation.arrival, Reservation.id)
        if start:
            query = query.where(Reservation.departure > start)
        if end:
            query = query.where(Reservation.arrival < end)
        if channel:
            query = query.where(ch.name == channel)
        if status:
            query = query.where(Reservation.status == ReservationStatus(status))
        if search and search.strip():
            pattern = f"%{search.strip()}%"
            query = query.where(or_(Reservation.guest_name.ilike(pattern), Reservation.guest_phone.ilike(pattern),
                                    Reservation.remote_id.ilike(pattern)))
        with self.db.session() as s:
            # Core execution: these are plain columns, the ORM's row loading adds nothing but time.
            return [reservation_info(row) for row in s.connection().execute(query)]

    def detail(self, reservation_id: int) -> ReservationDetail:
        with self.db.session() as s:
            info = self._info(s, reservation_id)  # NotFound for a booking that is not there
            booking = s.get(Reservation, reservation_id)
            pid = booking.property_id
            return ReservationDetail(
                info, history_of(s, booking),
                room_types=dict(s.execute(select(RoomType.id, RoomType.code).where(RoomType.property_id == pid)).all()),
                rooms=dict(s.execute(select(Room.id, Room.number).where(Room.property_id == pid)).all()))

    def channels(self, property_id: int) -> list[str]:
        with self.db.session() as s:
            return list(s.scalars(select(Channel.name).where(Channel.property_id == property_id).order_by(Channel.name)))

    def overbookings(self, property_id: int) -> list[Conflict]:
        with self.db.session() as s:
            return overbooking_board(s, property_id, property_today(s, property_id, self.clock))

    def new_channel_bookings(self, property_id: int, after_id: int | None) -> tuple[int, list]:
        """(the newest channel booking id, the bookings after ``after_id``); ``None`` only sets the mark."""
        with self.db.session() as s:
            if after_id is None:
                return attention.latest_channel_booking_id(s, property_id), []
            fresh = attention.channel_bookings_after(s, property_id, after_id)
            return (fresh[-1].id if fresh else after_id), fresh

    def attention(self, property_id: int, include_resolved: bool = False) -> list[AttentionInfo]:
        with self.db.session() as s:
            return attention.attention_list(s, property_id, include_resolved)

    # --- channel bookings ---------------------------------------------------------------------
    @requires(Permission.RESERVATIONS)
    def ingest(self, channel_id: int, bookings: list[dict], actor: Actor, source_text: str = "") -> IngestReport:
        """Store parsed channel bookings; acknowledge to the channel exactly ``report.to_acknowledge``."""
        with self.db.session() as s:
            channel = s.get(Channel, channel_id)
            if channel is None:
                raise NotFound(f"No channel with id {channel_id}")
            today = property_today(s, channel.property_id, self.clock)
        return ingest_channel_bookings(self.db, channel_id, bookings, actor, today, source_text=source_text)

    # --- the desk -----------------------------------------------------------------------------
    @requires(Permission.RESERVATIONS)
    def book(self, request: DeskBooking, actor: Actor) -> ReservationInfo:
        """A booking by phone, walk-in or WeChat; refused (UserError) if a night is full."""
        today = self._today(request.property_id)
        with self.db.session() as s:
            booking = desk_bookings.book_at_desk(s, request, actor, today)
            return self._info(s, booking.id)

    @requires(Permission.RESERVATIONS)
    def cancel(self, reservation_id: int, actor: Actor) -> ReservationInfo:
        with self.db.session() as s:
            desk_bookings.cancel_booking(s, reservation_id, actor)
            return self._info(s, reservation_id)

    @requires(Permission.RESERVATIONS)
    def no_show(self, reservation_id: int, actor: Actor) -> ReservationInfo:
        today = self._today_of_booking(reservation_id)
        with self.db.session() as s:
            desk_bookings.mark_no_show(s, reservation_id, actor, today)
            return self._info(s, reservation_id)

    @requires(Permission.RESERVATIONS)
    def move_to_room(self, reservation_id: int, room_id: int, actor: Actor) -> ReservationInfo:
        today = self._today_of_booking(reservation_id)
        with self.db.session() as s:
            room_moves.move_to_room(s, reservation_id, room_id, actor, today)
            return self._info(s, reservation_id)

    def free_rooms(self, reservation_id: int) -> list[FreeRoom]:
        """Rooms the booking could move to: free for its whole stay (own type first)."""
        today = self._today_of_booking(reservation_id)
        with self.db.session() as s:
            return room_moves.rooms_free_for(s, reservation_id, today)

    @requires(Permission.RESERVATIONS)
    def assign_rooms(self, property_id: int, start: date, end: date, actor: Actor) -> list[Assignment]:
        today = self._today(property_id)
        with self.db.session() as s:
            return room_moves.assign_unassigned(s, property_id, start, end, actor, today)

    @requires(Permission.RESERVATIONS)
    def resolve_attention(self, attention_id: int, note: str, actor: Actor) -> None:
        with self.db.session() as s:
            attention.resolve_attention(s, attention_id, note, actor)

    # --- helpers ------------------------------------------------------------------------------
    def _today(self, property_id: int) -> date:
        with self.db.session() as s:
            return property_today(s, property_id, self.clock)

    def _today_of_booking(self, reservation_id: int) -> date:
        with self.db.session() as s:
            property_id = s.scalar(select(Reservation.property_id).where(Reservation.id == reservation_id))
            if property_id is None:
                raise NotFound(f"No reservation with id {reservation_id}", f"没有编号为 {reservation_id} 的订单")
            return property_today(s, property_id, self.clock)

    @staticmethod
    def _info(s: Session, reservation_id: int) -> ReservationInfo:
        _ch, query = _listing()
        row = s.execute(query.where(Reservation.id == reservation_id)).first()
        if row is None:
            raise NotFound(f"No reservation with id {reservation_id}", f"没有编号为 {reservation_id} 的订单")
        return reservation_info(row)


_LISTED = (
    Reservation.id, Reservation.source, Reservation.remote_id, Reservation.arrival, Reservation.departure,
    Reservation.adults, Reservation.children, Reservation.guest_name, Reservation.amount_minor, Reservation.currency,
    Reservation.status, Reservation.overbooked, Reservation.guest_phone, Reservation.revision, Reservation.created_at,
    Reservation.notes, Reservation.room_id, Reservation.commission_minor,
)


def _listing():
    """The columns a ReservationInfo needs, joined to the room type, room and channel names.

    Columns, not ORM objects, unpacked by position: twenty thousand rows load several times
    faster than as objects or by column name.
    """
    ch = aliased(Channel)
    query = (
        select(*_LISTED, RoomType.code, Room.number, ch.name)
        .join(RoomType, Reservation.room_type_id == RoomType.id)
        .outerjoin(Room, Reservation.room_id == Room.id)
        .outerjoin(ch, Reservation.channel_id == ch.id)
    )
    return ch, query


def reservation_info(row) -> ReservationInfo:
    (id_, source, remote_id, arrival, departure, adults, children, guest_name, amount_minor, currency, status,
     overbooked, guest_phone, revision, created_at, notes, room_id, commission_minor, room_type_code, room_number,
     channel) = row
    return ReservationInfo(
        id_, source, channel, remote_id, room_type_code, room_number, arrival, departure, (departure - arrival).days,
        adults, children, guest_name, amount_minor, currency, status.value, overbooked, guest_phone, revision,
        created_at, notes, room_id, commission_minor,
    )
