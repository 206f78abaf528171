"""Holiday calendar: answers come from the library, spot-checked against the official notices."""

from __future__ import annotations

import re
from datetime import date, timedelta

import chinese_calendar
import holidays
import pytest

from channelmgr.pricing import HolidayCalendar, HolidayDataUnavailable, UncoveredYears
from channelmgr.pricing import holidays_cn
from channelmgr.pricing.holidays_cn import canonical_holiday_name


@pytest.fixture(scope="module")
def calendar() -> HolidayCalendar:
    return HolidayCalendar()


def test_covered_years_include_2025_and_2026(calendar):
    years = calendar.covered_years()
    assert 2025 in years and 2026 in years
    assert years == holidays_cn.covered_years()


@pytest.mark.parametrize("year", [2025, 2026])
def test_holidays_are_the_librarys_days_off(calendar, year):
    days = [date(year, 1, 1) + timedelta(days=i) for i in range(365)]
    ours = {d for d in days if calendar.is_holiday(d)}
    library = {d for d in chinese_calendar.holidays if d.year == year}
    assert ours == library
    assert len(ours) >= 25  # several breaks of 3–9 days, weekends inside them included


@pytest.mark.parametrize("year", [2025, 2026])
def test_makeup_workdays_agree_with_both_libraries(calendar, year):
    days = [date(year, 1, 1) + timedelta(days=i) for i in range(365)]
    ours = {d for d in days if calendar.is_makeup_workday(d)}
    assert ours == {d for d in chinese_calendar.workdays if d.year == year}
    # holidays.China labels each swapped day off "休息日（由 <make-up workday> 调休）".
    swapped = {
        date.fromisoformat(found)
        for label in holidays.China(years=year, language="zh_CN").values()
        for found in re.findall(r"\d{4}-\d{2}-\d{2}", label)
    }
    assert ours == swapped
    assert all(d.weekday() >= 5 for d in ours)  # a make-up workday is always a Saturday or Sunday


def test_2025_national_day_spot_checks(calendar):
    # Official notice for 2025: 10-01 … 10-08 off, 09-28 (Sun) and 10-11 (Sat) are working days.
    assert calendar.is_holiday(date(2025, 10, 1))
    assert calendar.holiday_name(date(2025, 10, 1)) == "国庆节"
    assert calendar.holiday_name(date(2025, 10, 1), lang="en") == "National Day"
    assert calendar.is_holiday(date(2025, 10, 4))  # Saturday inside the break
    assert calendar.is_makeup_workday(date(2025, 9, 28))
    assert calendar.is_makeup_workday(date(2025, 10, 11))
    assert not calendar.is_holiday(date(2025, 9, 28))
    assert not calendar.is_holiday(date(2025, 10, 9))


def test_2026_spring_festival_as_the_library_gives_it(calendar):
    library = sorted(d for d, name in chinese_calendar.holidays.items()
                     if d.year == 2026 and name == "Spring Festival")
    ours = sorted(d for d in library if calendar.holiday_name(d) == "春节")
    assert ours == library
    # Spot check against the 2026 notice: 2-15 … 2-23 off; 2-14 (Sat) and 2-28 (Sat) worked.
    assert library == [date(2026, 2, 15) + timedelta(days=i) for i in range(9)]
    assert calendar.is_makeup_workday(date(2026, 2, 14))
    assert calendar.is_makeup_workday(date(2026, 2, 28))


def test_break_names_cover_a_mixed_break(calendar):
    # 2025: Mid-Autumn (10-06) falls inside the National Day break.
    info = calendar.info(date(2025, 10, 6))
    assert info.holiday_zh == "中秋节"
    assert info.break_names == {"国庆节", "中秋节"}


def test_night_before_holiday(calendar):
    assert calendar.is_night_before_holiday(date(2025, 9, 30))
    assert calendar.info(date(2025, 9, 30)).next_break_names == {"国庆节", "中秋节"}
    assert not calendar.is_night_before_holiday(date(2025, 10, 1))  # already inside the break
    assert not calendar.is_night_before_holiday(date(2025, 9, 29))
    # Tomorrow 2027-01-01 is 元旦 by statute even though 2027's arrangement is not covered.
    assert calendar.is_night_before_holiday(date(2026, 12, 31))


def test_uncovered_year_raises_with_a_clear_message(calendar):
    year = calendar.covered_years().stop
    with pytest.raises(HolidayDataUnavailable, match=f"{year}"):
        calendar.is_holiday(date(year, 10, 1))
    with pytest.raises(HolidayDataUnavailable):
        holidays_cn.is_holiday(date(year, 10, 1))


def test_estimate_mode_flags_estimates_and_keeps_covered_years_official():
    estimating = HolidayCalendar(UncoveredYears.ESTIMATE)
    year = estimating.covered_years().stop
    national_day = estimating.info(date(year, 10, 1))
    assert national_day.is_holiday and national_day.estimated
    assert national_day.holiday_zh == "国庆节"
    assert not estimating.info(date(2025, 10, 1)).estimated
    assert not any(i.is_makeup_workday for i in estimating.classify(date(year, 1, 1), date(year, 12, 31)))


def test_estimates_stretch_over_the_adjoining_weekend():
    estimating = HolidayCalendar(UncoveredYears.ESTIMATE)
    year = estimating.covered_years().stop
    new_year = date(year, 1, 1)
    if new_year.weekday() == 4:  # a Friday New Year's Day takes the weekend with it
        assert estimating.is_holiday(new_year + timedelta(days=1))
        assert estimating.is_holiday(new_year + timedelta(days=2))
    for info in estimating.classify(date(year, 1, 1), date(year + 1, 1, 1)):
        if info.is_holiday and info.date.weekday() == 4 and info.date.month != 12:
            assert estimating.is_holiday(info.date + timedelta(days=1))


def test_classify_matches_day_by_day(calendar):
    start, end = date(2025, 1, 1), date(2027, 1, 1)
    infos = calendar.classify(start, end)
    assert len(infos) == (end - start).days
    for info in infos[::17]:
        assert info == calendar.info(info.date)
        assert info.is_holiday == calendar.is_holiday(info.date)


@pytest.mark.parametrize("name", ["国庆", "国庆节", "National Day", "national day"])
def test_holiday_names_are_canonicalised(name):
    assert canonical_holiday_name(name) == "国庆节"


def test_unknown_holiday_name_is_refused():
    with pytest.raises(ValueError, match="unknown holiday"):
        canonical_holiday_name("圣诞节")
