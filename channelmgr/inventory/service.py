"""Reading properties and room types for the calendar, exports and the CLI (editing: channelmgr.roomtypes)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..db.engine import Database
from ..db.models import Property, RatePlan, Room, RoomType
from ..errors import NotFound
from .views import PropertyInfo, RatePlanInfo, RoomTypeInfo


class InventoryService:
    def __init__(self, db: Database):
        self.db = db

    def properties(self) -> list[PropertyInfo]:
        with self.db.session() as s:
            type_counts = dict(
                s.execute(
                    select(RoomType.property_id, func.count()).where(~RoomType.archived).group_by(RoomType.property_id)
                ).all()
            )
            room_counts = dict(s.execute(select(Room.property_id, func.count()).group_by(Room.property_id)).all())
            return [
                PropertyInfo(
                    id=p.id,
                    code=p.code,
                    name_zh=p.name_zh,
                    name_en=p.name_en,
                    currency=p.currency,
                    room_type_count=type_counts.get(p.id, 0),
                    room_count=room_counts.get(p.id, 0),
                )
                for p in s.scalars(select(Property).order_by(Property.id))
            ]

    def property_id(self, code: str | None) -> int:
        """The id of the property with ``code``; without a code, the only (or first) property."""
        with self.db.session() as s:
            query = select(Property.id).order_by(Property.id)
            if code:
                query = query.where(Property.code == code)
            pid = s.scalars(query).first()
        if pid is None:
            raise NotFound(f"No property with code {code!r}", f"没有代码为 {code!r} 的物业") if code else \
                NotFound("The database has no property yet", "数据库里还没有物业")
        return pid

    def room_types(self, property_id: int, include_archived: bool = False) -> list[RoomTypeInfo]:
        with self.db.session() as s:
            query = (
                select(RoomType)
                .where(RoomType.property_id == property_id)
                .options(selectinload(RoomType.rate_plans), selectinload(RoomType.rooms))
                .order_by(RoomType.sort_order, RoomType.id)
            )
            if not include_archived:
                query = query.where(~RoomType.archived)
            return [_room_type_info(rt) for rt in s.scalars(query)]

    def room_type(self, property_id: int, code: str) -> RoomTypeInfo:
        for rt in self.room_types(property_id, include_archived=True):
            if rt.code == code:
                return rt
        raise NotFound(f"No room type with code {code!r}", f"没有代码为 {code!r} 的房型")


def _room_type_info(rt: RoomType) -> RoomTypeInfo:
    by_id = {rp.id: rp.code for rp in rt.rate_plans}
    return RoomTypeInfo(
        id=rt.id,
        property_id=rt.property_id,
        code=rt.code,
        name_zh=rt.name_zh,
        name_en=rt.name_en,
        sort_order=rt.sort_order,
        archived=rt.archived,
        room_count=len(rt.rooms),
        attributes=dict(rt.attributes or {}),
        rate_plans=tuple(_rate_plan_info(rp, by_id) for rp in rt.rate_plans),
    )


def _rate_plan_info(rp: RatePlan, codes_by_id: dict[int, str]) -> RatePlanInfo:
    return RatePlanInfo(
        id=rp.id,
        code=rp.code,
        name_zh=rp.name_zh,
        name_en=rp.name_en,
        base_price_minor=rp.base_price_minor,
        parent_code=codes_by_id.get(rp.parent_id) if rp.parent_id else None,
        derive_kind=rp.derive_kind,
        derive_value=rp.derive_value,
    )
