"""Report workbooks: each report's numbers as values, with native Excel charts over them.

One writer per report kind, all fed by ``Services.reports`` (channelmgr/reports), so a workbook
shows exactly what the CLI and the Reports page show. ``channelmgr export report`` is the
occupancy workbook. Charts reference the cells written here (openpyxl.chart), so a person who
corrects a figure in Excel sees the chart follow.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, PieChart, Reference

from ..files import save_workbook
from ..reports.channels import ChannelsReport
from ..reports.occupancy import OccupancyReport
from ..reports.pace import PaceReport
from ..reports.revenue import RevenueReport
from .problems import ExportResult
from ..reservations.desk_bookings import DESK_SOURCE_NAMES
from .styles import print_fit_to_width, register_styles, set_widths, styled

REPORT_KINDS = ("occupancy", "revenue", "channels", "pace")

_WORDS = {
    "code": ("房型代码", "Code"), "room_type": ("房型", "Room type"), "rooms": ("房间数", "Rooms"),
    "total": ("合计", "Total"), "night": ("日期", "Night"), "sold": ("已售间夜", "Nights sold"),
    "room_nights": ("可售间夜", "Room-nights"), "occupancy": ("入住率", "Occupancy"), "month": ("月份", "Month"),
    "gross": ("营收", "Gross revenue"), "commission": ("佣金", "Commission"), "net": ("净营收", "Net revenue"),
    "adr": ("平均房价 ADR", "ADR"), "revpar": ("RevPAR", "RevPAR"), "channel_key": ("渠道代码", "Channel key"),
    "channel": ("渠道", "Channel"), "bookings": ("订单数", "Bookings"), "share": ("营收占比", "Share of revenue"),
    "cancelled": ("取消", "Cancelled"), "cancel_rate": ("取消率", "Cancellation rate"),
    "day": ("日期", "Day"), "days_before": ("距入住天数", "Days before"), "otb": ("今年在手间夜", "Nights on the books"),
    "ly_otb": ("去年同期间夜", "Last year, nights"), "otb_gross": ("今年在手营收", "Revenue on the books"),
    "ly_gross": ("去年同期营收", "Last year, revenue"), "what": ("项目", "Item"), "value": ("数值", "Value"),
}
_SHEETS = {
    "daily": ("每日入住率", "Daily occupancy"), "occupancy": ("入住率", "Occupancy"), "sold": ("已售间夜", "Room-nights sold"),
    "room_nights": ("可售间夜", "Room-nights"), "revenue": ("营收", "Revenue"), "room_types": ("房型", "Room types"),
    "channels": ("渠道", "Channels"), "pace": ("预订节奏", "Booking pace"), "summary": ("摘要", "Summary"),
}


def _w(key: str, zh: bool) -> str:
    return _WORDS[key][0 if zh else 1]


def _sheet(wb: Workbook, key: str, zh: bool):
    return wb.create_sheet(_SHEETS[key][0 if zh else 1])


def _yuan(ws, minor: int | None):
    return styled(ws, None if minor is None else Decimal(minor) / 100, "cm yuan")


def _pct(ws, value: float | None):
    return styled(ws, value, "cm percent")


def _header(ws, keys, zh: bool) -> None:
    ws.append([styled(ws, _w(k, zh), "cm header") for k in keys])


def _new_workbook() -> Workbook:
    wb = Workbook(write_only=True)
    register_styles(wb)
    return wb


def _line_chart(title: str, y_title: str, percent: bool = False) -> LineChart:
    chart = LineChart()
    chart.title, chart.y_axis.title = title, y_title
    chart.height, chart.width = 9, 22
    if percent:
        chart.y_axis.number_format = "0%"
    return chart


def write_occupancy_workbook(report: OccupancyReport, path: Path, lang: str) -> ExportResult:
    zh = lang == "zh"
    wb = _new_workbook()
    labels = [m.month for m in report.months]
    lines = report.room_types
    name = {line.code: (line.name_zh or line.name_en) if zh else (line.name_en or line.name_zh) for line in lines}
    month_nights = [m.figures.room_nights // report.rooms if report.rooms else (m.end - m.first).days
                    for m in report.months]
    for sheet, value, style in (
        ("occupancy", lambda sold, avail: sold / avail if avail else None, "cm percent"),
        ("sold", lambda sold, _avail: sold, None),
        ("room_nights", lambda _sold, avail: avail, None),
    ):
        ws = _sheet(wb, sheet, zh)
        set_widths(ws, {1: 12, 2: 22, 3: 8, **{4 + i: 11 for i in range(len(labels))}})
        ws.freeze_panes = "D2"
        print_fit_to_width(ws)
        ws.append([styled(ws, h, "cm header") for h in (_w("code", zh), _w("room_type", zh), _w("rooms", zh), *labels)])
        for line in lines:
            sold = report.type_months[line.code]
            cells = [value(s, line.rooms * n) for s, n in zip(sold, month_nights)]
            ws.append([styled(ws, line.code, "cm code"), styled(ws, name[line.code], "cm name"), line.rooms,
                       *(styled(ws, c, style) if style else c for c in cells)])
        totals = [value(m.figures.sold_nights, m.figures.room_nights) for m in report.months]
        ws.append([styled(ws, _w("total", zh), "cm code"), None, report.rooms,
                   *(styled(ws, c, style) if style else c for c in totals)])
    ws = _sheet(wb, "daily", zh)
    set_widths(ws, {1: 12, 2: 11, 3: 11, 4: 10})
    ws.freeze_panes = "A2"
    _header(ws, ("night", "sold", "room_nights", "occupancy"), zh)
    for n in report.nights:
        ws.append([styled(ws, n.night, "cm date"), n.sold_nights, n.rooms, _pct(ws, n.occupancy)])
    last = len(report.nights) + 1
    chart = _line_chart(_w("occupancy", zh), _w("occupancy", zh), percent=True)
    chart.add_data(Reference(ws, min_col=4, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    chart.x_axis.number_format = "mm-dd"
    ws.add_chart(chart, "F2")
    save_workbook(wb, path)
    return ExportResult(path, tuple(wb.sheetnames), len(lines))


_FIGURE_COLUMNS = ("room_nights", "sold", "occupancy", "gross", "commission", "net", "adr", "revpar")


def _figure_cells(ws, f) -> list:
    return [f.room_nights, f.sold_nights, _pct(ws, f.occupancy), _yuan(ws, f.gross_minor),
            _yuan(ws, f.commission_minor), _yuan(ws, f.net_minor), _yuan(ws, f.adr_minor), _yuan(ws, f.revpar_minor)]


def write_revenue_workbook(report: RevenueReport, path: Path, lang: str) -> ExportResult:
    zh = lang == "zh"
    wb = _new_workbook()
    ws = _sheet(wb, "revenue", zh)
    set_widths(ws, {1: 10, **{i: 13 for i in range(2, 10)}})
    ws.freeze_panes = "B2"
    _header(ws, ("month", *_FIGURE_COLUMNS), zh)
    for m in report.months:
        ws.append([styled(ws, m.month, "cm code"), *_figure_cells(ws, m.figures)])
    ws.append([styled(ws, _w("total", zh), "cm code"), *_figure_cells(ws, report.total)])
    last = len(report.months) + 1  # the chart leaves the totals row out
    chart = BarChart()
    chart.title, chart.y_axis.title = _w("gross", zh), "¥"
    chart.height, chart.width = 9, 20
    for column in (5, 7):  # gross and net side by side
        chart.add_data(Reference(ws, min_col=column, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    ws.add_chart(chart, "K2")
    types = _sheet(wb, "room_types", zh)
    set_widths(types, {1: 12, 2: 22, 3: 8, **{i: 13 for i in range(4, 12)}})
    _header(types, ("code", "room_type", "rooms", *_FIGURE_COLUMNS), zh)
    for line in report.room_types:
        types.append([styled(types, line.code, "cm code"),
                      styled(types, (line.name_zh or line.name_en) if zh else (line.name_en or line.name_zh), "cm name"),
                      line.rooms, *_figure_cells(types, line.figures)])
    save_workbook(wb, path)
    return ExportResult(path, tuple(wb.sheetnames), len(report.months) + len(report.room_types))


def channel_label(line, zh: bool) -> str:
    if line.is_ota:
        return line.label
    pair = DESK_SOURCE_NAMES.get(line.channel)
    return pair[0 if zh else 1] if pair else line.channel


def write_channels_workbook(report: ChannelsReport, path: Path, lang: str) -> ExportResult:
    zh = lang == "zh"
    wb = _new_workbook()
    ws = _sheet(wb, "channels", zh)
    set_widths(ws, {1: 12, 2: 20, **{i: 12 for i in range(3, 12)}})
    ws.freeze_panes = "C2"
    _header(ws, ("channel_key", "channel", "bookings", "sold", "gross", "commission", "net", "adr", "share",
                 "cancelled", "cancel_rate"), zh)
    for line in report.channels:
        f = line.figures
        ws.append([styled(ws, line.channel, "cm code"), styled(ws, channel_label(line, zh), "cm name"), f.bookings,
                   f.sold_nights, _yuan(ws, f.gross_minor), _yuan(ws, f.commission_minor), _yuan(ws, f.net_minor),
                   _yuan(ws, f.adr_minor), _pct(ws, line.share_of_gross), line.cancelled, _pct(ws, line.cancellation_rate)])
    t = report.total
    ws.append([styled(ws, _w("total", zh), "cm code"), None, t.bookings, t.sold_nights, _yuan(ws, t.gross_minor),
               _yuan(ws, t.commission_minor), _yuan(ws, t.net_minor), _yuan(ws, t.adr_minor), _pct(ws, 1 if t.gross_minor else None),
               sum(line.cancelled for line in report.channels), None])
    last = len(report.channels) + 1
    if report.channels:
        bars = BarChart()
        bars.type = "bar"  # horizontal: channel names read across
        bars.title, bars.x_axis.title = _w("gross", zh), None
        bars.height, bars.width = 9, 18
        for column in (5, 7):
            bars.add_data(Reference(ws, min_col=column, min_row=1, max_row=last), titles_from_data=True)
        bars.set_categories(Reference(ws, min_col=2, min_row=2, max_row=last))
        ws.add_chart(bars, "M2")
        pie = PieChart()
        pie.title = _w("share", zh)
        pie.add_data(Reference(ws, min_col=5, min_row=1, max_row=last), titles_from_data=True)
        pie.set_categories(Reference(ws, min_col=2, min_row=2, max_row=last))
        ws.add_chart(pie, "M21")
    save_workbook(wb, path)
    return ExportResult(path, tuple(wb.sheetnames), len(report.channels))


def write_pace_workbook(report: PaceReport, path: Path, lang: str) -> ExportResult:
    zh = lang == "zh"
    wb = _new_workbook()
    ws = _sheet(wb, "pace", zh)
    set_widths(ws, {1: 12, 2: 11, 3: 14, 4: 14, 5: 14, 6: 14})
    ws.freeze_panes = "A2"
    _header(ws, ("day", "days_before", "otb", "ly_otb", "otb_gross", "ly_gross"), zh)
    for p in report.points:
        ws.append([styled(ws, p.day, "cm date"), p.days_before, p.nights, p.last_year_nights,
                   _yuan(ws, p.gross_minor), _yuan(ws, p.last_year_gross_minor)])
    last = len(report.points) + 1
    chart = _line_chart(_w("otb", zh), _w("sold", zh))
    chart.add_data(Reference(ws, min_col=3, max_col=4, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=last))
    chart.x_axis.title = _w("days_before", zh)
    ws.add_chart(chart, "H2")
    summary = _sheet(wb, "summary", zh)
    set_widths(summary, {1: 26, 2: 16, 3: 16})
    summary.append([styled(summary, h, "cm header") for h in (_w("what", zh), _w("sold", zh), _w("gross", zh))])
    rows = (("今年在手 (截至 %s)" if zh else "On the books (as of %s)", report.as_of, report.nights, report.gross_minor),
            ("去年同期" if zh else "Same time last year", None, report.last_year_nights, report.last_year_gross_minor),
            ("去年最终" if zh else "Last year, final", None, report.last_year_final_nights,
             report.last_year_final_gross_minor))
    for text, when, nights, gross in rows:
        summary.append([text % when if when else text, nights, _yuan(summary, gross)])
    save_workbook(wb, path)
    return ExportResult(path, tuple(wb.sheetnames), len(report.points))


WRITERS = {"occupancy": write_occupancy_workbook, "revenue": write_revenue_workbook,
           "channels": write_channels_workbook, "pace": write_pace_workbook}
