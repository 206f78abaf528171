"""The calendar workbook's sheets as data: one entry per field, shared by export and import.

Each sheet holds one field for room types × nights (prices: rate plans × nights). Rows start
with the codes that identify them, then a name for people; dates run along row 1 with the
weekday under them; the data starts on row 3. Export and import both read this table, so a
sheet cannot be written in one shape and read in another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..inventory.changes import PRICE as PRICE_FIELD
from .cell_values import read_flag, read_nights, read_price, read_rooms

HEADER_ROWS = 2  # dates, weekdays
HORIZON_NIGHTS = 730  # how far ahead a calendar workbook reaches: two years, as far as channels sell
PAST_NIGHTS_READ = 400  # an old export may start in the past; older columns are refused outright
FIRST_DATA_ROW = HEADER_ROWS + 1


@dataclass(frozen=True)
class CalendarSheet:
    key: str  # stable, used in reports and dry-run counts
    title_zh: str  # sheet names; import accepts either language
    title_en: str
    unit_zh: str  # the hint under the code header: what a cell means
    unit_en: str
    read: Callable[[object], object]  # cell → stored value; raises CellError
    per_rate_plan: bool = False
    is_flag: bool = False

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def unit(self, lang: str) -> str:
        return self.unit_zh if lang == "zh" else self.unit_en

    @property
    def field(self) -> str:
        """The calendar field the sheet edits (see channelmgr.inventory.changes)."""
        return {"rooms_to_sell": "rooms_closed", "price": PRICE_FIELD}.get(self.key, self.key)

    @property
    def code_columns(self) -> int:
        """Columns that identify a row: room type code (and rate plan code)."""
        return 2 if self.per_rate_plan else 1

    @property
    def first_date_column(self) -> int:
        return self.code_columns + 2  # after the codes and one name column


ROOMS_TO_SELL = CalendarSheet("rooms_to_sell", "可售房量", "Rooms to sell", "单位：间", "rooms", read_rooms)
PRICE = CalendarSheet("price", "价格", "Prices", "元/晚", "yuan per night", read_price, per_rate_plan=True)
MIN_STAY = CalendarSheet("min_stay", "最少入住", "Min stay", "晚；空=不限", "nights; blank = none", read_nights)
MAX_STAY = CalendarSheet("max_stay", "最多入住", "Max stay", "晚；空=不限", "nights; blank = none", read_nights)
STOP_SELL = CalendarSheet("stop_sell", "关房", "Stop-sell", "是=关房", "yes = closed", read_flag, is_flag=True)
CTA = CalendarSheet("closed_to_arrival", "禁止入住(CTA)", "CTA", "是=当天不可入住", "yes = no arrivals",
                    read_flag, is_flag=True)
CTD = CalendarSheet("closed_to_departure", "禁止离店(CTD)", "CTD", "是=当天不可离店", "yes = no departures",
                    read_flag, is_flag=True)

CALENDAR_SHEETS: tuple[CalendarSheet, ...] = (ROOMS_TO_SELL, PRICE, MIN_STAY, MAX_STAY, STOP_SELL, CTA, CTD)


def sheet_for_title(title: str) -> CalendarSheet | None:
    wanted = title.strip().casefold()
    for sheet in CALENDAR_SHEETS:
        if wanted in (sheet.title_zh.casefold(), sheet.title_en.casefold()):
            return sheet
    return None
