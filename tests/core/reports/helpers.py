"""A small hotel for hand-computed reports: A has 2 rooms, B has 1; one OTA channel (ctrip)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from channelmgr.db.models import Channel, Property, Reservation, ReservationStatus, Room, RoomType

D = date


@dataclass
class Hotel:
    db: object
    property_id: int
    types: dict[str, int]
    channel_id: int

    def book(self, code: str, arrival: date, nights: int, amount_yuan: int, *, channel: bool = False,
             commission_yuan: int = 0, status: str = "confirmed", source: str = "phone",
             created: datetime | None = None, updated: datetime | None = None) -> None:
        created = created or datetime(arrival.year, 1, 1)
        with self.db.session() as s:
            s.add(Reservation(
                property_id=self.property_id, room_type_id=self.types[code], source="channel" if channel else source,
                channel_id=self.channel_id if channel else None, arrival=arrival,
                departure=arrival + timedelta(days=nights), guest_name="客人", amount_minor=amount_yuan * 100,
                commission_minor=commission_yuan * 100, status=ReservationStatus(status),
                created_at=created, updated_at=updated or created))


def build_hotel(db) -> Hotel:
    with db.session() as s:
        prop = Property(code="H", name_zh="测试", currency="CNY", timezone="Asia/Shanghai")
        s.add(prop)
        s.flush()
        types = {}
        for order, (code, rooms) in enumerate((("A", 2), ("B", 1))):
            rt = RoomType(property_id=prop.id, code=code, name_zh=f"房{code}", name_en=code, sort_order=order)
            s.add(rt)
            s.flush()
            types[code] = rt.id
            for n in range(rooms):
                s.add(Room(property_id=prop.id, room_type_id=rt.id, number=f"{code}{n}"))
        ch = Channel(property_id=prop.id, name="ctrip", display_name="携程", protocol="opentravel")
        s.add(ch)
        s.flush()
        return Hotel(db, prop.id, types, ch.id)
