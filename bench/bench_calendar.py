"""The room-state calendar at scale: 100 room types × 730 nights in a temporary SQLite file.

Prints ``METRIC name value unit`` lines, each figure with the floor it is up against, measured in
the same run, and the ratio:

* snapshot of a 60-night window and of the 730-night horizon (targets < 100 ms / < 300 ms);
  floor: the raw DB-API fetch of the same calendar_day / reservation / price rows;
* painting a 100 × 60 grid offscreen (target < 16 ms per repaint); floor: rendering an empty
  QTableView of the same pixel size; and, for scale, one 1400 × 800 screen of the calendar;
* a bulk edit of a whole year for all 100 room types, committed (target < 200 ms); floor: a bare
  executemany of the same number of rows into a table of the same shape;
* memory of the calendar model holding the full horizon (tracemalloc).

Medians of several runs. Runs offscreen unless DISPLAY is set. ``--paint-only``: the model and
painting figures alone (the data is still built).
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from channelmgr.actor import Actor  # noqa: E402
from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation  # noqa: E402
from channelmgr.inventory.calendar_services import CalendarServices  # noqa: E402

TYPES = 100
HORIZON = 730
WINDOW = 60
RUNS = 7
SEED = 20261124
TODAY = date(2031, 1, 6)  # fixed: the synthetic data and the clock agree whatever the real date
NOW = datetime(2031, 1, 6, 4, 0, tzinfo=timezone.utc)  # noon in Shanghai


def median_ms(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def metric(name: str, value: float, unit: str) -> None:
    print(f"METRIC {name} {value:.2f} {unit}", flush=True)


def build_property(path: Path) -> None:
    """100 room types of 4–16 rooms, two plans each, ~35 % booked, some closes, repairs, prices."""
    rng = random.Random(SEED)
    db = open_database(f"sqlite:///{path}")
    db.dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO property (id, code, name_zh, name_en, currency, timezone, address, phone, created_at) "
                "VALUES (1, 'BENCH', '基准民宿', 'Bench', 'CNY', 'Asia/Shanghai', '', '', '2031-01-01')")
    types, rooms, plans, bookings, days, overrides, repairs = [], [], [], [], [], [], []
    room_id = 0
    for t in range(1, TYPES + 1):
        types.append((t, 1, f"T{t:03d}", f"房型{t:03d}", f"Type {t}", t, 0, "{}", "2031-01-01"))
        count = rng.randint(4, 16)
        type_rooms = []
        for n in range(count):
            room_id += 1
            type_rooms.append(room_id)
            rooms.append((room_id, 1, t, f"{t:03d}{n:02d}", n % 5 + 1, "clean", ""))
        plans.append((2 * t - 1, t, "BAR", "标准价", "", rng.randint(200, 1500) * 100, None, None, None, 0, "{}"))
        plans.append((2 * t, t, "BB", "含早", "", None, 2 * t - 1, "amount", "4000", 1, "{}"))
        for _ in range(int(count * HORIZON * 0.35 / 2.5)):
            arrival = TODAY + timedelta(days=rng.randint(-10, HORIZON))
            nights = rng.randint(1, 4)
            bookings.append((1, "phone", t, str(arrival), str(arrival + timedelta(days=nights)), "guest",
                             rng.choice(["confirmed", "confirmed", "confirmed", "cancelled", "checked_in"])))
        for offset in rng.sample(range(HORIZON), HORIZON // 10):
            night = str(TODAY + timedelta(days=offset))
            days.append((t, night, rng.randint(0, 2), rng.random() < 0.3, rng.choice([None, 2]), None,
                         rng.random() < 0.1, rng.random() < 0.1))
        for offset in rng.sample(range(HORIZON), HORIZON // 5):
            overrides.append((2 * t - 1, str(TODAY + timedelta(days=offset)), rng.randint(200, 2000) * 100))
        for _ in range(2):
            start = TODAY + timedelta(days=rng.randint(0, HORIZON))
            repairs.append((rng.choice(type_rooms), str(start), str(start + timedelta(days=rng.randint(1, 10))), ""))
    con.executemany("INSERT INTO room_type (id, property_id, code, name_zh, name_en, sort_order, archived, attributes, "
                    "updated_at) VALUES (?,?,?,?,?,?,?,?,?)", types)
    con.executemany("INSERT INTO room (id, property_id, room_type_id, number, floor, status, notes) VALUES (?,?,?,?,?,?,?)",
                    rooms)
    con.executemany("INSERT INTO rate_plan (id, room_type_id, code, name_zh, name_en, base_price_minor, parent_id, "
                    "derive_kind, derive_value, sort_order, settings) VALUES (?,?,?,?,?,?,?,?,?,?,?)", plans)
    con.executemany("INSERT INTO reservation (property_id, source, room_type_id, arrival, departure, guest_name, status, "
                    "revision, adults, children, guest_phone, amount_minor, currency, commission_minor, overbooked, "
                    "notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,'1',2,0,'',0,'CNY',0,0,'','2031-01-01',"
                    "'2031-01-01')", bookings)
    con.executemany("INSERT INTO calendar_day VALUES (?,?,?,?,?,?,?,?)", days)
    con.executemany("INSERT INTO price_override VALUES (?,?,?)", overrides)
    con.executemany("INSERT INTO room_out_of_order (room_id, start_date, end_date, reason) VALUES (?,?,?,?)", repairs)
    con.commit()
    con.close()
    print(f"# {TYPES} room types, {len(rooms)} rooms, {len(bookings)} bookings, {len(days)} calendar days, "
          f"{len(overrides)} price overrides", flush=True)


def raw_fetch(con: sqlite3.Connection, days: int) -> None:
    """The floor of a snapshot: the same rows with the same WHERE, straight from the DB-API cursor."""
    span = (str(TODAY), str(TODAY + timedelta(days=days)))
    types = ",".join(str(t) for t in range(1, TYPES + 1))
    cur = con.cursor()
    cur.execute(f"SELECT * FROM calendar_day WHERE room_type_id IN ({types}) AND night >= ? AND night < ?", span).fetchall()
    cur.execute(f"SELECT room_type_id, arrival, departure FROM reservation WHERE room_type_id IN ({types}) "
                "AND status IN ('confirmed', 'checked_in') AND arrival < ? AND departure > ?", span[::-1]).fetchall()
    cur.execute("SELECT * FROM price_override WHERE rate_plan_id IN (SELECT id FROM rate_plan) AND night >= ? AND night < ?",
                span).fetchall()


def bench_snapshots(calendar: CalendarServices, path: Path) -> None:
    calendar.availability.snapshot(1, TODAY, TODAY + timedelta(days=HORIZON))  # warm caches (holidays, SQL)
    con = sqlite3.connect(path)
    for name, days, target in (("window_60", WINDOW, 100), ("horizon_730", HORIZON, 300)):
        took = median_ms(lambda: calendar.availability.snapshot(1, TODAY, TODAY + timedelta(days=days)))
        floor = median_ms(lambda: raw_fetch(con, days))
        metric(f"snapshot_{name}", took, "ms")
        metric(f"snapshot_{name}_floor_raw_fetch", floor, "ms")
        metric(f"snapshot_{name}_ratio_to_floor", took / floor, "x")
        metric(f"snapshot_{name}_target", target, "ms")
    con.close()


def bench_bulk_edit(calendar: CalendarServices, path: Path) -> None:
    """A whole year of every room type, alternately closed and reopened so every run writes."""
    actor = Actor("bench", "bulk edit")
    first = TODAY + timedelta(days=1)
    ops = [Operation.CLOSE, Operation.OPEN]
    times, cells = [], 0
    for run in range(RUNS):
        request = BulkEditRequest(1, first, first + timedelta(days=364), tuple(range(1, TYPES + 1)), ops[run % 2])
        start = time.perf_counter()
        changes = calendar.bulk_edit.apply(request, actor)
        times.append((time.perf_counter() - start) * 1000)
        cells = max(cells, len(changes))
    took = statistics.median(times[1:])  # later runs: the cells have rows, as in a calendar in use

    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE TABLE scratch AS SELECT * FROM calendar_day WHERE 0")
    rows = [(t, str(first + timedelta(days=d)), 0, 1, None, None, 0, 0) for t in range(TYPES) for d in range(365)]

    def bare() -> None:
        con.execute("DELETE FROM scratch")
        con.executemany("INSERT INTO scratch VALUES (?,?,?,?,?,?,?,?)", rows)
        con.commit()

    floor = median_ms(bare)
    con.close()
    metric("bulk_edit_year_all_types", took, "ms")
    metric("bulk_edit_year_all_types_first_time", times[0], "ms")  # most cells had no row yet
    metric("bulk_edit_year_all_types_cells", cells, "cells")
    metric("bulk_edit_floor_bare_executemany", floor, "ms")
    metric("bulk_edit_ratio_to_floor", took / floor, "x")
    metric("bulk_edit_target", 200, "ms")


def hold_none_for_pyside_612() -> list | None:
    """Extra references to None while painting, where PySide6 needs them.

    PySide6 6.12.0 on CPython 3.11 returns None from every void method without taking a
    reference (from 3.12 None is immortal, so it only shows on 3.11): each call drops one, and the
    process aborts once None's count reaches zero. A full repaint makes some 80,000 such calls.
    Detected here, not assumed; the fix belongs in the project's dependency pins.
    """
    if sys.version_info >= (3, 12):
        return None
    from PySide6.QtCore import QRect

    probe, before = QRect(), sys.getrefcount(None)
    for _ in range(100):
        probe.setWidth(1)
    if sys.getrefcount(None) >= before:
        return None
    print("# PySide6 drops a reference to None per void call on this Python: holding 4M for this run")
    return [None] * 4_000_000


def bench_ui(calendar: CalendarServices) -> None:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QTableView

    from ui.calendar.model import CalendarModel
    from ui.calendar.view import CalendarView
    from ui.fonts import apply_default_font

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_default_font(app)

    tracemalloc.start()
    base = tracemalloc.take_snapshot()
    snapshot = calendar.availability.snapshot(1, TODAY, TODAY + timedelta(days=HORIZON))
    model = CalendarModel()
    model.set_snapshot(snapshot)
    used = sum(s.size_diff for s in tracemalloc.take_snapshot().compare_to(base, "filename"))
    tracemalloc.stop()
    metric("model_memory_full_horizon", used / 2**20, "MiB")
    metric("model_cells", len(snapshot.rows) * len(snapshot.days), "cells")

    # 100 room types × 60 nights all visible at once, at the 30-days-per-screen column width.
    view = CalendarView()
    view.setModel(model)
    view.horizontalHeader().setDefaultSectionSize(40)
    width = view.verticalHeader().sizeHint().width() + WINDOW * 40 + 4
    height = view.horizontalHeader().height() + TYPES * view.rowHeight(0) + 4
    empty = QTableView()
    for widget in (view, empty):
        widget.resize(width, height)
        widget.show()
    app.processEvents()
    view.days_per_screen = WINDOW  # keep 40 px columns: the zoom would fit 60 days in this width
    view.horizontalHeader().setDefaultSectionSize(40)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    screen = QImage(1400, 800, QImage.Format.Format_ARGB32_Premultiplied)

    view.render(image)  # first paint draws each distinct cell look once
    took = median_ms(lambda: view.render(image), runs=15)
    floor = median_ms(lambda: empty.render(image), runs=15)
    metric("paint_grid_100x60", took, "ms")
    metric("paint_grid_pixels", width * height / 1e6, "Mpx")
    metric("paint_floor_empty_tableview", floor, "ms")
    metric("paint_ratio_to_floor", took / floor, "x")
    metric("paint_target", 16, "ms")
    view.resize(1400, 800)
    app.processEvents()
    view.render(screen)
    metric("paint_screen_1400x800", median_ms(lambda: view.render(screen), runs=15), "ms")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        build_property(path)
        db = open_database(f"sqlite:///{path}")
        calendar = CalendarServices(db, clock=lambda: NOW)
        keep_none_alive = hold_none_for_pyside_612()  # held to the end of the run
        paint_only = "--paint-only" in sys.argv[1:]  # skip the snapshot and bulk-edit figures
        try:
            if not paint_only:
                bench_snapshots(calendar, path)
            bench_ui(calendar)
            if not paint_only:
                bench_bulk_edit(calendar, path)
        finally:
            db.dispose()
    if keep_none_alive is not None:
        # The references PySide6 dropped are gone for good: letting the interpreter free the
        # held list at exit would take None's count below zero and abort. Leave without that.
        sys.stdout.flush()
        os._exit(0)


if __name__ == "__main__":
    main()
