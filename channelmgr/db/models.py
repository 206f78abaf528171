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
    revision: Mapped[str] = mapped_column(String(64), default="1")
    room_type_id: Mapped[int] = mapped_column(ForeignKey("room_type.id"), index=True)
    rate_plan_id: Mapped[int | None] = mapped_column(ForeignKey("rate_plan.id"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id"))
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


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(20), default="owner")  # owner, manager, front_desk
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


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
