"""The calendar as the workbook shows it: the availability snapshot plus every rate plan's prices.

Export writes these values and import compares typed cells with the same values, so a cell
that comes back as it went out is "unchanged" by construction and causes no write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..inventory.availability import CalendarCell, CalendarSnapshot
from .calendar_layout import MAX_STAY, MIN_STAY, PRICE, ROOMS_TO_SELL, STOP_SELL, CTA, CTD, CalendarSheet


@dataclass(frozen=True)
class CalendarRow:
    """One row of a calendar sheet: a room type, or one of its rate plans on the price sheet."""

    snapshot_row: int  # index into the snapshot's rows
    room_type_id: int
    room_type_code: str
    name: str
    rate_plan_id: int | None = None
    rate_plan_code: str | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.room_type_code,) if self.rate_plan_code is None else (self.room_type_code, self.rate_plan_code)


# How each sheet reads a calendar cell (stored form: ints, fen, bools, None).
_CELL_VALUE = {
    ROOMS_TO_SELL.key: lambda c: c.left if c.left > 0 else 0,  # stop-sell has a sheet of its own
    # The effective minimum stay (a price rule's, when stricter than the calendar's): what the
    # channels are sent. Left as exported, it compares equal on import and changes nothing.
    MIN_STAY.key: lambda c: c.effective_min_stay,
    MAX_STAY.key: lambda c: c.max_stay,
    STOP_SELL.key: lambda c: c.stop_sell,
    CTA.key: lambda c: c.closed_to_arrival,
    CTD.key: lambda c: c.closed_to_departure,
}


@dataclass(frozen=True)
class CalendarData:
    snapshot: CalendarSnapshot
    room_rows: tuple[CalendarRow, ...]
    plan_rows: tuple[CalendarRow, ...]  # every rate plan (extranet sheets sell them all)
    prices: dict[int, list[int | None]]  # rate plan id → fen per night of the window
    # The plans whose prices the price sheet shows: those without a parent. A derived plan
    # (parent ± amount or %) follows its parent, so showing it would turn an unchanged cell into
    # a "change" the moment its parent's price moves, and the next import would pin it.
    priced_rows: tuple[CalendarRow, ...] = ()

    @property
    def nights(self) -> list[date]:
        return [mark.night for mark in self.snapshot.days]

    def rows(self, sheet: CalendarSheet) -> tuple[CalendarRow, ...]:
        return self.priced_rows if sheet.per_rate_plan else self.room_rows

    def row_values(self, sheet: CalendarSheet, row: CalendarRow) -> list:
        """The stored-form value of every night of the window for this sheet and row."""
        if sheet is PRICE:
            return self.prices.get(row.rate_plan_id) or [None] * len(self.snapshot.days)
        value = _CELL_VALUE[sheet.key]
        return [value(cell) for cell in self.snapshot.cells[row.snapshot_row]]

    def cell(self, row: CalendarRow, column: int) -> CalendarCell:
        return self.snapshot.cells[row.snapshot_row][column]


def calendar_data(snapshot: CalendarSnapshot, room_types, prices: dict[int, list[int | None]], lang: str) -> CalendarData:
    """Join the snapshot with the rate plans of `room_types` (InventoryService.room_types rows)."""
    by_id = {rt.id: rt for rt in room_types}
    room_rows, plan_rows, priced_rows = [], [], []
    for index, row in enumerate(snapshot.rows):
        rt = by_id[row.id]
        name = _name(rt, lang)
        room_rows.append(CalendarRow(index, rt.id, rt.code, name))
        for plan in rt.rate_plans:
            plan_row = CalendarRow(index, rt.id, rt.code, f"{name} · {_name(plan, lang)}", plan.id, plan.code)
            plan_rows.append(plan_row)
            if plan.parent_code is None:
                priced_rows.append(plan_row)
    return CalendarData(snapshot, tuple(room_rows), tuple(plan_rows), prices, tuple(priced_rows))


def _name(item, lang: str) -> str:
    return (item.name_en or item.name_zh) if lang == "en" else (item.name_zh or item.name_en)
