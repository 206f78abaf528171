"""What the calendar marks on a date: weekday, weekend, Chinese public holiday, make-up workday.

The official arrangement (days off *and* the 调休 Saturdays/Sundays that become workdays) comes
from the pricing engine's holiday calendar, channelmgr.pricing.holidays_cn, so the calendar and the
prices never disagree about which day is 国庆节. That module needs the ``chinesecalendar`` data
package; where it is not installed the marks come from ``holidays.China`` alone (statutory days
and swapped days off, make-up workdays read back from its "调休" labels).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .nights import nights


@dataclass(frozen=True, slots=True)
class DayMark:
    night: date
    holiday_zh: str | None = None
    holiday_en: str | None = None
    makeup_workday: bool = False  # 调休: a Saturday/Sunday that is a working day

    @property
    def weekday(self) -> int:
        return self.night.weekday()  # 0 = Monday

    @property
    def is_weekend(self) -> bool:
        return self.weekday >= 5 and not self.makeup_workday

    @property
    def is_holiday(self) -> bool:
        return self.holiday_zh is not None


def day_marks(start: date, end: date) -> tuple[DayMark, ...]:
    """A mark for every date in ``[start, end)``."""
    if end <= start:
        return ()
    by_date = _marks_for_years(start.year, end.year)
    return tuple(by_date.get(d) or DayMark(d) for d in nights(start, end))


@lru_cache(maxsize=8)
def _marks_for_years(first_year: int, last_year: int) -> dict[date, DayMark]:
    try:
        return _from_pricing_calendar(first_year, last_year)
    except ModuleNotFoundError:  # chinesecalendar (or the pricing module) is not installed
        return _from_holidays_package(first_year, last_year)


def _from_pricing_calendar(first_year: int, last_year: int) -> dict[date, DayMark]:
    from ..pricing.holidays_cn import HolidayCalendar, UncoveredYears

    # ESTIMATE: a calendar two years ahead reaches years the State Council has not published yet;
    # a marked estimate is more useful there than no holidays at all.
    calendar = HolidayCalendar(UncoveredYears.ESTIMATE)
    marks = {}
    for info in calendar.classify(date(first_year, 1, 1), date(last_year + 1, 1, 1)):
        if info.holiday_zh or info.is_makeup_workday:
            marks[info.date] = DayMark(info.date, info.holiday_zh, info.holiday_en, info.is_makeup_workday)
    return marks


_SWAPPED_FROM = re.compile(r"(\d{4}-\d{2}-\d{2})")


def _from_holidays_package(first_year: int, last_year: int) -> dict[date, DayMark]:
    import holidays

    years = range(first_year, last_year + 1)
    zh = holidays.China(years=years, language="zh_CN")
    en = holidays.China(years=years, language="en_US")
    marks: dict[date, DayMark] = {}
    makeup: set[date] = set()
    for day, label in zh.items():
        # "休息日（由 2026-01-04 调休）": a day off swapped with a weekend day that becomes a workday.
        if "调休" in label and (found := _SWAPPED_FROM.search(label)):
            makeup.add(date.fromisoformat(found.group(1)))
        marks[day] = DayMark(day, _short(label), _short(en.get(day, label)))
    for day in makeup:
        marks.setdefault(day, DayMark(day, makeup_workday=True))
    return marks


def _short(label: str) -> str:
    """'劳动节（补假）' → '劳动节', 'Day off (substituted from …)' → 'Day off'."""
    return re.split(r"[（(]", label, maxsplit=1)[0].strip()
