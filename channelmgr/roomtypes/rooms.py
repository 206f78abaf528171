"""Physical rooms (房间): number, floor, room type, notes, status.

Room numbers are unique per property regardless of case ("a01" and "A01" are one door). Every
refusal names the room and says why; a bulk create is all or nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.engine import Database
from ..db.models import Reservation, ReservationStatus, Room, RoomStatus, RoomType
from ..inventory.nights import property_today, utc_now
from ..security.audit import record
from .errors import RoomTypeError, RoomTypeNotFound
from .room_numbers import MAX_NUMBER_LENGTH, expand_room_numbers, guess_floor
from .views import RoomDetail, RoomDraft
from ..security.roles import Permission, requires

LOWEST_FLOOR, HIGHEST_FLOOR = -5, 200  # the catalog's floor_min/floor_max limits
MAX_NOTES_LENGTH = 500
_STATUSES = {status.value: status for status in RoomStatus}


class RoomService:
    def __init__(self, db: Database):
        self.db = db

    def list(self, property_id: int, room_type_id: int | None = None) -> list[RoomDetail]:
        """Rooms by floor and number; only one room type's when `room_type_id` is given."""
        with self.db.session() as s:
            query = (select(Room, RoomType.code).join(RoomType, Room.room_type_id == RoomType.id)
                     .where(Room.property_id == property_id)
                     .order_by(Room.floor, func.length(Room.number), Room.number))
            if room_type_id is not None:
                query = query.where(Room.room_type_id == room_type_id)
            return [_detail(room, code) for room, code in s.execute(query)]

    @requires(Permission.ROOM_TYPES)
    def add(self, actor: Actor, room_type_id: int, draft: RoomDraft) -> RoomDetail:
        """One room; without a floor, the floor its number names (201 -> 2) is used."""
        return self._create(actor, room_type_id, [draft])[0]

    @requires(Permission.ROOM_TYPES)
    def add_range(self, actor: Actor, room_type_id: int, numbers: str, floor: int | None = None,
                  notes: str = "") -> list[RoomDetail]:
        """Rooms "201-208", "A01–A05" or "101, 103": all of them, or none if any number is taken."""
        drafts = [RoomDraft(number, floor, notes) for number in expand_room_numbers(numbers)]
        return self._create(actor, room_type_id, drafts)

    @requires(Permission.ROOM_TYPES)
    def update(self, actor: Actor, room_id: int, draft: RoomDraft) -> RoomDetail:
        with self.db.session() as s:
            room = _load_room(s, room_id)
            draft = _checked_draft(draft)
            _refuse_taken(s, room.property_id, [draft.number], exclude_room_id=room.id)
            before = _audit_form(room)
            room.number, room.floor, room.notes = draft.number, draft.floor, draft.notes
            room.status = _STATUSES[draft.status]
            after = _audit_form(room)
            if after != before:
                record(s, actor, "update", "room", room.id, before=before, after=after)
            return _detail(room, room.room_type.code)

    @requires(Permission.ROOM_TYPES)
    def move(self, actor: Actor, room_id: int, room_type_id: int) -> RoomDetail:
        """Give a room to another room type of the same property.

        Refused while a guest still to come is allocated to this very room: their booking is
        for the old type, and moving the room under it would sell it twice.
        """
        with self.db.session() as s:
            room = _load_room(s, room_id)
            target = _sellable_type(s, room_type_id)
            if target.property_id != room.property_id:
                raise RoomTypeError(f"Room {room.number} and room type {target.code} belong to different properties",
                                    f"房间 {room.number} 与房型 {target.code} 不属于同一物业")
            if target.id == room.room_type_id:
                return _detail(room, target.code)
            booking = s.scalars(
                select(Reservation).where(Reservation.room_id == room.id, Reservation.departure > property_today(s, room.property_id, utc_now),
                                          Reservation.status.in_((ReservationStatus.CONFIRMED,
                                                                  ReservationStatus.CHECKED_IN)))
                .order_by(Reservation.arrival)).first()
            if booking is not None:
                raise RoomTypeError(
                    f"Room {room.number} is allocated to {booking.guest_name} ({booking.arrival} → "
                    f"{booking.departure}); give them another room first",
                    f"房间 {room.number} 已分配给 {booking.guest_name}（{booking.arrival} 至 {booking.departure}），"
                    "请先为该订单换房")
            old_code = room.room_type.code
            room.room_type = target
            s.flush()
            record(s, actor, "move", "room", room.id, before={"number": room.number, "room_type": old_code},
                   after={"number": room.number, "room_type": target.code})
            return _detail(room, target.code)

    def _create(self, actor: Actor, room_type_id: int, drafts: Sequence[RoomDraft]) -> list[RoomDetail]:
        drafts = [_checked_draft(d) for d in drafts]
        with self.db.session() as s:
            rt = _sellable_type(s, room_type_id)
            _refuse_taken(s, rt.property_id, [d.number for d in drafts])
            rooms = [Room(property_id=rt.property_id, room_type=rt, number=d.number, floor=d.floor,
                          notes=d.notes, status=_STATUSES[d.status]) for d in drafts]
            s.add_all(rooms)
            s.flush()
            for room in rooms:  # one entry per room, so each room's history reads on its own
                record(s, actor, "create", "room", room.id, after={"room_type": rt.code, **_audit_form(room)})
            return [_detail(r, rt.code) for r in rooms]


def _checked_draft(draft: RoomDraft) -> RoomDraft:
    number = (draft.number or "").strip()
    if not number:
        raise RoomTypeError("A room needs a number", "请填写房号")
    if len(number) > MAX_NUMBER_LENGTH:
        raise RoomTypeError(f"Room number {number[:30]!r} is longer than {MAX_NUMBER_LENGTH} characters",
                            f"房号 {number[:30]!r} 超过 {MAX_NUMBER_LENGTH} 个字")
    floor = draft.floor if draft.floor is not None else guess_floor(number)
    if floor is not None and not LOWEST_FLOOR <= floor <= HIGHEST_FLOOR:
        raise RoomTypeError(f"Room {number}: floor {floor} is not between {LOWEST_FLOOR} and {HIGHEST_FLOOR}",
                            f"房间 {number}：楼层 {floor} 不在 {LOWEST_FLOOR} 到 {HIGHEST_FLOOR} 之间")
    notes = (draft.notes or "").strip()
    if len(notes) > MAX_NOTES_LENGTH:
        raise RoomTypeError(f"Room {number}: notes are {len(notes)} characters; at most {MAX_NOTES_LENGTH}",
                            f"房间 {number}：备注 {len(notes)} 个字，最多 {MAX_NOTES_LENGTH} 个")
    if draft.status not in _STATUSES:
        raise RoomTypeError(f"Room {number}: unknown status {draft.status!r}; one of {', '.join(_STATUSES)}",
                            f"房间 {number}：未知状态 {draft.status!r}")
    return replace(draft, number=number, floor=floor, notes=notes)


def _refuse_taken(s: Session, property_id: int, numbers: list[str], exclude_room_id: int | None = None) -> None:
    query = select(Room.number).where(Room.property_id == property_id,
                                      func.lower(Room.number).in_([n.lower() for n in numbers]))
    if exclude_room_id is not None:
        query = query.where(Room.id != exclude_room_id)
    taken = sorted(s.scalars(query))
    if taken:
        raise RoomTypeError(f"Room number(s) already exist: {', '.join(taken)}; nothing was added",
                            f"房号已存在：{'、'.join(taken)}；未添加任何房间")


def _sellable_type(s: Session, room_type_id: int) -> RoomType:
    rt = s.get(RoomType, room_type_id)
    if rt is None:
        raise RoomTypeNotFound(f"No room type with id {room_type_id}", f"没有编号为 {room_type_id} 的房型")
    if rt.archived:
        raise RoomTypeError(f"Room type {rt.code} is archived; unarchive it before giving it rooms",
                            f"房型 {rt.code} 已归档，请先取消归档再为其添加房间")
    return rt


def _load_room(s: Session, room_id: int) -> Room:
    room = s.get(Room, room_id)
    if room is None:
        raise RoomTypeNotFound(f"No room with id {room_id}", f"没有编号为 {room_id} 的房间")
    return room


def _audit_form(room: Room) -> dict:
    return {"number": room.number, "floor": room.floor, "notes": room.notes,
            "status": room.status.value if room.status else RoomStatus.CLEAN.value}


def _detail(room: Room, room_type_code: str) -> RoomDetail:
    return RoomDetail(room.id, room.property_id, room.room_type_id, room_type_code, room.number, room.floor,
                      room.status.value if room.status else RoomStatus.CLEAN.value, room.notes or "")
