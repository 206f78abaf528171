"""Writing the calendar workbook: one sheet per field, room types (or rate plans) × nights.

Written in openpyxl's write-only mode, row by row: a two-year calendar of a hundred room types
is half a million cells and the normal mode would hold all of them as objects. Only the header
rows and the code columns get per-cell styles; data cells are bare values, and everything that
colours them (weekend and holiday columns, sold out, closed) is conditional formatting, which
costs nothing per cell and keeps following the values when a person edits them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..files import save_workbook
from ..inventory.day_marks import DayMark
from .baseline import add_baseline_sheet, calendar_row
from .calendar_data import CalendarData
from .calendar_layout import CALENDAR_SHEETS, FIRST_DATA_ROW, PRICE, ROOMS_TO_SELL, STOP_SELL, CalendarSheet
from .cell_values import MAX_STAY_NIGHTS
from .labels import MAKEUP_WORKDAY, WEEKDAYS, YES_NO, word
from .problems import ExportResult
from .styles import (ALERT_FILL, ALERT_FONT, HOLIDAY_FILL, WARN_FILL, WARN_FONT, WEEKEND_FILL, display_width,
                     declare_size, fill_rule, print_fit_to_width, register_styles, set_widths, styled, wrapped_height)

DATE_COLUMN_WIDTH = 11.5


def write_calendar_workbook(data: CalendarData, path: Path, lang: str) -> ExportResult:
    wb = Workbook(write_only=True)
    register_styles(wb)
    rows, baseline = 0, []
    for sheet in CALENDAR_SHEETS:
        rows += _write_sheet(wb, sheet, data, lang, baseline)
    _write_notes(wb, lang)
    add_baseline_sheet(wb, baseline)
    save_workbook(wb, path)
    return ExportResult(path, tuple(s.title(lang) for s in CALENDAR_SHEETS) + (word("notes_sheet", lang),), rows)


def cell_form(sheet: CalendarSheet, value, lang: str):
    """A stored value as the workbook shows it: yuan for prices, 是 for flags (blank for no)."""
    if value is None:
        return None
    if sheet is PRICE:
        return value // 100 if value % 100 == 0 else Decimal(value) / 100
    if sheet.is_flag:
        return YES_NO[lang][0] if value else None
    return value


def _write_sheet(wb: Workbook, sheet: CalendarSheet, data: CalendarData, lang: str, baseline: list) -> int:
    """Write one field's sheet; append what it wrote, in stored form, to `baseline`."""
    ws = wb.create_sheet(sheet.title(lang))
    days = data.snapshot.days
    rows = data.rows(sheet)
    first = sheet.first_date_column
    name_width = max([display_width(r.name) for r in rows] + [12]) + 2
    widths = {1: 14, first - 1: min(name_width, 40)}
    if sheet.per_rate_plan:
        widths[2] = 14
    widths.update({first + i: DATE_COLUMN_WIDTH for i in range(len(days))})
    set_widths(ws, widths)
    ws.freeze_panes = f"{get_column_letter(first)}{FIRST_DATA_ROW}"
    ws.sheet_view.zoomScale = 90
    declare_size(ws, FIRST_DATA_ROW - 1 + len(rows), first - 1 + len(days))

    ws.append(_header_row(ws, sheet, days, lang))
    ws.append(_weekday_row(ws, sheet, days, lang))
    shown_as_stored = sheet is not PRICE and not sheet.is_flag  # counts and nights: no conversion
    for row in rows:
        stored = data.row_values(sheet, row)
        values = stored if shown_as_stored else [cell_form(sheet, v, lang) for v in stored]
        codes = [styled(ws, code, "cm code") for code in row.codes]
        ws.append([*codes, styled(ws, row.name, "cm name"), *values])
        baseline.append(calendar_row(sheet.key, row.codes, data.snapshot.start, stored))
    if rows and days:
        area = (f"{get_column_letter(first)}{FIRST_DATA_ROW}:"
                f"{get_column_letter(first + len(days) - 1)}{FIRST_DATA_ROW + len(rows) - 1}")
        _add_highlights(ws, sheet, area, lang)
        _add_day_shading(ws, days, first, len(rows))
        ws.data_validations.append(_validation(sheet, area, lang))
    ws.print_title_rows = f"1:{FIRST_DATA_ROW - 1}"
    ws.print_title_cols = f"A:{get_column_letter(first - 1)}"
    ws.page_setup.orientation = "landscape"
    return len(rows)


def _header_row(ws, sheet: CalendarSheet, days: tuple[DayMark, ...], lang: str) -> list:
    heads = [word("room_code", lang)]
    if sheet.per_rate_plan:
        heads += [word("rate_plan_code", lang), word("rate_plan_name", lang)]
    else:
        heads += [word("room_name", lang)]
    cells = [styled(ws, h, "cm header") for h in heads]
    for mark in days:
        cells.append(styled(ws, mark.night, f"cm date header{_day_kind(mark)}"))
    return cells


def _weekday_row(ws, sheet: CalendarSheet, days: tuple[DayMark, ...], lang: str) -> list:
    cells = [styled(ws, sheet.unit(lang), "cm key")]
    cells += [styled(ws, None, "cm key") for _ in range(sheet.first_date_column - 2)]
    for mark in days:
        text = WEEKDAYS[lang][mark.weekday]
        if mark.is_holiday:
            text += " " + ((mark.holiday_zh if lang == "zh" else mark.holiday_en) or "")
        elif mark.makeup_workday:
            text += f"（{MAKEUP_WORKDAY[lang]}）" if lang == "zh" else f" ({MAKEUP_WORKDAY[lang]})"
        cells.append(styled(ws, text, f"cm weekday{_day_kind(mark)}"))
    return cells


def _day_kind(mark: DayMark) -> str:
    return " holiday" if mark.is_holiday else " weekend" if mark.is_weekend else ""


def _add_highlights(ws, sheet: CalendarSheet, area: str, lang: str) -> None:
    """Sold out and closed stand out whatever the column; these rules come first and stop there."""
    top_left = area.split(":")[0]
    if sheet is ROOMS_TO_SELL:
        ws.conditional_formatting.add(area, fill_rule(f"AND(ISNUMBER({top_left}),{top_left}<=0)", ALERT_FILL, ALERT_FONT))
    elif sheet.is_flag:
        yes_words = (YES_NO["zh"][0], YES_NO["en"][0], "Y", "✓")
        formula = "OR(" + ",".join(f'{top_left}="{w}"' for w in yes_words) + ")"
        fill, font = (ALERT_FILL, ALERT_FONT) if sheet is STOP_SELL else (WARN_FILL, WARN_FONT)
        ws.conditional_formatting.add(area, fill_rule(formula, fill, font))


def _add_day_shading(ws, days: tuple[DayMark, ...], first: int, row_count: int) -> None:
    """Holiday and weekend columns, each as one rule over a list of column ranges."""
    last_row = FIRST_DATA_ROW + row_count - 1
    for kind, fill in ((" holiday", HOLIDAY_FILL), (" weekend", WEEKEND_FILL)):
        columns = [first + i for i, mark in enumerate(days) if _day_kind(mark) == kind]
        if columns:
            ranges = " ".join(f"{get_column_letter(a)}{FIRST_DATA_ROW}:{get_column_letter(b)}{last_row}"
                              for a, b in _runs(columns))
            ws.conditional_formatting.add(ranges, fill_rule("TRUE", fill, stop=False))


def _runs(columns: list[int]) -> list[tuple[int, int]]:
    """[3, 4, 9, 10, 11] → [(3, 4), (9, 11)]: adjacent columns as one range."""
    runs: list[tuple[int, int]] = []
    for c in columns:
        if runs and runs[-1][1] == c - 1:
            runs[-1] = (runs[-1][0], c)
        else:
            runs.append((c, c))
    return runs


def _validation(sheet: CalendarSheet, area: str, lang: str) -> DataValidation:
    zh = lang == "zh"
    if sheet.is_flag:
        yes, no = YES_NO[lang]
        dv = DataValidation(type="list", formula1=f'"{yes},{no}"', allow_blank=True)
        message = f"{yes} / {no}"
    elif sheet is PRICE:
        dv = DataValidation(type="decimal", operator="greaterThan", formula1="0", allow_blank=True)
        message = "大于 0 的金额（元）；空 = 用价格计划的价格" if zh else "an amount in yuan above 0; blank = the plan's own price"
    elif sheet is ROOMS_TO_SELL:
        dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        message = "0 或更大的整数，不超过该房型的房间数" if zh else "a whole number from 0 up to the rooms of the type"
    else:
        dv = DataValidation(type="whole", operator="between", formula1="1", formula2=str(MAX_STAY_NIGHTS),
                            allow_blank=True)
        message = f"1–{MAX_STAY_NIGHTS} 晚；空 = 不限" if zh else f"1–{MAX_STAY_NIGHTS} nights; blank = no limit"
    dv.error = message
    dv.errorTitle = sheet.title(lang)
    dv.prompt = message
    dv.showErrorMessage = True
    dv.add(area)
    return dv


def _write_notes(wb: Workbook, lang: str) -> None:
    ws = wb.create_sheet(word("notes_sheet", lang))
    widths = {1: 18, 2: 90}
    set_widths(ws, widths)
    print_fit_to_width(ws)
    zh = lang == "zh"
    ws.append([styled(ws, "房态日历说明" if zh else "About this calendar", "cm title")])
    ws.append([])
    ws.append([styled(ws, h, "cm header") for h in (("工作表", "填写说明") if zh else ("Sheet", "What to type"))])
    for sheet in CALENDAR_SHEETS:
        ws.append([styled(ws, sheet.title(lang), "cm code"), sheet.unit(lang)])
    ws.append([])
    first_note_row = 4 + len(CALENDAR_SHEETS) + 1  # title, blank, header, a row per sheet, blank
    for row, line in enumerate(_NOTES_ZH if zh else _NOTES_EN, start=first_note_row):
        height = wrapped_height([(line, widths[2])])
        if height:
            ws.row_dimensions[row].height = height  # write-only: before the row is written
        ws.append([None, styled(ws, line, "cm text")])


_NOTES_ZH = (
    "第一行是日期，第二行是星期；浅黄色是周末，浅橙色是法定节假日，（班）是调休上班日。",
    "可售房量 = 房间数 − 已订 − 维修 − 手动关闭；改小会关闭房间，最多可填到当晚还空着的房间数。",
    "价格按元填写；与导出时相同的价格不会写入；清空单元格 = 取消手动价格，恢复价格计划的价格。",
    "按其他价格计划加减的价格计划（如含早 = 标准价 + 30 元）不在价格表中，它们随上级价格自动变化。",
    "是/否 类工作表：填“是”生效，空白或“否”表示不生效。",
    "房型代码和价格计划代码用来识别每一行，请勿修改；可以删除不需要的行和列。",
    "导入时全部检查通过才会保存；有问题时会生成一份标出错误单元格的副本。",
)
_NOTES_EN = (
    "Row 1 holds the dates, row 2 the weekdays; light yellow = weekend, light orange = public holiday, (work) = make-up workday.",
    "Rooms to sell = rooms − booked − out of order − closed by hand; lowering it closes rooms, at most the rooms still free that night.",
    "Prices are in yuan; a price equal to the exported one is not written; clearing a cell removes the manual price.",
    "Rate plans derived from another (e.g. breakfast = standard + ¥30) are not on the price sheet: they follow their parent.",
    "Yes/no sheets: 'yes' switches the restriction on; blank or 'no' leaves it off.",
    "The room type and rate plan codes identify each row: do not change them; rows and columns may be deleted.",
    "An import saves only when every cell passes; otherwise a copy with the bad cells marked is written.",
)
