"""The reservations workbook: one row per booking, for accounting and sharing.

Money is a number in yuan with a ¥ format (so Excel can sum it), dates are real dates, the
header has an autofilter and a SUBTOTAL row sums what the filter shows.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from ..files import save_workbook
from ..privacy.masking import mask_phone
from ..reservations.desk_bookings import DESK_SOURCE_NAMES
from ..reservations.views import ReservationInfo
from .labels import YES_NO
from .problems import ExportResult
from .styles import print_fit_to_width, register_styles, set_widths, styled

# key, Chinese header, English header, width
COLUMNS = (
    ("id", "订单号", "No.", 8),
    ("source", "来源", "Source", 12),
    ("remote_id", "渠道订单号", "Channel booking ID", 18),
    ("room_type", "房型", "Room type", 10),
    ("room", "房间", "Room", 8),
    ("arrival", "入住", "Arrival", 12),
    ("departure", "离店", "Departure", 12),
    ("nights", "晚数", "Nights", 7),
    ("adults", "成人", "Adults", 7),
    ("children", "儿童", "Children", 7),
    ("guest", "客人", "Guest", 16),
    ("amount", "金额", "Amount", 13),
    ("currency", "币种", "Currency", 7),
    ("status", "状态", "Status", 10),
    ("overbooked", "超订", "Overbooked", 8),
    ("phone", "电话", "Phone", 16),  # masked unless an administrator opted in
)
_INDEX = {c[0]: i for i, c in enumerate(COLUMNS)}
STATUS_LABELS = {
    "confirmed": ("已确认", "Confirmed"), "cancelled": ("已取消", "Cancelled"), "no_show": ("未到店", "No-show"),
    "checked_in": ("已入住", "Checked in"), "checked_out": ("已离店", "Checked out"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def write_reservations_workbook(rows: Sequence[ReservationInfo], path: Path, lang: str,
                                unmasked: bool = False) -> ExportResult:
    """``unmasked``: phone numbers in clear — only after the administrator's opt-in was audited
    (ExcelService.export_reservations); otherwise 138****5678."""
    wb = Workbook(write_only=True)
    register_styles(wb)
    ws = wb.create_sheet("订单" if lang == "zh" else "Reservations")
    set_widths(ws, {i: c[3] for i, c in enumerate(COLUMNS, start=1)})
    ws.freeze_panes = "A2"
    print_fit_to_width(ws)
    last_row = len(rows) + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(2, last_row)}"
    ws.append([styled(ws, _pick(c[1:3], lang), "cm header") for c in COLUMNS])
    yes, no = YES_NO[lang]
    for r in rows:
        source = r.channel or _pick(DESK_SOURCE_NAMES.get(r.source, (r.source, r.source)), lang)
        status = _pick(STATUS_LABELS.get(r.status, (r.status, r.status)), lang)
        ws.append([
            r.id, source, r.remote_id, r.room_type_code, r.room_number,
            styled(ws, r.arrival, "cm date"), styled(ws, r.departure, "cm date"), r.nights, r.adults, r.children,
            r.guest_name, styled(ws, Decimal(r.amount_minor) / 100, "cm yuan"), r.currency, status,
            yes if r.overbooked else no, r.guest_phone if unmasked else mask_phone(r.guest_phone),
        ])
    if rows:
        total = [None] * len(COLUMNS)
        total[0] = styled(ws, "合计" if lang == "zh" else "Total", "cm code")
        for key, style in (("nights", None), ("amount", "cm yuan")):
            index = _INDEX[key]
            letter = get_column_letter(index + 1)
            formula = f"=SUBTOTAL(9,{letter}2:{letter}{last_row})"  # 9 = SUM of the rows the filter shows
            total[index] = styled(ws, formula, style) if style else formula
        ws.append(total)
    save_workbook(wb, path)
    return ExportResult(path, (ws.title,), len(rows))
