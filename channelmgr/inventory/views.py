"""Plain snapshots of properties, room types and rooms handed to the UI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PropertyInfo:
    id: int
    code: str
    name_zh: str
    name_en: str
    currency: str
    room_type_count: int
    room_count: int


@dataclass(frozen=True)
class RatePlanInfo:
    id: int
    code: str
    name_zh: str
    name_en: str
    base_price_minor: int | None
    parent_code: str | None
    derive_kind: str | None
    derive_value: str | None


@dataclass(frozen=True)
class RoomTypeInfo:
    id: int
    property_id: int
    code: str
    name_zh: str
    name_en: str
    sort_order: int
    archived: bool
    room_count: int
    attributes: dict
    rate_plans: tuple[RatePlanInfo, ...]
