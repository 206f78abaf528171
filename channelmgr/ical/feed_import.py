"""Applying an iCal feed to one room type through the reservation ledger, in one transaction.

The feed becomes a channel named ``ical:<feed name>`` mapped to the room type, and each event a
channel booking whose remote id is the event's UID, so availability, overbooking flags, the
revision history and the audit trail work exactly as for an OTA booking (channel_ingest). The
revision is the fingerprint of the event's content, so the same feed again is "unchanged" and a
moved event is a modification. An event gone from the feed is cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import select

from ..actor import Actor
from ..db.engine import Database
from ..db.models import Channel, ChannelMapping, Property, Reservation, RoomType
from ..errors import NotFound, UserError
from ..inventory.availability import HOLDING_STATUSES
from ..inventory.batch_sql import gc_paused
from ..reservations.channel_ingest import IngestOutcome, _Batch
from .parse import FeedEvent, parse_feed
from .channel_adapter import feed_channel_name

PROTOCOL = "ical"


@dataclass(frozen=True)
class FeedImport:
    new: int
    changed: int
    cancelled: int
    unchanged: int
    skipped_own: int  # events of our own export (a feed we publish, read back): never imported
    overbooked: int


def own_uid_prefix(property_code: str) -> str:
    """export.py names UIDs ``PROP-ROOMTYPE[-ROOM]-kind-YYYYMMDD@channelmgr``."""
    return f"{property_code}-"


def is_own_event(uid: str, property_code: str) -> bool:
    return uid.endswith("@channelmgr") and uid.startswith(own_uid_prefix(property_code))


def import_feed(db: Database, property_id: int, room_type_code: str, feed_name: str, body: bytes,
                actor: Actor, today: date, where: str = "the feed", url: str | None = None) -> FeedImport:
    """``url``: where the feed was downloaded from; kept as the channel's endpoint so the sync
    scheduler polls it from then on (a feed imported from a file is not polled)."""
    name = feed_channel_name(feed_name)
    if not feed_name.strip() or len(name) > 50:
        raise UserError(f"The feed name {feed_name!r} must be 1 to 45 characters",
                        f"日历名称 {feed_name!r} 须为 1 至 45 个字符")
    # The cycle collector held: a feed of a year allocates a few hundred thousand small objects
    # (content lines, events, bookings, rows), and the collections they set off walked the heap
    # again and again for nothing: measured, 15 % of a first import of 50 feeds.
    with gc_paused(), db.session() as s:
        # Columns, not entities: a room type's seventy-odd attributes are JSON, decoded for nothing.
        prop = s.execute(select(Property.code, Property.timezone).where(Property.id == property_id)).one_or_none()
        if prop is None:
            raise NotFound(f"No property with id {property_id}", f"没有编号为 {property_id} 的民宿")
        rt = s.execute(select(RoomType.id, RoomType.code).where(RoomType.property_id == property_id,
                                                                RoomType.code == room_type_code)).one_or_none()
        if rt is None:
            raise NotFound(f"No room type {room_type_code}", f"没有房型 {room_type_code}")
        # Parsed before anything is written: a refused feed changes nothing.
        events = parse_feed(body, ZoneInfo(prop.timezone), where)
        own = [e for e in events if is_own_event(e.uid, prop.code)]
        events = [e for e in events if not is_own_event(e.uid, prop.code)]
        channel = s.scalars(select(Channel).where(Channel.property_id == property_id,
                                                  Channel.name == name)).one_or_none()
        new_channel = channel is None
        if new_channel:
            channel = Channel(property_id=property_id, name=name, display_name=feed_name.strip(), protocol=PROTOCOL)
            s.add(channel)
            s.flush()
        elif channel.protocol != PROTOCOL:
            raise UserError(f"The channel {name} exists and is not an iCal feed", f"渠道 {name} 已存在且不是 iCal 日历")
        if url is not None:
            channel.endpoint = url
        # A channel created just now has no mapping to look for.
        mapping = None if new_channel else s.scalars(
            select(ChannelMapping).where(ChannelMapping.channel_id == channel.id)).first()
        if mapping is None:
            s.add(ChannelMapping(channel_id=channel.id, room_type_id=rt.id, rate_plan_id=None,
                                 remote_room=rt.code, remote_rate=None))
        elif mapping.room_type_id != rt.id:
            raise UserError(f"The feed {feed_name} is imported into another room type, not {room_type_code}",
                            f"日历 {feed_name} 已导入其他房型，不是 {room_type_code}")
        s.flush()
        present = {e.uid for e in events}
        held = s.execute(select(Reservation.remote_id, Reservation.arrival, Reservation.departure).where(
            Reservation.channel_id == channel.id, Reservation.status.in_(HOLDING_STATUSES))).all()
        gone = [(uid, a, d) for uid, a, d in held if uid not in present]
        raws = [_booking(e, rt.code) for e in events] + [_cancellation(*g) for g in gone]
        results = _Batch(s, channel.id, actor.because(actor.cause or f"iCal feed {feed_name}"), today, "",
                         carries_guest_details=False).run(raws, new_channel=new_channel) if raws else []
    counts = {"created": 0, "modified": 0, "cancelled": 0}
    unchanged = overbooked = 0
    gone_ids = {g[0] for g in gone}
    for r in results:
        if r.outcome is IngestOutcome.UNCHANGED:
            unchanged += 1
        elif r.outcome in (IngestOutcome.STORED, IngestOutcome.OVERBOOKED):
            overbooked += r.outcome is IngestOutcome.OVERBOOKED
            kind = "cancelled" if r.remote_id in gone_ids else None
            counts[kind or ("modified" if r.message == "modified" else "created")] += 1
        else:  # cannot happen for events the parser accepted; say it rather than count it wrong
            raise UserError(f"{where}: event {r.remote_id} was not stored ({r.message})",
                            f"{where}：事件 {r.remote_id} 未能保存（{r.message}）")
    return FeedImport(counts["created"], counts["modified"], counts["cancelled"], unchanged, len(own), overbooked)


def _booking(e: FeedEvent, room_code: str) -> dict:
    # No guest data: a feed carries none beyond the summary ("Reserved", "CLOSED - Not available").
    return {"remote_id": e.uid, "status": "book", "comments": [e.summary] if e.summary else [],
            "rooms": [{"room_code": room_code, "arrival": e.start, "departure": e.end}]}


def _cancellation(uid: str, arrival: date, departure: date) -> dict:
    # The stay cancelled is part of the content, so a stay that comes back and goes again is a new
    # cancellation, not "the same revision again".
    return {"remote_id": uid, "status": "cancel", "cancelled_stay": [arrival, departure]}
