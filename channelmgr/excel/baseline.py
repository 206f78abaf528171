"""What an export wrote, kept in a very hidden sheet, so an import changes only what a person edited.

Comparing a typed cell with today's database is not enough: between export and import, bookings
arrive, a last-minute discount starts, a colleague edits a room type. A cell the person never
touched would then differ from the database and be written back, undoing newer work. So each
export also stores the values it wrote, one compact row per sheet row, and import treats a cell
equal to its exported value as untouched. Without the sheet (a workbook made by hand, or saved by
a program that drops hidden sheets) import falls back to comparing with the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from .styles import declare_size

BASELINE_SHEET = "_exported"
_ABSENT = object()


def encode_values(values: list) -> str:
    """Stored calendar values (ints, fen, bools, None) as "3,,1,…": int() turns True into 1."""
    return ",".join(["" if v is None else str(int(v)) for v in values])


def _decode(text: str, is_flag: bool) -> Any:
    if text == "":
        return None
    return text == "1" if is_flag else int(text)


def add_baseline_sheet(wb, rows: Iterable[tuple[str, str, str]]) -> None:
    """A very hidden sheet of (what, key, payload) rows; Excel's "Unhide" does not list it."""
    rows = list(rows)
    ws = wb.create_sheet(BASELINE_SHEET)
    ws.sheet_state = "veryHidden"
    declare_size(ws, len(rows), 3)
    for row in rows:
        ws.append(list(row))


def calendar_row(sheet_key: str, codes: tuple[str, ...], start: date, values: list) -> tuple[str, str, str]:
    """Baseline row of one calendar sheet row: sheet key, row codes, "first night;v1,v2,…"."""
    return sheet_key, "|".join(codes), f"{start.isoformat()};{encode_values(values)}"


def room_type_rows(records) -> Iterable[tuple[str, str, str]]:
    """Baseline rows of a room-types export: "room_type", code, stored values as JSON."""
    for record in records:
        yield "room_type", str(record.get("room_code", "")), json.dumps(record, ensure_ascii=False, sort_keys=True)


@dataclass
class Baseline:
    calendar: dict[tuple[str, tuple[str, ...]], tuple[date, list[str]]] = field(default_factory=dict)
    room_types: dict[str, dict[str, Any]] = field(default_factory=dict)

    def calendar_value(self, sheet, codes: tuple[str, ...], night: date) -> Any:
        """The exported stored value of that cell, or _ABSENT when the export did not write it."""
        found = self.calendar.get((sheet.key, codes))
        if found is None:
            return _ABSENT
        start, values = found
        index = (night - start).days
        if not 0 <= index < len(values):
            return _ABSENT
        return _decode(values[index], sheet.is_flag)

    def room_type_value(self, code: str, key: str) -> Any:
        record = self.room_types.get(code)
        return _ABSENT if record is None else record.get(key)


def is_absent(value: Any) -> bool:
    return value is _ABSENT


def read_baseline(workbook) -> Baseline:
    """The baseline of a workbook; empty when it has none or it cannot be read (then unused)."""
    baseline = Baseline()
    if BASELINE_SHEET not in workbook.sheetnames:
        return baseline
    try:
        for what, key, payload in workbook[BASELINE_SHEET].iter_rows(values_only=True, max_col=3):
            if what == "room_type":
                baseline.room_types[str(key)] = json.loads(payload)
            elif what and payload:
                first, values = str(payload).split(";", 1)
                baseline.calendar[(str(what), tuple(str(key).split("|")))] = (
                    date.fromisoformat(first), values.split(","))
    except (ValueError, TypeError):
        return Baseline()  # damaged: compare with the database instead
    return baseline


__all__ = ["BASELINE_SHEET", "Baseline", "add_baseline_sheet", "calendar_row", "room_type_rows", "read_baseline",
           "is_absent"]
