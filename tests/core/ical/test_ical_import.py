import threading
from datetime import date, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from channelmgr.cli import main
from channelmgr.db.engine import open_database
from channelmgr.db.models import (AuditEntry, Channel, NeedsAttention, Property, Reservation, ReservationRevision,
                                  ReservationStatus)
from channelmgr.errors import UserError
from channelmgr.ical.parse import FeedEvent, parse_feed
from channelmgr.ical.service import IcalExportService, IcalImportService
from channelmgr.inventory.calendar_services import CalendarServices
from tests.support.ledger import CLOCK_NOW, DESK, TODAY, build_ledger_hotel

FEEDS = Path(__file__).parent / "feeds"
SHANGHAI = ZoneInfo("Asia/Shanghai")
D = date.fromisoformat


def importer(db):
    return IcalImportService(db, clock=lambda: CLOCK_NOW)


def ledger(db):
    """Everything an import may touch, to compare before and after."""
    with db.session() as s:
        rows = sorted((r.remote_id or "", r.arrival, r.departure, r.status.value, r.room_type_id)
                      for r in s.scalars(select(Reservation)))
        return (rows, s.scalar(select(func.count(AuditEntry.id))), s.scalar(select(func.count(ReservationRevision.id))),
                s.scalar(select(func.count(Channel.id))))


def held(db, channel="ical:airbnb"):
    with db.session() as s:
        return sorted((r.remote_id, r.arrival, r.departure, r.notes) for r in s.scalars(
            select(Reservation).join(Channel, Reservation.channel_id == Channel.id).where(
                Channel.name == channel, Reservation.status == ReservationStatus.CONFIRMED)))


@pytest.fixture
def hotel(db):
    return build_ledger_hotel(db)


def test_parse_airbnb_booking_vrbo_shapes():
    airbnb = parse_feed((FEEDS / "airbnb.ics").read_bytes(), SHANGHAI)
    assert [(e.start, e.end, e.summary) for e in airbnb] == [
        (D("2026-06-03"), D("2026-06-06"), "Reserved"), (D("2026-06-10"), D("2026-06-12"), "Airbnb (Not available)")]
    booking = parse_feed((FEEDS / "booking.ics").read_bytes(), SHANGHAI)  # LF only
    assert [(e.start, e.end) for e in booking] == [(D("2026-06-15"), D("2026-06-18")),
                                                   (D("2026-06-20"), D("2026-06-21"))]  # no DTEND: one night
    vrbo = parse_feed((FEEDS / "vrbo.ics").read_bytes(), SHANGHAI)
    # 17:00Z is 01:00 the next day in Shanghai; the SEQUENCE:1 copy of the duplicated UID wins.
    assert [(e.uid, e.start, e.end) for e in vrbo] == [("62a7c1b0-vrbo-res-001", D("2026-06-25"), D("2026-06-28")),
                                                       ("62a7c1b0-vrbo-blk-002", D("2026-06-28"), D("2026-06-29"))]
    assert [e.start for e in parse_feed((FEEDS / "vrbo.ics").read_bytes(), ZoneInfo("UTC"))][0] == D("2026-06-24")


def test_parse_reads_a_feeds_own_timezone_and_only_the_events_own_properties():
    # Outlook-style: a TZID that is no IANA name, defined by the feed's VTIMEZONE (UTC-10, so
    # 20:00 there is 14:00 the next day in Shanghai). The name is this test's own, so no earlier
    # parse can have taught icalendar the zone.
    body = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
BEGIN:VTIMEZONE\r
TZID:channelmgr test island\r
BEGIN:STANDARD\r
DTSTART:19700101T000000\r
TZOFFSETFROM:-1000\r
TZOFFSETTO:-1000\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:tz-1@outlook\r
DTSTART;TZID="channelmgr test island":20260628T200000\r
DTEND;TZID=channelmgr test island:20260630T200000\r
SUMMARY:Reserved\\, two\r
  nights\r
BEGIN:VALARM\r
UID:not-the-event\r
ACTION:DISPLAY\r
TRIGGER:-PT15M\r
END:VALARM\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:quoted-2\r
DTSTART;X-NOTE="from: the host";VALUE=DATE:20260705\r
dtend;tzid=channelmgr test island:20260707T200000\r
END:VEVENT\r
END:VCALENDAR\r
"""
    tz_event, quoted = parse_feed(body, SHANGHAI)
    assert tz_event == FeedEvent("tz-1@outlook", D("2026-06-29"), D("2026-07-01"), "Reserved, two nights")
    # A quoted parameter may hold a colon; names and parameters are case-insensitive.
    assert quoted == FeedEvent("quoted-2", D("2026-07-05"), D("2026-07-08"), "")


def test_import_creates_bookings_and_reimport_changes_nothing(db, hotel):
    body = (FEEDS / "airbnb.ics").read_bytes()
    r = importer(db).import_feed(hotel.property_id, "DBL", "airbnb", body, DESK)
    assert (r.new, r.changed, r.cancelled, r.unchanged) == (2, 0, 0, 0)
    assert held(db) == [("1418fb94e984-7b1c2a9e3f1d4b2c8a0e@airbnb.com", D("2026-06-03"), D("2026-06-06"), "Reserved"),
                        ("7f3a2b1c9d8e-0a1b2c3d4e5f6a7b8c9d@airbnb.com", D("2026-06-10"), D("2026-06-12"),
                         "Airbnb (Not available)")]
    with db.session() as s:
        assert s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "create")) == 2
        assert {r.room_id is not None for r in s.scalars(select(Reservation))} == {True}  # rooms taken
        # a feed never carries a name or a price: its bookings are not each flagged "¥0, no guest name"
        assert s.scalar(select(func.count(NeedsAttention.id))) == 0
    before = ledger(db)
    again = importer(db).import_feed(hotel.property_id, "DBL", "airbnb", body, DESK)
    assert (again.new, again.changed, again.cancelled, again.unchanged) == (0, 0, 0, 2)
    assert ledger(db)[0] == before[0] and ledger(db)[1] == before[1]


def test_changed_dates_modify_and_disappearance_cancels(db, hotel):
    body = (FEEDS / "airbnb.ics").read_bytes()
    importer(db).import_feed(hotel.property_id, "DBL", "airbnb", body, DESK)
    moved = body.replace(b"DTEND;VALUE=DATE:20260606", b"DTEND;VALUE=DATE:20260607")
    first, second = moved.split(b"BEGIN:VEVENT", 1)[0], moved.split(b"BEGIN:VEVENT")[1]
    only_first = first + b"BEGIN:VEVENT" + second + b"END:VCALENDAR\r\n"
    r = importer(db).import_feed(hotel.property_id, "DBL", "airbnb", only_first, DESK)
    assert (r.new, r.changed, r.cancelled, r.unchanged) == (0, 1, 1, 0)
    assert held(db) == [("1418fb94e984-7b1c2a9e3f1d4b2c8a0e@airbnb.com", D("2026-06-03"), D("2026-06-07"), "Reserved")]
    with db.session() as s:
        assert s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "cancel")) == 1
    r = importer(db).import_feed(hotel.property_id, "DBL", "airbnb", only_first, DESK)
    assert (r.new, r.changed, r.cancelled, r.unchanged) == (0, 0, 0, 1)
    # Another feed on the same room type is another channel: it does not cancel airbnb's.
    importer(db).import_feed(hotel.property_id, "DBL", "booking", (FEEDS / "booking.ics").read_bytes(), DESK)
    assert len(held(db)) == 1 and len(held(db, "ical:booking")) == 2


def test_vrbo_feed_and_overbooking_flag(db, hotel):
    importer(db).import_feed(hotel.property_id, "TWN", "vrbo", (FEEDS / "vrbo.ics").read_bytes(), DESK)
    # TWN has one room: a second feed on the same nights is stored and flagged, never dropped.
    other = (FEEDS / "vrbo.ics").read_bytes().replace(b"62a7c1b0", b"99999999")
    r = importer(db).import_feed(hotel.property_id, "TWN", "vrbo2", other, DESK)
    assert r.new == 2 and r.overbooked == 2
    assert held(db, "ical:vrbo") == [("62a7c1b0-vrbo-blk-002", D("2026-06-28"), D("2026-06-29"), "Blocked"),
                                     ("62a7c1b0-vrbo-res-001", D("2026-06-25"), D("2026-06-28"), "Reserved - Jane")]


BAD = {
    "html": (b"<!DOCTYPE html><html><body>Sign in</body></html>", "not an iCalendar"),
    "big": (b"BEGIN:VCALENDAR\r\n" + b"X-PAD:" + b"x" * (5 * 1024 * 1024) + b"\r\nEND:VCALENDAR\r\n", "5 MB"),
    "date": ((FEEDS / "booking.ics").read_bytes().replace(b"20260618", b"20260231"), "invalid date"),
    "long": ((FEEDS / "booking.ics").read_bytes().replace(b"DTEND;VALUE=DATE:20260618", b"DTEND;VALUE=DATE:20270618"),
             "longer than 365"),
    "bytes": ((FEEDS / "booking.ics").read_bytes().replace(b"CLOSED", b"CL\xff\xfeD"), "not UTF-8"),
    # A download cut off in the second event: importing the first would cancel the second.
    "cut": ((FEEDS / "booking.ics").read_bytes().split(b"DTSTART;VALUE=DATE:20260620")[0], "cut off"),
    "unbalanced": ((FEEDS / "booking.ics").read_bytes().replace(b"END:VEVENT\n", b"END:VTODO\n", 1), "closes nothing"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_feed_is_refused_and_changes_nothing(db, hotel, case):
    importer(db).import_feed(hotel.property_id, "DBL", "booking", (FEEDS / "booking.ics").read_bytes(), DESK)
    before = ledger(db)
    body, message = BAD[case]
    with pytest.raises(UserError, match=message) as refused:
        importer(db).import_feed(hotel.property_id, "DBL", "booking", body, DESK)
    assert refused.value.message_zh
    assert ledger(db) == before  # in particular: nothing cancelled by "disappearance"
    with pytest.raises(UserError):  # a new feed's channel is not created either
        importer(db).import_feed(hotel.property_id, "DBL", "fresh", body, DESK)
    assert ledger(db) == before


def test_round_trip_export_then_import_into_another_database(db, hotel, tmp_path):
    with db.session() as s:
        for first, stop, room in [(2, 5, "201"), (2, 4, "202"), (8, 9, "201"), (8, 9, "202")]:
            s.add(Reservation(property_id=hotel.property_id, source="phone", room_type_id=hotel.types["DBL"],
                              room_id=hotel.rooms[room], arrival=TODAY + timedelta(days=first),
                              departure=TODAY + timedelta(days=stop), guest_name="x"))
    calendar = CalendarServices(db, clock=lambda: CLOCK_NOW)
    body = IcalExportService(db, calendar.availability, clock=lambda: CLOCK_NOW).room_type_feed(
        hotel.property_id, "DBL", start=TODAY, end=TODAY + timedelta(days=30))
    # Read back by the exporting database itself: its own UIDs are skipped (no loop).
    own = importer(db).import_feed(hotel.property_id, "DBL", "self", body, DESK)
    assert (own.new, own.skipped_own) == (0, 2)

    second = open_database(f"sqlite:///{tmp_path / 'second.sqlite3'}")
    try:
        other = build_ledger_hotel(second)
        with second.session() as s:
            s.get(Property, other.property_id).code = "T2"
        r = importer(second).import_feed(other.property_id, "TWN", "t1-dbl", body, DESK)
        assert r.new == 2
        full_in_first = {TODAY + timedelta(days=n) for n in (2, 3, 8)}
        taken = set()
        for _uid, arrival, departure, _notes in held(second, "ical:t1-dbl"):
            taken |= {arrival + timedelta(days=n) for n in range((departure - arrival).days)}
        assert taken == full_in_first
        snapshot = CalendarServices(second, clock=lambda: CLOCK_NOW).availability.snapshot(
            other.property_id, TODAY, TODAY + timedelta(days=30), [other.types["TWN"]])
        row = snapshot.row_of(other.types["TWN"])
        sold_out = {snapshot.days[c].night for c in range(len(snapshot.days)) if snapshot.cell(row, c).rooms_to_sell == 0}
        assert sold_out == full_in_first
    finally:
        second.dispose()


@pytest.fixture
def feed_server(tmp_path):
    (tmp_path / "cal.ics").write_bytes((FEEDS / "airbnb.ics").read_bytes())
    (tmp_path / "page.html").write_bytes(BAD["html"][0])
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_cli_import_file_and_url(sqlite_url, tmp_path, capsys, feed_server, monkeypatch):
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    assert main(["--db", sqlite_url, "ical", "import", "--room-type", "RTS", "--name", "airbnb",
                 "--url", f"{feed_server}/cal.ics"]) == 0
    assert capsys.readouterr().out.strip() == "airbnb: 2 new, 0 changed, 0 cancelled, 0 unchanged"
    assert main(["--db", sqlite_url, "ical", "import", "--room-type", "RTS", "--name", "airbnb",
                 str(FEEDS / "airbnb.ics")]) == 0
    assert capsys.readouterr().out.strip() == "airbnb: 0 new, 0 changed, 0 cancelled, 2 unchanged"
    assert main(["--db", sqlite_url, "ical", "import", "--room-type", "RTS", "--name", "airbnb",
                 "--url", f"{feed_server}/page.html"]) != 0
    assert "not an iCalendar" in capsys.readouterr().err
    assert main(["--db", sqlite_url, "ical", "import", "--room-type", "RTS", "--name", "airbnb",
                 "--url", f"{feed_server}/missing.ics"]) != 0
    assert "answered 404" in capsys.readouterr().err


def test_channel_add_protocol_ical_reads_the_feed_as_ical_import_does(sqlite_url, capsys, feed_server, monkeypatch):
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    assert main(["--db", sqlite_url, "channel", "add", "vrbo", "--protocol", "ical",
                 "--endpoint", f"{feed_server}/cal.ics"]) == 2
    assert "needs --room-type" in capsys.readouterr().err  # refused before anything is stored
    assert main(["--db", sqlite_url, "channel", "add", "vrbo", "--protocol", "ical",
                 "--endpoint", f"{feed_server}/cal.ics", "--room-type", "RTS"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Channel ical:vrbo added (ical,") and "2 booking(s) read" in out
    db = open_database(sqlite_url)
    try:
        assert len(held(db, "ical:vrbo")) == 2
        with db.session() as s:
            channel = s.scalar(select(Channel).where(Channel.name == "ical:vrbo"))
            assert channel.protocol == "ical" and channel.endpoint == f"{feed_server}/cal.ics"  # polled on sync
    finally:
        db.dispose()
    assert main(["--db", sqlite_url, "channel", "add", "h9", "--endpoint", "http://127.0.0.1:9/ota/H9"]) == 2
    assert "--hotel-code is needed for protocol opentravel" in capsys.readouterr().err
