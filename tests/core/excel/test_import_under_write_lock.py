"""A calendar (or room types) import reads, checks and plans from what is committed when it writes.

The race with two desks on one database: the owner edits an exported workbook (minimum stay 3 on
a night) and imports it while desk A, at the same moment, sets that night's stay limit in the
calendar and is about to commit. If the import's read is not held back, it checks and plans from
before A's commit:

* A sets a maximum stay of 2: the import, checked against "no maximum", writes a minimum of 3
  above it — a calendar no desk path would accept (every edit and import refuses min > max);
* A sets a minimum stay of 2: the import writes 3 over it unseen, and the audit trail (what cell
  details show) says "none → 3", A's 2 gone from the history.

A is the real BulkEditService.apply, held between its plan and its write (at the price guard); B
is the real ExcelService.import_calendar, its meeting point the same step of its own
(tests/support/desk_race.py).

The room types workbook writes each room type's attributes whole: two owners importing files that
change different attributes of one room type at the same moment must both keep their change.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from channelmgr.db.engine import open_database
from channelmgr.db.models import RoomType
from channelmgr.demo import load_demo
from channelmgr.excel import service as excel_service
from channelmgr.inventory import bulk_edit
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
from channelmgr.services import Services
from tests.core.calendar.builders import TODAY, build_hotel, day
from tests.support.desk_race import DeskRace, postgres_b_waits, sqlite_b_waits

from .helpers import ACTOR, column_of, edit, find_cell

NIGHT = day(2)


def _race(services, hotel, tmp_path, monkeypatch, b_waits, desk_edit: Operation):
    path = tmp_path / "calendar.xlsx"
    services.excel.export_calendar(hotel.property_id, path, TODAY, TODAY + timedelta(days=14))
    edit(path, {("最少入住", find_cell(path, "最少入住", ("A",), NIGHT)): 3})
    race = DeskRace(b_waits)
    for module in (bulk_edit, excel_service):  # each desk's step between its plan and its write
        monkeypatch.setattr(module, "check_typed_prices", race.between_plan_and_write(module.check_typed_prices))
    request = BulkEditRequest(hotel.property_id, NIGHT, NIGHT, (hotel.types["A"],), desk_edit, 2)
    results = race.run(lambda: hotel.calendar.bulk_edit.apply(request, ACTOR),
                       lambda: services.excel.import_calendar(hotel.property_id, path, ACTOR))
    return results["B"]


def _check_max_stay_race(hotel, report) -> None:
    assert not report.applied, "the import was checked against the calendar from before desk A's commit"
    assert [p.reason for p in report.problems] == ["最少入住 3 晚大于最多入住 2 晚"]
    cell = hotel.cell("A", NIGHT)
    assert (cell.min_stay, cell.max_stay) == (None, 2)


def _check_min_stay_race(hotel, report) -> None:
    assert report.applied, report.summary_lines()
    details = hotel.calendar.details.details(hotel.types["A"], NIGHT)
    assert details.cell.min_stay == 3
    latest = details.changes[0]  # the audit trail of the cell, newest first
    assert (latest.action, latest.before, latest.after) == ("import", {"min_stay": 2}, {"min_stay": 3}), \
        "the import planned from before desk A's commit"


RACES = [(Operation.MAX_STAY, _check_max_stay_race), (Operation.MIN_STAY, _check_min_stay_race)]
RACE_IDS = ["desk-sets-max-stay", "desk-sets-min-stay"]


@pytest.mark.parametrize("desk_edit, check", RACES, ids=RACE_IDS)
def test_import_plans_after_a_desk_edit_commits_sqlite(services, hotel, tmp_path, monkeypatch, desk_edit, check):
    check(hotel, _race(services, hotel, tmp_path, monkeypatch, sqlite_b_waits, desk_edit))


@pytest.mark.postgres
@pytest.mark.parametrize("desk_edit, check", RACES, ids=RACE_IDS)
def test_import_plans_after_a_desk_edit_commits_postgres(postgres_url, tmp_path, monkeypatch, desk_edit, check):
    db = open_database(postgres_url)
    try:
        hotel = build_hotel(db)
        services = Services(db)
        services.calendar = hotel.calendar  # as the excel fixtures do: the calendar's clock at TODAY
        with postgres_b_waits(db.engine) as b_waits:
            report = _race(services, hotel, tmp_path, monkeypatch, b_waits, desk_edit)
        check(hotel, report)
    finally:
        db.dispose()


def _rooms_race(services, tmp_path, monkeypatch, b_waits) -> None:
    property_id = services.inventory.property_id(None)
    exported = tmp_path / "rooms.xlsx"
    services.excel.export_rooms(property_id, exported)
    area = edit(exported, {("房型", f"{column_of(exported, 'area_sqm')}3"): "33"}, tmp_path / "area.xlsx")
    wifi = edit(exported, {("房型", f"{column_of(exported, 'wifi')}3"): "否"}, tmp_path / "wifi.xlsx")
    race = DeskRace(b_waits)
    read, meet = excel_service.read_room_types, race.between_plan_and_write(lambda planned: planned)
    # The meeting point right after each import has compared its file with what is stored.
    monkeypatch.setattr(excel_service, "read_room_types", lambda *args, **kwargs: meet(read(*args, **kwargs)))
    results = race.run(lambda: services.excel.import_rooms(property_id, area, ACTOR),
                       lambda: services.excel.import_rooms(property_id, wifi, ACTOR))
    assert results["A"].applied and results["B"].applied
    with services.db.session() as s:
        lkv = s.query(RoomType).filter_by(code="LKV").one().attributes
    assert (lkv["area_sqm"], lkv["wifi"]) == ("33", False), "the second import wrote the room type from before the first"


def test_two_room_type_imports_keep_both_changes_sqlite(demo_services, tmp_path, monkeypatch):
    _rooms_race(demo_services, tmp_path, monkeypatch, sqlite_b_waits)


@pytest.mark.postgres
def test_two_room_type_imports_keep_both_changes_postgres(postgres_url, tmp_path, monkeypatch):
    db = open_database(postgres_url)
    try:
        load_demo(db)
        with postgres_b_waits(db.engine) as b_waits:
            _rooms_race(Services(db), tmp_path, monkeypatch, b_waits)
    finally:
        db.dispose()
