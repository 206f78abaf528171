"""Reading a room-types workbook back: columns by attribute key (row 2), rows by room type code.

Each cell goes through the catalog's `coerce_value`; a cell equal to what is stored changes
nothing; the changed record is checked as a whole (`catalog.validate`: required fields and the
cross-field rules), and any problem is reported on the cell it comes from. A column missing from
the sheet leaves its attribute alone; a blank cell clears it, as it was exported blank.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from openpyxl.utils import get_column_letter

from ..catalog import CoercionError, by_key, coerce_value, validate
from ..catalog.attributes import find
from ..catalog.coercion import is_blank
from .baseline import Baseline
from .labels import word
from .problems import CellProblem
from .rooms_export import FIRST_DATA_ROW, HEADER_ROWS
from .workbook_files import merged_ranges

CODE_KEY = "room_code"


@dataclass(frozen=True)
class RoomTypeEdit:
    """One room type's new stored values (catalog keys only) and what changed."""

    room_type_id: int
    code: str
    values: dict[str, Any]
    changed: tuple[str, ...]  # attribute keys


def _reason(zh: str, en: str, lang: str) -> str:
    return zh if lang == "zh" else en


def find_sheet(workbook, lang: str):
    """The room-types sheet: by either language's name, else the first sheet with a key row."""
    names = {word("room_types_sheet", "zh"), word("room_types_sheet", "en").casefold()}
    for ws in workbook.worksheets:
        if ws.title.strip() in names or ws.title.strip().casefold() in names:
            return ws
    return None


def read_room_types(workbook, stored: Mapping[str, tuple[int, Mapping[str, Any]]], baseline: Baseline,
                    lang: str) -> tuple[list[RoomTypeEdit], list[CellProblem]]:
    """`stored`: code → (room type id, stored values). Returns the edits and every problem."""
    ws = find_sheet(workbook, lang)
    title = word("room_types_sheet", lang)
    if ws is None:
        return [], [CellProblem(title, "", None, _reason(f"缺少工作表“{word('room_types_sheet', 'zh')}”",
                                                          f"sheet '{word('room_types_sheet', 'en')}' is missing", lang))]
    title = ws.title
    problems = [CellProblem(title, ref, None, _reason("有合并单元格，请取消合并", "merged cells; unmerge them", lang))
                for ref in merged_ranges(ws)]
    rows = list(ws.iter_rows(values_only=True))
    keys_row = rows[HEADER_ROWS - 1] if len(rows) >= HEADER_ROWS else ()
    columns, header_problems = _columns(title, keys_row, lang)
    problems += header_problems
    if CODE_KEY not in columns.values():
        problems.append(CellProblem(title, "", None, _reason(f"第 {HEADER_ROWS} 行没有 {CODE_KEY} 列",
                                                               f"no {CODE_KEY} column in row {HEADER_ROWS}", lang)))
        return [], problems
    code_col = next(c for c, k in columns.items() if k == CODE_KEY)
    by_code = {code.casefold(): code for code in stored}
    edits, seen = [], {}
    for offset, values in enumerate(rows[FIRST_DATA_ROW - 1:]):
        excel_row = FIRST_DATA_ROW + offset
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        raw_code = values[code_col] if code_col < len(values) else None
        code_ref = f"{get_column_letter(code_col + 1)}{excel_row}"
        code = by_code.get(_text(raw_code).casefold())
        if code is None:
            reason = (_reason("这一行没有房型代码", "the row has no room type code", lang) if not _text(raw_code)
                      else _reason(f"未知的房型代码 {_text(raw_code)}（新房型请在房型页面创建）",
                                   f"unknown room type code {_text(raw_code)} (create new room types in the app)", lang))
            problems.append(CellProblem(title, code_ref, raw_code, reason))
            continue
        if code in seen:
            problems.append(CellProblem(title, code_ref, raw_code,
                                        _reason(f"与第 {seen[code]} 行重复", f"same room type as row {seen[code]}", lang)))
            continue
        seen[code] = excel_row
        room_type_id, current = stored[code]
        exported = baseline.room_types.get(code)
        edit, row_problems = _read_row(title, excel_row, values, columns, room_type_id, code, current, exported, lang)
        problems += row_problems
        if edit is not None:
            edits.append(edit)
    return edits, problems


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return "" if raw is None else str(raw).strip()


def _columns(title: str, keys_row: tuple, lang: str) -> tuple[dict[int, str], list[CellProblem]]:
    columns, problems, seen = {}, [], {}
    for col, raw in enumerate(keys_row):
        key = _text(raw)
        if not key:
            continue
        ref = f"{get_column_letter(col + 1)}{HEADER_ROWS}"
        if find(key) is None:
            problems.append(CellProblem(title, ref, raw, _reason(
                f"未知的属性键 {key}；第 {HEADER_ROWS} 行的键不能修改", f"unknown attribute key {key}; "
                f"the keys in row {HEADER_ROWS} must not be changed", lang)))
        elif key in seen:
            problems.append(CellProblem(title, ref, raw, _reason(f"与 {seen[key]} 列重复", f"same key as {seen[key]}", lang)))
        else:
            columns[col] = key
            seen[key] = ref
    return columns, problems


def _read_row(title: str, excel_row: int, values: tuple, columns: dict[int, str], room_type_id: int, code: str,
              current: Mapping[str, Any], exported: Mapping[str, Any] | None,
              lang: str) -> tuple[RoomTypeEdit | None, list[CellProblem]]:
    problems, changed, refs, raws = [], {}, {}, {}
    for col, key in columns.items():
        raw = raws[key] = values[col] if col < len(values) else None
        ref = refs[key] = f"{get_column_letter(col + 1)}{excel_row}"
        try:
            value = coerce_value(by_key(key), raw)
        except CoercionError as error:
            problems.append(CellProblem(title, ref, raw, _reason(error.message_zh, error.message_en, lang)))
            continue
        if value == _stored_or_none(current.get(key)):
            continue
        # A cell left as exported keeps what was saved since (in the app, by another desk).
        if exported is None or value != _stored_or_none(exported.get(key)):
            changed[key] = value
    if problems or not changed:
        return None, problems
    new_values = {k: v for k, v in {**current, **changed}.items() if v is not None}
    catalog_values = {k: v for k, v in new_values.items() if find(k) is not None}
    for problem in validate(catalog_values):
        ref = refs.get(problem.key) or refs[CODE_KEY]
        reason = _reason(f"{problem.label_zh}：{problem.message_zh}", f"{problem.label_en}: {problem.message_en}", lang)
        problems.append(CellProblem(title, ref, raws.get(problem.key, code), reason))
    if problems:
        return None, problems
    return RoomTypeEdit(room_type_id, code, new_values, tuple(changed)), []


def _stored_or_none(value: Any) -> Any:
    """An empty list or text is stored by some editors for "not set"; the sheet shows both as blank."""
    return None if is_blank(value) else value
