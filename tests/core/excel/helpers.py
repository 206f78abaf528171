"""Editing exported workbooks the way a person would, with openpyxl in normal mode."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from channelmgr.actor import Actor

ACTOR = Actor("tester", "test")


def edit(path: Path, edits: dict[tuple[str, str], object], target: Path | None = None) -> Path:
    """Set cells {(sheet, "D4"): value} and save (to `target`, else in place)."""
    wb = load_workbook(path)
    for (sheet, ref), value in edits.items():
        wb[sheet][ref] = value
    target = target or path
    wb.save(target)
    return target


def find_cell(path: Path, sheet: str, row_codes: tuple[str, ...], night) -> str:
    """The reference of the cell for these row codes and night in a calendar sheet."""
    wb = load_workbook(path)
    ws = wb[sheet]
    column = next(c.column_letter for c in ws[1] if getattr(c.value, "date", lambda: None)() == night)
    width = len(row_codes)
    for row in ws.iter_rows(min_row=3):
        if tuple(c.value for c in row[:width]) == row_codes:
            return f"{column}{row[0].row}"
    raise AssertionError(f"no row {row_codes} in {sheet}")


def column_of(path: Path, key: str) -> str:
    """The column of an attribute key (row 2) in a room types workbook."""
    ws = load_workbook(path)["房型"]
    return next(c.column_letter for c in ws[2] if c.value == key)
