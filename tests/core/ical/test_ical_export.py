from datetime import date, datetime, timedelta, timezone

import icalendar
import pytest

from channelmgr.cli import main
from channelmgr.db.models import CalendarDay, Reservation, ReservationStatus, RoomOutOfOrder
from channelmgr.errors import NotFound
from channelmgr.ical.service import IcalExportService
from channelmgr.inventory.calendar_services import CalendarServices
from tests.support.ledger import CLOCK_NOW, TODAY, build_ledger_hotel

D = lambda n: TODAY + timedelta(days=n)  # noqa: E731


@pytest.fixture
def hotel(db):
    hotel = build_ledger_hotel(db)
    with db.session() as s:
        # DBL has rooms 201, 202. Both booked nights +2..+4; 201 alone +10..+12; a repair on 202 +11..+13.
        for room, first, stop, guest in [("201", 2, 5, "王小明"), ("202", 2, 5, "李雷"), ("201", 10, 12, "韩梅梅")]:
            s.add(Reservation(property_id=hotel.property_id, source="phone", room_type_id=hotel.types["DBL"],
                              room_id=hotel.rooms[room], arrival=D(first), departure=D(stop), guest_name=guest,
                              guest_phone="13800000000", amount_minor=99900))
        s.add(Reservation(property_id=hotel.property_id, source="phone", room_type_id=hotel.types["DBL"],
                          room_id=hotel.rooms["201"], arrival=D(20), departure=D(22), guest_name="取消",
                          status=ReservationStatus.CANCELLED))
        s.add(RoomOutOfOrder(room_id=hotel.rooms["202"], start_date=D(11), end_date=D(13), reason="repair"))
        # The owner closed DBL on +30 (stop-sell).
        s.add(CalendarDay(room_type_id=hotel.types["DBL"], night=D(30), stop_sell=True))
    return hotel


def service(db, now=CLOCK_NOW):
    return IcalExportService(db, CalendarServices(db, clock=lambda: now).availability, clock=lambda: now)


def events(body: bytes) -> list[tuple[str, date, date, str]]:
    cal = icalendar.Calendar.from_ical(body)
    return sorted(((str(e["uid"]), e["dtstart"].dt, e["dtend"].dt, str(e["summary"])) for e in cal.walk("VEVENT")),
                  key=lambda e: e[1])


def test_room_type_feed_has_full_nights_only_with_exclusive_dtend(db, hotel):
    body = service(db).room_type_feed(hotel.property_id, "DBL", start=TODAY, end=D(60))
    assert events(body) == [
        ("T1-DBL-booked-20260603@channelmgr", D(2), D(5), "Reserved"),  # both rooms; checks out on +5
        ("T1-DBL-blocked-20260612@channelmgr", D(11), D(12), "Not available"),  # 201 booked + 202 repaired
        ("T1-DBL-blocked-20260701@channelmgr", D(30), D(31), "Not available"),  # stop-sell, one night
    ]
    cal = icalendar.Calendar.from_ical(body)
    assert [e["dtstamp"].dt for e in cal.walk("VEVENT")] == [CLOCK_NOW] * 3
    assert body.count(b"DTSTART;VALUE=DATE:") == body.count(b"DTEND;VALUE=DATE:") == 3


def test_room_feed_adds_its_own_bookings_and_repairs(db, hotel):
    body = service(db).room_type_feed(hotel.property_id, "DBL", room_number="202", start=TODAY, end=D(60))
    assert [(e[1], e[2], e[3]) for e in events(body)] == [
        (D(2), D(5), "Reserved"), (D(11), D(13), "Not available"),  # its own repair
        (D(30), D(31), "Not available")]  # the whole type stop-sold
    # Room 201's stays 10..12 are its own bookings.
    body201 = service(db).room_type_feed(hotel.property_id, "DBL", room_number="201", start=TODAY, end=D(60))
    assert (D(10), D(12), "Reserved") in [(e[1], e[2], e[3]) for e in events(body201)]
    assert all(uid.startswith("T1-DBL-201-") for uid, *_ in events(body201))


def test_uids_are_stable_across_exports_and_no_guest_data_leaves(db, hotel):
    first = service(db).room_type_feed(hotel.property_id, "DBL", start=TODAY, end=D(60))
    later = service(db, CLOCK_NOW + timedelta(hours=5)).room_type_feed(hotel.property_id, "DBL", start=TODAY, end=D(60))
    assert [e[0] for e in events(first)] == [e[0] for e in events(later)]
    assert first != later  # only DTSTAMP moved
    text = first.decode()
    for private in ("王小明", "李雷", "韩梅梅", "13800000000", "999", "取消"):
        assert private not in text


def test_unknown_room_type_or_room_is_refused(db, hotel):
    with pytest.raises(NotFound, match="No room type XXX"):
        service(db).room_type_feed(hotel.property_id, "XXX")
    with pytest.raises(NotFound, match="No room 999 in room type DBL"):
        service(db).room_type_feed(hotel.property_id, "DBL", room_number="999")


def test_cli_export_writes_the_file_atomically(sqlite_url, tmp_path, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    out = tmp_path / "feed.ics"
    assert main(["--db", sqlite_url, "ical", "export", "--room-type", "RTS", "-o", str(out)]) == 0
    assert f"Wrote {out}" in capsys.readouterr().out
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert str(cal["prodid"]).startswith("-//channelmgr")
    assert not list(tmp_path.glob(".feed.ics.*"))  # no temporary left behind
    assert main(["--db", sqlite_url, "ical", "export", "--room-type", "RTS", "-o", str(tmp_path / "x.txt")]) == 2
    assert "must end in .ics" in capsys.readouterr().err
    assert main(["--db", sqlite_url, "ical", "export", "--room-type", "RTS", "-o", str(tmp_path / "nope" / "f.ics")]) != 0
    assert not (tmp_path / "nope").exists()
