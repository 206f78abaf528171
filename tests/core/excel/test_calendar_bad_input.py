"""Bad calendar workbooks: every problem reported with its cell, nothing applied, a marked copy."""

from __future__ import annotations

import zipfile
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from channelmgr.excel import WorkbookUnreadable
from channelmgr.excel.workbook_files import OLE_SIGNATURE
from tests.core.calendar.builders import TODAY, day, fingerprint

from .helpers import ACTOR, edit, find_cell


@pytest.fixture
def exported(services, hotel, tmp_path):
    path = tmp_path / "calendar.xlsx"
    services.excel.export_calendar(hotel.property_id, path, TODAY - timedelta(days=3), TODAY + timedelta(days=10))
    return path


def refused(services, hotel, path, db):
    """Import `path` and check that nothing was written; return the report."""
    before = fingerprint(db)
    report = services.excel.import_calendar(hotel.property_id, path, ACTOR)
    assert not report.ok and not report.applied
    assert fingerprint(db) == before
    return report


def test_every_bad_cell_is_reported_and_nothing_applied(services, hotel, exported, db):
    good = find_cell(exported, "价格", ("A", "BAR"), day(1))
    negative = find_cell(exported, "价格", ("A", "BAR"), day(2))
    text = find_cell(exported, "最少入住", ("A",), day(2))
    ambiguous = find_cell(exported, "可售房量", ("B",), day(2))
    range_typed = find_cell(exported, "最多入住", ("B",), day(3))
    too_many = find_cell(exported, "可售房量", ("A",), day(3))
    edit(exported, {("价格", good): 599, ("价格", negative): -5, ("最少入住", text): "两晚",
                    ("可售房量", ambiguous): "1,5", ("最多入住", range_typed): "3-4", ("可售房量", too_many): 9})
    report = refused(services, hotel, exported, db)
    where = {p.where: p for p in report.problems}
    assert set(where) == {f"价格!{negative}", f"最少入住!{text}", f"可售房量!{ambiguous}",
                          f"最多入住!{range_typed}", f"可售房量!{too_many}"}
    assert "0.01" in where[f"价格!{negative}"].reason
    assert "最多可售 4 间" in where[f"可售房量!{too_many}"].reason
    assert where[f"最少入住!{text}"].line().startswith(f"最少入住!{text}: 两晚 — ")

    copy = load_workbook(report.annotated_copy)
    marked = copy["价格"][negative]
    assert marked.fill.fgColor.rgb.endswith("FF0000") and "0.01" in marked.comment.text
    assert copy["价格"][good].comment is None


def test_unknown_room_type_and_rate_plan(services, hotel, exported, db):
    wb = load_workbook(exported)
    wb["可售房量"]["A3"] = "ZZZ"
    wb["价格"]["B3"] = "NOPE"
    wb.save(exported)
    report = refused(services, hotel, exported, db)
    reasons = {p.where: p.reason for p in report.problems}
    assert "ZZZ" in reasons["可售房量!A3"] and "NOPE" in reasons["价格!B3"]


def test_changing_a_past_night_is_refused_but_unchanged_past_columns_are_fine(services, hotel, exported, db):
    assert services.excel.import_calendar(hotel.property_id, exported, ACTOR).ok  # starts 3 nights ago
    ref = find_cell(exported, "最少入住", ("A",), day(-1))
    edit(exported, {("最少入住", ref): 2})
    [problem] = refused(services, hotel, exported, db).problems
    assert problem.where == f"最少入住!{ref}" and "过去" in problem.reason


def test_date_beyond_the_horizon(services, hotel, exported, db):
    wb = load_workbook(exported)
    ws = wb["关房"]
    ws.cell(1, ws.max_column + 1).value = TODAY + timedelta(days=800)
    wb.save(exported)
    [problem] = refused(services, hotel, exported, db).problems
    assert problem.sheet == "关房" and problem.cell.endswith("1") and "范围" in problem.reason


def test_merged_cells_in_the_data_area(services, hotel, exported, db):
    wb = load_workbook(exported)
    wb["最多入住"].merge_cells("C3:E3")
    wb.save(exported)
    [problem] = refused(services, hotel, exported, db).problems
    assert problem.where == "最多入住!C3:E3" and "合并" in problem.reason


def test_missing_sheet(services, hotel, exported, db):
    wb = load_workbook(exported)
    del wb["禁止离店(CTD)"]
    wb.save(exported)
    [problem] = refused(services, hotel, exported, db).problems
    assert problem.sheet == "禁止离店(CTD)" and problem.cell == "" and "缺少" in problem.reason


def test_min_stay_above_max_stay(services, hotel, exported, db):
    low = find_cell(exported, "最少入住", ("B",), day(4))
    high = find_cell(exported, "最多入住", ("B",), day(4))
    edit(exported, {("最少入住", low): 5, ("最多入住", high): 3})
    report = refused(services, hotel, exported, db)
    assert {p.where for p in report.problems} == {f"最少入住!{low}", f"最多入住!{high}"}


def test_value_under_a_column_without_a_date(services, hotel, exported, db):
    wb = load_workbook(exported)
    ws = wb["可售房量"]
    ws.cell(3, ws.max_column + 2).value = 3
    wb.save(exported)
    [problem] = refused(services, hotel, exported, db).problems
    assert "没有日期" in problem.reason


@pytest.mark.parametrize("content, message", [
    (b"room,price\nA,388\n", "not an Excel workbook"),
    (OLE_SIGNATURE + b"\0" * 504, "password-protected workbook"),
])
def test_files_that_are_not_workbooks(services, hotel, tmp_path, db, content, message):
    path = tmp_path / "calendar.xlsx"
    path.write_bytes(content)
    before = fingerprint(db)
    with pytest.raises(WorkbookUnreadable, match=message):
        services.excel.import_calendar(hotel.property_id, path, ACTOR)
    assert fingerprint(db) == before


def test_a_zip_that_is_not_a_workbook(services, hotel, tmp_path, db):
    path = tmp_path / "calendar.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    with pytest.raises(WorkbookUnreadable, match="zip file, but not an Excel workbook"):
        services.excel.import_calendar(hotel.property_id, path, ACTOR)


def test_a_row_for_a_derived_rate_plan_is_refused(services, hotel, exported, db):
    wb = load_workbook(exported)
    ws = wb["价格"]
    ws.cell(ws.max_row + 1, 1).value = "A"
    ws.cell(ws.max_row, 2).value = "BB"  # A/BB = BAR + ¥30: its price follows BAR
    ws.cell(ws.max_row, 4).value = 999
    wb.save(exported)
    [problem] = refused(services, hotel, exported, db).problems
    assert problem.cell == f"B{ws.max_row}" and "BB" in problem.reason and "自动计算" in problem.reason


def test_a_sheet_with_an_external_entity_is_refused_as_damaged(services, hotel, exported, tmp_path, db):
    """An XXE attempt: openpyxl's parser refuses the entity; the import reports a damaged file."""
    hostile = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(exported) as src, zipfile.ZipFile(hostile, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = text[text.index("<worksheet"):].replace("<v>4</v>", "<v>&xxe;</v>", 1)
                data = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
                        + text).encode()
            dst.writestr(item, data)
    before = fingerprint(db)
    with pytest.raises(WorkbookUnreadable, match="damaged"):
        services.excel.import_calendar(hotel.property_id, hostile, ACTOR)
    assert fingerprint(db) == before


def test_a_calendar_without_any_date_is_refused(services, hotel, exported, db):
    wb = load_workbook(exported)
    for ws in wb.worksheets[:7]:
        for cell in ws[1][2:]:
            cell.value = None
    wb.save(exported)
    [problem] = refused(services, hotel, exported, db).problems
    assert problem.where == "可售房量!A1" and "日期" in problem.reason
