"""Writing the room-types workbook: one row per room type, one column per catalog attribute.

Row 1 is the label in the UI language, row 2 the stable attribute key (import reads columns by
key, so a reordered or relabelled sheet still imports). Choice columns get drop-down lists from
a hidden sheet of labels (Excel limits an inline list to 255 characters); a notes sheet explains
every column's unit and allowed values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from ..files import save_workbook
from ..catalog import ATTRIBUTES, Attribute, Kind
from .baseline import add_baseline_sheet, room_type_rows
from .attribute_cells import cell_form, column_width, describe_allowed, describe_kind
from .labels import YES_NO, word
from .problems import ExportResult
from .styles import declare_size, print_fit_to_width, register_styles, set_widths, styled, wrapped_height

HEADER_ROWS = 2
FIRST_DATA_ROW = 3
FROZEN_COLUMNS = 2  # code and Chinese name stay in view while scrolling right


def label(attribute: Attribute, lang: str) -> str:
    return attribute.label_zh if lang == "zh" else attribute.label_en


def write_rooms_workbook(records: Sequence[Mapping[str, Any]], path: Path, lang: str) -> ExportResult:
    """`records`: each room type's stored attribute values, in display order."""
    wb = Workbook(write_only=True)
    register_styles(wb)
    ws = wb.create_sheet(word("room_types_sheet", lang))
    set_widths(ws, {i: column_width(a, label(a, lang)) for i, a in enumerate(ATTRIBUTES, start=1)})
    ws.freeze_panes = f"{get_column_letter(FROZEN_COLUMNS + 1)}{FIRST_DATA_ROW}"
    declare_size(ws, HEADER_ROWS + len(records), len(ATTRIBUTES))
    ws.row_dimensions[1].height = 32
    ws.append([styled(ws, label(a, lang), "cm header") for a in ATTRIBUTES])
    ws.append([styled(ws, a.key, "cm key") for a in ATTRIBUTES])
    for record in records:
        ws.append([_cell(ws, a, record.get(a.key), lang, i) for i, a in enumerate(ATTRIBUTES)])
    last_row = max(FIRST_DATA_ROW, FIRST_DATA_ROW + len(records) - 1)
    lists_title = word("lists_sheet", lang)
    for dv in _validations(lists_title, last_row, lang):
        ws.data_validations.append(dv)
    ws.auto_filter.ref = f"A{HEADER_ROWS}:{get_column_letter(len(ATTRIBUTES))}{last_row}"
    _write_notes(wb, lang)
    _write_lists(wb, lists_title, lang)
    add_baseline_sheet(wb, room_type_rows(records))
    save_workbook(wb, path)
    return ExportResult(path, (ws.title, word("notes_sheet", lang)), len(records))


def _cell(ws, attribute: Attribute, stored: Any, lang: str, index: int):
    value = cell_form(attribute, stored, lang)
    if index < FROZEN_COLUMNS:
        return styled(ws, value, "cm code" if index == 0 else "cm name")
    if attribute.kind is Kind.MONEY and value is not None:
        return styled(ws, value, "cm yuan")
    return value


def _choice_attributes() -> list[Attribute]:
    return [a for a in ATTRIBUTES if a.kind is Kind.CHOICE]


def _validations(lists_title: str, last_row: int, lang: str) -> list[DataValidation]:
    zh = lang == "zh"
    yes, no = YES_NO[lang]
    yes_no = DataValidation(type="list", formula1=f'"{yes},{no}"', allow_blank=True)
    yes_no.error, yes_no.showErrorMessage = f"{yes} / {no}", True
    validations = [yes_no]
    list_columns = {a.key: i for i, a in enumerate(_choice_attributes(), start=1)}
    for column, attribute in enumerate(ATTRIBUTES, start=1):
        area = f"{get_column_letter(column)}{FIRST_DATA_ROW}:{get_column_letter(column)}{last_row}"
        if attribute.kind is Kind.BOOL:
            yes_no.add(area)
        elif attribute.kind is Kind.CHOICE:
            letter = get_column_letter(list_columns[attribute.key])
            source = f"{quote_sheetname(lists_title)}!${letter}$2:${letter}${len(attribute.choices) + 1}"
            dv = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True)
            dv.error = describe_allowed(attribute, lang)
            dv.errorTitle = label(attribute, lang)
            dv.add(area)
            validations.append(dv)
        elif attribute.kind is Kind.INTEGER and attribute.min_value is not None and attribute.max_value is not None:
            dv = DataValidation(type="whole", operator="between", formula1=str(attribute.min_value),
                                formula2=str(attribute.max_value), allow_blank=True, showErrorMessage=True)
            dv.error = ("整数，" if zh else "whole number, ") + describe_allowed(attribute, lang)
            dv.errorTitle = label(attribute, lang)
            dv.add(area)
            validations.append(dv)
    return validations


def _write_notes(wb: Workbook, lang: str) -> None:
    ws = wb.create_sheet(word("notes_sheet", lang))
    columns = ("key", "label", "group", "kind", "unit", "required", "allowed", "help")
    widths = {1: 22, 2: 24, 3: 14, 4: 24, 5: 8, 6: 8, 7: 48, 8: 48}
    set_widths(ws, widths)
    ws.freeze_panes = "C2"
    print_fit_to_width(ws)
    ws.append([styled(ws, word(c, lang), "cm header") for c in columns])
    yes = YES_NO[lang][0]
    for row, a in enumerate(ATTRIBUTES, start=2):
        height = wrapped_height([(describe_allowed(a, lang), widths[7]), (a.help_zh if lang == "zh" else a.help_en, widths[8])])
        if height:
            ws.row_dimensions[row].height = height
        ws.append([
            styled(ws, a.key, "cm code"), label(a, lang), a.group.label_zh if lang == "zh" else a.group.label_en,
            describe_kind(a, lang), a.unit or ("元" if a.kind is Kind.MONEY and lang == "zh" else
                                              "yuan" if a.kind is Kind.MONEY else None),
            yes if a.required else None, styled(ws, describe_allowed(a, lang) or None, "cm text"),
            styled(ws, (a.help_zh if lang == "zh" else a.help_en) or None, "cm text"),
        ])


def _write_lists(wb: Workbook, title: str, lang: str) -> None:
    """The labels of every single-choice attribute, one column each, for the drop-downs."""
    ws = wb.create_sheet(title)
    ws.sheet_state = "hidden"
    choices = _choice_attributes()
    ws.append([a.key for a in choices])
    depth = max(len(a.choices) for a in choices)
    for i in range(depth):
        ws.append([(label_of(a.choices[i], lang) if i < len(a.choices) else None) for a in choices])


def label_of(choice, lang: str) -> str:
    return choice.label_zh if lang == "zh" else choice.label_en
