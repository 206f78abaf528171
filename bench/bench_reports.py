"""Reports over 2 years × 50 room types × ~20,000 reservations, and the dashboard shown.

Each report is timed (median of 7) over the whole two years and over one month, beside its floor
measured in the same run: the raw SQL fetch of the same ledger rows (``ledger_query``), so the
ratio says what the arithmetic and the dataclasses cost on top of reading. The dashboard is timed
from creating the main window to the first page showing its numbers, beside an empty QWidget
shown by the same QApplication. Offscreen unless DISPLAY is set.

    .venv/bin/python bench/bench_reports.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from channelmgr.db.models import Channel, Property, RatePlan, Room, RoomType  # noqa: E402
from channelmgr.reports.ledger import ledger_query  # noqa: E402
from channelmgr.reports.sample_ledger import add_sample_history  # noqa: E402
from channelmgr.reports.scope import ReportScope, resolve_scope  # noqa: E402
from channelmgr.services import Services  # noqa: E402

TYPES, ROOMS_PER_TYPE, RUNS = 50, 3, 7
TODAY = date(2026, 11, 1)
START, END = date(2025, 1, 1), date(2027, 1, 1)  # two years of nights


def build(services: Services) -> int:
    with services.db.session() as s:
        prop = Property(code="BENCH", name_zh="基准酒店", currency="CNY", timezone="Asia/Shanghai")
        s.add(prop)
        s.flush()
        for t in range(TYPES):
            rt = RoomType(property_id=prop.id, code=f"T{t:02d}", name_zh=f"房型{t}", sort_order=t)
            s.add(rt)
            s.flush()
            s.add(RatePlan(room_type_id=rt.id, code="BAR", name_zh="标准价", base_price_minor=30000 + 1000 * t))
            for r in range(ROOMS_PER_TYPE):
                s.add(Room(property_id=prop.id, room_type_id=rt.id, number=f"{t:02d}{r}"))
        for name in ("ctrip", "meituan", "booking"):  # disabled: the window's sync must not go out
            s.add(Channel(property_id=prop.id, name=name, display_name=name, protocol="opentravel", enabled=False))
        s.flush()
        made = add_sample_history(s, prop.id, START, END, TODAY, occupancy=0.6)
        print(f"# {made.created} reservations ({made.cancelled} cancelled) over {START} – {END}, "
              f"{TYPES} room types × {ROOMS_PER_TYPE} rooms")
        return prop.id


def median_ms(fn) -> float:
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def floor_fetch(services: Services, scope: ReportScope, extra: tuple[date, date] | None = None):
    def fetch():
        with services.db.session() as s:
            resolved = resolve_scope(s, scope)
            rows = s.connection().execute(ledger_query(resolved, scope.start, scope.end)).fetchall()
            if extra:
                rows += s.connection().execute(ledger_query(resolved, *extra)).fetchall()
            return rows
    return fetch


def bench_reports(services: Services, pid: int) -> None:
    reports = services.reports
    periods = {"2y": (START, END), "1m": (date(2026, 8, 1), date(2026, 9, 1))}
    for label, (start, end) in periods.items():
        scope = ReportScope(pid, start, end)
        floor = median_ms(floor_fetch(services, scope))
        cases = {"occupancy": lambda: reports.occupancy(scope), "revenue": lambda: reports.revenue(scope),
                 "channels": lambda: reports.channels(scope), "bookings": lambda: reports.bookings(scope)}
        for name, fn in cases.items():
            ms = median_ms(fn)
            print(f"METRIC report_{name}_{label} {ms:.1f} ms")
            print(f"METRIC report_{name}_{label}_floor_sql_fetch {floor:.1f} ms")
            print(f"METRIC report_{name}_{label}_ratio {ms / floor:.2f} x")
        print(f"# {label}: {len(floor_fetch(services, scope)())} ledger rows read")
    # Pace reads two periods: this one and last year's.
    scope = ReportScope(pid, date(2026, 11, 1), date(2026, 12, 1))
    last = (date(2025, 11, 1), date(2025, 12, 1))
    floor = median_ms(floor_fetch(services, scope, last))
    ms = median_ms(lambda: reports.pace(scope, as_of=TODAY))
    print(f"METRIC report_pace_1m {ms:.1f} ms")
    print(f"METRIC report_pace_1m_floor_sql_fetch {floor:.1f} ms")
    print(f"METRIC report_pace_1m_ratio {ms / floor:.2f} x")
    year = ReportScope(pid, date(2026, 1, 1), date(2027, 1, 1))
    from channelmgr.actor import Actor
    from channelmgr.reports.target import RevenueTarget

    reports.set_revenue_target(pid, RevenueTarget(2026, 20_000_000_00), Actor("bench"))
    floor = median_ms(floor_fetch(services, year))
    ms = median_ms(lambda: reports.target_progress(pid, 2026, TODAY))
    print(f"METRIC report_target_progress_year {ms:.1f} ms")
    print(f"METRIC report_target_progress_year_floor_sql_fetch {floor:.1f} ms")
    print(f"METRIC report_target_progress_year_ratio {ms / floor:.2f} x")
    # The Reports page's load: every report of one year from one read (+ last year's for the pace).
    floor = median_ms(floor_fetch(services, year, (date(2025, 1, 1), date(2026, 1, 1))))
    ms = median_ms(lambda: reports.page(year, as_of=TODAY))
    print(f"METRIC reports_page_load_year {ms:.1f} ms")
    print(f"METRIC reports_page_load_year_floor_sql_fetch {floor:.1f} ms")
    print(f"METRIC reports_page_load_year_ratio {ms / floor:.2f} x")
    ms = median_ms(lambda: services.dashboard.load(pid, TODAY))
    print(f"METRIC dashboard_load_core {ms:.1f} ms")


def bench_dashboard_shown(services: Services) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.app import build_context, create_application
    from ui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    shown, floor = [], []
    for _ in range(5):
        t = time.perf_counter()
        w = QWidget()
        w.resize(1280, 800)
        w.show()
        app.processEvents()
        floor.append((time.perf_counter() - t) * 1000)
        w.close()
        w.deleteLater()
        ctx = build_context(services)
        t = time.perf_counter()
        window = MainWindow(ctx)
        window.show()
        page = window.pages["dashboard"]
        while not page.loaded:
            app.processEvents()
            time.sleep(0.0005)
        app.processEvents()
        shown.append((time.perf_counter() - t) * 1000)
        window.close()
        ctx.db_tasks.wait()
        window.deleteLater()
        app.processEvents()
    s, f = statistics.median(shown), statistics.median(floor)
    print(f"METRIC dashboard_shown {s:.1f} ms")
    print(f"METRIC dashboard_shown_floor_empty_window {f:.1f} ms")
    print(f"METRIC dashboard_shown_ratio {s / f:.1f} x")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CHANNELMGR_DATA_DIR"] = tmp
        services = Services.open(f"sqlite:///{tmp}/bench.sqlite3")
        t = time.perf_counter()
        pid = build(services)
        print(f"# built in {time.perf_counter() - t:.1f} s")
        bench_reports(services, pid)
        bench_dashboard_shown(services)
        services.close()


if __name__ == "__main__":
    main()
