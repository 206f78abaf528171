"""A copy of an imported workbook with every bad cell filled red and commented with the reason.

The person fixes the copy where the marks are and imports it again; the original file is never
touched. Loaded in normal mode (comments and fills need real cells), which is slower than the
read-only import, but it only runs when something is wrong.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import range_boundaries

from ..files import save_workbook
from .problems import CellProblem
from .styles import BAD_CELL_FILL

AUTHOR = "channelmgr"
_BAD = PatternFill("solid", start_color=BAD_CELL_FILL, end_color=BAD_CELL_FILL)


def annotated_copy_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.problems.xlsx")


def write_annotated_copy(source: Path, problems: list[CellProblem]) -> Path | None:
    """Write the marked copy next to `source`; None when no problem points at a cell."""
    by_sheet: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for problem in problems:
        if problem.cell:
            by_sheet[problem.sheet][problem.cell].append(problem.reason)
    if not by_sheet:
        return None
    wb = load_workbook(source)
    for title, cells in by_sheet.items():
        if title not in wb.sheetnames:
            continue
        ws = wb[title]
        for ref, reasons in cells.items():
            _mark(ws, ref, "\n".join(dict.fromkeys(reasons)))
    target = annotated_copy_path(source)
    save_workbook(wb, target)
    return target


def _mark(ws, ref: str, text: str) -> None:
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    if ":" in ref:  # a merged range: unmerge so each cell can be marked, then comment the first
        if ref in {str(r) for r in ws.merged_cells.ranges}:
            ws.unmerge_cells(ref)
    for row in range(min_row, max_row + 1):
        for col in range(min_col, max_col + 1):
            ws.cell(row, col).fill = _BAD
    comment = Comment(text, AUTHOR)
    comment.width, comment.height = 260, 90
    ws.cell(min_row, min_col).comment = comment
