"""The overbooking board: every night from today on where bookings do not fit, and what to do.

Two kinds of conflict:
* overbooked — more bookings (and rooms out of order) than rooms of the type that night. The fix
  is to move a guest: to another room type free for the whole stay (an upgrade, offered first), or
  to call the guest (another date, another house nearby).
* room clash — the counts fit, but two bookings sit in the same physical room that night (a
  channel extended a stay into a room already given away). The fix is another room of the same
  type free for the whole stay.

For each conflict the board names the booking that came last (latest created_at): usually the one
to move, since the others were confirmed first. It is computed from the bookings themselves, so
it is always current; Reservation.overbooked is the flag the lists show.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..db.models import Channel, Reservation, Room, RoomType
from ..inventory.availability import HOLDING_STATUSES
from .occupancy import NightCounts
from .room_plan import RoomPlan

OVERBOOKED = "overbooked"
ROOM_CLASH = "room_clash"


@dataclass(frozen=True)
class ConflictBooking:
    id: int
    guest_name: str
    guest_phone: str
    source: str
    channel: str | None
    remote_id: str | None
    arrival: date
    departure: date
    created_at: datetime
    room_number: str | None


@dataclass(frozen=True)
class UpgradeOption:
    room_type_id: int
    code: str
    name_zh: str
    name_en: str
    free_rooms: int  # the fewest free rooms on any night of the stay


@dataclass(frozen=True)
class Conflict:
    kind: str  # OVERBOOKED or ROOM_CLASH
    night: date
    room_type_id: int
    room_type_code: str
    room_type_name: str
    rooms: int  # rooms of the type
    held: int  # bookings plus rooms out of order that night
    room_number: str | None  # the room two bookings share (room clash)
    bookings: tuple[ConflictBooking, ...]  # oldest first
    last: ConflictBooking  # the one that came last: usually the one to move
    upgrades: tuple[UpgradeOption, ...]  # other types free for the last booking's whole stay
    free_rooms: tuple[str, ...]  # rooms of the same type free for its whole stay (room clash)


def overbooking_board(s: Session, property_id: int, today: date) -> list[Conflict]:
    channel = aliased(Channel)
    rows = s.execute(
        select(Reservation, Room.number, channel.name)
        .outerjoin(Room, Room.id == Reservation.room_id)
        .outerjoin(channel, channel.id == Reservation.channel_id)
        .where(
            Reservation.property_id == property_id,
            Reservation.status.in_(HOLDING_STATUSES),
            Reservation.departure > today,
        )
    ).all()
    if not rows:
        return []
    start = min(today, min(r.arrival for r, _n, _c in rows))
    end = max(r.departure for r, _n, _c in rows)
    counts = NightCounts.load(s, property_id, start, end)
    types = {t.id: t for t in s.scalars(select(RoomType).where(RoomType.property_id == property_id, ~RoomType.archived))}

    per_type_night: dict[tuple[int, date], list[ConflictBooking]] = defaultdict(list)
    per_room_night: dict[tuple[int, date], list[ConflictBooking]] = defaultdict(list)
    room_of: dict[int, int | None] = {}
    for r, number, channel_name in rows:
        seen = ConflictBooking(r.id, r.guest_name, r.guest_phone, r.source, channel_name, r.remote_id, r.arrival,
                               r.departure, r.created_at, number)
        room_of[r.id] = r.room_id
        for i in range(max(0, (today - r.arrival).days), (r.departure - r.arrival).days):
            night = r.arrival + timedelta(days=i)
            if counts.free(r.room_type_id, night) < 0:
                per_type_night[(r.room_type_id, night)].append(seen)
            if r.room_id is not None:
                per_room_night[(r.room_id, night)].append(seen)

    type_of_booking = {r.id: r.room_type_id for r, _n, _c in rows}
    plan = RoomPlan.load(s, property_id, start, end, today)
    conflicts = []
    for (type_id, night), bookings in per_type_night.items():
        conflicts.append(_conflict(OVERBOOKED, night, type_id, None, bookings, counts, types, plan, room_of))
    for (room_id, night), bookings in per_room_night.items():
        type_id = type_of_booking[bookings[0].id]
        if len(bookings) > 1 and (type_id, night) not in per_type_night:
            conflicts.append(_conflict(ROOM_CLASH, night, type_id, bookings[0].room_number, bookings, counts, types,
                                       plan, room_of))
    conflicts.sort(key=lambda c: (c.night, c.room_type_code, c.kind, c.room_number or ""))
    return conflicts


def _conflict(kind, night, type_id, room_number, bookings, counts: NightCounts, types, plan: RoomPlan,
              room_of) -> Conflict:
    ordered = tuple(sorted(bookings, key=lambda b: (b.created_at, b.id)))
    last = ordered[-1]
    room_type = types.get(type_id)
    upgrades = []
    for other in types.values():
        if other.id == type_id:
            continue
        free = min(counts.free(other.id, last.arrival + timedelta(days=i))
                   for i in range((last.departure - last.arrival).days))
        if free >= 1:
            upgrades.append(UpgradeOption(other.id, other.code, other.name_zh, other.name_en, free))
    free_rooms: tuple[str, ...] = ()
    if kind == ROOM_CLASH:
        own_room = room_of.get(last.id)
        plan.release(own_room, last.arrival, last.departure)
        free_rooms = tuple(room.number for room in plan.free_rooms(type_id, last.arrival, last.departure))
        plan.take(own_room, last.arrival, last.departure)
    return Conflict(
        kind=kind,
        night=night,
        room_type_id=type_id,
        room_type_code=room_type.code if room_type else "?",
        room_type_name=room_type.name_zh if room_type else "?",
        rooms=counts.rooms(type_id),
        held=counts.rooms(type_id) - counts.free(type_id, night),
        room_number=room_number,
        bookings=ordered,
        last=last,
        upgrades=tuple(sorted(upgrades, key=lambda u: -u.free_rooms)),
        free_rooms=free_rooms,
    )
