"""The room-types workbook: layout a person can use, round trip, edits, refusals."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from channelmgr.catalog import ATTRIBUTES, Kind
from channelmgr.db.models import AuditEntry, RoomType

from .helpers import ACTOR, column_of, edit


@pytest.fixture
def demo(demo_services):
    return demo_services, demo_services.inventory.property_id(None)


@pytest.fixture
def exported(demo, tmp_path):
    services, pid = demo
    path = tmp_path / "rooms.xlsx"
    services.excel.export_rooms(pid, path)
    return path


def stored(db) -> dict[str, dict]:
    with db.session() as s:
        return {rt.code: dict(rt.attributes) for rt in s.query(RoomType)}


def test_layout(exported):
    wb = load_workbook(exported)
    ws = wb["房型"]
    assert [c.value for c in ws[2]] == [a.key for a in ATTRIBUTES]  # every attribute, by stable key
    assert ws["A1"].value == "房型代码" and ws.freeze_panes == "C3"
    assert ws.column_dimensions["B"].width >= 12
    bed = column_of(exported, "bed_type")
    wifi = column_of(exported, "wifi")
    by_column = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            by_column[rng.coord.split(":")[0].rstrip("0123456789")] = dv
    assert by_column[wifi].formula1 == '"是,否"'
    assert by_column[bed].type == "list" and by_column[bed].formula1.startswith("'选项'!$")
    lists = wb["选项"]
    assert lists.sheet_state == "hidden" and "大床" in [c.value for c in lists[lists_column(lists, "bed_type")]]
    notes = wb["说明"]
    assert notes.max_row == len(ATTRIBUTES) + 1
    area = next(r for r in notes.iter_rows(values_only=True) if r[0] == "area_sqm")
    assert area[4] == "m²"


def lists_column(ws, key):
    return next(c.column_letter for c in ws[1] if c.value == key)


def test_round_trip_is_no_changes(demo, exported, db):
    services, pid = demo
    before = stored(db)
    report = services.excel.import_rooms(pid, exported, ACTOR)
    assert report.ok and report.change_count == 0, report.summary_lines()
    assert stored(db) == before


def test_english_round_trip(demo, tmp_path, db):
    services, pid = demo
    path = tmp_path / "rooms_en.xlsx"
    services.excel.export_rooms(pid, path, lang="en")
    assert load_workbook(path)["Room types"]["A1"].value == "Room type code"
    report = services.excel.import_rooms(pid, path, ACTOR)
    assert report.ok and report.change_count == 0, report.summary_lines()


def test_edited_attributes_apply_exactly(demo, exported, db):
    services, pid = demo
    before = stored(db)
    edit(exported, {("房型", f"{column_of(exported, 'area_sqm')}3"): "３３平",
                    ("房型", f"{column_of(exported, 'name_zh')}4"): "庭院双床房（新）",
                    ("房型", f"{column_of(exported, 'wifi')}5"): "否"})
    report = services.excel.import_rooms(pid, exported, ACTOR)
    assert report.ok and report.applied, report.summary_lines()
    after = stored(db)
    assert after["LKV"]["area_sqm"] == "33" and after["GTW"]["name_zh"] == "庭院双床房（新）"
    assert after["FAM"]["wifi"] is False
    changed = {code for code in after if after[code] != before[code]}
    assert changed == {"LKV", "GTW", "FAM"}
    for code in changed:
        diff = {k for k in after[code].keys() | before[code].keys() if after[code].get(k) != before[code].get(k)}
        assert len(diff) == 1
    with db.session() as s:
        assert s.query(RoomType).filter_by(code="GTW").one().name_zh == "庭院双床房（新）"  # the mirrored column
        assert s.query(AuditEntry).filter_by(action="update", entity="room_type").count() == 3


def test_bad_cells_refuse_the_whole_file(demo, exported, db):
    services, pid = demo
    before = stored(db)
    bed, area, code = column_of(exported, "bed_type"), column_of(exported, "area_sqm"), column_of(exported, "room_code")
    edit(exported, {("房型", f"{area}3"): "33",  # fine on its own, but the file has problems
                    ("房型", f"{bed}4"): "水床", ("房型", f"{area}5"): "-3", ("房型", f"{code}6"): "NEW1"})
    report = services.excel.import_rooms(pid, exported, ACTOR)
    assert not report.ok and not report.applied
    assert {p.where for p in report.problems} == {f"房型!{bed}4", f"房型!{area}5", f"房型!{code}6"}
    assert any(p.line().startswith(f"房型!{bed}4: 水床 — ") for p in report.problems)
    assert stored(db) == before
    marked = load_workbook(report.annotated_copy)["房型"][f"{bed}4"]
    assert marked.comment is not None and marked.fill.fgColor.rgb.endswith("FF0000")


def test_unknown_key_column_is_refused(demo, exported, db):
    services, pid = demo
    edit(exported, {("房型", "C2"): "name_englsh"})
    report = services.excel.import_rooms(pid, exported, ACTOR)
    assert [p.where for p in report.problems] == ["房型!C2"]


def test_money_is_typed_in_yuan(demo, exported, db):
    services, pid = demo
    money = "breakfast_price"
    assert next(a for a in ATTRIBUTES if a.key == money).kind is Kind.MONEY
    edit(exported, {("房型", f"{column_of(exported, money)}3"): "¥45"})
    report = services.excel.import_rooms(pid, exported, ACTOR)
    assert report.ok, report.summary_lines()
    assert stored(db)["LKV"][money] == 4500


def test_untouched_cells_keep_what_was_saved_since_the_export(demo, exported, db):
    services, pid = demo
    lkv = services.room_types.find(pid, "LKV")
    services.room_types.update(ACTOR, lkv.id, {"area_sqm": "41"})
    edit(exported, {("房型", f"{column_of(exported, 'wifi')}4"): "否"})
    report = services.excel.import_rooms(pid, exported, ACTOR)
    assert report.ok and dict(report.changes_by_field) == {"wifi": 1}
    assert stored(db)["LKV"]["area_sqm"] == "41"
