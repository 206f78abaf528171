"""Excel export/import benchmark: a 100 room types × 730 nights calendar, a 200-row room-types book.

Prints
  METRIC excel_calendar_export_s              export through ExcelService (snapshot + prices + write)
  METRIC excel_calendar_import_s              import of the untouched export (every cell read, checked, compared)
  METRIC excel_calendar_export_peak_mb        tracemalloc peak of one export
  METRIC excel_calendar_import_peak_mb        tracemalloc peak of one import
  METRIC excel_calendar_normal_mode_s         the same workbook written cell by cell in openpyxl's normal mode
  METRIC excel_calendar_normal_mode_ratio     normal mode ÷ our export (how much write-only buys)
  METRIC excel_calendar_floor_s               bare write-only dump of the same values, no styles, no DB
  METRIC excel_calendar_export_ratio_to_floor our export ÷ floor
  METRIC excel_rooms_export_s / excel_rooms_import_s / …_peak_mb   200 room types, every catalog attribute
Times are the median of RUNS runs (peaks from a separate run: tracemalloc slows everything down).

Run:  PYTHONPATH=. .venv/bin/python bench/bench_excel.py
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from channelmgr.actor import Actor
from channelmgr.db.engine import open_database
from channelmgr.db.models import CalendarDay, PriceOverride, Property, RatePlan, Reservation, Room, RoomType
from channelmgr.demo import LISTINGS
from channelmgr.excel.calendar_export import cell_form
from channelmgr.excel.calendar_layout import CALENDAR_SHEETS
from channelmgr.services import Services

RUNS = 3
ROOM_TYPES = 100
NIGHTS = 730
ROOMS_BOOK_TYPES = 200
ACTOR = Actor("bench", "bench")


def build(db, room_types: int, today: date, with_calendar: bool) -> int:
    rng = random.Random(7)
    listing = next(iter(LISTINGS.values()))
    with db.session() as s:
        prop = Property(code="BENCH", name_zh="基准民宿", currency="CNY", timezone="Asia/Shanghai")
        s.add(prop)
        s.flush()
        for i in range(room_types):
            code = f"T{i:03d}"
            rt = RoomType(property_id=prop.id, code=code, name_zh=f"房型{i:03d}", name_en=f"Type {i}", sort_order=i,
                          attributes={**listing, "room_code": code, "name_zh": f"房型{i:03d}", "name_en": f"Type {i}"})
            s.add(rt)
            s.flush()
            bar = RatePlan(room_type_id=rt.id, code="BAR", name_zh="标准价", base_price_minor=30000 + 1000 * (i % 20))
            nrf = RatePlan(room_type_id=rt.id, code="NRF", name_zh="不可取消", base_price_minor=27000 + 1000 * (i % 20),
                           sort_order=1)
            s.add_all([bar, nrf])
            s.flush()
            s.add(RatePlan(room_type_id=rt.id, code="BB", name_zh="含早", parent_id=bar.id, derive_kind="amount",
                           derive_value="3000", sort_order=2))
            for n in range(5):
                s.add(Room(property_id=prop.id, room_type_id=rt.id, number=f"{i:03d}{n}", floor=n + 1))
            if not with_calendar:
                continue
            for k in range(40):  # a few restrictions, manual prices and bookings per type
                night = today + timedelta(days=rng.randrange(NIGHTS - 10))
                s.merge(CalendarDay(room_type_id=rt.id, night=night, rooms_closed=1, stop_sell=k % 7 == 0,
                                    min_stay=2 if k % 3 == 0 else None, max_stay=None,
                                    closed_to_arrival=k % 5 == 0, closed_to_departure=False))
                s.merge(PriceOverride(rate_plan_id=bar.id, night=night, price_minor=45800))
                s.add(Reservation(property_id=prop.id, source="phone", room_type_id=rt.id, arrival=night,
                                  departure=night + timedelta(days=rng.randint(1, 4)), guest_name="客人",
                                  amount_minor=60000))
        return prop.id


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median(fn) -> float:
    return statistics.median(timed(fn) for _ in range(RUNS))


def peak_mb(fn) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def calendar_values(services, pid, start, end):
    """The exact cell values our export writes, sheet by sheet, for the floor and normal-mode runs."""
    data = services.excel._calendar_data(pid, start, end, "zh")
    sheets = []
    for sheet in CALENDAR_SHEETS:
        rows = [[*row.codes, row.name, *(cell_form(sheet, v, "zh") for v in data.row_values(sheet, row))]
                for row in data.rows(sheet)]
        sheets.append((sheet.title_zh, [d.night for d in data.snapshot.days], rows))
    return sheets


def floor_dump(sheets, path: Path) -> None:
    wb = Workbook(write_only=True)
    for title, nights, rows in sheets:
        ws = wb.create_sheet(title)
        ws.append(["code", "name", *nights])
        for row in rows:
            ws.append(row)
    wb.save(path)


def normal_mode(sheets, path: Path) -> None:
    """The obvious way: a normal workbook, cell by cell, with the same header styles."""
    from openpyxl.styles import Font, PatternFill
    header_fill, bold = PatternFill("solid", start_color="DDEBF7"), Font(bold=True)
    wb = Workbook()
    wb.remove(wb.active)
    for title, nights, rows in sheets:
        ws = wb.create_sheet(title)
        width = len(rows[0]) - len(nights) if rows else 2
        for c, night in enumerate(nights, start=width + 1):
            cell = ws.cell(1, c, night)
            cell.fill, cell.font, cell.number_format = header_fill, bold, "yyyy-mm-dd"
        for r, row in enumerate(rows, start=3):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        ws.freeze_panes = ws.cell(3, width + 1)
    wb.save(path)


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench_excel_"))
    db = open_database(f"sqlite:///{tmp / 'bench.sqlite3'}")
    services = Services(db)
    today = date.today()
    pid = build(db, ROOM_TYPES, today, with_calendar=True)
    start, end = services.calendar.availability.today(pid), None
    end = start + timedelta(days=NIGHTS)
    cal = tmp / "calendar.xlsx"

    export = lambda: services.excel.export_calendar(pid, cal, start, end)  # noqa: E731
    import_ = lambda: services.excel.import_calendar(pid, cal, ACTOR, dry_run=True)  # noqa: E731
    export_s = median(export)
    report = import_()
    assert report.ok and report.change_count == 0, report.summary_lines()[:5]
    import_s = median(import_)
    cells = sum(len(rows) * len(nights) for _, nights, rows in calendar_values(services, pid, start, end))
    print(f"# calendar: {ROOM_TYPES} room types × {NIGHTS} nights, 7 sheets, {cells} data cells, "
          f"{cal.stat().st_size / 1e6:.1f} MB")
    print(f"METRIC excel_calendar_export_s {export_s:.3f} s")
    print(f"METRIC excel_calendar_import_s {import_s:.3f} s")
    print(f"METRIC excel_calendar_export_peak_mb {peak_mb(export):.1f} MB")
    print(f"METRIC excel_calendar_import_peak_mb {peak_mb(import_):.1f} MB")

    sheets = calendar_values(services, pid, start, end)
    normal_s = median(lambda: normal_mode(sheets, tmp / "normal.xlsx"))
    floor_s = median(lambda: floor_dump(sheets, tmp / "floor.xlsx"))
    print(f"METRIC excel_calendar_normal_mode_s {normal_s:.3f} s")
    print(f"METRIC excel_calendar_normal_mode_ratio {normal_s / export_s:.2f} x")
    print(f"METRIC excel_calendar_floor_s {floor_s:.3f} s")
    print(f"METRIC excel_calendar_export_ratio_to_floor {export_s / floor_s:.2f} x")

    db2 = open_database(f"sqlite:///{tmp / 'rooms.sqlite3'}")
    services2 = Services(db2)
    pid2 = build(db2, ROOMS_BOOK_TYPES, today, with_calendar=False)
    rooms = tmp / "rooms.xlsx"
    rooms_export = lambda: services2.excel.export_rooms(pid2, rooms)  # noqa: E731
    rooms_import = lambda: services2.excel.import_rooms(pid2, rooms, ACTOR, dry_run=True)  # noqa: E731
    rooms_export()
    report = rooms_import()
    assert report.ok and report.change_count == 0, report.summary_lines()[:5]
    print(f"METRIC excel_rooms_export_s {median(rooms_export):.3f} s")
    print(f"METRIC excel_rooms_import_s {median(rooms_import):.3f} s")
    print(f"METRIC excel_rooms_export_peak_mb {peak_mb(rooms_export):.1f} MB")
    print(f"METRIC excel_rooms_import_peak_mb {peak_mb(rooms_import):.1f} MB")


if __name__ == "__main__":
    main()
