"""iCal import: 50 feeds of 200 events each (issue 12 target: < 2 s), first import and re-poll.

- first: every event new — 10,000 channel bookings written through channel ingest (revisions,
  audit, room assignment) in one transaction per feed;
- again: the same feeds polled again with nothing changed (a host that sends no ETag), the
  steady state of a scheduler poll;
- floors: icalendar's whole-Calendar parse of the same 50 bodies (Calendar.from_ical, what the
  import did until it read the content lines itself: the ratio of earlier notes), and icalendar's
  unfolding of the bodies into content lines (Contentlines.from_ical), which no reading of a feed
  through the library can skip; each printed with its ratio;
- write floor: the rows the first import wrote (channels, mappings, reservations, revisions, audit
  entries) written again into a copy of the empty database by the driver's bare executemany, in
  fifty transactions — what any import of these events must write, with no reading, locking,
  counting or checking; printed with its ratio, the figure the first import is up against now
  that reading the feeds is a tenth of it;
- poll: the scheduler's steady state — FeedPoller over HTTP on 127.0.0.1 from a host that sends
  no ETag (the worst case: whole downloads), the feeds unchanged; floor: bare GETs of the same 50.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import threading  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402

import icalendar  # noqa: E402
from icalendar.parser import Contentlines  # noqa: E402
import requests  # noqa: E402

from channelmgr.actor import SYSTEM  # noqa: E402
from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.db.models import Property, RatePlan, Room, RoomType  # noqa: E402
from channelmgr.db.models import AuditEntry, Channel, ChannelMapping, Reservation, ReservationRevision  # noqa: E402
from channelmgr.ical.feed_import import import_feed  # noqa: E402
from channelmgr.ical.feed_poll import FeedPoller  # noqa: E402

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


WRITTEN = [model.__table__.name for model in (Channel, ChannelMapping, Reservation, ReservationRevision, AuditEntry)]


def written_rows(db) -> dict[str, tuple[list[str], list[tuple]]]:
    """What the import wrote, table by table, ids and all (the foreign keys stay true)."""
    raw = db.engine.raw_connection()
    try:
        out = {}
        for table in WRITTEN:
            cursor = raw.cursor()
            cursor.execute(f"SELECT * FROM {table} ORDER BY id")
            out[table] = ([d[0] for d in cursor.description], cursor.fetchall())
        return out
    finally:
        raw.close()


def write_floor(empty_copy: Path, rows: dict[str, tuple[list[str], list[tuple]]]) -> float:
    """Seconds to write ``rows`` into ``empty_copy`` with the app's pragmas, in FEEDS transactions."""
    db = open_database(f"sqlite:///{empty_copy}")
    raw = db.engine.raw_connection()
    try:
        started = time.perf_counter()
        for part in range(FEEDS):
            cursor = raw.cursor()
            for table in WRITTEN:
                columns, data = rows[table]
                size = -(-len(data) // FEEDS)
                chunk = data[part * size:(part + 1) * size]
                if chunk:
                    cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) "
                                       f"VALUES ({', '.join('?' * len(columns))})", chunk)
            raw.commit()
        return time.perf_counter() - started
    finally:
        raw.close()
        db.dispose()


def serve(bodies):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a poller's session uses it
        disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms wait for an ACK

        def do_GET(self):
            body = bodies[int(self.path.strip("/").split(".")[0])]
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def main() -> None:
    bodies = [feed(n) for n in range(FEEDS)]
    floors = []
    for _ in range(5):
        started = time.perf_counter()
        for body in bodies:
            icalendar.Calendar.from_ical(body)
        floors.append(time.perf_counter() - started)
    floor = statistics.median(floors)
    lines_floors = []
    for _ in range(5):
        started = time.perf_counter()
        for body in bodies:
            Contentlines.from_ical(body.decode())
        lines_floors.append(time.perf_counter() - started)
    lines_floor = statistics.median(lines_floors)
    with tempfile.TemporaryDirectory() as tmp:
        # A first import needs an empty database each time: three of them, the median counts (the
        # machines are shared, and one run is at the mercy of a neighbour's burst).
        firsts, writes = [], []
        for run in range(3):
            path = Path(tmp) / f"bench{run}.sqlite3"
            db = open_database(f"sqlite:///{path}")
            pid = build(db)
            db.dispose()
            empty = Path(tmp) / f"floor{run}.sqlite3"
            shutil.copyfile(path, empty)
            started = time.perf_counter()
            new, _ = import_all(db, pid, bodies)
            firsts.append(time.perf_counter() - started)
            writes.append(write_floor(empty, written_rows(db)))
            if run < 2:
                db.dispose()
        first, write = statistics.median(firsts), statistics.median(writes)
        agains = []
        for _ in range(3):
            started = time.perf_counter()
            _, unchanged = import_all(db, pid, bodies)
            agains.append(time.perf_counter() - started)
        again = statistics.median(agains)
        server, base = serve(bodies)
        try:
            session = requests.Session()
            with db.session() as s:
                ids = {c.name: c.id for c in s.query(Channel)}
            poller = FeedPoller(db)

            def poll_all():
                for n in range(FEEDS):
                    result = poller.poll(ids[f"ical:host{n}"], f"ical:host{n}", pid, f"{base}/{n}.ics", SYSTEM,
                                         TODAY, session=session)
                    assert result.failure is None, result.failure

            poll_all()  # the poller's first poll imports (all unchanged); later ones find the same bytes
            polls, gets = [], []
            for _ in range(5):
                started = time.perf_counter()
                poll_all()
                polls.append(time.perf_counter() - started)
                started = time.perf_counter()
                for n in range(FEEDS):
                    session.get(f"{base}/{n}.ics").content
                gets.append(time.perf_counter() - started)
            poll, get = statistics.median(polls), statistics.median(gets)
        finally:
            server.shutdown()
            server.server_close()
        db.dispose()
    print(f"METRIC ical_poll_unchanged_50 {poll * 1000:.1f} ms")
    print(f"METRIC ical_http_get_floor_50 {get * 1000:.1f} ms")
    print(f"METRIC ical_poll_ratio {poll / get:.2f} x")
    assert new == FEEDS * EVENTS and unchanged == FEEDS * EVENTS, (new, unchanged)
    print(f"METRIC ical_import_first_50x200 {first * 1000:.1f} ms")
    print(f"METRIC ical_import_again_50x200 {again * 1000:.1f} ms")
    print(f"METRIC ical_parse_floor_50x200 {floor * 1000:.1f} ms")
    print(f"METRIC ical_import_first_ratio {first / floor:.2f} x")
    print(f"METRIC ical_import_again_ratio {again / floor:.2f} x")
    print(f"METRIC ical_write_floor_50x200 {write * 1000:.1f} ms")
    print(f"METRIC ical_import_first_vs_write_floor {first / write:.2f} x")
    print(f"METRIC ical_content_lines_floor_50x200 {lines_floor * 1000:.1f} ms")
    print(f"METRIC ical_import_first_vs_content_lines {first / lines_floor:.2f} x")


if __name__ == "__main__":
    main()
