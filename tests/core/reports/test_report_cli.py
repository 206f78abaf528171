"""``channelmgr report …``: text, JSON, workbooks with native charts read back, and bad input."""

import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

from channelmgr.cli import main

from .helpers import D, build_hotel

PERIOD = ["--from", "2026-06-01", "--to", "2026-07-01"]


@pytest.fixture
def hotel_url(db, sqlite_url):
    h = build_hotel(db)
    h.book("A", D(2026, 5, 30), 3, 900, channel=True, commission_yuan=90)
    h.book("A", D(2026, 6, 10), 2, 501)
    h.book("B", D(2026, 6, 29), 4, 400, channel=True, commission_yuan=40)
    h.book("A", D(2026, 6, 15), 2, 999, channel=True, status="cancelled")
    h.book("A", D(2025, 6, 10), 3, 900, created=datetime(2025, 5, 1))  # last year: 3 nights
    return sqlite_url


def run(capsys, url, *argv):
    code = main(["--db", url, *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_occupancy_json_matches_the_hand_computed_figures(hotel_url, capsys):
    code, out, _ = run(capsys, hotel_url, "report", "occupancy", *PERIOD, "--json")
    data = json.loads(out)
    assert code == 0 and data["total"]["sold_nights"] == 5 and data["total"]["room_nights"] == 90
    assert data["total"]["gross_minor"] == 1001_00 and data["nights"][0]["night"] == "2026-06-01"


def test_channels_text_and_filters(hotel_url, capsys):
    code, out, _ = run(capsys, hotel_url, "report", "channels", *PERIOD)
    assert code == 0
    ctrip = next(line for line in out.splitlines() if line.startswith("携程"))  # the name the owner gave it
    assert "¥500" in ctrip and "¥50" in ctrip and "¥450" in ctrip and "33.3%" in ctrip
    code, out, _ = run(capsys, hotel_url, "report", "revenue", *PERIOD, "--room-type", "B", "--json")
    assert json.loads(out)["total"]["gross_minor"] == 200_00


def test_pace_json_against_last_year(hotel_url, capsys):
    code, out, _ = run(capsys, hotel_url, "report", "pace", *PERIOD, "--as-of", "2026-05-15", "--json")
    data = json.loads(out)
    assert code == 0 and data["last_year_final_nights"] == 3 and data["last_year_nights"] == 3


def test_target_set_then_shown(hotel_url, capsys):
    code, out, err = run(capsys, hotel_url, "report", "target", "--year", "2026", "--set", "365,000", "--by", "season",
                         "--season", "旺季:05-01:10-07:60")
    assert code == 0, err
    assert "2026 target ¥365,000 (by season)" in out and "旺季" in out
    code, out, _ = run(capsys, hotel_url, "report", "target", "--year", "2026", "--json")
    data = json.loads(out)
    assert [p["name"] for p in data["parts"]] == ["rest", "旺季", "rest"]


@pytest.mark.parametrize("argv, words", [
    (["report", "occupancy", "--from", "2026-06-31", "--to", "2026-07-01"], "not a date (want YYYY-MM-DD): '2026-06-31'"),
    (["report", "occupancy", "--from", "2026-07-01", "--to", "2026-06-01"], "on or before it starts"),
    (["report", "revenue"], "needs --from and --to"),
    (["report", "channels", *PERIOD, "--room-type", "ZZZ"], "Unknown room type 'ZZZ'; known: A, B"),
    (["report", "channels", *PERIOD, "--channel", "airbnb"], "Unknown channel 'airbnb'"),
    (["report", "occupancy", *PERIOD, "--property", "NOPE"], "NOPE"),
    (["report", "bookings", *PERIOD, "-o", "x.xlsx"], "has no workbook"),
    (["report", "occupancy", *PERIOD, "-o", "x.csv"], "must end in .xlsx"),
    (["report", "target", "--year", "2026"], "No revenue target for 2026"),
    (["report", "target", "--set", "abc"], "not an amount in yuan"),
    (["report", "target", "--set", "100", "--by", "season"], "needs at least one season"),
    (["report", "target", "--set", "100", "--by", "season", "--season", "x:05-01"], "want NAME:MM-DD:MM-DD:PERCENT"),
])
def test_bad_input_is_one_line_without_traceback(hotel_url, capsys, argv, words):
    try:
        code, _, err = run(capsys, hotel_url, *argv)
    except SystemExit as exc:  # argparse's own refusals (a date that does not exist)
        code, err = exc.code, capsys.readouterr().err
    assert code != 0 and words in err and "Traceback" not in err


def _chart_refs(chart) -> list[str]:
    return [s.val.numRef.f for s in chart.series]


def _categories(chart) -> str:
    cat = chart.series[0].cat
    return (cat.numRef or cat.strRef).f


def test_occupancy_workbook_has_a_line_chart_over_the_daily_sheet(hotel_url, capsys, tmp_path):
    path = tmp_path / "occ.xlsx"
    code, out, _ = run(capsys, hotel_url, "report", "occupancy", *PERIOD, "-o", str(path))
    assert code == 0 and str(path) in out
    wb = load_workbook(path)
    assert wb.sheetnames == ["入住率", "已售间夜", "可售间夜", "每日入住率"]
    daily = wb["每日入住率"]
    assert [c.value for c in daily[2]] == [datetime(2026, 6, 1), 1, 3, pytest.approx(1 / 3)]
    assert daily.max_row == 31
    [chart] = daily._charts
    assert chart.tagname == "lineChart" and _chart_refs(chart) == ["'每日入住率'!$D$2:$D$31"]
    assert _categories(chart) == "'每日入住率'!$A$2:$A$31"


def test_revenue_and_channels_workbooks_chart_their_columns(hotel_url, capsys, tmp_path):
    rev = tmp_path / "rev.xlsx"
    assert run(capsys, hotel_url, "report", "revenue", "--from", "2026-05-01", "--to", "2026-07-01", "-o", str(rev))[0] == 0
    ws = load_workbook(rev)["营收"]
    assert [c.value for c in ws[1]][:5] == ["月份", "可售间夜", "已售间夜", "入住率", "营收"]
    assert [ws["A2"].value, ws["E2"].value, ws["G2"].value] == ["2026-05", 600, 540]
    assert [ws["A3"].value, ws["E3"].value, ws["G3"].value] == ["2026-06", 1001, 951]
    assert [ws["A4"].value, ws["E4"].value] == ["合计", 1601]
    [bars] = ws._charts  # the totals row stays out of the chart
    assert bars.tagname == "barChart" and _chart_refs(bars) == ["'营收'!$E$2:$E$3", "'营收'!$G$2:$G$3"]
    assert _categories(bars) == "'营收'!$A$2:$A$3"
    ch = tmp_path / "ch.xlsx"
    assert run(capsys, hotel_url, "report", "channels", *PERIOD, "-o", str(ch), "--lang", "en")[0] == 0
    ws = load_workbook(ch)["Channels"]
    assert [ws.cell(r, 2).value for r in (2, 3)] == ["Phone", "携程"] and ws["F3"].value == 50
    bars, pie = ws._charts
    assert _chart_refs(bars) == ["'Channels'!$E$2:$E$3", "'Channels'!$G$2:$G$3"]
    assert pie.tagname == "pieChart" and _chart_refs(pie) == ["'Channels'!$E$2:$E$3"]
    assert _categories(bars) == "'Channels'!$B$2:$B$3"


def test_pace_workbook_and_export_report_is_the_same_workbook(hotel_url, capsys, tmp_path):
    pace = tmp_path / "pace.xlsx"
    assert run(capsys, hotel_url, "report", "pace", *PERIOD, "-o", str(pace))[0] == 0
    ws = load_workbook(pace)["预订节奏"]
    [line] = ws._charts
    rows = ws.max_row
    assert _chart_refs(line) == [f"'预订节奏'!$C$2:$C${rows}", f"'预订节奏'!$D$2:$D${rows}"]
    exported = tmp_path / "export.xlsx"
    assert run(capsys, hotel_url, "export", "report", "-o", str(exported), *PERIOD)[0] == 0
    a = load_workbook(exported)
    assert a.sheetnames == ["入住率", "已售间夜", "可售间夜", "每日入住率"] and len(a["每日入住率"]._charts) == 1


def test_a_workbook_path_that_cannot_exist_is_named_in_one_line(hotel_url, capsys):
    code, _, err = run(capsys, hotel_url, "report", "revenue", *PERIOD, "-o", "/nonexistent/dir/r.xlsx")
    assert code != 0 and "/nonexistent/dir" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_chinese_by_default_for_results_and_refusals(hotel_url, capsys, monkeypatch):
    for name in ("CHANNELMGR_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    code, out, _ = run(capsys, hotel_url, "report", "occupancy", *PERIOD)
    assert code == 0 and "入住率 5.6%，已售 5 / 90 间夜" in out
    code, _, err = run(capsys, hotel_url, "report", "channels", *PERIOD, "--room-type", "ZZZ")
    assert code == 2 and err.strip() == "channelmgr: 错误：没有房型 'ZZZ'；已有：A, B"
