"""A room type archived on one desk while a calendar feed books it: never archived with a guest to come.

Archiving checks that no room and no upcoming booking is left, then writes. On SQLite that check
was not held back (PostgreSQL already locks the row, FOR UPDATE, and a sale locks it too): a
booking committed between the check and the write left an archived type that a guest is still to
arrive in, hidden from the calendar. Desk A is a real iCal import into the type (an empty type:
the booking is stored, flagged overbooked, as every channel booking is), held between its plan
and its write; desk B is the real RoomTypeService.set_archived, its meeting point right after its
check (tests/support/desk_race.py).
"""

from __future__ import annotations

from datetime import timedelta

from channelmgr.db.models import RoomType
from channelmgr.ical.feed_import import import_feed
from channelmgr.inventory.nights import property_today, utc_now
from channelmgr.reservations import channel_ingest
from channelmgr.roomtypes import service as room_type_service
from channelmgr.roomtypes.service import RoomTypeError
from tests.support.desk_race import DeskRace, sqlite_b_waits


def _feed(start) -> bytes:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:race-1@host.example\r\n"
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}\r\nDTEND;VALUE=DATE:{start + timedelta(days=2):%Y%m%d}\r\n"
            "SUMMARY:Reserved\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode()


def test_archiving_waits_for_a_booking_being_written(services, pid, actor, monkeypatch):
    empty = services.room_types.create(actor, pid, {"room_code": "OLD", "name_zh": "旧房型", "max_occupancy": 2})
    with services.db.session() as s:
        today = property_today(s, pid, utc_now)
    race = DeskRace(sqlite_b_waits)
    monkeypatch.setattr(channel_ingest, "insert_rows", race.between_plan_and_write(channel_ingest.insert_rows))
    monkeypatch.setattr(room_type_service, "_check_can_archive",
                        race.between_plan_and_write(room_type_service._check_can_archive))

    def archive():
        try:
            return services.room_types.set_archived(actor, empty.id, True)
        except RoomTypeError as refused:  # what B must do once A's booking is there
            return refused

    results = race.run(lambda: import_feed(services.db, pid, "OLD", "race", _feed(today + timedelta(days=3)),
                                           actor, today),
                       archive)

    assert results["A"].new == 1
    with services.db.session() as s:
        archived = s.get(RoomType, empty.id).archived
    assert not archived, "archived while a guest is still to come"
    assert isinstance(results["B"], RoomTypeError) and "upcoming" in str(results["B"])
