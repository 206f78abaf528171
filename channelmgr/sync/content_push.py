"""The listing-content part of a sync pass: which parts changed since the channel last confirmed them.

Reconciliation again, at the grain of content: each mapped room type is one *part* (sent under
its remote room codes) and the property is one more (check-in/out times, names, contact). A part
is sent when its fingerprint differs from the one the channel last acknowledged
(``ContentAck``), or when the owner forces it (``channelmgr channel push-content``). The
fingerprint is written only after the channel accepted the message, so a refused or lost part is
simply still different next pass. Only channels whose capability ``content`` is true are sent
content; for the others the dry run says so.

A room type not mapped to the channel is not sent, with a warning; nor is one whose remote code
another room type claims too (the mapping warnings already name those).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Union

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..catalog.listing_content import (PropertyContent, RoomContent, carried_counts, fingerprint,
                                       property_content, room_content)
from ..db.base import utcnow
from ..db.models import ContentAck, Property, RoomType
from .content_summary import ContentSummary
from .mappings import SyncWarning, conflicting_remote_codes, load_mappings

if TYPE_CHECKING:
    from .channels import ChannelConfig

PROPERTY_PART = "property"


@dataclass(frozen=True)
class RoomPart:
    part: str                       # "room_type:<id>", the ContentAck key
    remote_rooms: tuple[str, ...]   # the channel's codes for this room type
    content: RoomContent
    fingerprint: str

    @property
    def label(self) -> str:
        return f"room type {self.content.room_type}"


@dataclass(frozen=True)
class PropertyPart:
    content: PropertyContent
    fingerprint: str
    part: str = PROPERTY_PART
    label: str = "property details"


ContentPart = Union[RoomPart, PropertyPart]


@dataclass(frozen=True)
class ContentPlan:
    parts: tuple[ContentPart, ...]   # to send, room types first (in the owner's order), then the property
    summary: ContentSummary
    warnings: tuple[SyncWarning, ...] = ()


def plan_content(session: Session, channel: "ChannelConfig", *, force: bool = False,
                 ignore_acked: bool = False, held: Mapping[str, str] | None = None) -> ContentPlan:
    """The content parts a pass would send to ``channel`` now. ``force`` sends every part whatever
    the channel confirmed; ``ignore_acked`` (a full resync) reads as if it had confirmed nothing;
    ``held`` ({part: fingerprint} the channel refused, see ``ParkedRefusals``) are not resent while
    their content is the one refused — they stay pending."""
    if not channel.settings.content:
        return ContentPlan((), ContentSummary(taken=False))
    rooms, warnings = _mapped_rooms(session, channel)
    acked = {} if (force or ignore_acked) else dict(session.execute(
        select(ContentAck.part, ContentAck.fingerprint).where(ContentAck.channel_id == channel.id)).all())
    changed = [r for r in rooms if acked.get(r.part) != r.fingerprint]
    prop = session.get(Property, channel.property_id)
    house = property_content(prop.name_zh, prop.name_en, prop.address, prop.phone, [r.content for r in rooms])
    property_part = PropertyPart(house, fingerprint(house))
    parts: list[ContentPart] = list(changed)
    if acked.get(PROPERTY_PART) != property_part.fingerprint:
        parts.append(property_part)
    on_hold = [p for p in parts if held and held.get(p.part) == p.fingerprint]
    parts = [p for p in parts if p not in on_hold]
    changed = [r for r in changed if r not in on_hold]
    if house.times_differ:
        warnings.append(SyncWarning(
            "content_times_differ",
            f"check-in/out times differ between room types: the channel gets the property's "
            f"{house.check_in_from or '-'} / {house.check_out_until or '-'}, the times every room type keeps",
            detail=f"{house.check_in_from or '-'} / {house.check_out_until or '-'}",
            text_zh=f"各房型的入住/退房时间不同：渠道按酒店统一时间 {house.check_in_from or '-'} / "
                    f"{house.check_out_until or '-'} 接收（所有房型都能做到的时间）"))
    amenities, photos, not_carried = carried_counts(r.content for r in changed)
    summary = ContentSummary(
        taken=True, room_types=len(changed),
        property_part=property_part in parts, amenities=amenities, photos=photos,
        summaries=sum(1 for r in changed if r.content.summaries),
        areas=sum(1 for r in changed if r.content.area_sqm is not None),
        local_photos=sum(r.content.local_photos for r in changed), not_carried=not_carried,
        requests_planned=len(parts), held_back=len(on_hold))
    return ContentPlan(tuple(parts), summary, tuple(warnings))


def record_content_ack(session: Session, channel_id: int, part: ContentPart) -> None:
    """The channel accepted ``part``: remember its fingerprint (upsert)."""
    session.merge(ContentAck(channel_id=channel_id, part=part.part, fingerprint=part.fingerprint, acked_at=utcnow()))


def forget_content(session: Session, channel_id: int) -> int:
    """Full resync or a listing that moved: the next pass sends all the content again."""
    return session.execute(delete(ContentAck).where(ContentAck.channel_id == channel_id)).rowcount


def _mapped_rooms(session: Session, channel: "ChannelConfig") -> tuple[list[RoomPart], list[SyncWarning]]:
    mappings = [m for m in load_mappings(session, channel.id) if not m.archived]
    conflicts = conflicting_remote_codes(mappings)
    remote: dict[int, list[str]] = {}
    for m in mappings:
        if m.remote_room not in conflicts:
            remote.setdefault(m.room_type.id, [])
            if m.remote_room not in remote[m.room_type.id]:
                remote[m.room_type.id].append(m.remote_room)
    types = session.execute(
        select(RoomType.id, RoomType.code, RoomType.attributes)
        .where(RoomType.property_id == channel.property_id, ~RoomType.archived)
        .order_by(RoomType.sort_order, RoomType.id)
    ).all()
    rooms: list[RoomPart] = []
    warnings: list[SyncWarning] = []
    mapped = {m.room_type.id for m in mappings}
    for type_id, code, attributes in types:
        codes = tuple(remote.get(type_id, ()))
        if not codes and type_id in mapped:
            continue  # mapped, but only under a code another room type claims: its warning says so
        if not codes:
            warnings.append(SyncWarning(
                "content_unmapped", f"room type {code} is not mapped: its content is not sent",
                room_type=code, text_zh=f"房型 {code} 未映射：不发送它的房型内容"))
            continue
        content = room_content(code, attributes or {})
        rooms.append(RoomPart(f"room_type:{type_id}", codes, content, fingerprint(content.carried(), codes)))
    return rooms, warnings
