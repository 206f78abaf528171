"""The reservation ledger at scale, in a temporary SQLite file (WAL).

Prints ``METRIC name value unit`` lines, each figure with the floor it is up against, measured in
the same run, and the ratio:

* ingesting 10,000 channel reservations (new bookings over a year on 10 room types × 20 rooms,
  each checked for availability, assigned a room, with its revision and audit rows; target < 5 s);
  floor: a bare executemany of 10,000 reservation rows in one transaction;
* the bookings list of 20,000 rows: time until they are shown in the Reservations page's
  model/view (service fetch + model + proxy + view laid out), and time to filter them by a search
  text (target < 200 ms); floor: the raw DB-API fetch of the same rows.

Runs offscreen unless DISPLAY is set.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from channelmgr.actor import Actor  # noqa: E402
from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.db.models import Channel, ChannelMapping, Property, RatePlan, Room, RoomType  # noqa: E402
from channelmgr.reservations.channel_ingest import IngestOutcome  # noqa: E402
from channelmgr.reservations.service import ReservationService  # noqa: E402

INGESTED = 10_000
LISTED = 20_000
TYPES, ROOMS_PER_TYPE = 10, 20
RUNS = 5
SEED = 20261124
TODAY = date(2031, 1, 6)
NOW = datetime(2031, 1, 6, 4, 0, tzinfo=timezone.utc)  # noon in Shanghai


def metric(name: str, value: float, unit: str) -> None:
    print(f"METRIC {name} {value:.2f} {unit}", flush=True)


def median_ms(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def build_hotel(db) -> tuple[int, int, list[int]]:
    with db.session() as s:
        prop = Property(code="BENCH", name_zh="压测民宿", currency="CNY")
        s.add(prop)
        s.flush()
        channel = Channel(property_id=prop.id, name="ctrip", protocol="opentravel")
        s.add(channel)
        s.flush()
        type_ids = []
        for t in range(TYPES):
            rt = RoomType(property_id=prop.id, code=f"T{t:02d}", name_zh=f"房型{t}", sort_order=t)
            s.add(rt)
            s.flush()
            plan = RatePlan(room_type_id=rt.id, code="BAR", name_zh="标准价", base_price_minor=38800)
            s.add(plan)
            s.flush()
            s.add_all(Room(property_id=prop.id, room_type_id=rt.id, number=f"{t + 1}{n:02d}") for n in range(ROOMS_PER_TYPE))
            s.add(ChannelMapping(channel_id=channel.id, room_type_id=rt.id, rate_plan_id=plan.id,
                                 remote_room=f"R{t:02d}", remote_rate="BAR"))
            type_ids.append(rt.id)
        return prop.id, channel.id, type_ids


def channel_bookings(n: int, rng: random.Random) -> list[dict]:
    bookings = []
    for i in range(n):
        arrival = TODAY + timedelta(days=rng.randrange(365))
        nights = rng.randint(1, 4)
        bookings.append({
            "remote_id": f"CTRIP-{i:06d}", "status": "Book", "created": "2031-01-05T10:00:00+08:00",
            "modified": "2031-01-05T10:00:00+08:00",
            "rooms": [{"room_code": f"R{rng.randrange(TYPES):02d}", "rate_code": "BAR", "arrival": arrival,
                       "departure": arrival + timedelta(days=nights), "nights": nights, "adults": 2, "children": 0,
                       "amount_minor": 38800 * nights, "currency": "CNY"}],
            "guest": {"given_name": f"客{i}", "surname": "王", "phone": f"138{i:08d}", "email": None},
            "total_minor": 38800 * nights, "currency": "CNY", "comments": [], "problems": [],
        })
    return bookings


def floor_executemany(path: Path, property_id: int, channel_id: int, type_ids: list[int], rng: random.Random) -> float:
    """A bare executemany of INGESTED reservation rows, one transaction: the least storing can cost."""
    now = datetime(2031, 1, 5, 2, 0).isoformat(sep=" ")
    rows = []
    for i in range(INGESTED):
        arrival = TODAY + timedelta(days=rng.randrange(365))
        departure = arrival + timedelta(days=rng.randint(1, 4))
        rows.append((property_id, channel_id, "channel", f"FLOOR-{i:06d}", f"FLOOR-{i:06d}", "1", rng.choice(type_ids),
                     arrival.isoformat(), departure.isoformat(), 2, 0, f"王客{i}", f"139{i:08d}", 38800, "CNY", 0,
                     "confirmed", 0, "", now, now))
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    start = time.perf_counter()
    con.executemany(
        "INSERT INTO reservation (property_id, channel_id, source, remote_id, remote_booking_id, revision, room_type_id,"
        " arrival, departure, adults, children, guest_name, guest_phone, amount_minor, currency, commission_minor,"
        " status, overbooked, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    con.commit()
    elapsed = (time.perf_counter() - start) * 1000
    con.close()
    return elapsed


def raw_fetch(path: Path, property_id: int) -> int:
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT r.id, r.source, r.remote_id, r.arrival, r.departure, r.adults, r.children, r.guest_name,"
        " r.amount_minor, r.currency, r.status, r.overbooked, r.guest_phone, r.revision, r.created_at, r.notes,"
        " r.room_id, t.code, m.number, c.name FROM reservation r JOIN room_type t ON t.id = r.room_type_id"
        " LEFT JOIN room m ON m.id = r.room_id LEFT JOIN channel c ON c.id = r.channel_id"
        " WHERE r.property_id = ? ORDER BY r.arrival, r.id", (property_id,)
    ).fetchall()
    con.close()
    return len(rows)


def main() -> None:
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        db = open_database(f"sqlite:///{path}")
        property_id, channel_id, type_ids = build_hotel(db)
        ledger = ReservationService(db, clock=lambda: NOW)
        bookings = channel_bookings(INGESTED, rng)

        start = time.perf_counter()
        report = ledger.ingest(channel_id, bookings, Actor("bench", "pull"))
        ingest_ms = (time.perf_counter() - start) * 1000
        stored = len(report.to_acknowledge)
        overbooked = report.count(IngestOutcome.OVERBOOKED)
        assert stored == INGESTED, f"only {stored} of {INGESTED} acknowledged"
        floor_ms = floor_executemany(path, property_id, channel_id, type_ids, rng)
        metric("ingest_10k_reservations", ingest_ms, "ms")
        metric("ingest_10k_floor_executemany", floor_ms, "ms")
        metric("ingest_10k_ratio", ingest_ms / floor_ms, "x")
        metric("ingest_10k_overbooked_flagged", overbooked, "bookings")
        start = time.perf_counter()
        again = ledger.ingest(channel_id, bookings, Actor("bench", "pull"))
        metric("ingest_10k_redelivered_unchanged", (time.perf_counter() - start) * 1000, "ms")
        assert again.count(IngestOutcome.UNCHANGED) == INGESTED

        assert raw_fetch(path, property_id) == LISTED
        fetch_ms = median_ms(lambda: raw_fetch(path, property_id))
        shown_ms, filter_ms = list_in_the_page(db, property_id)
        metric("list_20k_raw_fetch_floor", fetch_ms, "ms")
        metric("list_20k_time_to_shown", shown_ms, "ms")
        metric("list_20k_time_to_shown_ratio", shown_ms / fetch_ms, "x")
        metric("list_20k_filter", filter_ms, "ms")
        metric("list_20k_filter_ratio", filter_ms / fetch_ms, "x")
        db.dispose()


def list_in_the_page(db, property_id: int) -> tuple[float, float]:
    """The Reservations page's bookings panel: load, show, then filter by typing a search."""
    from PySide6.QtWidgets import QApplication

    from channelmgr.services import Services
    from ui.app import build_context
    from ui.reservations.bookings_panel import BookingsPanel

    app = QApplication.instance() or QApplication([])
    services = Services(db)
    ctx = build_context(services)
    panel = BookingsPanel(ctx)
    panel.resize(1400, 900)
    panel.show()
    app.processEvents()

    def show() -> None:
        rows = services.reservations.list(property_id)
        panel.show_rows(rows, services.reservations.channels(property_id))
        app.processEvents()
        assert panel.model.rowCount() == LISTED

    shown_ms = median_ms(show)
    searches = iter(["王客1", "王客12", "139000", "ctrip-0042", "客7"] * 3)

    def type_search() -> None:
        panel.search.setText(next(searches))
        app.processEvents()

    def clear() -> None:
        panel.search.clear()
        app.processEvents()

    times = []
    for _ in range(RUNS):
        clear()
        times.append(median_ms(type_search, 1))
    panel.close()
    ctx.db_tasks.wait()
    return shown_ms, statistics.median(times)


if __name__ == "__main__":
    main()
