"""What the exported files carry when read back: validations, frozen panes, conditional formats,
number formats, dates as dates; and the reservations, report and extranet workbooks."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from channelmgr.db.models import Channel, ChannelMapping, Setting
from channelmgr.errors import UserError
from channelmgr.excel.calendar_layout import CALENDAR_SHEETS
from tests.core.calendar.builders import TODAY, day

from .helpers import ACTOR, edit, find_cell

# 2030-03-04 is a Monday; 2030-04-05 is 清明节 (Qingming, a Friday).
QINGMING = date(2030, 4, 5)


@pytest.fixture
def calendar_book(services, hotel, tmp_path):
    path = tmp_path / "calendar.xlsx"
    services.excel.export_calendar(hotel.property_id, path, TODAY, TODAY + timedelta(days=40))
    return load_workbook(path)


def test_calendar_sheets_headers_and_panes(calendar_book):
    assert calendar_book.sheetnames == [s.title_zh for s in CALENDAR_SHEETS] + ["说明", "_exported"]
    assert calendar_book["_exported"].sheet_state == "veryHidden"  # what the export wrote, for import
    ws = calendar_book["可售房量"]
    assert ws.freeze_panes == "C3"
    assert ws["C1"].value == datetime(2030, 3, 4) and ws["C1"].number_format == "yyyy-mm-dd"
    assert ws["C2"].value == "周一" and ws["H2"].value == "周六"
    assert [ws["A3"].value, ws["B3"].value, ws["C3"].value] == ["A", "大床房", 4]
    prices = calendar_book["价格"]
    assert prices.freeze_panes == "D3"
    assert [prices["A3"].value, prices["B3"].value, prices["D3"].value] == ["A", "BAR", 500]
    assert [r[1] for r in prices.iter_rows(min_row=3, values_only=True)] == ["BAR", "BAR"]  # derived plans follow


def test_weekend_and_holiday_shading_and_alerts_are_conditional_formats(calendar_book):
    ws = calendar_book["可售房量"]
    rules = {str(cf.sqref): [r for r in cf.rules] for cf in ws.conditional_formatting}
    alert = rules["C3:AP4"][0]
    assert alert.formula == ["AND(ISNUMBER(C3),C3<=0)"] and alert.stopIfTrue
    weekend = next(sqref for sqref, rs in rules.items() if rs[0].dxf.fill.fgColor.rgb.endswith("FFF2CC"))
    assert weekend.startswith("H3:I4")  # the first Saturday and Sunday
    holiday_column = (QINGMING - TODAY).days + 3
    holiday = next(sqref for sqref, rs in rules.items() if rs[0].dxf.fill.fgColor.rgb.endswith("FCE4D6"))
    assert get_column_letter(holiday_column) + "3" in holiday
    assert "清明" in ws.cell(2, holiday_column).value
    flags = calendar_book["关房"]
    [flag_rules] = [cf.rules for cf in flags.conditional_formatting if str(cf.sqref) == "C3:AP4"]
    assert 'C3="是"' in flag_rules[0].formula[0]


def test_calendar_data_validations(calendar_book):
    kinds = {}
    for title in ("可售房量", "价格", "最少入住", "关房"):
        [dv] = calendar_book[title].data_validations.dataValidation
        kinds[title] = (dv.type, dv.formula1)
    assert kinds == {"可售房量": ("whole", "0"), "价格": ("decimal", "0"), "最少入住": ("whole", "1"),
                     "关房": ("list", '"是,否"')}


def test_reservations_workbook(services, hotel, tmp_path):
    hotel.book("A", day(1), 2)
    path = tmp_path / "res.xlsx"
    services.excel.export_reservations(hotel.property_id, path)
    ws = load_workbook(path)["订单"]
    header = [c.value for c in ws[1]]
    row = dict(zip(header, ws[2]))
    assert row["入住"].value == datetime(2030, 3, 5) and row["入住"].number_format == "yyyy-mm-dd"
    assert row["金额"].value == 200 and row["金额"].number_format == '"¥"#,##0.00'
    assert row["状态"].value == "已确认"
    assert ws.auto_filter.ref == "A1:P2" and ws.freeze_panes == "A2"
    assert ws["L3"].value == "=SUBTOTAL(9,L2:L2)"


def test_report_occupancy_per_month(services, hotel, tmp_path):
    hotel.book("A", date(2030, 3, 30), 4)  # 2 nights in March, 2 in April
    path = tmp_path / "report.xlsx"
    services.excel.export_report(hotel.property_id, path, date(2030, 3, 1), date(2030, 5, 1))
    wb = load_workbook(path)
    occ, sold = wb["入住率"], wb["已售间夜"]
    assert [c.value for c in occ[1]][3:] == ["2030-03", "2030-04"]
    assert [c.value for c in sold[2]][:5] == ["A", "大床房", 4, 2, 2]
    assert occ["D2"].value == pytest.approx(2 / (4 * 31)) and occ["D2"].number_format == "0.0%"
    assert [c.value for c in sold[4]][3:] == [2, 2]  # the totals row


def test_extranet_sheet_uses_channel_codes_and_profile_words(services, hotel, tmp_path, db):
    with db.session() as s:
        channel = Channel(property_id=hotel.property_id, name="ctrip", protocol="excel")
        s.add(channel)
        s.flush()
        s.add(ChannelMapping(channel_id=channel.id, room_type_id=hotel.types["A"], rate_plan_id=hotel.plans["A/BAR"],
                             remote_room="CT-A", remote_rate="CT-A-1"))
    path = tmp_path / "ctrip.xlsx"
    result = services.excel.export_extranet(hotel.property_id, path, "ctrip", TODAY, TODAY + timedelta(days=3))
    ws = load_workbook(path)["房价房量"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["子房型ID", "房型ID", "房型名称"]
    first = dict(zip(header, [c.value for c in ws[2]]))
    assert first["子房型ID"] == "CT-A-1" and first["房型ID"] == "CT-A" and first["卖价"] == 500
    assert first["房态"] == "可订" and first["房量"] == 4
    assert result.rows == 4 * 3  # four rate plans × three nights


def test_extranet_profile_overridden_from_settings(services, hotel, tmp_path, db):
    with db.session() as s:
        s.add(Setting(key="excel.extranet_profiles", value={"meituan": {
            "sheet": "新模板", "columns": [{"header": "日期", "field": "night", "format": "yyyy/mm/dd"},
                                          {"header": "库存", "field": "rooms_to_sell"}]}}))
    path = tmp_path / "mt.xlsx"
    services.excel.export_extranet(hotel.property_id, path, "meituan", TODAY, TODAY + timedelta(days=1))
    ws = load_workbook(path)["新模板"]
    assert [[c.value for c in r] for r in ws.iter_rows()] == [["日期", "库存"], ["2030/03/04", 4], ["2030/03/04", 2]]


def test_unknown_extranet_and_bad_windows(services, hotel, tmp_path):
    with pytest.raises(UserError, match="known: ctrip, meituan, tujia"):
        services.excel.export_extranet(hotel.property_id, tmp_path / "x.xlsx", "booking")
    with pytest.raises(UserError, match="at most 730 nights ahead"):
        services.excel.export_calendar(hotel.property_id, tmp_path / "x.xlsx", TODAY, TODAY + timedelta(days=900))
    with pytest.raises(UserError, match="before it starts"):
        services.excel.export_calendar(hotel.property_id, tmp_path / "x.xlsx", TODAY, TODAY)


def test_prices_with_fen_are_exact(services, hotel, tmp_path):
    path = tmp_path / "c.xlsx"
    services.excel.export_calendar(hotel.property_id, path, TODAY, TODAY + timedelta(days=3))
    ref = find_cell(path, "价格", ("B", "BAR"), day(1))
    edit(path, {("价格", ref): "299.99"})
    assert services.excel.import_calendar(hotel.property_id, path, ACTOR).applied
    services.excel.export_calendar(hotel.property_id, path, TODAY, TODAY + timedelta(days=3))
    assert load_workbook(path)["价格"][ref].value == pytest.approx(299.99)
    assert services.excel.import_calendar(hotel.property_id, path, ACTOR).change_count == 0


def test_sheets_declare_their_size_for_fast_reading(services, hotel, tmp_path):
    path = tmp_path / "calendar.xlsx"
    services.excel.export_calendar(hotel.property_id, path, TODAY, TODAY + timedelta(days=40))
    ws = load_workbook(path, read_only=True)["价格"]
    assert (ws.max_row, ws.max_column) == (4, 3 + 40)  # 2 header rows + 2 plans; 3 code/name columns + nights
