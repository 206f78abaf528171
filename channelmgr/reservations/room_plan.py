"""Which physical room (房间) each booking sleeps in: the nights every room is taken.

Automatic assignment (排房) gives a booking the first room of its type, by number, that is free for
the *whole* stay: a guest is not moved between rooms halfway through. When no single room is free
for every night the booking stays unassigned and the desk places it by hand.

Loaded once per transaction (under the selling lock) and kept current in memory, like
NightCounts, so a batch of channel bookings is assigned without a query per booking.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Reservation, Room, RoomOutOfOrder, RoomStatus
from ..inventory.availability import HOLDING_STATUSES


@dataclass(frozen=True)
class PlanRoom:
    id: int
    number: str
    room_type_id: int
    out_of_order_now: bool  # housekeeping's status: blocks stays that include today


class RoomPlan:
    def __init__(self, rooms: list[PlanRoom], today: date):
        self.today = today
        self.rooms = {room.id: room for room in rooms}
        self._by_type: dict[int, list[PlanRoom]] = defaultdict(list)
        for room in sorted(rooms, key=lambda r: (_number_key(r.number), r.id)):
            self._by_type[room.room_type_id].append(room)
        self._taken: dict[int, Counter] = defaultdict(Counter)  # room id → night ordinal → holders

    @classmethod
    def load(cls, session: Session, property_id: int, start: date, end: date, today: date,
             room_type_ids: Sequence[int] | None = None) -> "RoomPlan":
        """The property's rooms and what holds them in ``[start, end)``; only the rooms of
        ``room_type_ids`` when given (what holds those rooms is loaded whatever its booking's type:
        a guest upgraded into one of them holds it too)."""
        rooms = select(Room.id).where(Room.property_id == property_id)
        if room_type_ids is not None:
            rooms = rooms.where(Room.room_type_id.in_(room_type_ids))
        rows = session.execute(
            select(Room.id, Room.number, Room.room_type_id, Room.status).where(rooms.whereclause)
        ).all()
        plan = cls([PlanRoom(i, n, t, s is RoomStatus.OUT_OF_ORDER) for i, n, t, s in rows], today)
        # The rooms' ids as values, not the subquery: given a list the database reads the stays by
        # the room index; given the subquery SQLite went through the whole property's bookings.
        room_ids = [room_id for room_id, *_ in rows] if room_type_ids is not None else rooms
        # The first query autoflushed the session; these two read through its connection, without
        # the ORM's per-statement work (a channel batch loads a plan per feed).
        conn = session.connection()
        stays = conn.execute(
            select(Reservation.room_id, Reservation.arrival, Reservation.departure).where(
                Reservation.property_id == property_id,
                Reservation.room_id.in_(room_ids),
                Reservation.status.in_(HOLDING_STATUSES),
                Reservation.arrival < end,
                Reservation.departure > start,
            )
        )
        repairs = conn.execute(
            select(RoomOutOfOrder.room_id, RoomOutOfOrder.start_date, RoomOutOfOrder.end_date)
            .where(RoomOutOfOrder.room_id.in_(rooms), RoomOutOfOrder.start_date < end, RoomOutOfOrder.end_date > start)
        )
        for room_id, first, stop in [*stays, *repairs]:
            plan.take(room_id, first, stop)
        return plan

    def is_free(self, room_id: int, arrival: date, departure: date) -> bool:
        room = self.rooms.get(room_id)
        if room is None or (room.out_of_order_now and arrival <= self.today < departure):
            return False
        taken = self._taken.get(room_id)
        return not taken or all(taken[n] == 0 for n in range(arrival.toordinal(), departure.toordinal()))

    def free_rooms(self, room_type_id: int, arrival: date, departure: date) -> list[PlanRoom]:
        return [room for room in self._by_type.get(room_type_id, ()) if self.is_free(room.id, arrival, departure)]

    def first_free(self, room_type_id: int, arrival: date, departure: date) -> PlanRoom | None:
        for room in self._by_type.get(room_type_id, ()):
            if self.is_free(room.id, arrival, departure):
                return room
        return None

    def take(self, room_id: int, arrival: date, departure: date) -> None:
        taken = self._taken[room_id]
        for n in range(arrival.toordinal(), departure.toordinal()):
            taken[n] += 1

    def release(self, room_id: int, arrival: date, departure: date) -> None:
        taken = self._taken[room_id]
        for n in range(arrival.toordinal(), departure.toordinal()):
            taken[n] -= 1


def _number_key(number: str) -> tuple:
    # "9" before "10": numeric room numbers sort as numbers, others after them as text.
    return (0, int(number), "") if number.isdigit() else (1, 0, number)
