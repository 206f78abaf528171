"""The demo homestay is believable and loads in one transaction."""

from datetime import date, datetime, timedelta, timezone

from channelmgr.db.models import AuditEntry, Channel, Reservation
from channelmgr.demo import RESERVATIONS, load_demo
from channelmgr.reports.scope import ReportScope
from channelmgr.sync.demo_channels import DEMO_OTAS


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


def test_demo_ota_bookings_keep_their_channels_commission(demo_services):
    # Before, every demo booking was taken at the desk: the reports' net revenue equalled gross.
    [prop] = demo_services.inventory.properties()
    today = demo_services.reports.today(prop.id)
    scope = ReportScope(prop.id, today - timedelta(days=1), today + timedelta(days=31))  # every demo night
    lines = {line.channel: line for line in demo_services.reports.channels(scope).channels}
    for name, ota in DEMO_OTAS.items():
        amounts = [amount for _c, _g, _o, _n, source, amount, _l in RESERVATIONS if source == name]
        assert amounts, f"the demo has no booking from {name}"
        line = lines[name]
        # whole-yuan amounts: the commission is exactly amount × percent fen, no rounding to argue
        assert line.is_ota and line.figures.gross_minor == sum(amounts) * 100
        assert line.figures.commission_minor == sum(amounts) * ota.commission_percent > 0
        assert line.figures.net_minor == line.figures.gross_minor - line.figures.commission_minor
    desk = lines["phone"]
    assert not desk.is_ota and desk.figures.gross_minor > 0
    assert desk.figures.commission_minor == 0 and desk.figures.net_minor == desk.figures.gross_minor


def test_demo_ota_bookings_are_stored_as_channel_ingest_stores_them(demo_services, db):
    [prop] = demo_services.inventory.properties()
    with db.session() as s:
        channels = {c.id: c for c in s.query(Channel)}
        from_otas = [r for r in s.query(Reservation) if r.channel_id is not None]
        assert len(from_otas) == sum(1 for row in RESERVATIONS if row[4] in DEMO_OTAS)
        for r in from_otas:
            channel = channels[r.channel_id]
            assert channel.name in DEMO_OTAS and r.source == "channel" and r.revision == "1"
            assert r.remote_id == r.remote_booking_id and r.remote_id.startswith(f"{channel.hotel_code}-D")
            assert not r.overbooked
    # They hold their nights like any booking, and none is sold beyond the rooms.
    assert demo_services.reservations.overbookings(prop.id) == []
    listed = demo_services.reservations.list(prop.id, channel="ctrip")
    assert listed and all(b.channel == "ctrip" and b.remote_id for b in listed)


def test_every_demo_booking_has_its_history_and_an_ota_redelivery_is_unchanged(demo_services, db):
    # The booking detail's history was empty for every demo booking: the demo wrote no revision.
    from channelmgr.actor import SYSTEM
    from channelmgr.reservations.channel_ingest import IngestOutcome, ingest_channel_bookings

    [prop] = demo_services.inventory.properties()
    bookings = demo_services.reservations.list(prop.id)
    assert len(bookings) == len(RESERVATIONS)
    for b in bookings:
        history = demo_services.reservations.detail(b.id).history
        assert [(h.revision, h.change, h.status) for h in history] == [("1", "created", "confirmed")], b.guest_name
    ctrip = next(b for b in bookings if b.channel == "ctrip")
    [first] = demo_services.reservations.detail(ctrip.id).history
    assert first.payload["remote_id"] == ctrip.remote_id and first.payload["commission_minor"] == ctrip.commission_minor
    # Stored as channel ingest stores a message: the same message again changes nothing.
    again = {**first.payload, "rooms": [{**room, "arrival": date.fromisoformat(room["arrival"]),
                                         "departure": date.fromisoformat(room["departure"])}
                                        for room in first.payload["rooms"]]}
    with db.session() as s:
        channel_id = s.query(Channel).filter_by(name="ctrip").one().id
    report = ingest_channel_bookings(db, channel_id, [again], SYSTEM, ctrip.arrival)
    assert [r.outcome for r in report.results] == [IngestOutcome.UNCHANGED]
    assert len(demo_services.reservations.list(prop.id)) == len(RESERVATIONS)
