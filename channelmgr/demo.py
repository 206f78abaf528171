"""The demo homestay: what a newcomer sees on first start, and what screenshots show.

A believable 民宿 by Erhai lake in Dali: 6 room types, 18 rooms on three floors, two rate plans
per type (standard and breakfast included), and a handful of bookings around today so the
calendar looks alive whatever the date.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from .actor import Actor
from .db.engine import Database
from .db.models import Property, RatePlan, Reservation, Room, RoomType
from .security.audit import record

DEMO_PROPERTY_CODE = "ERHAI"

# code, 中文名, English name, base price (yuan), rooms as (floor, numbers)
ROOM_TYPES = [
    ("LKV", "洱海景观大床房", "Lake View King", 588, [(3, ["301", "302", "303", "304"])]),
    ("GTW", "庭院双床房", "Courtyard Twin", 428, [(1, ["101", "102", "103"])]),
    ("FAM", "亲子家庭套房", "Family Suite", 788, [(2, ["201", "202"])]),
    ("LFT", "苍山景观Loft", "Cangshan Loft", 668, [(2, ["203", "204", "205"])]),
    ("CQN", "温馨大床房", "Cozy Queen", 358, [(1, ["105", "106"]), (2, ["206", "207"])]),
    ("RTS", "屋顶露台套房", "Rooftop Terrace Suite", 1088, [(3, ["305", "306"])]),
]

# room type, guest, arrival offset from today, nights, source, rooms' amount (yuan)
RESERVATIONS = [
    ("LKV", "王芳", -1, 3, "phone", 1764),
    ("LKV", "Emily Carter", 0, 2, "walk_in", 1176),
    ("GTW", "李强", 1, 2, "wechat", 856),
    ("FAM", "陈晓明一家", 2, 4, "phone", 3152),
    ("LFT", "赵雪", 0, 1, "wechat", 668),
    ("CQN", "孙磊", 3, 2, "phone", 716),
    ("RTS", "周婷", 5, 3, "wechat", 3264),
    ("CQN", "Lukas Meyer", 7, 5, "phone", 1790),
]


def load_demo(db: Database, today: date | None = None) -> None:
    """Fill an empty database with the demo homestay (one transaction: all or nothing)."""
    today = today or date.today()
    actor = Actor("demo", "demo data")
    with db.session() as s:
        prop = Property(
            code=DEMO_PROPERTY_CODE,
            name_zh="云栖·洱海边的院子",
            name_en="Cloud Nest Courtyard by Erhai Lake",
            currency="CNY",
            address="云南省大理市大理镇才村 (Caicun, Dali, Yunnan)",
            phone="0872-0000000",
        )
        s.add(prop)
        s.flush()
        types = _add_room_types(s, prop)
        _add_reservations(s, prop, types, today)
        record(s, actor, "create", "property", prop.code, after={"name_zh": prop.name_zh})


def _add_room_types(s: Session, prop: Property) -> dict[str, RoomType]:
    types: dict[str, RoomType] = {}
    for order, (code, zh, en, price, floors) in enumerate(ROOM_TYPES):
        rt = RoomType(property=prop, code=code, name_zh=zh, name_en=en, sort_order=order, attributes={})
        standard = RatePlan(code="BAR", name_zh="标准价", name_en="Best available rate", base_price_minor=price * 100)
        breakfast = RatePlan(
            code="BB", name_zh="含双早", name_en="Breakfast for two", derive_kind="amount", derive_value="4000", sort_order=1
        )
        rt.rate_plans = [standard, breakfast]
        s.add(rt)
        s.flush()
        breakfast.parent_id = standard.id
        for floor, numbers in floors:
            for number in numbers:
                s.add(Room(property_id=prop.id, room_type_id=rt.id, number=number, floor=floor))
        types[code] = rt
    s.flush()
    return types


def _add_reservations(s: Session, prop: Property, types: dict[str, RoomType], today: date) -> None:
    for n, (code, guest, offset, nights, source, amount) in enumerate(RESERVATIONS, start=1):
        arrival = today + timedelta(days=offset)
        s.add(
            Reservation(
                property_id=prop.id,
                source=source,
                remote_id=None,
                room_type_id=types[code].id,
                rate_plan_id=types[code].rate_plans[0].id,
                arrival=arrival,
                departure=arrival + timedelta(days=nights),
                guest_name=guest,
                guest_phone=f"138{n:08d}",
                amount_minor=amount * 100,
                currency=prop.currency,
            )
        )
