"""The domain tables (see ARCHITECTURE.md, "Data model").

Money columns are integer minor units (fen for CNY) named ``*_minor``; the currency is the
property's. Stays are half-open ``[arrival, departure)``. Room-type attributes live in one JSON
column whose keys come from the attribute catalog (channelmgr.catalog), so adding an attribute
needs no migration.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    JSON,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


def _enum(cls: type[enum.Enum]) -> Enum:
    # Stored as plain strings (no native PG enum type): adding a member later needs no ALTER TYPE.
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class RoomStatus(str, enum.Enum):
    CLEAN = "clean"
    DIRTY = "dirty"
    OCCUPIED = "occupied"
    OUT_OF_ORDER = "out_of_order"


class ReservationStatus(str, enum.Enum):
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"
    CHECKED_IN = "checked_in"
    CHECKED_OUT = "checked_out"


class Property(Base):
    __tablename__ = "property"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    address: Mapped[str] = mapped_column(String(500), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    room_types: Mapped[list[RoomType]] = relationship(
        back_populates="property", order_by="RoomType.sort_order", cascade="all, delete-orphan"
    )


class RoomType(Base):
    __tablename__ = "room_type"
    __table_args__ = (UniqueConstraint("property_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    property_id: Mapped[int] = mapped_column(ForeignKey("property.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    attributes: Mapped[dict] = mapped_column(default=dict)
    # {photo reference: caption}; the photos themselves, their order and the cover are catalog
    # attributes (see channelmgr/roomtypes/photo_captions.py for why captions live apart).
    photo_captions: Mapped[dict] = mapped_column(default=dict, server_default=text("'{}'"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    property: Mapped[Property] = relationship(back_populates="room_types")
    rooms: Mapped[list[Room]] = relationship(back_populates="room_type", order_by="Room.number")
    rate_plans: Mapped[list[RatePlan]] = relationship(
        back_populates="room_type", order_by="RatePlan.sort_order", cascade="all, delete-orphan"
    )


class Room(Base):
    """A physical unit that can be sold (房间)."""

    __tablename__ = "room"
    __table_args__ = (UniqueConstraint("property_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    property_id: Mapped[int] = mapped_column(ForeignKey("property.id", ondelete="CASCADE"), index=True)
    room_type_id: Mapped[int] = mapped_column(ForeignKey("room_type.id"), index=True)
    number: Mapped[str] = mapped_column(String(20))
    floor: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[RoomStatus] = mapped_column(_enum(RoomStatus), default=RoomStatus.CLEAN)
    notes: Mapped[str] = mapped_column(Text, default="")

    room_type: Mapped[RoomType] = relationship(back_populates="rooms")


class RoomOutOfOrder(Base):
    """A room taken out of sellable inventory for the nights [start, end)."""

    __tablename__ = "room_out_of_order"
    __table_args__ = (CheckConstraint("end_date > start_date", name="nights"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id", ondelete="CASCADE"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")


class RatePlan(Base):
    """A way to sell a room type (e.g. 标准价, 含早, 不可取消).

    A derived plan follows its parent by an amount (minor units) or a percentage.
    """

    __tablename__ = "rate_plan"
    __table_args__ = (UniqueConstraint("room_type_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_type_id: Mapped[int] = mapped_column(ForeignKey("room_type.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    base_price_minor: Mapped[int | None] = mapped_column(Integer)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("rate_plan.id"))
    derive_kind: Mapped[str | None] = mapped_column(String(10))  # "amount" | "percent"
    derive_value: Mapped[str | None] = mapped_column(String(20))  # Decimal as text: exact
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    settings: Mapped[dict] = mapped_column(default=dict)

    room_type: Mapped[RoomType] = relationship(back_populates="rate_plans")


class CalendarDay(Base):
    """What the owner set for one room type and night; availability itself is derived."""

    __tablename__ = "calendar_day"

    room_type_id: Mapped[int] = mapped_column(
        ForeignKey("room_type.id", ondelete="CASCADE"), primary_key=True
    )
    night: Mapped[date] = mapped_column(Date, primary_key=True)
    rooms_closed: Mapped[int] = mapped_column(Integer, default=0)
    stop_sell: Mapped[bool] = mapped_column(Boolean, default=False)
    min_stay: Mapped[int | None] = mapped_column(Integer)
    max_stay: Mapped[int | None] = mapped_column(Integer)
    closed_to_arrival: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_to_departure: Mapped[bool] = mapped_column(Boolean, default=False)


class PriceOverride(Base):
    """A price typed in the calendar for one rate plan and night; wins over every rule."""

    __tablename__ = "price_override"

    rate_plan_id: Mapped[int] = mapped_column(
        ForeignKey("rate_plan.id", ondelete="CASCADE"), primary_key=True
    )
    night: Mapped[date] = mapped_column(Date, primary_key=True)
    price_minor: Mapped[int] = mapped_column(Integer)


class PriceRule(Base):
    __tablename__ = "price_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    property_id: Mapped[int] = mapped_column(ForeignKey("property.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30))
    priority: Mapped[int] = mapped_column(Integer, default=100)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    params: Mapped[dict] = mapped_column(default=dict)
    scope: Mapped[dict] = mapped_column(default=dict)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class Channel(Base):
    """An OTA listing the property is pushed to. Credentials are stored encrypted only."""

    __tablename__ = "channel"
    __table_args__ = (UniqueConstraint("property_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    property_id: Mapped[int] = mapped_column(ForeignKey("property.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    display_name: Mapped[str] = mapped_column(String(100), default="")
    protocol: Mapped[str] = mapped_column(String(30))
    endpoint: Mapped[str] = mapped_column(String(500), default="")
    hotel_code: Mapped[str] = mapped_column(String(64), default="")
    username: Mapped[str] = mapped_column(String(100), default="")
    secret_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    settings: Mapped[dict] = mapped_column(default=dict)  # capabilities, limits, markup, buffer


class ChannelMapping(Base):
    __tablename__ = "channel_mapping"
    __table_args__ = (UniqueConstraint("channel_id", "room_type_id", "rate_plan_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id", ondelete="CASCADE"), index=True)
    room_type_id: Mapped[int] = mapped_column(ForeignKey("room_type.id", ondelete="CASCADE"))
    rate_plan_id: Mapped[int | None] = mapped_column(ForeignKey("rate_plan.id", ondelete="CASCADE"))
    remote_room: Mapped[str] = mapped_column(String(64))
    remote_rate: Mapped[str | None] = mapped_column(String(64))


class AckedState(Base):
    """What a channel last confirmed for one cell: (remote room, remote rate, occupancy, night, kind).

    The sync engine sends the difference between the desired state and these rows, and writes a row
    only after the channel said the item was applied (channelmgr/sync/acked.py). ``remote_rate`` is
    "" for availability and ``guests`` 0 for the channel's default occupancy: key columns are never
    NULL, so the primary key is the cell's identity. ``value`` is the cell's value as compact JSON.
    """

    __tablename__ = "acked_state"

    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)  # avail | rate | restriction
    remote_room: Mapped[str] = mapped_column(String(64), primary_key=True)
    remote_rate: Mapped[str] = mapped_column(String(64), primary_key=True)
    guests: Mapped[int] = mapped_column(Integer, primary_key=True)
    night: Mapped[date] = mapped_column(Date, primary_key=True)
    value: Mapped[str] = mapped_column(String(100))
    acked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ContentAck(Base):
    """The listing content a channel last confirmed, as a fingerprint per part: a room type
    (``part`` = "room_type:<id>") or the property ("property").

    The content push sends a part only when its fingerprint differs from this row (or by hand,
    forced), and writes the row only after the channel accepted the message; forgetting (full
    resync, a listing that moved) deletes rows, so the next pass sends the content again.
    """

    __tablename__ = "content_ack"

    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id", ondelete="CASCADE"), primary_key=True)
    part: Mapped[str] = mapped_column(String(40), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))  # sha256 hex of what was sent
    acked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ChannelHold(Base):
    """"Not before T" for one channel: it answered HTTP 429 with a Retry-After, so no pass sends to
    it until ``not_before`` (naive UTC) — not the scheduler's, not a push by hand, not after a
    restart (channelmgr/sync/hold.py). One row per channel; it goes when a later pass sends again."""

    __tablename__ = "channel_hold"

    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id", ondelete="CASCADE"), primary_key=True)
    not_before: Mapped[datetime] = mapped_column(DateTime)
    asked_seconds: Mapped[int] = mapped_column(Integer)  # the channel's Retry-After, as it said it
    set_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncLog(Base):
    """One row per request sent to a channel: what, how big, how long, and what the channel said."""

    __tablename__ = "sync_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id", ondelete="CASCADE"), index=True)
    message: Mapped[str] = mapped_column(String(50))
    cells: Mapped[int] = mapped_column(Integer, default=0)
    ranges: Mapped[int] = mapped_column(Integer, default=0)
    bytes: Mapped[int] = mapped_column(Integer, default=0)
    latency_ms: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    result: Mapped[str] = mapped_column(String(12))  # ok | partial | rejected | retryable | fatal
    http_status: Mapped[int | None] = mapped_column(Integer)
    acknowledged_cells: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    # A "note" row's capability notes as codes and counts (CapabilityNote.to_json), so each reader
    # words them in its own language; ``error`` keeps the English line for the CSV and older desks.
    # NULL on request rows and on notes written before revision 0008, whose text is all there is.
    notes: Mapped[list | None] = mapped_column(JSON(none_as_null=True), nullable=True)


class Reservation(Base):
    __tablename__ = "reservation"
    __table_args__ = (
        UniqueConstraint("channel_id", "remote_id"),
        CheckConstraint("departure > arrival", name="nights"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    property_id: Mapped[int] = mapped_column(ForeignKey("property.id", ondelete="CASCADE"), index=True)
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channel.id"))
    source: Mapped[str] = mapped_column(String(20))  # channel, phone, walk_in, wechat
    remote_id: Mapped[str | None] = mapped_column(String(64))
    # The channel's reservation id, shared by every room of a multi-room booking. Each room is
    # one row, and (channel, remote_id) is unique, so remote_id is this id for the first room and
    # "id#2", "id#3"… for the others (channelmgr/reservations/channel_ingest.py).
    remote_booking_id: Mapped[str | None] = mapped_column(String(64), index=True)
    revision: Mapped[str] = mapped_column(String(64), default="1")
    room_type_id: Mapped[int] = mapped_column(ForeignKey("room_type.id"), index=True)
    rate_plan_id: Mapped[int | None] = mapped_column(ForeignKey("rate_plan.id"))
    # Indexed: a room's stays are what room assignment (room_plan.py) and the room board read; by
    # property alone a feed of one room type scanned every booking of the property.
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id"), index=True)
    arrival: Mapped[date] = mapped_column(Date, index=True)
    departure: Mapped[date] = mapped_column(Date, index=True)
    adults: Mapped[int] = mapped_column(Integer, default=2)
    children: Mapped[int] = mapped_column(Integer, default=0)
    guest_name: Mapped[str] = mapped_column(String(100))
    guest_phone: Mapped[str] = mapped_column(String(50), default="")
    amount_minor: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    commission_minor: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[ReservationStatus] = mapped_column(
        _enum(ReservationStatus), default=ReservationStatus.CONFIRMED
    )
    overbooked: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ReservationRevision(Base):
    """One revision of a booking as it reached the ledger: the full history, stale ones included.

    Channel revisions are unique per (channel, remote booking id, revision): the same message
    delivered twice finds its row and changes nothing. Revisions made at the desk (phone booking,
    cancel, room move) have no channel and point at their reservation.
    """

    __tablename__ = "reservation_revision"
    __table_args__ = (UniqueConstraint("channel_id", "remote_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    property_id: Mapped[int] = mapped_column(ForeignKey("property.id", ondelete="CASCADE"), index=True)
    reservation_id: Mapped[int | None] = mapped_column(ForeignKey("reservation.id", ondelete="CASCADE"), index=True)
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channel.id", ondelete="CASCADE"))
    remote_id: Mapped[str | None] = mapped_column(String(64))  # the channel's booking id
    revision: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    change: Mapped[str] = mapped_column(String(20))  # created, modified, cancelled, stale, …
    status: Mapped[str] = mapped_column(String(20), default="")  # the booking's status after it
    actor: Mapped[str] = mapped_column(String(50), default="")
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    payload: Mapped[dict] = mapped_column(default=dict)

    reservation: Mapped[Reservation | None] = relationship()


class NeedsAttention(Base):
    """A booking the ledger could not store on its own (unmapped code, impossible dates, …).

    The raw booking is kept with the reason, so nothing a channel sent is lost; it is not
    acknowledged, so the channel delivers it again and it is stored once the cause is fixed.
    """

    __tablename__ = "needs_attention"

    id: Mapped[int] = mapped_column(primary_key=True)
    property_id: Mapped[int] = mapped_column(ForeignKey("property.id", ondelete="CASCADE"), index=True)
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channel.id", ondelete="CASCADE"), index=True)
    remote_id: Mapped[str | None] = mapped_column(String(64))
    revision: Mapped[str | None] = mapped_column(String(64))
    problem: Mapped[str] = mapped_column(Text)
    raw: Mapped[dict] = mapped_column(default=dict)  # the parsed booking, JSON-safe
    raw_text: Mapped[str] = mapped_column(Text, default="")  # the message itself, when the caller has it
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, resolved
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str] = mapped_column(String(50), default="")


class User(Base):
    """A person who signs in to the desk or the CLI (channelmgr.security.users).

    The table is ``app_user`` because ``user`` is reserved in PostgreSQL. The password is only
    stored as a scrypt hash that carries its own parameters (channelmgr.security.passwords).
    """

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(20), default="viewer")  # administrator, operator, viewer
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # False: disabled, cannot sign in
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class AuditEntry(Base):
    """Who changed what, when, why: before → after (ARCHITECTURE.md rule 5)."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(50))
    cause: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(100), default="")
    before: Mapped[dict | None] = mapped_column()
    after: Mapped[dict | None] = mapped_column()


class Setting(Base):
    """Business settings shared by every desk (window layout stays in QSettings)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[object] = mapped_column(JSON, nullable=True)

