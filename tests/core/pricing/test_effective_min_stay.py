"""One effective minimum stay per night: the stricter of the calendar's and the price rules'.

The demo's 国庆 rule asks for two nights. The calendar shows it, cell details name it per plan,
Excel exports it (and an untouched re-import changes nothing), and the engine's bulk minimum
stays agree with what ``evaluate`` reports cell by cell.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from channelmgr.actor import Actor
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
from channelmgr.inventory.nights import local_today, utc_now
from channelmgr.pricing.channel_settings import DIRECT_CHANNEL
from tests.core.excel.helpers import find_cell

ACTOR = Actor("tester", "effective min stay test")


def read_cell(path, sheet, codes, night):
    return load_workbook(path)[sheet][find_cell(path, sheet, codes, night)].value


def _national_day_nights(services, property_id) -> list[date]:
    """The nights the demo's 国庆 rule covers in the next twelve months, as the pricing explains."""
    today = local_today("Asia/Shanghai", utc_now())
    rows = services.pricing.prices(property_id, "LKV", "BAR", None, today, today + timedelta(days=366))
    return [row.night for row in rows if row.min_stay]


@pytest.fixture
def demo(demo_services):
    property_id = demo_services.inventory.property_id(None)
    nights = _national_day_nights(demo_services, property_id)
    assert len(nights) >= 3, "the demo's 国庆 rule should cover several nights in the next year"
    return demo_services, property_id, nights


def test_calendar_shows_the_rules_minimum_stay_on_holiday_nights_only(demo):
    services, property_id, nights = demo
    start, end = nights[0] - timedelta(days=3), nights[-1] + timedelta(days=4)
    snap = services.calendar.availability.snapshot(property_id, start, end)
    for row, cells in zip(snap.rows, snap.cells):
        for column, cell in enumerate(cells):
            night = snap.night(column)
            if night in nights:
                assert (cell.min_stay, cell.rule_min_stay, cell.effective_min_stay) == (None, 2, 2), (row.code, night)
                assert cell.min_stay_from_rule
            else:
                assert cell.effective_min_stay is None and not cell.min_stay_from_rule, (row.code, night)


def test_the_stricter_of_calendar_and_rule_wins(demo):
    services, property_id, nights = demo
    lkv = next(rt.id for rt in services.inventory.room_types(property_id) if rt.code == "LKV")
    night = nights[0]
    for typed, effective, from_rule in ((1, 2, True), (3, 3, False)):
        services.calendar.bulk_edit.apply(
            BulkEditRequest(property_id, night, night, (lkv,), Operation.MIN_STAY, typed), ACTOR)
        cell = services.calendar.availability.snapshot(property_id, night, night + timedelta(days=1), [lkv]).cell(0, 0)
        assert (cell.min_stay, cell.effective_min_stay, cell.min_stay_from_rule) == (typed, effective, from_rule)


def test_cell_details_give_each_plans_rule_minimum(demo):
    services, property_id, nights = demo
    lkv = next(rt.id for rt in services.inventory.room_types(property_id) if rt.code == "LKV")
    details = services.calendar.details.details(lkv, nights[0])
    assert details.cell.effective_min_stay == 2
    assert {p.code: p.rule_min_stay for p in details.prices} == {p.code: 2 for p in details.prices}
    quiet = services.calendar.details.details(lkv, nights[0] - timedelta(days=10))
    assert all(p.rule_min_stay is None for p in quiet.prices)


def test_engine_bulk_min_stays_match_single_cell_evaluation(demo):
    services, property_id, nights = demo
    pricing = services.pricing
    start, end = nights[0] - timedelta(days=20), nights[-1] + timedelta(days=20)
    with pricing._lock, services.db.session() as s:
        state = pricing._current(s, property_id)
        grid = pricing._grid(s, state, start, end)
        today = pricing._today(state)
        for (room_type, code) in state.inputs.plan_ids:
            for channel in state.engine.channels:
                row = state.engine.rule_min_stays(grid, room_type, code, channel)
                for i, night in enumerate(grid.nights):
                    quote = state.engine.evaluate(room_type, code, channel, night, today)
                    assert (row[i] if row else None) == quote.min_stay, (room_type, code, channel, night)
                    assert (quote.min_stay_rule == "国庆") == bool(quote.min_stay)
    assert DIRECT_CHANNEL in state.engine.channels


def test_excel_export_carries_the_effective_min_stay_and_reimports_unchanged(demo, tmp_path):
    services, property_id, nights = demo
    path = tmp_path / "calendar.xlsx"
    first, end = nights[0] - timedelta(days=1), nights[-1] + timedelta(days=2)
    services.excel.export_calendar(property_id, path, first, end)
    for room_type in services.inventory.room_types(property_id):
        sheet_values = [read_cell(path, "最少入住", (room_type.code,), night) for night in nights]
        assert sheet_values == [2] * len(nights), room_type.code
        assert read_cell(path, "最少入住", (room_type.code,), first) is None
    report = services.excel.import_calendar(property_id, path, ACTOR)
    assert report.ok and report.change_count == 0, report.summary_lines()


def test_excel_import_refuses_a_minimum_below_the_rules_naming_the_cell(demo, tmp_path):
    from tests.core.excel.helpers import edit

    services, property_id, nights = demo
    path = tmp_path / "calendar.xlsx"
    services.excel.export_calendar(property_id, path, nights[0], nights[-1] + timedelta(days=1))
    ref = find_cell(path, "最少入住", ("LKV",), nights[0])
    edit(path, {("最少入住", ref): 1})
    report = services.excel.import_calendar(property_id, path, ACTOR)
    assert not report.ok and not report.applied
    [problem] = report.problems
    assert problem.cell == ref and "至少住 2 晚" in problem.line()


def test_a_fat_finger_price_in_an_imported_calendar_is_a_problem_of_its_cell(demo, tmp_path):
    from tests.core.excel.helpers import edit

    services, property_id, nights = demo
    night = nights[0] - timedelta(days=20)
    path = tmp_path / "calendar.xlsx"
    services.excel.export_calendar(property_id, path, night, night + timedelta(days=3))
    typo = find_cell(path, "价格", ("LKV", "BAR"), night)
    fine = find_cell(path, "价格", ("GTW", "BAR"), night + timedelta(days=1))
    edit(path, {("价格", typo): 35800, ("价格", fine): 400})
    shown = services.calendar.availability.snapshot(property_id, night, night + timedelta(days=1)).cell(0, 0).price_minor

    report = services.excel.import_calendar(property_id, path, ACTOR)
    assert not report.ok and not report.applied  # all or nothing: the fine cell is not written either
    [problem] = report.problems
    assert problem.cell == typo and "¥35,800" in problem.reason and "--force" in problem.reason
    assert report.annotated_copy is not None
    after = services.calendar.availability.snapshot(property_id, night, night + timedelta(days=1)).cell(0, 0).price_minor
    assert after == shown

    report = services.excel.import_calendar(property_id, path, ACTOR, force=True)
    assert report.ok and report.applied
