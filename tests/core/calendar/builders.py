"""A small, fully known property for calendar tests, with "today" fixed by the clock.

Room types: A (4 rooms; BAR ¥500, BB = BAR + ¥30), B (2 rooms; BAR ¥300, NR = BAR − 10%).
TODAY is a Monday in the property's time zone (Asia/Shanghai).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from channelmgr.actor import Actor
from channelmgr.db.engine import Database
from channelmgr.db.models import (
    Property,
    RatePlan,
    Reservation,
    ReservationStatus,
    Room,
    RoomOutOfOrder,
    RoomType,
)
from channelmgr.inventory.calendar_services import CalendarServices

TODAY = date(2030, 3, 4)  # a Monday
# 20:00 UTC on 3 March is 04:00 on 4 March in Shanghai: the property's date, not UTC's, is "today".
NOW = datetime(2030, 3, 3, 20, 0, tzinfo=timezone.utc)
ACTOR = Actor("tester", "test")


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


@dataclass
class Hotel:
    db: Database
    calendar: CalendarServices
    property_id: int
    types: dict[str, int] = field(default_factory=dict)  # code → room type id
    plans: dict[str, int] = field(default_factory=dict)  # "A/BAR" → rate plan id
    rooms: dict[str, int] = field(default_factory=dict)  # number → room id

    def book(self, code: str, arrival: date, nights: int, status=ReservationStatus.CONFIRMED, room: str | None = None) -> int:
        with self.db.session() as s:
            r = Reservation(
                property_id=self.property_id,
                source="phone",
                room_type_id=self.types[code],
                room_id=self.rooms[room] if room else None,
                arrival=arrival,
                departure=arrival + timedelta(days=nights),
                guest_name=f"guest {code} {arrival}",
                amount_minor=10000 * nights,
                status=status,
            )
            s.add(r)
            s.flush()
            return r.id

    def repair(self, number: str, start: date, end: date) -> None:
        with self.db.session() as s:
            s.add(RoomOutOfOrder(room_id=self.rooms[number], start_date=start, end_date=end))

    def snapshot(self, start: date = TODAY, days: int = 14):
        return self.calendar.availability.snapshot(self.property_id, start, start + timedelta(days=days))

    def cell(self, code: str, night: date):
        snap = self.calendar.availability.snapshot(self.property_id, night, night + timedelta(days=1), [self.types[code]])
        return snap.cell(0, 0)


def build_hotel(db: Database) -> Hotel:
    with db.session() as s:
        prop = Property(code="TEST", name_zh="测试民宿", currency="CNY", timezone="Asia/Shanghai")
        s.add(prop)
        s.flush()
        hotel = Hotel(db, CalendarServices(db, clock=lambda: NOW), prop.id)
        layout = [("A", "大床房", 50000, ("amount", "3000", "BB"), ["101", "102", "103", "104"]),
                  ("B", "双床房", 30000, ("percent", "-10", "NR"), ["201", "202"])]
        for order, (code, name, price, (kind, value, derived_code), numbers) in enumerate(layout):
            rt = RoomType(property_id=prop.id, code=code, name_zh=name, name_en=f"Type {code}", sort_order=order, attributes={})
            s.add(rt)
            s.flush()
            bar = RatePlan(room_type_id=rt.id, code="BAR", name_zh="标准价", base_price_minor=price)
            s.add(bar)
            s.flush()
            derived = RatePlan(room_type_id=rt.id, code=derived_code, name_zh=derived_code, parent_id=bar.id,
                               derive_kind=kind, derive_value=value, sort_order=1)
            s.add(derived)
            for number in numbers:
                room = Room(property_id=prop.id, room_type_id=rt.id, number=number, floor=int(number[0]))
                s.add(room)
                s.flush()
                hotel.rooms[number] = room.id
            s.flush()
            hotel.types[code] = rt.id
            hotel.plans[f"{code}/BAR"] = bar.id
            hotel.plans[f"{code}/{derived_code}"] = derived.id
    return hotel


def fingerprint(db: Database) -> dict:
    """Every row a calendar action may write: equal before and after means nothing was written."""
    from sqlalchemy import select

    from channelmgr.db.models import AuditEntry, CalendarDay, PriceOverride

    with db.session() as s:
        return {
            "calendar": sorted(
                tuple(r) for r in s.execute(select(*CalendarDay.__table__.c))
            ),
            "prices": sorted(tuple(r) for r in s.execute(select(*PriceOverride.__table__.c))),
            "reservations": sorted(
                (r.id, r.status.value, r.room_id) for r in s.scalars(select(Reservation))
            ),
            "rooms": sorted((r.number, r.status.value) for r in s.scalars(select(Room))),
            "repairs": sorted(tuple(r) for r in s.execute(select(*RoomOutOfOrder.__table__.c))),
            "audit": s.query(AuditEntry).count(),
        }
