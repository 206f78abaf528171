"""Channels and their mappings: add, change, remove, map — audited, credentials encrypted.

The password goes into the database only as a Vault token (``Channel.secret_encrypted``); it is
never returned by this service, never written to the audit trail ("password": "changed" is), and
only the sync engine decrypts it, at send time. ``ChannelInfo`` is what the UI and the CLI see;
``ChannelConfig`` is what the engine needs, including the encrypted secret.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import Mapping as MappingType

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..channels.adapter import (PROTOCOLS, adapter_for, default_settings, needs_username, rates_name_their_room,
                               secret_label)
from ..db.engine import Database
from ..db.models import AckedState, Channel, ChannelMapping, Property, RatePlan, Reservation, RoomType, SyncLog
from ..errors import NotFound, UserError
from ..security.audit import record
from ..security.vault import Vault
from .channel_settings import ChannelSettings
from .content_push import forget_content
from .mappings import Mapping, SyncWarning, load_mappings, mapping_warnings
from ..security.roles import Permission, requires

AUDIT_ENTITY = "channel"


@dataclass(frozen=True)
class ChannelInfo:
    id: int
    property_id: int
    name: str
    display_name: str
    protocol: str
    endpoint: str
    hotel_code: str
    username: str
    has_password: bool
    enabled: bool
    settings: ChannelSettings
    mapping_count: int
    last_ok_at: datetime | None  # the last request the channel fully accepted

    @property
    def label(self) -> str:
        return self.display_name or self.name


@dataclass(frozen=True)
class ChannelConfig:
    """One channel as the sync engine reads it, within the pass's transaction."""

    id: int
    property_id: int
    name: str
    protocol: str
    endpoint: str
    hotel_code: str
    username: str
    secret_encrypted: bytes | None
    enabled: bool
    settings: ChannelSettings
    currency: str

    def __repr__(self) -> str:  # never print the token, even encrypted
        return f"ChannelConfig({self.id}, {self.name!r}, {self.endpoint!r}, hotel={self.hotel_code!r})"

    @property
    def fingerprint(self) -> tuple:
        """What identifies the remote listing and how we talk to it; when it changes, earlier
        refusals by the channel say nothing about the next attempt."""
        return (self.endpoint, self.hotel_code, self.username, self.secret_encrypted, self.settings)


def load_channel_config(session: Session, channel_id: int) -> ChannelConfig:
    row = session.execute(
        select(Channel, Property.currency).join(Property, Property.id == Channel.property_id).where(Channel.id == channel_id)
    ).first()
    if row is None:
        raise NotFound(f"No channel with id {channel_id}")
    channel, currency = row
    return ChannelConfig(
        id=channel.id,
        property_id=channel.property_id,
        name=channel.name,
        protocol=channel.protocol,
        endpoint=channel.endpoint,
        hotel_code=channel.hotel_code,
        username=channel.username,
        secret_encrypted=channel.secret_encrypted,
        enabled=channel.enabled,
        settings=ChannelSettings.from_json(channel.settings),
        currency=currency or "CNY",
    )


class ChannelService:
    def __init__(self, db: Database, vault: Vault | None = None):
        self.db = db
        self._vault = vault

    @functools.cached_property
    def vault(self) -> Vault:
        # Created on first use: opening the database must not create a key file nobody needs.
        return self._vault or Vault()

    # --- reading ------------------------------------------------------------------------------

    def list(self, property_id: int) -> list[ChannelInfo]:
        with self.db.session() as s:
            counts = dict(
                s.execute(
                    select(ChannelMapping.channel_id, func.count())
                    .join(Channel, Channel.id == ChannelMapping.channel_id)
                    .where(Channel.property_id == property_id)
                    .group_by(ChannelMapping.channel_id)
                ).all()
            )
            last_ok = dict(
                s.execute(
                    select(SyncLog.channel_id, func.max(SyncLog.at))
                    .join(Channel, Channel.id == SyncLog.channel_id)
                    .where(Channel.property_id == property_id, SyncLog.result == "ok")
                    .group_by(SyncLog.channel_id)
                ).all()
            )
            channels = s.scalars(select(Channel).where(Channel.property_id == property_id).order_by(Channel.name))
            return [_info(c, counts.get(c.id, 0), last_ok.get(c.id)) for c in channels]

    def get(self, property_id: int, name: str) -> ChannelInfo:
        for info in self.list(property_id):
            if info.name == name:
                return info
        raise NotFound(f"No channel named {name!r}")

    def mappings(self, channel_id: int) -> list[Mapping]:
        with self.db.session() as s:
            return load_mappings(s, channel_id)

    def warnings(self, channel_id: int) -> list[SyncWarning]:
        """Unmapped room types and rate plans and conflicting codes, as every sync reports them."""
        with self.db.session() as s:
            channel = _channel(s, channel_id)
            return mapping_warnings(s, channel.property_id, load_mappings(s, channel_id),
                                    rates_name_their_room=rates_name_their_room(adapter_for(channel.protocol)))

    # --- changing -----------------------------------------------------------------------------

    @requires(Permission.CHANNELS)
    def add(
        self,
        actor: Actor,
        property_id: int,
        *,
        name: str,
        protocol: str,
        endpoint: str,
        hotel_code: str,
        username: str,
        password: str,
        display_name: str = "",
        enabled: bool = True,
        settings: ChannelSettings | None = None,
    ) -> ChannelInfo:
        name = _required("name", name, 50)
        if protocol not in PROTOCOLS:
            raise UserError(f"Unknown protocol {protocol!r}; supported: {', '.join(PROTOCOLS)}")
        if protocol == "ical":  # a feed belongs to one room type and is read at once: its own command
            raise UserError("An iCal channel is added by importing its feed: channelmgr ical import "
                            "--room-type CODE --name NAME --url URL",
                            "iCal 渠道通过导入其日历添加：channelmgr ical import --room-type 房型代码 --name 名称 --url 网址")
        _check_endpoint(protocol, endpoint)
        hotel_code = _required("hotel code", hotel_code, 64)
        username = _username(protocol, username)
        if not password:
            if secret_label(adapter_for(protocol)) == "API key":
                raise UserError("A channel needs an API key (it is stored encrypted)", "渠道需要 API 密钥（加密保存）")
            raise UserError("A channel needs a password (it is stored encrypted)")
        settings = settings or protocol_settings(protocol)
        token = self.vault.encrypt(password)
        with self.db.session() as s:
            if s.scalar(select(Channel.id).where(Channel.property_id == property_id, Channel.name == name)):
                raise UserError(f"A channel named {name!r} already exists")
            channel = Channel(
                property_id=property_id, name=name, display_name=display_name, protocol=protocol,
                endpoint=endpoint.rstrip("/"), hotel_code=hotel_code, username=username,
                secret_encrypted=token, enabled=enabled, settings=settings.to_json(),
            )
            s.add(channel)
            s.flush()
            record(s, actor, "create", AUDIT_ENTITY, name, after=_audit_view(channel))
            return _info(channel, 0, None)

    @requires(Permission.CHANNELS)
    def update(
        self,
        actor: Actor,
        channel_id: int,
        *,
        endpoint: str | None = None,
        hotel_code: str | None = None,
        username: str | None = None,
        password: str | None = None,
        display_name: str | None = None,
        enabled: bool | None = None,
        settings: MappingType[str, str] | None = None,  # typed text per key, e.g. {"buffer_rooms": "1"}
    ) -> ChannelInfo:
        token = self.vault.encrypt(password) if password else None
        with self.db.session() as s:
            channel = _channel(s, channel_id)
            before = _audit_view(channel)
            listing_moved = False
            if endpoint is not None and endpoint.rstrip("/") != channel.endpoint:
                _check_endpoint(channel.protocol, endpoint)
                channel.endpoint = endpoint.rstrip("/")
                listing_moved = True
            if hotel_code is not None and hotel_code != channel.hotel_code:
                channel.hotel_code = _required("hotel code", hotel_code, 64)
                listing_moved = True
            if username is not None:
                channel.username = _username(channel.protocol, username)
            if token is not None:
                channel.secret_encrypted = token
            if display_name is not None:
                channel.display_name = display_name
            if enabled is not None:
                channel.enabled = enabled
            if settings:
                new = ChannelSettings.from_json(channel.settings).with_text(settings)
                channel.settings = new.merged_into(channel.settings)
            if listing_moved:
                # Another listing: what the old one acknowledged says nothing about the new one.
                s.execute(delete(AckedState).where(AckedState.channel_id == channel.id))
                forget_content(s, channel.id)
            after = _audit_view(channel)
            if token is not None:
                after["password"] = "changed"
            record(s, actor, "update", AUDIT_ENTITY, channel.name, before=before, after=after)
            s.flush()
        return self._info_by_id(channel_id)

    @requires(Permission.CHANNELS)
    def remove(self, actor: Actor, channel_id: int) -> None:
        with self.db.session() as s:
            channel = _channel(s, channel_id)
            bookings = s.scalar(select(func.count()).select_from(Reservation).where(Reservation.channel_id == channel.id))
            if bookings:
                raise UserError(
                    f"Channel {channel.name!r} has {bookings} reservation(s); disable it instead of removing it"
                )
            record(s, actor, "delete", AUDIT_ENTITY, channel.name, before=_audit_view(channel))
            s.delete(channel)

    @requires(Permission.CHANNELS)
    def map(
        self,
        actor: Actor,
        channel_id: int,
        *,
        room_type: str,
        remote_room: str,
        rate_plan: str | None = None,
        remote_rate: str | None = None,
    ) -> Mapping:
        remote_room = _required("remote room code", remote_room, 64)
        if (rate_plan is None) != (remote_rate is None):
            raise UserError("Give a rate plan and a remote rate code together, or neither")
        if remote_rate is not None:
            remote_rate = _required("remote rate code", remote_rate, 64)
        with self.db.session() as s:
            channel = _channel(s, channel_id)
            type_id, plan_id = _local_ids(s, channel.property_id, room_type, rate_plan)
            existing = load_mappings(s, channel.id)
            for m in existing:
                if m.room_type.id != type_id and m.remote_room == remote_room:
                    raise UserError(f"Remote room {remote_room} is already mapped from room type {m.room_type.code}")
                same_plan = m.rate_plan is not None and m.rate_plan.id == plan_id
                if (remote_rate is not None and not same_plan and m.remote_rate == remote_rate
                        and m.remote_room == remote_room):
                    raise UserError(f"Remote rate {remote_room}/{remote_rate} is already mapped from "
                                    f"{m.room_type.code}/{m.rate_plan.code if m.rate_plan else '-'}")
            row = s.scalar(_mapping_query(channel.id, type_id, plan_id))
            before = None
            if row is None:
                row = ChannelMapping(channel_id=channel.id, room_type_id=type_id, rate_plan_id=plan_id,
                                     remote_room=remote_room, remote_rate=remote_rate)
                s.add(row)
            else:
                before = {"remote_room": row.remote_room, "remote_rate": row.remote_rate}
                if (row.remote_room, row.remote_rate) != (remote_room, remote_rate):
                    _forget_remote_room(s, channel.id, row.remote_room)
                row.remote_room, row.remote_rate = remote_room, remote_rate
            s.flush()
            record(s, actor, "map", AUDIT_ENTITY, channel.name, before=before,
                   after={"room_type": room_type, "rate_plan": rate_plan,
                          "remote_room": remote_room, "remote_rate": remote_rate})
            return next(m for m in load_mappings(s, channel.id) if m.id == row.id)

    @requires(Permission.CHANNELS)
    def unmap(self, actor: Actor, channel_id: int, *, room_type: str, rate_plan: str | None = None) -> None:
        with self.db.session() as s:
            channel = _channel(s, channel_id)
            type_id, plan_id = _local_ids(s, channel.property_id, room_type, rate_plan)
            row = s.scalar(_mapping_query(channel.id, type_id, plan_id))
            if row is None:
                what = f"{room_type}/{rate_plan}" if rate_plan else room_type
                raise NotFound(f"{what} is not mapped on channel {channel.name!r}")
            record(s, actor, "unmap", AUDIT_ENTITY, channel.name,
                   before={"room_type": room_type, "rate_plan": rate_plan,
                           "remote_room": row.remote_room, "remote_rate": row.remote_rate})
            _forget_remote_room(s, channel.id, row.remote_room)
            s.delete(row)

    def channel_id(self, property_id: int, name: str) -> int:
        with self.db.session() as s:
            found = s.scalar(select(Channel.id).where(Channel.property_id == property_id, Channel.name == name))
        if found is None:
            raise NotFound(f"No channel named {name!r}")
        return found

    def _info_by_id(self, channel_id: int) -> ChannelInfo:
        with self.db.session() as s:
            channel = _channel(s, channel_id)
            property_id = channel.property_id
        return next(i for i in self.list(property_id) if i.id == channel_id)


# --- helpers ------------------------------------------------------------------------------------

def _check_endpoint(protocol: str, endpoint: str) -> None:
    """Refuse what the channel's client would refuse (not http(s), no host, credentials in the
    URL), now, with the owner at the keyboard, rather than at the first push."""
    try:
        adapter_for(protocol).check_endpoint(endpoint)
    except ValueError as exc:
        raise UserError(f"Endpoint refused: {exc}") from None


def protocol_settings(protocol: str) -> ChannelSettings:
    """The settings a new channel of ``protocol`` starts from: its published limits (a
    Channex-style hub: 10 requests a minute per pace, 1000 values a request), else the defaults."""
    return ChannelSettings(**default_settings(adapter_for(protocol)))


def _username(protocol: str, username: str | None) -> str:
    # A hub that takes an API key alone has no user name: empty is right there, not a mistake.
    if needs_username(adapter_for(protocol)):
        return _required("username", username or "", 100)
    return (username or "").strip()[:100]


_WHAT_ZH = {"name": "名称", "hotel code": "酒店代码", "username": "用户名", "remote room code": "渠道房型代码",
            "remote rate code": "渠道价格代码"}


def _required(what: str, value: str, max_length: int) -> str:
    value = (value or "").strip()
    what_zh = _WHAT_ZH.get(what, what)
    if not value:
        raise UserError(f"The {what} is required", f"请填写{what_zh}")
    if len(value) > max_length:
        raise UserError(f"The {what} is longer than {max_length} characters", f"{what_zh}不能超过 {max_length} 个字符")
    return value


def _channel(s: Session, channel_id: int) -> Channel:
    channel = s.get(Channel, channel_id)
    if channel is None:
        raise NotFound(f"No channel with id {channel_id}")
    return channel


def _local_ids(s: Session, property_id: int, room_type: str, rate_plan: str | None) -> tuple[int, int | None]:
    type_id = s.scalar(select(RoomType.id).where(RoomType.property_id == property_id, RoomType.code == room_type))
    if type_id is None:
        raise NotFound(f"No room type with code {room_type!r}")
    if rate_plan is None:
        return type_id, None
    plan_id = s.scalar(select(RatePlan.id).where(RatePlan.room_type_id == type_id, RatePlan.code == rate_plan))
    if plan_id is None:
        raise NotFound(f"Room type {room_type} has no rate plan {rate_plan!r}")
    return type_id, plan_id


def _mapping_query(channel_id: int, type_id: int, plan_id: int | None):
    query = select(ChannelMapping).where(ChannelMapping.channel_id == channel_id, ChannelMapping.room_type_id == type_id)
    # NULL never equals NULL in SQL (nor in a unique constraint): a room-only row is found with IS NULL.
    return query.where(ChannelMapping.rate_plan_id.is_(None) if plan_id is None else ChannelMapping.rate_plan_id == plan_id)


def _forget_remote_room(s: Session, channel_id: int, remote_room: str) -> None:
    # A remote code we stop sending to may change under us; if it is mapped again, send it afresh.
    s.execute(delete(AckedState).where(AckedState.channel_id == channel_id, AckedState.remote_room == remote_room))


def _audit_view(channel: Channel) -> dict:
    return {
        "name": channel.name, "display_name": channel.display_name, "protocol": channel.protocol,
        "endpoint": channel.endpoint, "hotel_code": channel.hotel_code, "username": channel.username,
        "enabled": channel.enabled, "settings": dict(channel.settings or {}),
    }


def _info(channel: Channel, mapping_count: int, last_ok_at: datetime | None) -> ChannelInfo:
    return ChannelInfo(
        id=channel.id,
        property_id=channel.property_id,
        name=channel.name,
        display_name=channel.display_name,
        protocol=channel.protocol,
        endpoint=channel.endpoint,
        hotel_code=channel.hotel_code,
        username=channel.username,
        has_password=channel.secret_encrypted is not None,
        enabled=channel.enabled,
        settings=ChannelSettings.from_json(channel.settings),
        mapping_count=mapping_count,
        last_ok_at=last_ok_at,
    )
