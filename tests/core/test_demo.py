"""The demo homestay is believable and loads in one transaction."""

from datetime import date, datetime, timezone

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


def test_demo_today_is_the_propertys_not_the_machines(db):
    # 17:30 UTC on 5 December is 01:30 on the 6th in Dali: the demo's "arriving today" guests
    # arrive on the 6th, the day the dashboard calls today (CI once ran at that hour and failed).
    load_demo(db, clock=lambda: datetime(2026, 12, 5, 17, 30, tzinfo=timezone.utc))
    with db.session() as s:
        arrivals = sorted(r.arrival for r in s.query(Reservation))
    assert arrivals[0] == date(2026, 12, 5)  # 王芳 arrived yesterday, Dali time
    assert date(2026, 12, 6) in arrivals
