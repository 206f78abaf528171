"""Reading the reservation ledger (ingest, deduction and overbooking come with the reservations issue)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased

from ..db.engine import Database
from ..db.models import Channel, Reservation, Room, RoomType
from .views import ReservationInfo


class ReservationService:
    def __init__(self, db: Database):
        self.db = db

    def list(
        self,
        property_id: int,
        start: date | None = None,
        end: date | None = None,
        channel: str | None = None,
    ) -> list[ReservationInfo]:
        """Reservations with a night in [start, end) (open-ended when a bound is missing)."""
        ch = aliased(Channel)
        query = (
            select(Reservation, RoomType.code, Room.number, ch.name)
            .join(RoomType, Reservation.room_type_id == RoomType.id)
            .outerjoin(Room, Reservation.room_id == Room.id)
            .outerjoin(ch, Reservation.channel_id == ch.id)
            .where(Reservation.property_id == property_id)
            .order_by(Reservation.arrival, Reservation.id)
        )
        if start:
            query = query.where(Reservation.departure > start)
        if end:
            query = query.where(Reservation.arrival < end)
        if channel:
            query = query.where(ch.name == channel)
        with self.db.session() as s:
            return [
                ReservationInfo(
                    id=r.id,
                    source=r.source,
                    channel=channel_name,
                    remote_id=r.remote_id,
                    room_type_code=rt_code,
                    room_number=room_number,
                    arrival=r.arrival,
                    departure=r.departure,
                    nights=(r.departure - r.arrival).days,
                    adults=r.adults,
                    children=r.children,
                    guest_name=r.guest_name,
                    amount_minor=r.amount_minor,
                    currency=r.currency,
                    status=r.status.value,
                    overbooked=r.overbooked,
                )
                for r, rt_code, room_number, channel_name in s.execute(query)
            ]
