"""Creating and changing room types: one short transaction per action, every change audited.

The catalog decides what a valid record is; this adds what only the database knows (is the
code free in this property?) and refuses a save as a whole, with every problem listed, so a
room type is never half-saved.

The room type's code and names are catalog attributes like any other (room_code, name_zh,
name_en), so the editor, Excel and validation treat them alike; the columns of the same name
on RoomType are a copy kept for lists, joins and the unique constraint, and are written only
here.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..actor import Actor
from ..catalog import Problem, by_key, normalize
from ..catalog.attributes import find
from ..db.engine import Database
from ..db.models import Property, Reservation, ReservationStatus, Room, RoomType
from ..inventory.nights import property_today, utc_now
from ..security.audit import record
from .completeness import channel_scores
from .errors import RoomTypeError, RoomTypeNotFound, ValidationFailed
from .photo_captions import clean_captions
from .value_forms import typed_record
from .views import RoomTypeDetail, RoomTypeSummary
from ..security.roles import Permission, requires

_MIRRORED_COLUMNS = {"room_code": "code", "name_zh": "name_zh", "name_en": "name_en"}
_ACTIVE_BOOKINGS = (ReservationStatus.CONFIRMED, ReservationStatus.CHECKED_IN)


class RoomTypeService:
    def __init__(self, db: Database):
        self.db = db

    # --- reading -------------------------------------------------------------------------
    def list(self, property_id: int, include_archived: bool = False) -> list[RoomTypeSummary]:
        """The property's room types in display order, each with its completeness per channel."""
        with self.db.session() as s:
            query = select(RoomType).where(RoomType.property_id == property_id)
            if not include_archived:
                query = query.where(~RoomType.archived)
            counts = _room_counts(s, property_id)
            return [
                RoomTypeSummary(rt.id, rt.property_id, rt.code, rt.name_zh, rt.name_en, rt.sort_order,
                                rt.archived, counts.get(rt.id, 0), channel_scores(_values_of(rt)))
                for rt in s.scalars(query.order_by(RoomType.sort_order, RoomType.id))
            ]

    def get(self, room_type_id: int) -> RoomTypeDetail:
        with self.db.session() as s:
            return _detail(s, _load(s, room_type_id))

    def find(self, property_id: int, code: str) -> RoomTypeDetail:
        """The room type called `code` in the property (archived ones too)."""
        with self.db.session() as s:
            rt = s.scalars(select(RoomType).where(RoomType.property_id == property_id,
                                                  RoomType.code == code)).first()
            if rt is None:
                raise RoomTypeNotFound(f"No room type with code {code!r}", f"没有代码为 {code!r} 的房型")
            return _detail(s, rt)

    # --- changing --------------------------------------------------------------------------
    @requires(Permission.ROOM_TYPES)
    def create(self, actor: Actor, property_id: int, values: Mapping[str, Any],
               photo_captions: Mapping[str, str] | None = None) -> RoomTypeDetail:
        """A new room type from typed `values` ({catalog key: what was typed}); last in the list."""
        with self.db.session() as s:
            if s.get(Property, property_id) is None:
                raise RoomTypeError(f"No property with id {property_id}", f"没有编号为 {property_id} 的物业")
            clean, captions = _checked(s, property_id, None, values, photo_captions or {})
            last = s.scalar(select(func.max(RoomType.sort_order)).where(RoomType.property_id == property_id))
            rt = RoomType(property_id=property_id, sort_order=(last if last is not None else -1) + 1,
                          archived=False, attributes=clean, photo_captions=captions)
            _mirror_columns(rt, clean)
            s.add(rt)
            s.flush()
            record(s, actor, "create", "room_type", rt.id, after={"attributes": clean, "photo_captions": captions})
            return _detail(s, rt)

    @requires(Permission.ROOM_TYPES)
    def update(self, actor: Actor, room_type_id: int, values: Mapping[str, Any],
               photo_captions: Mapping[str, str] | None = None,
               expected_version: str | None = None) -> RoomTypeDetail:
        """Change the attributes named in `values` (typed; blank clears one); the others stay.

        `photo_captions`, when given, replaces the captions. `expected_version` is the version
        the form was loaded with: if another desk saved in between, the save is refused rather
        than silently overwriting their work.

        The attributes are written whole from what is read here, so the read is under the write
        lock: a write session (SQLite) and the row FOR UPDATE (PostgreSQL).
        """
        with self.db.write_session() as s:
            rt = _load(s, room_type_id, for_update=True)
            if expected_version is not None and _version(rt) != expected_version:
                raise RoomTypeError(
                    f"{rt.code} was changed elsewhere since it was opened; reload it and apply your changes again",
                    f"房型 {rt.code} 在打开后已被其他人修改，请重新打开后再修改")
            stored = _values_of(rt)
            kept_unknown = {k: v for k, v in stored.items() if find(k) is None}
            merged = {**typed_record(stored), **values}
            captions_in = (rt.photo_captions or {}) if photo_captions is None else photo_captions
            clean, captions = _checked(s, rt.property_id, rt.id, merged, captions_in)
            new_values = {**kept_unknown, **clean}
            before, after = _changes(stored, new_values)
            if (rt.photo_captions or {}) != captions:
                before["photo_captions"], after["photo_captions"] = rt.photo_captions or {}, captions
            if after or before:
                rt.attributes = new_values  # a new dict: JSON columns only notice reassignment
                rt.photo_captions = captions
                _mirror_columns(rt, clean)
                s.flush()
                record(s, actor, "update", "room_type", rt.id, before=before, after=after)
            return _detail(s, rt)

    @requires(Permission.ROOM_TYPES)
    def duplicate(self, actor: Actor, room_type_id: int, new_code: str,
                  name_zh: str | None = None, name_en: str | None = None) -> RoomTypeDetail:
        """A copy with a new code, placed right after the original; rooms are not copied.

        Under the write lock: the places after the original are shifted from what is read."""
        with self.db.write_session() as s:
            source = _load(s, room_type_id)
            stored = _values_of(source)
            values = {**typed_record(stored), "room_code": new_code,
                      "name_zh": name_zh if name_zh is not None else _copy_name(source.name_zh, "（副本）", "name_zh"),
                      "name_en": name_en if name_en is not None else _copy_name(source.name_en, " (copy)", "name_en")}
            clean, captions = _checked(s, source.property_id, None, values, source.photo_captions or {})
            s.execute(update(RoomType)
                      .where(RoomType.property_id == source.property_id, RoomType.sort_order > source.sort_order)
                      .values(sort_order=RoomType.sort_order + 1))
            kept_unknown = {k: v for k, v in stored.items() if find(k) is None}
            copy = RoomType(property_id=source.property_id, sort_order=source.sort_order + 1, archived=False,
                            attributes={**kept_unknown, **clean}, photo_captions=captions)
            _mirror_columns(copy, clean)
            s.add(copy)
            s.flush()
            record(s, actor, "duplicate", "room_type", copy.id, before={"from": source.code},
                   after={"code": copy.code, "attributes": clean})
            return _detail(s, copy)

    @requires(Permission.ROOM_TYPES)
    def set_archived(self, actor: Actor, room_type_id: int, archived: bool) -> RoomTypeDetail:
        """Archive (stop selling, hide from lists) or bring back a room type.

        Refused while rooms still belong to it or guests are still to come: those rooms would
        vanish from the calendar and those bookings would point at a type nobody sees. The check
        and the write are one unit under the write lock: a booking committed in between (a channel
        pull, a desk) would otherwise be archived with its type.
        """
        with self.db.write_session() as s:
            rt = _load(s, room_type_id, for_update=True)
            if rt.archived == archived:
                return _detail(s, rt)
            if archived:
                _check_can_archive(s, rt)
            rt.archived = archived
            s.flush()
            record(s, actor, "archive" if archived else "unarchive", "room_type", rt.id,
                   before={"archived": not archived}, after={"archived": archived})
            return _detail(s, rt)

    @requires(Permission.ROOM_TYPES)
    def reorder(self, actor: Actor, property_id: int, room_type_ids: Sequence[int]) -> list[RoomTypeSummary]:
        """Put the listed room types in this order, in the places they occupy now.

        The others keep their place, so a list that hides archived types can reorder what it
        shows without knowing about the rest.
        """
        ids = list(room_type_ids)
        # Under the write lock: the new order is computed from the order read (FOR UPDATE locks
        # nothing on SQLite), so a type added or moved by another desk meanwhile is not lost.
        with self.db.write_session() as s:
            types = list(s.scalars(select(RoomType).where(RoomType.property_id == property_id)
                                   .order_by(RoomType.sort_order, RoomType.id).with_for_update()))
            by_id = {rt.id: rt for rt in types}
            strangers = [i for i in ids if i not in by_id]
            if strangers or len(set(ids)) != len(ids):
                raise RoomTypeError(f"Cannot reorder: unknown or repeated room types {strangers or ids}",
                                    f"无法排序：房型不存在或重复 {strangers or ids}")
            before = [rt.code for rt in types]
            slots = [index for index, rt in enumerate(types) if rt.id in set(ids)]
            for slot, room_type_id in zip(slots, ids):
                types[slot] = by_id[room_type_id]
            for position, rt in enumerate(types):  # also closes gaps left by earlier deletes
                rt.sort_order = position
            after = [rt.code for rt in types]
            if after != before:
                record(s, actor, "reorder", "room_type", property_id, before={"order": before}, after={"order": after})
        return self.list(property_id, include_archived=True)


# --- helpers -----------------------------------------------------------------------------

def _load(s: Session, room_type_id: int, for_update: bool = False) -> RoomType:
    query = select(RoomType).where(RoomType.id == room_type_id)
    rt = s.scalars(query.with_for_update() if for_update else query).first()
    if rt is None:
        raise RoomTypeNotFound(f"No room type with id {room_type_id}", f"没有编号为 {room_type_id} 的房型")
    return rt


def _values_of(rt: RoomType) -> dict[str, Any]:
    """The stored record, with code and names from the columns where an older row lacks them."""
    values = dict(rt.attributes or {})
    for key, column in _MIRRORED_COLUMNS.items():
        if key not in values and getattr(rt, column):
            values[key] = getattr(rt, column)
    return values


def _mirror_columns(rt: RoomType, clean: Mapping[str, Any]) -> None:
    for key, column in _MIRRORED_COLUMNS.items():
        setattr(rt, column, clean.get(key, ""))


def check_record(values: Mapping[str, Any],
                 captions: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str], list[Problem]]:
    """(stored values, captions, problems) of a typed form: everything but what only the database
    knows. An editor runs it while people type; a save runs it again, then asks the database."""
    clean, problems = normalize(values)
    kept_captions, caption_problems = clean_captions(clean, captions)
    return clean, kept_captions, problems + caption_problems


def _checked(s: Session, property_id: int, room_type_id: int | None, values: Mapping[str, Any],
             captions: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """(stored values, captions) or ValidationFailed listing every problem, catalog and database."""
    clean, caption_result, problems = check_record(values, captions)
    code = clean.get("room_code")
    if code:
        problems += _code_taken(s, property_id, room_type_id, code)
    if problems:
        raise ValidationFailed(problems)
    return clean, caption_result


def _code_taken(s: Session, property_id: int, room_type_id: int | None, code: str) -> list[Problem]:
    query = select(RoomType).where(RoomType.property_id == property_id,
                                   func.lower(RoomType.code) == code.lower())
    if room_type_id is not None:
        query = query.where(RoomType.id != room_type_id)
    other = s.scalars(query).first()
    if other is None:
        return []
    attribute = by_key("room_code")
    archived_en, archived_zh = (" (archived)", "（已归档）") if other.archived else ("", "")
    return [Problem("room_code", attribute.label_zh, attribute.label_en,
                    f"代码 {code} 已被房型「{other.name_zh}」{archived_zh}使用",
                    f"code {code} is already used by {other.name_en or other.name_zh}{archived_en}")]


def _changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[dict, dict]:
    """Only what changed, for the audit trail: {key: old}, {key: new} (None = not set)."""
    keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def _copy_name(name: str, suffix: str, key: str) -> str:
    """"洱海景观大床房" -> "洱海景观大床房（副本）", shortened so the copy still fits the field."""
    if not name:
        return ""
    limit = by_key(key).max_length or len(name) + len(suffix)
    return name[: max(0, limit - len(suffix))] + suffix


def _check_can_archive(s: Session, rt: RoomType) -> None:
    rooms = list(s.scalars(select(Room.number).where(Room.room_type_id == rt.id).order_by(Room.number)))
    if rooms:
        shown = ", ".join(rooms[:5]) + ("…" if len(rooms) > 5 else "")
        raise RoomTypeError(
            f"{rt.code} still has {len(rooms)} room(s) ({shown}); move them to another room type first",
            f"房型 {rt.code} 还有 {len(rooms)} 间房（{shown}），请先把房间移到其他房型")
    upcoming = s.scalars(
        select(Reservation).where(Reservation.room_type_id == rt.id, Reservation.departure > property_today(s, rt.property_id, utc_now),
                                  Reservation.status.in_(_ACTIVE_BOOKINGS))
        .order_by(Reservation.arrival)).first()
    if upcoming is not None:
        raise RoomTypeError(
            f"{rt.code} has upcoming reservations (first: {upcoming.guest_name}, {upcoming.arrival}); "
            "it can be archived once they have left or been moved",
            f"房型 {rt.code} 还有未完成的订单（最早：{upcoming.guest_name}，{upcoming.arrival}入住），"
            "客人离店或改房型后才能归档")


def _room_counts(s: Session, property_id: int) -> dict[int, int]:
    return dict(s.execute(select(Room.room_type_id, func.count()).where(Room.property_id == property_id)
                          .group_by(Room.room_type_id)).all())


def _version(rt: RoomType) -> str:
    return rt.updated_at.isoformat() if rt.updated_at else ""


def _detail(s: Session, rt: RoomType) -> RoomTypeDetail:
    prop = s.get(Property, rt.property_id)
    values = _values_of(rt)
    room_count = s.scalar(select(func.count()).select_from(Room).where(Room.room_type_id == rt.id)) or 0
    return RoomTypeDetail(
        id=rt.id, property_id=rt.property_id, property_code=prop.code, currency=prop.currency,
        code=rt.code, name_zh=rt.name_zh, name_en=rt.name_en, sort_order=rt.sort_order,
        archived=rt.archived, room_count=room_count, attributes=values,
        photo_captions=dict(rt.photo_captions or {}), version=_version(rt), scores=channel_scores(values),
    )

