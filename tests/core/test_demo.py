"""The demo homestay is believable and loads in one transaction."""

from datetime import date

from channelmgr.db.models import AuditEntry, Reservation
from channelmgr.demo import load_demo


def test_demo_homestay_shape(demo_services):
    [prop] = demo_services.inventory.properties()
    assert prop.name_zh and prop.name_en
    types = demo_services.inventory.room_types(prop.id)
    assert len(types) == 6
    assert all(rt.name_zh and rt.name_en and len(rt.rate_plans) == 2 for rt in types)
    rooms = demo_services.rooms.list(prop.id)
    assert len(rooms) == 18 and {r.floor for r in rooms} == {1, 2, 3}
    assert len({r.number for r in rooms}) == 18


def test_demo_bookings_are_around_the_given_day(db):
    load_demo(db, today=date(2026, 5, 1))
    with db.session() as s:
        arrivals = [r.arrival for r in s.query(Reservation)]
        assert min(arrivals) == date(2026, 4, 30) and max(arrivals) <= date(2026, 5, 31)
        assert s.query(AuditEntry).count() >= 1
