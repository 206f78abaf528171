"""Reading a calendar workbook back: every cell checked, compared, turned into calendar changes.

Three steps, so nothing is written before everything has been looked at:
  1. `read_grids` reads each sheet's date header and rows (read-only mode, values only);
  2. `compare` checks every cell and keeps the ones a person changed: different from the
     calendar as export would write it now, and from what the export wrote (the baseline, see
     baseline.py), each with its problem or its new stored value;
  3. `plan_changes` turns those into `Change`s of the calendar engine (rooms to sell become
     rooms closed), reading current values in the caller's transaction so the counts of a dry
     run are the counts an import writes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from openpyxl.utils import get_column_letter, range_boundaries
from sqlalchemy.orm import Session

from ..inventory.changes import CellKey, Change, read_values
from .baseline import Baseline, is_absent
from .calendar_data import CalendarData, CalendarRow
from .calendar_layout import (CALENDAR_SHEETS, FIRST_DATA_ROW, HORIZON_NIGHTS, MAX_STAY, MIN_STAY, PAST_NIGHTS_READ,
                              PRICE, ROOMS_TO_SELL, CalendarSheet, sheet_for_title)
from .cell_values import CellError, read_date
from .problems import CellProblem
from .workbook_files import merged_ranges


@dataclass
class SheetGrid:
    sheet: CalendarSheet
    title: str  # as found in the file
    rows: list[tuple]  # data rows (from row 3), values only
    header: tuple = ()  # row 1
    dates: dict[int, date] = field(default_factory=dict)  # 0-based column → night


@dataclass(frozen=True)
class TypedCell:
    """A cell whose value differs from the calendar: what to write where."""

    sheet: CalendarSheet
    row: CalendarRow
    column: int  # night index in the CalendarData window
    value: Any  # stored form (fen, nights, bool, rooms closed for the rooms sheet)
    title: str
    ref: str
    raw: Any


def _problem(title: str, ref: str, raw: Any, error: CellError | tuple[str, str], lang: str) -> CellProblem:
    if isinstance(error, CellError):
        reason = error.reason(lang)
    else:
        reason = error[0] if lang == "zh" else error[1]
    return CellProblem(title, ref, raw, reason)


def read_grids(workbook, today: date, lang: str) -> tuple[list[SheetGrid], list[CellProblem]]:
    """Every calendar sheet's rows and dates; problems for missing sheets, merges and bad headers."""
    found = {}
    for ws in workbook.worksheets:
        sheet = sheet_for_title(ws.title)
        if sheet is not None and sheet not in found:
            found[sheet] = ws
    grids, problems = [], []
    for sheet in CALENDAR_SHEETS:
        ws = found.get(sheet)
        if ws is None:
            problems.append(_problem(sheet.title(lang), "", None,
                                     (f"缺少工作表“{sheet.title_zh}”", f"sheet '{sheet.title_en}' is missing"), lang))
            continue
        rows = list(ws.iter_rows(values_only=True))
        problems += _merged_cell_problems(ws, sheet, lang)
        grid = SheetGrid(sheet, ws.title, rows[FIRST_DATA_ROW - 1:], rows[0] if rows else ())
        problems += _read_dates(grid, today, lang)
        grids.append(grid)
    return grids, problems


def _merged_cell_problems(ws, sheet: CalendarSheet, lang: str) -> list[CellProblem]:
    problems = []
    for ref in merged_ranges(ws):
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        if max_row >= FIRST_DATA_ROW or min_col >= sheet.first_date_column:
            problems.append(_problem(ws.title, ref, None, ("数据区有合并单元格，请取消合并",
                                                           "merged cells in the data area; unmerge them"), lang))
    return problems


def _read_dates(grid: SheetGrid, today: date, lang: str) -> list[CellProblem]:
    problems, header = [], grid.header
    first = grid.sheet.first_date_column - 1
    earliest, beyond = today - timedelta(days=PAST_NIGHTS_READ), today + timedelta(days=HORIZON_NIGHTS)
    seen: dict[date, str] = {}
    for col in range(first, len(header)):
        raw = header[col]
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue  # a column without a date; any value under it is reported with the rows
        ref = f"{get_column_letter(col + 1)}1"
        try:
            night = read_date(raw)
        except CellError as error:
            problems.append(_problem(grid.title, ref, raw, error, lang))
            continue
        if not earliest <= night < beyond:
            problems.append(_problem(grid.title, ref, raw, (
                f"日期超出范围：只能是 {earliest} 至 {beyond - timedelta(days=1)}",
                f"date outside the calendar horizon ({earliest} to {beyond - timedelta(days=1)})"), lang))
        elif night in seen:
            problems.append(_problem(grid.title, ref, raw, (f"日期重复（已在 {seen[night]}）",
                                                            f"date repeated (already in {seen[night]})"), lang))
        else:
            seen[night] = ref
            grid.dates[col] = night
    return problems


def window_of(grids: list[SheetGrid]) -> tuple[date, date] | None:
    """[first night, last night + 1) over every sheet's dates, or None when there are none."""
    nights = [n for g in grids for n in g.dates.values()]
    return (min(nights), max(nights) + timedelta(days=1)) if nights else None


def _code(raw: Any) -> str:
    """A code cell as text: Excel turns a code typed as 101 into the number 101 (or 101.0)."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return "" if raw is None else str(raw).strip()


def compare(grids: list[SheetGrid], data: CalendarData, baseline: Baseline,
            lang: str) -> tuple[list[TypedCell], list[CellProblem]]:
    """The cells a person edited (they differ from what the export wrote) that differ from `data`,
    and every problem found on the way."""
    typed: list[TypedCell] = []
    problems: list[CellProblem] = []
    for grid in grids:
        _compare_sheet(grid, data, baseline, lang, typed, problems)
    problems += _stay_limit_problems(typed, data, lang)
    return typed, problems


def _compare_sheet(grid: SheetGrid, data: CalendarData, baseline: Baseline, lang: str,
                   typed: list[TypedCell], problems: list[CellProblem]) -> None:
    sheet = grid.sheet
    by_codes = {row.codes: row for row in data.rows(sheet)}
    columns = [(col, (night - data.snapshot.start).days) for col, night in sorted(grid.dates.items())]
    first = sheet.first_date_column - 1
    undated = [c for c in range(first, len(grid.header)) if _is_blank(grid.header[c])]
    seen_rows: dict[tuple[str, ...], int] = {}
    for offset, values in enumerate(grid.rows):
        excel_row = FIRST_DATA_ROW + offset
        if all(_is_blank(v) for v in values):
            continue  # empty (trailing) rows
        codes = tuple(_code(v) for v in values[:sheet.code_columns])
        row = by_codes.get(codes)
        if row is None:
            problems.append(_unknown_row(grid.title, excel_row, codes, data, lang))
            continue
        if codes in seen_rows:
            problems.append(_problem(grid.title, f"A{excel_row}", codes[0], (
                f"与第 {seen_rows[codes]} 行重复", f"same row as row {seen_rows[codes]}"), lang))
            continue
        seen_rows[codes] = excel_row
        for col in [*undated, *range(len(grid.header), len(values))]:
            if col < len(values) and not _is_blank(values[col]):
                problems.append(_problem(grid.title, f"{get_column_letter(col + 1)}{excel_row}", values[col],
                                         ("这一列第一行没有日期", "no date in row 1 of this column"), lang))
        current = data.row_values(sheet, row)
        for col, index in columns:
            raw = values[col] if col < len(values) else None
            ref = f"{get_column_letter(col + 1)}{excel_row}"
            try:
                value = sheet.read(raw)
                if value == current[index]:
                    continue
                exported = baseline.calendar_value(sheet, codes, data.nights[index])
                if is_absent(exported) or value != exported:  # untouched cells keep newer values
                    typed.append(_typed_cell(grid, data, row, index, value, ref, raw))
            except CellError as error:
                problems.append(_problem(grid.title, ref, raw, error, lang))


def _typed_cell(grid: SheetGrid, data: CalendarData, row: CalendarRow, index: int, value: Any, ref: str,
                raw: Any) -> TypedCell:
    """A changed cell as the calendar stores it; CellError when the change is not allowed."""
    night = data.nights[index]
    if night < data.snapshot.today:
        raise CellError(f"{night} 已经过去，不能修改", f"{night} is in the past and cannot be changed")
    if grid.sheet is ROOMS_TO_SELL:
        cell = data.cell(row, index)
        free = max(0, cell.total - cell.booked - cell.out_of_order)
        if value > free:
            raise CellError(
                f"当晚最多可售 {free} 间（共 {cell.total} 间，已订 {cell.booked}，维修 {cell.out_of_order}）",
                f"at most {free} rooms can be sold that night "
                f"({cell.total} rooms, {cell.booked} booked, {cell.out_of_order} out of order)")
        value = cell.total - cell.booked - cell.out_of_order - value  # rooms closed by hand
    if grid.sheet is MIN_STAY:
        rule = data.cell(row, index).rule_min_stay
        if rule is not None and (value or 1) < rule:
            # The sheet shows the effective minimum; a lower one would be stored and never hold.
            raise CellError(f"价格规则要求这晚至少住 {rule} 晚，这里不能更少（请改价格规则）",
                            f"a price rule asks for at least {rule} nights on this night; "
                            f"a shorter minimum would not hold (change the price rule instead)")
    return TypedCell(grid.sheet, row, index, value, grid.title, ref, raw)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _unknown_row(title: str, excel_row: int, codes: tuple[str, ...], data: CalendarData, lang: str) -> CellProblem:
    code = codes[0]
    if not code:
        return _problem(title, f"A{excel_row}", None,
                        ("这一行有数据但没有房型代码", "the row has values but no room type code"), lang)
    if code not in {row.room_type_code for row in data.room_rows}:
        return _problem(title, f"A{excel_row}", code, (f"未知的房型代码 {code}", f"unknown room type code {code}"), lang)
    if codes in {row.codes for row in data.plan_rows}:  # a plan derived from another: its price follows
        return _problem(title, f"B{excel_row}", codes[1], (
            f"价格计划 {codes[1]} 按上级价格计划自动计算，不能直接填写价格；请删除这一行",
            f"rate plan {codes[1]} follows its parent plan; its prices cannot be typed (delete the row)"), lang)
    return _problem(title, f"B{excel_row}", codes[1], (f"房型 {code} 没有价格计划 {codes[1]}",
                                                       f"room type {code} has no rate plan {codes[1]}"), lang)


def _stay_limit_problems(typed: list[TypedCell], data: CalendarData, lang: str) -> list[CellProblem]:
    """A minimum stay above the maximum stay of the same night, after the import."""
    limits: dict[tuple[int, int], dict[str, TypedCell]] = defaultdict(dict)
    for t in typed:
        if t.sheet in (MIN_STAY, MAX_STAY):
            limits[(t.row.snapshot_row, t.column)][t.sheet.key] = t
    problems = []
    for (row_index, column), cells in limits.items():
        current = data.snapshot.cells[row_index][column]
        low = cells[MIN_STAY.key].value if MIN_STAY.key in cells else current.min_stay
        high = cells[MAX_STAY.key].value if MAX_STAY.key in cells else current.max_stay
        if low is not None and high is not None and low > high:
            for t in cells.values():
                problems.append(_problem(t.title, t.ref, t.raw, (f"最少入住 {low} 晚大于最多入住 {high} 晚",
                                                                 f"minimum stay {low} is above maximum stay {high}"), lang))
    return problems


def plan_changes(session: Session, typed: list[TypedCell], data: CalendarData) -> list[Change]:
    """Calendar-engine changes for the typed cells, against the values stored right now."""
    keys = [CellKey(t.row.room_type_id, data.nights[t.column], t.sheet.field,
                    t.row.rate_plan_id if t.sheet is PRICE else None) for t in typed]
    current = read_values(session, keys)  # in the order of `keys`
    return [Change(k, before, t.value) for k, t, before in zip(keys, typed, current) if before != t.value]
