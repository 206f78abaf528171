"""What a report covers: a period of nights, a property, optionally one room type and one channel.

Codes typed by a person (room type code, channel name) are checked here once, against the
property's own, so every report and the CLI say the same thing about a typo. A booking's
*channel* is the OTA it came through, or for a booking taken by hand its source (phone, wechat,
walk_in, other): one key per booking, so "by channel" also shows what came direct.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import Channel, Property, Reservation, Room, RoomType
from ..errors import NotFound, UserError
from ..reservations.desk_bookings import DESK_SOURCES

LONGEST_PERIOD_DAYS = 3 * 366  # a typo in a year (2206) must not build a century of days


@dataclass(frozen=True)
class ReportScope:
    property_id: int
    start: date
    end: date  # exclusive: the nights [start, end)
    room_type: str | None = None  # room type code
    channel: str | None = None  # channel name, or a desk source (phone, wechat, walk_in, other)

    @property
    def nights(self) -> int:
        return (self.end - self.start).days

    def shifted(self, start: date, end: date) -> "ReportScope":
        return ReportScope(self.property_id, start, end, self.room_type, self.channel)


@dataclass(frozen=True)
class RoomTypeName:
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class ResolvedScope:
    """A checked scope with what the queries need: ids, rooms per type, the property's settings."""

    scope: ReportScope
    currency: str
    timezone: str
    room_type_ids: tuple[int, ...]  # the types the report covers
    rooms_by_type: dict[int, int]  # room type id → rooms (the denominator of occupancy)
    channel_id: int | None  # set when the scope's channel is an OTA channel
    source: str | None  # set when the scope's channel is a desk source
    room_types: dict[int, RoomTypeName]  # every type of the property, in display order
    channel_labels: dict[str, str]  # OTA channel name → the name the owner gave it

    @property
    def rooms(self) -> int:
        return sum(self.rooms_by_type.get(i, 0) for i in self.room_type_ids)


def check_period(start: date, end: date) -> None:
    if end <= start:
        raise UserError(f"The period ends ({end}) on or before it starts ({start}); --to is the day after the last night",
                        f"结束日期 ({end}) 不晚于开始日期 ({start})；--to 是最后一晚的次日")
    if (end - start).days > LONGEST_PERIOD_DAYS:
        raise UserError(f"The period {start} – {end} is longer than {LONGEST_PERIOD_DAYS} nights; check the years",
                        f"期间 {start} – {end} 超过 {LONGEST_PERIOD_DAYS} 晚，请检查年份")


def resolve_scope(s: Session, scope: ReportScope) -> ResolvedScope:
    check_period(scope.start, scope.end)
    prop = s.get(Property, scope.property_id)
    if prop is None:
        raise NotFound(f"No property with id {scope.property_id}", f"没有编号为 {scope.property_id} 的物业")
    names = {rid: RoomTypeName(code, zh, en) for rid, code, zh, en in s.execute(
        select(RoomType.id, RoomType.code, RoomType.name_zh, RoomType.name_en)
        .where(RoomType.property_id == prop.id).order_by(RoomType.sort_order, RoomType.id))}
    types = {name.code: rid for rid, name in names.items()}
    if scope.room_type is not None:
        if scope.room_type not in types:
            known = ", ".join(sorted(types)) or "none"
            raise UserError(f"Unknown room type {scope.room_type!r}; known: {known}",
                            f"没有房型 {scope.room_type!r}；已有：{known}")
        type_ids = (types[scope.room_type],)
    else:
        type_ids = tuple(names)
    rooms = dict(s.execute(select(Room.room_type_id, func.count()).where(Room.property_id == prop.id)
                           .group_by(Room.room_type_id)).all())
    channel_id = source = None
    listed = s.execute(select(Channel.name, Channel.id, Channel.display_name).where(Channel.property_id == prop.id)).all()
    channels = {name: cid for name, cid, _label in listed}
    labels = {name: label or name for name, _cid, label in listed}
    if scope.channel is not None:
        if scope.channel in channels:
            channel_id = channels[scope.channel]
        elif scope.channel in known_sources(s, prop.id):
            source = scope.channel
        else:
            known = sorted(set(channels) | set(known_sources(s, prop.id)))
            raise UserError(f"Unknown channel {scope.channel!r}; known: {', '.join(known)}",
                            f"没有渠道 {scope.channel!r}；已有：{', '.join(known)}")
    return ResolvedScope(scope, prop.currency, prop.timezone, type_ids, rooms, channel_id, source, names, labels)


def known_sources(s: Session, property_id: int) -> set[str]:
    """The desk sources a booking may have, and any other the ledger holds for bookings without a channel."""
    stored = s.scalars(select(Reservation.source).distinct().where(Reservation.property_id == property_id,
                                                                  Reservation.channel_id.is_(None)))
    return set(DESK_SOURCES) | set(stored)
