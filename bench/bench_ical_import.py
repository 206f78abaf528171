"""iCal import: 50 feeds of 200 events each (issue 12 target: < 2 s), first import and re-poll.

- first: every event new — 10,000 channel bookings written through channel ingest (revisions,
  audit, room assignment) in one transaction per feed;
- again: the same feeds polled again with nothing changed (a host that sends no ETag), the
  steady state of a scheduler poll;
- floor: icalendar's own parse of the same 50 bodies (Calendar.from_ical), the least any import
  must do; printed with the ratios.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import icalendar  # noqa: E402

from channelmgr.actor import SYSTEM  # noqa: E402
from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.db.models import Property, RatePlan, Room, RoomType  # noqa: E402
from channelmgr.ical.feed_import import import_feed  # noqa: E402

FEEDS, EVENTS = 50, 200
TODAY = date(2027, 1, 4)


def feed(number: int) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN", "CALSCALE:GREGORIAN"]
    for i in range(EVENTS):
        start = TODAY + timedelta(days=2 * i)
        lines += ["BEGIN:VEVENT", f"UID:bench-{number}-{i}@host.example", f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}", "SUMMARY:Reserved", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def build(db) -> int:
    with db.session() as s:
        prop = Property(code="B1", name_zh="压测民宿", currency="CNY", timezone="Asia/Shanghai")
        s.add(prop)
        s.flush()
        for n in range(FEEDS):
            rt = RoomType(property_id=prop.id, code=f"R{n:02d}", name_zh=f"房型{n}", name_en=f"R{n}", sort_order=n)
            s.add(rt)
            s.flush()
            s.add(RatePlan(room_type_id=rt.id, code="BAR", name_zh="标准价", base_price_minor=38800))
            s.add(Room(property_id=prop.id, room_type_id=rt.id, number=f"{n:03d}"))
        return prop.id


def import_all(db, pid, bodies):
    counts = [0, 0]
    for n, body in enumerate(bodies):
        r = import_feed(db, pid, f"R{n:02d}", f"host{n}", body, SYSTEM, TODAY)
        counts[0] += r.new
        counts[1] += r.unchanged
    return counts


def main() -> None:
    bodies = [feed(n) for n in range(FEEDS)]
    floors = []
    for _ in range(5):
        started = time.perf_counter()
        for body in bodies:
            icalendar.Calendar.from_ical(body)
        floors.append(time.perf_counter() - started)
    floor = statistics.median(floors)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        pid = build(db)
        started = time.perf_counter()
        new, _ = import_all(db, pid, bodies)
        first = time.perf_counter() - started
        agains = []
        for _ in range(3):
            started = time.perf_counter()
            _, unchanged = import_all(db, pid, bodies)
            agains.append(time.perf_counter() - started)
        again = statistics.median(agains)
        db.dispose()
    assert new == FEEDS * EVENTS and unchanged == FEEDS * EVENTS, (new, unchanged)
    print(f"METRIC ical_import_first_50x200 {first * 1000:.1f} ms")
    print(f"METRIC ical_import_again_50x200 {again * 1000:.1f} ms")
    print(f"METRIC ical_parse_floor_50x200 {floor * 1000:.1f} ms")
    print(f"METRIC ical_import_first_ratio {first / floor:.2f} x")
    print(f"METRIC ical_import_again_ratio {again / floor:.2f} x")


if __name__ == "__main__":
    main()
