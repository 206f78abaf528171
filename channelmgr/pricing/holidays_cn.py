"""Chinese public holidays and make-up working days (调休), as pricing needs them.

Which library, and why (checked 2026-11 with chinesecalendar 1.11.0 and holidays 0.109):

* ``chinesecalendar`` (import name ``chinese_calendar``) ships the State Council's yearly
  arrangement as data: every day off of each break *including the weekend days inside it*
  (2025-10-04, a Saturday, is listed as National Day) and every make-up working day
  (2025-09-28, a Sunday). It covers 2004–2026 and, for any other year, raises instead of guessing.
* ``holidays`` (``holidays.China``) computes the statutory days by rule for 1950–2100. For years
  whose arrangement is published (through 2026) it adds the swapped days off, labelled
  "休息日（由 2026-01-04 调休）", from which the make-up workdays can be read back; China has no
  WORKDAY category and ``holidays.financial`` only knows exchange closures, not 调休. It does not
  list the weekend days inside a break, and for 2027 — not yet published — it returns a rule-based
  guess (days shifted to Monday, no make-up workdays) that looks just like an official year.

Both agree on the 2024–2026 make-up workdays; neither has an official 2027 (the State Council
publishes it around November of the year before). So official data comes from ``chinesecalendar``
(``covered_years()`` = 2004–2026). A year outside it raises ``HolidayDataUnavailable``, unless the
calendar is built with ``UncoveredYears.ESTIMATE``: then the statutory days of ``holidays`` are
used, stretched over the adjoining Saturday/Sunday (every Chinese break absorbs its neighbouring
weekend), with no make-up workdays, and every such ``DayInfo`` says ``estimated=True`` so the UI
can show it. Upgrading ``chinesecalendar`` once it carries 2027 turns estimates into facts with no
code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

import chinese_calendar
from chinese_calendar.constants import Holiday as _CCHoliday

_ONE_DAY = timedelta(days=1)

# chinese_calendar's short Chinese names → the names people write in rules ("国庆节 ×1.5").
_FULL_ZH = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}
_ZH_BY_CC_VALUE = {h.value: _FULL_ZH.get(h.chinese, h.chinese) for h in _CCHoliday}
#: Canonical Chinese holiday name → English name.
HOLIDAY_NAMES: dict[str, str] = {zh: en for en, zh in _ZH_BY_CC_VALUE.items()}
# ``holidays`` (used only for estimates) calls Chinese New Year's Eve a holiday of its own; in
# every arrangement since 2025 it is the first day of the Spring Festival break.
_ESTIMATE_ALIASES = {"农历除夕": "春节"}


def canonical_holiday_name(name: str) -> str:
    """'国庆', '国庆节' or 'National Day' → '国庆节'. Unknown names raise ValueError listing valid ones."""
    wanted = name.strip()
    for zh, en in HOLIDAY_NAMES.items():
        if wanted in (zh, zh.removesuffix("节")) or wanted.lower() == en.lower():
            return zh
    raise ValueError(f"unknown holiday {name!r}; known: {', '.join(HOLIDAY_NAMES)}")


class HolidayDataUnavailable(LookupError):
    """The holiday library has no official arrangement for this year (see ``covered_years()``)."""


class UncoveredYears(Enum):
    """What a calendar does for a year the official data does not cover."""

    RAISE = "raise"
    ESTIMATE = "estimate"


@dataclass(frozen=True, slots=True)
class DayInfo:
    """What the calendar says about one date (one night, when pricing)."""

    date: date
    holiday_zh: str | None  # the day's holiday; weekend days inside a break carry the break's name
    holiday_en: str | None
    break_names: frozenset[str]  # every holiday name of the consecutive days off holding this day
    is_makeup_workday: bool  # 调休: a Saturday/Sunday that is a working day
    next_break_names: frozenset[str]  # not a holiday itself, and tomorrow starts a break: its names
    estimated: bool  # True when the year is not covered by official data (UncoveredYears.ESTIMATE)

    @property
    def is_holiday(self) -> bool:
        return self.holiday_zh is not None

    @property
    def is_night_before_holiday(self) -> bool:
        return bool(self.next_break_names)


class HolidayCalendar:
    """Official holiday arrangement per date, with a per-year cache so whole ranges classify fast."""

    def __init__(self, uncovered: UncoveredYears = UncoveredYears.RAISE):
        self._uncovered = uncovered
        self._official = {
            day: _ZH_BY_CC_VALUE[name] for day, name in chinese_calendar.holidays.items()
        }
        self._official_makeup = frozenset(chinese_calendar.workdays)
        years = {day.year for day in chinese_calendar.holidays}
        self._covered = range(min(years), max(years) + 1)
        self._estimates: dict[int, dict[date, str]] = {}
        self._days: dict[date, DayInfo] = {}

    @property
    def uncovered_policy(self) -> UncoveredYears:
        return self._uncovered

    def covered_years(self) -> range:
        """Years with the official arrangement (holidays and make-up workdays) available."""
        return self._covered

    def info(self, day: date) -> DayInfo:
        """Everything about ``day``; raises HolidayDataUnavailable for an uncovered year (RAISE)."""
        found = self._days.get(day)
        if found is None:
            self._days.update(self._classify_year(day.year))
            found = self._days[day]
        return found

    def classify(self, start: date, end: date) -> list[DayInfo]:
        """DayInfo for every date in ``[start, end)``."""
        return [self.info(start + timedelta(days=i)) for i in range((end - start).days)]

    def is_holiday(self, day: date) -> bool:
        """True on every day off of a public-holiday break (weekend days inside it included)."""
        return self.info(day).is_holiday

    def holiday_name(self, day: date, lang: str = "zh") -> str | None:
        info = self.info(day)
        return info.holiday_zh if lang.startswith("zh") else info.holiday_en

    def is_makeup_workday(self, day: date) -> bool:
        return self.info(day).is_makeup_workday

    def is_night_before_holiday(self, day: date) -> bool:
        return self.info(day).is_night_before_holiday

    # -- building a year ---------------------------------------------------------------------

    def _classify_year(self, year: int) -> dict[date, DayInfo]:
        holidays, estimated = self._holidays_of(year)
        makeup = frozenset() if estimated else self._official_makeup
        first = date(year, 1, 1)
        result = {}
        for offset in range((date(year + 1, 1, 1) - first).days):
            day = first + timedelta(days=offset)
            own = holidays.get(day)
            tomorrow_off = own is None and self._neighbour_holiday(day + _ONE_DAY) is not None
            result[day] = DayInfo(
                date=day,
                holiday_zh=own,
                holiday_en=None if own is None else HOLIDAY_NAMES.get(own, own),
                break_names=self._break_names(day) if own else frozenset(),
                is_makeup_workday=day in makeup,
                next_break_names=self._break_names(day + _ONE_DAY) if tomorrow_off else frozenset(),
                estimated=estimated,
            )
        return result

    def _holidays_of(self, year: int) -> tuple[dict[date, str], bool]:
        """(date → holiday name for the year, whether that is an estimate)."""
        if year in self._covered:
            return self._official, False
        if self._uncovered is UncoveredYears.RAISE:
            raise HolidayDataUnavailable(
                f"no official Chinese holiday arrangement for {year}: the installed chinesecalendar "
                f"covers {self._covered.start}–{self._covered.stop - 1}; upgrade it, or build the "
                f"calendar with UncoveredYears.ESTIMATE to price {year} on estimated holidays"
            )
        if year not in self._estimates:
            self._estimates[year] = _estimate_year(year)
        return self._estimates[year], True

    def _neighbour_holiday(self, day: date) -> str | None:
        """Holiday name of a day next to the one being classified, never raising.

        Used to find where a break ends and whether tomorrow starts one. Past the edge of the
        covered years (RAISE policy) only the statute is certain: 1 January is 元旦 every year,
        which keeps 31 December of the last covered year a "night before a holiday".
        """
        if day.year in self._covered or self._uncovered is UncoveredYears.ESTIMATE:
            return self._holidays_of(day.year)[0].get(day)
        return "元旦" if (day.month, day.day) == (1, 1) else None

    def _break_names(self, day: date) -> frozenset[str]:
        """Names of the holiday break holding ``day`` (a break may mix names: 2025 国庆 + 中秋)."""
        names = set()
        for direction in (-_ONE_DAY, _ONE_DAY):
            cursor = day
            while (name := self._neighbour_holiday(cursor)) is not None:
                names.add(name)
                cursor += direction
        return frozenset(names)


def _estimate_year(year: int) -> dict[date, str]:
    """Statutory days of ``year`` from ``holidays``, stretched over the adjoining weekends."""
    import holidays  # only needed for estimates; imported late to keep start-up light

    estimated: dict[date, str] = {}
    for day, label in holidays.China(years=year, language="zh_CN").items():
        name = label.split("（", 1)[0]  # drop "（补假）" (observed) and similar suffixes
        estimated[day] = _ESTIMATE_ALIASES.get(name, name)
    for day, name in sorted(estimated.items()):
        for direction in (-_ONE_DAY, _ONE_DAY):
            cursor = day + direction
            while cursor.weekday() >= 5 and cursor.year == year and cursor not in estimated:
                estimated[cursor] = name
                cursor += direction
    return estimated


_default_calendar: HolidayCalendar | None = None


def default_calendar() -> HolidayCalendar:
    """The shared strict calendar (raises for uncovered years) behind the module-level helpers."""
    global _default_calendar
    if _default_calendar is None:
        _default_calendar = HolidayCalendar()
    return _default_calendar


def covered_years() -> range:
    return default_calendar().covered_years()


def is_holiday(day: date) -> bool:
    return default_calendar().is_holiday(day)


def holiday_name(day: date, lang: str = "zh") -> str | None:
    return default_calendar().holiday_name(day, lang)


def is_makeup_workday(day: date) -> bool:
    return default_calendar().is_makeup_workday(day)


def is_night_before_holiday(day: date) -> bool:
    return default_calendar().is_night_before_holiday(day)


def classify(start: date, end: date) -> list[DayInfo]:
    return default_calendar().classify(start, end)
