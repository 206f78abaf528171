"""Calendar workbook round trips: unchanged → no writes; edited cells → exactly those changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from openpyxl import load_workbook

from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
from tests.core.calendar.builders import TODAY, day, fingerprint

from .helpers import ACTOR, edit, find_cell

END = TODAY + timedelta(days=14)


@pytest.fixture
def exported(services, hotel, tmp_path):
    path = tmp_path / "calendar.xlsx"
    services.excel.export_calendar(hotel.property_id, path, TODAY, END)
    return path


def cell(hotel, code, night):
    return hotel.cell(code, night)


def test_unchanged_workbook_imports_as_no_changes(services, hotel, exported, db):
    before = fingerprint(db)
    report = services.excel.import_calendar(hotel.property_id, exported, ACTOR)
    assert report.ok and report.change_count == 0 and not report.applied
    assert fingerprint(db) == before


def test_edited_cells_apply_exactly(services, hotel, exported, db):
    price = find_cell(exported, "价格", ("A", "BAR"), day(2))
    min_stay = find_cell(exported, "最少入住", ("B",), day(3))
    rooms = find_cell(exported, "可售房量", ("A",), day(4))
    stop = find_cell(exported, "关房", ("B",), day(5))
    edit(exported, {("价格", price): 618, ("最少入住", min_stay): 2, ("可售房量", rooms): 1, ("关房", stop): "是"})

    report = services.excel.import_calendar(hotel.property_id, exported, ACTOR)

    assert report.ok and report.applied, report.summary_lines()
    assert dict(report.changes_by_field) == {"price": 1, "min_stay": 1, "rooms_to_sell": 1, "stop_sell": 1}
    assert dict(report.changes_by_room_type) == {"A": 2, "B": 2}
    assert cell(hotel, "A", day(2)).price_minor == 61800
    assert cell(hotel, "B", day(3)).min_stay == 2
    assert cell(hotel, "A", day(4)).left == 1 and cell(hotel, "A", day(4)).closed == 3
    assert cell(hotel, "B", day(5)).stop_sell
    # Neighbours untouched; importing the same file again is "no changes".
    assert cell(hotel, "A", day(3)).price_minor == 50000 and cell(hotel, "B", day(4)).min_stay is None
    again = services.excel.import_calendar(hotel.property_id, exported, ACTOR)
    assert again.ok and again.change_count == 0


def test_dry_run_counts_without_writing(services, hotel, exported, db):
    ref = find_cell(exported, "最多入住", ("A",), day(1))
    edit(exported, {("最多入住", ref): 7})
    before = fingerprint(db)
    report = services.excel.import_calendar(hotel.property_id, exported, ACTOR, dry_run=True)
    assert report.ok and not report.applied
    assert dict(report.changes_by_field) == {"max_stay": 1} and dict(report.changes_by_room_type) == {"A": 1}
    assert "Would change 1 cell(s)." in report.summary_lines()
    assert fingerprint(db) == before


def test_clearing_a_price_removes_the_manual_price(services, hotel, exported, db):
    ref = find_cell(exported, "价格", ("B", "BAR"), day(1))
    edit(exported, {("价格", ref): 350})
    services.excel.import_calendar(hotel.property_id, exported, ACTOR)
    assert cell(hotel, "B", day(1)).price_minor == 35000
    edit(exported, {("价格", ref): None})
    report = services.excel.import_calendar(hotel.property_id, exported, ACTOR)
    assert report.applied and dict(report.changes_by_field) == {"price": 1}
    assert cell(hotel, "B", day(1)).price_minor == 30000  # the plan's base price again


@pytest.mark.parametrize("typed, fen", [("３８８", 38800), ("¥388", 38800), ("388元", 38800), ("388 ", 38800),
                                        ("388.5", 38850), (388.0, 38800)])
def test_prices_typed_the_way_people_type_them(services, hotel, exported, typed, fen):
    ref = find_cell(exported, "价格", ("A", "BAR"), day(6))
    edit(exported, {("价格", ref): typed})
    report = services.excel.import_calendar(hotel.property_id, exported, ACTOR)
    assert report.ok, report.summary_lines()
    with hotel.db.session() as s:
        from channelmgr.db.models import PriceOverride
        assert s.get(PriceOverride, (hotel.plans["A/BAR"], day(6))).price_minor == fen


@pytest.mark.parametrize("typed, expected", [("Y", True), ("✓", True), ("是 ", True), ("N", False), ("否", False)])
def test_flags(services, hotel, exported, typed, expected):
    ref = find_cell(exported, "禁止入住(CTA)", ("A",), day(2))
    edit(exported, {("禁止入住(CTA)", ref): typed})
    assert services.excel.import_calendar(hotel.property_id, exported, ACTOR).ok
    assert cell(hotel, "A", day(2)).closed_to_arrival is expected


def test_dates_as_text_or_serials_and_trailing_empty_rows_and_columns(services, hotel, exported):
    wb = load_workbook(exported)
    for ws in wb.worksheets[:7]:
        first = 4 if ws.title == "价格" else 3
        ws.cell(1, first).value = f" {TODAY.isoformat()} "  # a text date with spaces
        ws.cell(1, first + 1).value = (day(1) - TODAY.replace(year=1899, month=12, day=30)).days  # an Excel serial
        ws.cell(1, first + 2).value = f"{day(2).year}年{day(2).month}月{day(2).day}日"
        ws.cell(ws.max_row + 3, 1).value = "   "  # an "empty" row far below
        ws.cell(2, ws.max_column + 2).value = None
    wb.save(exported)
    report = services.excel.import_calendar(hotel.property_id, exported, ACTOR)
    assert report.ok and report.change_count == 0, report.summary_lines()


def test_english_workbook_imports_too(services, hotel, tmp_path):
    path = tmp_path / "en.xlsx"
    services.excel.export_calendar(hotel.property_id, path, TODAY, END, lang="en")
    ref = find_cell(path, "Prices", ("A", "BAR"), day(3))
    edit(path, {("Prices", ref): "¥520"})
    report = services.excel.import_calendar(hotel.property_id, path, ACTOR)
    assert report.ok and dict(report.changes_by_field) == {"price": 1}
    assert cell(hotel, "A", day(3)).price_minor == 52000


def test_import_is_audited_with_the_file_name(services, hotel, exported, db):
    ref = find_cell(exported, "最少入住", ("A",), day(2))
    edit(exported, {("最少入住", ref): 3})
    services.excel.import_calendar(hotel.property_id, exported, ACTOR)
    from channelmgr.db.models import AuditEntry
    with db.session() as s:
        entry = s.query(AuditEntry).filter_by(action="import").one()
    assert entry.cause == "import calendar.xlsx" and "min_stay" in str(entry.after) and "3" in str(entry.after)


def test_untouched_cells_keep_what_changed_since_the_export(services, hotel, exported, db):
    """A booking and a price typed in the app after the export must survive the import."""
    hotel.book("A", day(2), 1)
    services.calendar.bulk_edit.apply(BulkEditRequest(hotel.property_id, day(3), day(3), (hotel.types["A"],),
                                                      Operation.PRICE, 55500, rate_plan_ids=(hotel.plans["A/BAR"],)),
                                      ACTOR)
    ref = find_cell(exported, "最少入住", ("A",), day(5))
    edit(exported, {("最少入住", ref): 2})
    report = services.excel.import_calendar(hotel.property_id, exported, ACTOR)
    assert report.ok and dict(report.changes_by_field) == {"min_stay": 1}, report.summary_lines()
    assert cell(hotel, "A", day(3)).price_minor == 55500  # the sheet still says 500: not written back
    assert cell(hotel, "A", day(2)).left == 3 and cell(hotel, "A", day(2)).closed == 0


def test_without_the_hidden_sheet_cells_are_compared_with_the_database(services, hotel, exported, db):
    wb = load_workbook(exported)
    del wb["_exported"]
    wb.save(exported)
    assert services.excel.import_calendar(hotel.property_id, exported, ACTOR).change_count == 0
    services.calendar.bulk_edit.apply(BulkEditRequest(hotel.property_id, day(3), day(3), (hotel.types["B"],),
                                                      Operation.MIN_STAY, 4), ACTOR)
    report = services.excel.import_calendar(hotel.property_id, exported, ACTOR, dry_run=True)
    assert dict(report.changes_by_field) == {"min_stay": 1}  # the sheet's blank would clear it
