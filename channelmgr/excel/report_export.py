"""The report workbook: occupancy per room type per month, and the room-nights behind it.

A skeleton the reports issue builds on (charts come later): the figures are values, not
formulas, except the totals row, so the sheet can be checked by hand.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Sequence

from openpyxl import Workbook

from ..files import save_workbook
from .occupancy import OccupancyRow, occupancy, totals
from .problems import ExportResult
from .styles import print_fit_to_width, register_styles, set_widths, styled


def write_report_workbook(room_types: Sequence, reservations: Sequence, start: date, end: date, path: Path,
                          lang: str) -> ExportResult:
    zh = lang == "zh"
    periods, rows = occupancy(room_types, reservations, start, end, lang)
    total = totals(rows, len(periods))
    wb = Workbook(write_only=True)
    register_styles(wb)
    sheets = (("入住率", "Occupancy", lambda r, i: r.rate(i), "cm percent"),
              ("已售间夜", "Room-nights sold", lambda r, i: r.sold[i], None),
              ("可售间夜", "Room-nights", lambda r, i: r.available[i], None))
    for title_zh, title_en, value, style in sheets:
        ws = wb.create_sheet(title_zh if zh else title_en)
        set_widths(ws, {1: 12, 2: 22, 3: 8, **{4 + i: 11 for i in range(len(periods))}})
        ws.freeze_panes = "D2"
        print_fit_to_width(ws)
        heads = ("房型代码", "房型", "房间数") if zh else ("Code", "Room type", "Rooms")
        ws.append([styled(ws, h, "cm header") for h in (*heads, *(m.label for m in periods))])
        for row in rows:
            ws.append(_line(ws, row, row.room_type_code, row.name, periods, value, style))
        ws.append(_line(ws, total, "合计" if zh else "Total", None, periods, value, style))
    save_workbook(wb, path)
    return ExportResult(path, tuple(wb.sheetnames), len(rows))


def _line(ws, row: OccupancyRow, code, name, periods, value, style) -> list:
    cells = [styled(ws, code, "cm code"), styled(ws, name, "cm name"), row.rooms]
    for i in range(len(periods)):
        v = value(row, i)
        cells.append(styled(ws, v, style) if style else v)
    return cells


