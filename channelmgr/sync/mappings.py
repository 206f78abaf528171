"""Which local room types and rate plans a channel sells, under which remote codes.

A mapping row either maps a room type to a remote room (its availability goes out) or a room type
× rate plan to a remote room × remote rate (prices and restrictions go out, and the availability of
the remote room). Everything the owner sells but did not map is listed as a warning by every sync
and dry run: an unmapped room is never skipped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..db.models import ChannelMapping, RatePlan, RoomType


@dataclass(frozen=True)
class RoomTypeRef:
    id: int
    code: str


@dataclass(frozen=True)
class RatePlanRef:
    id: int
    code: str


@dataclass(frozen=True)
class Mapping:
    id: int
    room_type: RoomTypeRef
    rate_plan: RatePlanRef | None
    remote_room: str
    remote_rate: str | None
    archived: bool  # the local room type is archived: the mapping is kept but nothing is sent


@dataclass(frozen=True)
class SyncWarning:
    """Something the owner should know about a channel's push; ``code`` lets the UI translate it."""

    code: str  # room_type_unmapped · rate_plan_unmapped · archived · remote_conflict · no_price · …
    text: str  # English, for the log (and the CLI in English)
    room_type: str | None = None
    rate_plan: str | None = None
    nights: int = 0
    detail: str = ""
    text_zh: str = ""  # the CLI's Chinese wording (the desk translates by ``code`` through Qt)

    def __str__(self) -> str:
        return self.text

    def message(self, language: str) -> str:
        return self.text_zh if language == "zh" and self.text_zh else self.text


def load_mappings(session: Session, channel_id: int) -> list[Mapping]:
    plan = aliased(RatePlan)
    rows = session.execute(
        select(ChannelMapping, RoomType.code, RoomType.archived, plan.code)
        .join(RoomType, RoomType.id == ChannelMapping.room_type_id)
        .outerjoin(plan, plan.id == ChannelMapping.rate_plan_id)
        .where(ChannelMapping.channel_id == channel_id)
        .order_by(RoomType.sort_order, RoomType.id, plan.sort_order, ChannelMapping.id)
    ).all()
    return [
        Mapping(
            id=m.id,
            room_type=RoomTypeRef(m.room_type_id, type_code),
            rate_plan=RatePlanRef(m.rate_plan_id, plan_code) if m.rate_plan_id is not None else None,
            remote_room=m.remote_room,
            remote_rate=m.remote_rate,
            archived=archived,
        )
        for m, type_code, archived, plan_code in rows
    ]


def mapping_warnings(session: Session, property_id: int, mappings: Iterable[Mapping], *,
                     rates_name_their_room: bool = True) -> list[SyncWarning]:
    """Unmapped room types and rate plans, mappings of archived room types, and remote codes that
    two local items claim (the channel would get two values for one code: neither is sent)."""
    mappings = list(mappings)
    mapped_types = {m.room_type.id for m in mappings}
    mapped_plans = {m.rate_plan.id for m in mappings if m.rate_plan is not None}
    warnings: list[SyncWarning] = []
    types = session.execute(
        select(RoomType.id, RoomType.code)
        .where(RoomType.property_id == property_id, ~RoomType.archived)
        .order_by(RoomType.sort_order, RoomType.id)
    ).all()
    plans = session.execute(
        select(RatePlan.room_type_id, RatePlan.id, RatePlan.code)
        .where(RatePlan.room_type_id.in_([t.id for t in types]))
        .order_by(RatePlan.sort_order, RatePlan.id)
    ).all()
    for type_id, type_code in types:
        if type_id not in mapped_types:
            warnings.append(SyncWarning(
                "room_type_unmapped",
                f"room type {type_code} is not mapped: its availability, prices and restrictions are not sent",
                room_type=type_code, text_zh=f"房型 {type_code} 未映射：不发送它的可售房、价格和限制",
            ))
            continue
        for plan_type_id, plan_id, plan_code in plans:
            if plan_type_id == type_id and plan_id not in mapped_plans:
                warnings.append(SyncWarning(
                    "rate_plan_unmapped",
                    f"rate plan {type_code}/{plan_code} is not mapped: its prices and restrictions are not sent",
                    room_type=type_code, rate_plan=plan_code,
                    text_zh=f"价格计划 {type_code}/{plan_code} 未映射：不发送它的价格和限制",
                ))
    for m in mappings:
        if m.archived:
            warnings.append(SyncWarning(
                "archived",
                f"room type {m.room_type.code} is archived: its mapping to {m.remote_room} is not sent",
                room_type=m.room_type.code, text_zh=f"房型 {m.room_type.code} 已归档：不再发送到 {m.remote_room}",
            ))
    for code, claimants in conflicting_remote_codes(mappings, rates_name_their_room=rates_name_their_room).items():
        warnings.append(SyncWarning(
            "remote_conflict",
            f"remote code {code} is mapped from {', '.join(claimants)}: not sent until one mapping is removed",
            detail=code, text_zh=f"渠道代码 {code} 被 {'、'.join(claimants)} 同时映射：删除其中一个映射之前不发送",
        ))
    return warnings


def conflicting_remote_codes(mappings: Iterable[Mapping], *, rates_name_their_room: bool = True) -> dict[str, list[str]]:
    """Remote codes (room, or room/rate) that more than one local item is mapped to.

    ``rates_name_their_room`` False: the channel names a rate by its own id alone (a Channex-style
    rate plan id), so the same rate id under two rooms is a conflict too, keyed by the rate id."""
    rooms: dict[str, set[str]] = {}
    rates: dict[str, set[str]] = {}
    for m in mappings:
        if m.archived:
            continue
        rooms.setdefault(m.remote_room, set()).add(m.room_type.code)
        if m.rate_plan is not None and m.remote_rate is not None:
            rates.setdefault(rate_key(m, rates_name_their_room), set()).add(f"{m.room_type.code}/{m.rate_plan.code}")
    return {
        code: sorted(local)
        for code, local in [*rooms.items(), *rates.items()]
        if len(local) > 1
    }


def rate_key(m: Mapping, rates_name_their_room: bool = True) -> str:
    """How the channel tells one remote rate from another: room/rate, or the rate id alone."""
    return f"{m.remote_room}/{m.remote_rate}" if rates_name_their_room else str(m.remote_rate)
