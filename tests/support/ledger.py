"""A small hotel with one channel, and channel bookings shaped as parse_res_retrieve returns them.

Shared by the core, integration and UI tests of the reservation ledger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from channelmgr.actor import Actor
from channelmgr.db.models import Channel, ChannelMapping, Property, RatePlan, Room, RoomType

TODAY = date(2026, 6, 1)
CLOCK_NOW = datetime(2026, 6, 1, 4, 0, tzinfo=timezone.utc)  # noon in Shanghai
DESK = Actor("desk", "test")
CHANNEL = Actor("sync", "pull ctrip")

# code, rooms, has a mapping on the channel
ROOM_TYPES = [("DBL", ["201", "202"]), ("TWN", ["101"]), ("STE", ["301", "302"])]


@dataclass
class Hotel:
    property_id: int
    channel_id: int
    types: dict[str, int]  # code → id
    rooms: dict[str, int]  # number → id
    plans: dict[str, int]  # room type code → main plan id


def build_ledger_hotel(db) -> Hotel:
    with db.session() as s:
        prop = Property(code="T1", name_zh="测试民宿", currency="CNY", timezone="Asia/Shanghai")
        s.add(prop)
        s.flush()
        types, rooms, plans = {}, {}, {}
        for order, (code, numbers) in enumerate(ROOM_TYPES):
            rt = RoomType(property_id=prop.id, code=code, name_zh=f"房型{code}", name_en=code, sort_order=order)
            s.add(rt)
            s.flush()
            plan = RatePlan(room_type_id=rt.id, code="BAR", name_zh="标准价", base_price_minor=38800)
            s.add(plan)
            for number in numbers:
                room = Room(property_id=prop.id, room_type_id=rt.id, number=number)
                s.add(room)
                s.flush()
                rooms[number] = room.id
            s.flush()
            types[code], plans[code] = rt.id, plan.id
        channel = Channel(property_id=prop.id, name="ctrip", protocol="opentravel")
        s.add(channel)
        s.flush()
        s.add(ChannelMapping(channel_id=channel.id, room_type_id=types["DBL"], rate_plan_id=plans["DBL"],
                             remote_room="DBL", remote_rate="BAR"))
        s.add(ChannelMapping(channel_id=channel.id, room_type_id=types["TWN"], rate_plan_id=None,
                             remote_room="TWN", remote_rate=None))
        return Hotel(prop.id, channel.id, types, rooms, plans)


def booking(remote_id: str, *, room: str = "DBL", rate: str = "BAR", arrival: date = TODAY, nights: int = 2,
            status: str = "Book", modified: str = "2026-05-30T10:00:00+08:00", amount: int | None = 77600,
            currency: str = "CNY", guest: str = "小明", rooms: list[dict] | None = None,
            commission: int | None = None) -> dict:
    """One reservation as parse_res_retrieve returns it."""
    stay = {"room_code": room, "rate_code": rate, "arrival": arrival, "departure": arrival + timedelta(days=nights),
            "nights": nights, "adults": 2, "children": 0, "amount_minor": amount, "currency": currency}
    return {
        "remote_id": remote_id, "status": status, "created": "2026-05-30T10:00:00+08:00", "modified": modified,
        "rooms": rooms if rooms is not None else [stay],
        "guest": {"given_name": guest, "surname": "王", "phone": "+86 138 0000 0000", "email": None},
        "total_minor": amount, "commission_minor": commission, "currency": currency, "comments": [], "problems": [],
    }
