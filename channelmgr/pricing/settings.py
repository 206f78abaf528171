"""Property-wide pricing settings: what counts as a weekend night, and which holiday calendar."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from .holidays_cn import HolidayCalendar, UncoveredYears
from .rules import NightFacts


@cache
def _estimating_calendar() -> HolidayCalendar:
    # A price horizon of a year or two always reaches a year whose arrangement the State Council
    # has not published yet; refusing to price it would stop every push. So the engine prices
    # such years on estimated holidays, and each DayInfo (and Quote) says they are estimates.
    # One shared instance: the calendar is public data, and its per-year cache is worth keeping.
    return HolidayCalendar(UncoveredYears.ESTIMATE)


@dataclass(frozen=True)
class PricingSettings:
    """``weekend_nights``: weekdays (0 = Mon) whose nights are weekend nights — Friday and
    Saturday by default, because the guest does not work the next morning.
    ``makeup_workdays_are_weekdays``: a make-up working day (调休) on a weekend night is priced
    as a weekday night (it is not a Weekend match)."""

    weekend_nights: frozenset[int] = frozenset({4, 5})
    makeup_workdays_are_weekdays: bool = True
    calendar: HolidayCalendar = field(default_factory=_estimating_calendar, compare=False)

    def __post_init__(self) -> None:
        nights = frozenset(self.weekend_nights)
        if not nights <= set(range(7)):
            raise ValueError(f"weekend_nights are weekdays 0 (Mon) … 6 (Sun), got {sorted(nights)}")
        object.__setattr__(self, "weekend_nights", nights)

    def night_facts(self, night: date, as_of: date) -> NightFacts:
        day = self.calendar.info(night)
        weekend = night.weekday() in self.weekend_nights and not (
            self.makeup_workdays_are_weekdays and day.is_makeup_workday
        )
        return NightFacts(night=night, day=day, is_weekend=weekend, lead_days=(night - as_of).days)
