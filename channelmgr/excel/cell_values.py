"""Reading one calendar cell or date header the way people fill them in Excel or WPS.

Numbers and flags go through the attribute catalog's `coerce_value` (declared here as small
ad-hoc attributes), so "３８８", "¥388", "388元", "✓", "Y" and "否" mean in the calendar what they
mean in a room type, and "1,5" or "3-4" are refused the same way. The exported forms (plain
ints, "是", blank) are checked first without the general parser: a two-year calendar has half a
million cells and almost all of them come back exactly as they went out.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from ..catalog import Attribute, CoercionError, Group, Kind, coerce_value

MAX_STAY_NIGHTS = 365  # as the calendar's bulk edit allows

_ROOMS = Attribute("rooms_to_sell", "可售房量", "Rooms to sell", Group.BASICS, Kind.INTEGER, min_value=0)
_NIGHTS = Attribute("stay_nights", "入住晚数", "Nights", Group.BASICS, Kind.INTEGER,
                    min_value=1, max_value=MAX_STAY_NIGHTS)
_PRICE = Attribute("night_price", "房价", "Price", Group.BASICS, Kind.MONEY, min_value=1)
_FLAG = Attribute("calendar_flag", "是否", "Yes/no", Group.BASICS, Kind.BOOL)

_FAST_FLAGS = {"是": True, "否": False, "yes": True, "no": False}
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01, counting Excel's phantom 1900-02-29
_DATE_TEXT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]0{1,2}:00(?::00)?)?")


class CellError(ValueError):
    """A cell that cannot be used; `zh` and `en` say why."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh = zh
        self.en = en

    def reason(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def _coerce(attribute: Attribute, raw: object):
    try:
        return coerce_value(attribute, raw)
    except CoercionError as exc:
        raise CellError(exc.message_zh, exc.message_en) from None


def _is_plain_int(raw: object) -> bool:
    return type(raw) is int


def read_rooms(raw: object) -> int:
    """Rooms to sell: a whole number ≥ 0; a blank cell is an error (0 closes the night)."""
    if _is_plain_int(raw) and raw >= 0:
        return raw
    value = _coerce(_ROOMS, raw)
    if value is None:
        raise CellError("不能为空；关房请填 0", "must not be blank; write 0 to sell none")
    return value


def read_nights(raw: object) -> int | None:
    """A stay limit in nights, 1 … 365; blank = no limit."""
    if _is_plain_int(raw) and 1 <= raw <= MAX_STAY_NIGHTS:
        return raw
    return _coerce(_NIGHTS, raw)


def read_price(raw: object) -> int | None:
    """A nightly price typed in yuan → fen, above zero; blank = no price of its own."""
    if _is_plain_int(raw) and raw > 0:
        return raw * 100
    return _coerce(_PRICE, raw)


def read_flag(raw: object) -> bool:
    """是/否, Y/N, ✓, 1/0 …; blank = no."""
    if raw is None:
        return False
    if isinstance(raw, str) and (fast := _FAST_FLAGS.get(raw)) is not None:
        return fast
    value = _coerce(_FLAG, raw)
    return bool(value)


def read_date(raw: object) -> date:
    """A date header: a date cell, an Excel serial number, or text like 2026-12-01 / 2026年12月1日."""
    if isinstance(raw, datetime):
        if raw.time() != datetime.min.time():
            raise CellError(f"应为日期，不带时间：{raw}", f"expected a date without a time: {raw}")
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if raw == int(raw) and 20000 <= raw <= 80000:  # 1954 … 2119: anything else is not a date
            return _EXCEL_EPOCH + timedelta(days=int(raw))
        raise CellError(f"不是日期：{raw}", f"not a date: {raw}")
    if isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).strip()
        found = _DATE_TEXT.fullmatch(text)
        if found:
            try:
                return date(int(found[1]), int(found[2]), int(found[3]))
            except ValueError:
                pass
    raise CellError(f"不是日期（应为 2026-12-01 这样的格式）：{raw!r}",
                    f"not a date (write it as 2026-12-01): {raw!r}")
