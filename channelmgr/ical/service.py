"""The iCal export service: which nights of a room type or room are taken, as a feed.

A room type's night is unavailable when it has no room to sell (sold out, closed, stop-sell):
"booked" when bookings fill it, "blocked" otherwise. A room's night is unavailable when a booking
is assigned to that room or the room is out of order — and also when its whole type is gone, since
an unassigned booking may still land on this very room.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from ..db.engine import Database
from ..db.models import Property, Reservation, Room, RoomOutOfOrder, RoomType
from ..errors import NotFound, UserError
from ..files import atomic_target
from ..inventory.availability import HOLDING_STATUSES, AvailabilityService
from ..actor import Actor
from ..inventory.nights import Clock, property_today, utc_now
from ..security.roles import Permission, requires
from .export import busy_runs, feed_bytes
from .feed_import import FeedImport, import_feed
from .fetch import fetch_feed

DEFAULT_HORIZON = timedelta(days=365)
MAX_HORIZON = timedelta(days=3 * 366)


@dataclass(frozen=True)
class FeedExport:
    path: Path | None
    events: int
    body: bytes


class IcalExportService:
    def __init__(self, db: Database, availability: AvailabilityService, clock: Clock = utc_now):
        self.db = db
        self.availability = availability
        self.clock = clock

    def room_type_feed(self, property_id: int, room_type_code: str, room_number: str | None = None,
                       start: date | None = None, end: date | None = None) -> bytes:
        """The feed of one room type (or of one of its rooms) over ``[start, end)`` (default: a
        year from the property's today)."""
        start = start or self.availability.today(property_id)
        end = end or start + DEFAULT_HORIZON
        if end <= start:
            raise UserError(f"The window ends ({end}) before it starts ({start})",
                            f"结束日期（{end}）早于开始日期（{start}）")
        if end - start > MAX_HORIZON:
            raise UserError(f"An iCal feed covers at most three years ({start} to {end} is longer)",
                            f"iCal 日历最多覆盖三年（{start} 至 {end} 太长）")
        with self.db.session() as s:
            prop_code = s.scalar(select(Property.code).where(Property.id == property_id))
            rt = s.scalars(select(RoomType).where(RoomType.property_id == property_id,
                                                  RoomType.code == room_type_code)).one_or_none()
            if rt is None:
                raise NotFound(f"No room type {room_type_code}", f"没有房型 {room_type_code}")
            room = None
            if room_number is not None:
                room = s.scalars(select(Room).where(Room.room_type_id == rt.id, Room.number == room_number)).one_or_none()
                if room is None:
                    raise NotFound(f"No room {room_number} in room type {room_type_code}",
                                   f"房型 {room_type_code} 中没有房间 {room_number}")
            rt_id, rt_name = rt.id, rt.name_en or rt.name_zh
            room_nights = self._room_nights(s, room.id, start, end) if room else None
        snapshot = self.availability.snapshot(property_id, start, end, [rt_id])
        row = snapshot.row_of(rt_id)
        kinds: list[str | None] = []
        for column in range(len(snapshot.days)):
            cell = snapshot.cell(row, column)
            kind = None
            if cell.total and cell.rooms_to_sell == 0:
                kind = "booked" if cell.booked >= cell.total else "blocked"
            if room_nights is not None:
                kind = room_nights.get(column) or kind
            kinds.append(kind)
        key = f"{prop_code}-{room_type_code}" + (f"-{room_number}" if room_number else "")
        name = f"{rt_name} {room_number}" if room_number else rt_name
        return feed_bytes(key, name, busy_runs(start, kinds), self.clock())

    @staticmethod
    def _room_nights(s, room_id: int, start: date, end: date) -> dict[int, str]:
        """Column → "booked"/"blocked" for the nights this room itself is taken."""
        taken: dict[int, str] = {}

        def mark(first: date, stop: date, kind: str) -> None:
            for i in range(max(0, (first - start).days), min((end - start).days, (stop - start).days)):
                taken.setdefault(i, kind)  # a booking wins over a repair on the same night

        for first, stop in s.execute(select(Reservation.arrival, Reservation.departure).where(
                Reservation.room_id == room_id, Reservation.status.in_(HOLDING_STATUSES),
                Reservation.arrival < end, Reservation.departure > start)):
            mark(first, stop, "booked")
        for first, stop in s.execute(select(RoomOutOfOrder.start_date, RoomOutOfOrder.end_date).where(
                RoomOutOfOrder.room_id == room_id, RoomOutOfOrder.start_date < end, RoomOutOfOrder.end_date > start)):
            mark(first, stop, "blocked")
        return taken

    def export(self, property_id: int, room_type_code: str, path: Path, room_number: str | None = None,
               start: date | None = None, end: date | None = None) -> FeedExport:
        """Write the feed to ``path`` atomically (a reader never sees half a calendar)."""
        body = self.room_type_feed(property_id, room_type_code, room_number, start, end)
        with atomic_target(path) as temp:
            temp.write_bytes(body)
        return FeedExport(path, body.count(b"BEGIN:VEVENT"), body)


class IcalImportService:
    """Importing other calendars' feeds (a file's bytes or a URL) into one room type's ledger."""

    def __init__(self, db: Database, clock: Clock = utc_now):
        self.db = db
        self.clock = clock

    @requires(Permission.RESERVATIONS)  # the feed's events become bookings, like an OTA's
    def import_feed(self, property_id: int, room_type_code: str, feed_name: str, body: bytes, actor: Actor,
                    where: str = "the feed") -> FeedImport:
        with self.db.session() as s:
            today = property_today(s, property_id, self.clock)
        return import_feed(self.db, property_id, room_type_code, feed_name, body, actor, today, where)

    @requires(Permission.RESERVATIONS)
    def import_url(self, property_id: int, room_type_code: str, feed_name: str, url: str, actor: Actor) -> FeedImport:
        """Import now and keep the URL: the sync scheduler polls the feed from then on."""
        body = fetch_feed(url)
        with self.db.session() as s:
            today = property_today(s, property_id, self.clock)
        return import_feed(self.db, property_id, room_type_code, feed_name, body, actor, today, url, url=url)
