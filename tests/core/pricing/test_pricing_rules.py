"""Rule conditions, adjustments, order and priority — each rule kind through the engine."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from channelmgr.pricing import (
    Adjustment,
    HolidayNights,
    LeadTime,
    MakeupWorkdays,
    NightBeforeHoliday,
    OccupancyAtLeast,
    PricingSettings,
    Rule,
    Scope,
    Season,
    Stage,
    Weekdays,
    Weekend,
    apply_rules,
)

from tests.core.pricing.pricing_builders import AS_OF, engine_with

FRIDAY, SATURDAY, SUNDAY, MONDAY = date(2025, 9, 12), date(2025, 9, 13), date(2025, 9, 14), date(2025, 9, 15)


def bar(engine, night, as_of=AS_OF, occupancy=None):
    return engine.price("DLX", "BAR", "direct", night, as_of, occupancy)


def test_weekend_defaults_to_friday_and_saturday_nights():
    engine = engine_with([Rule("wkd", Adjustment.add(8000), (Weekend(),))])
    assert [bar(engine, d) for d in (FRIDAY, SATURDAY, SUNDAY, MONDAY)] == [46800, 46800, 38800, 38800]


def test_weekend_nights_are_a_setting():
    engine = engine_with([Rule("wkd", Adjustment.add(8000), (Weekend(),))],
                         settings=PricingSettings(weekend_nights=frozenset({5, 6})))
    assert [bar(engine, d) for d in (FRIDAY, SATURDAY, SUNDAY)] == [38800, 46800, 46800]


def test_makeup_workday_on_a_weekend_night_is_priced_as_a_weekday():
    makeup_saturday = date(2025, 10, 11)  # 调休: a Saturday people work
    rules = [Rule("wkd", Adjustment.add(8000), (Weekend(),))]
    assert bar(engine_with(rules), makeup_saturday) == 38800
    literal = PricingSettings(makeup_workdays_are_weekdays=False)
    assert bar(engine_with(rules, settings=literal), makeup_saturday) == 46800


def test_makeup_workday_selector():
    engine = engine_with([Rule("mk", Adjustment.percent(-5), (MakeupWorkdays(),))])
    assert bar(engine, date(2025, 9, 28)) == 36860
    assert bar(engine, date(2025, 9, 27)) == 38800


def test_weekdays_condition_is_literal():
    engine = engine_with([Rule("sun", Adjustment.add(-2000), (Weekdays({6}),))])
    assert bar(engine, SUNDAY) == 36800
    assert bar(engine, date(2025, 9, 28)) == 36800  # a make-up Sunday is still a Sunday
    assert bar(engine, MONDAY) == 38800


def test_season_fixed_and_yearly_with_wrap_over_new_year():
    fixed = engine_with([Rule("s", Adjustment.add(1000), (Season(date(2025, 9, 10), date(2025, 9, 12)),))])
    assert [bar(fixed, date(2025, 9, d)) for d in (9, 10, 12, 13)] == [38800, 39800, 39800, 38800]
    winter = engine_with([Rule("w", Adjustment.add(-1000),
                               (Season(date(2000, 12, 20), date(2001, 1, 5), yearly=True),))])
    assert bar(winter, date(2025, 12, 25), as_of=date(2025, 12, 1)) == 37800
    assert bar(winter, date(2026, 1, 5), as_of=date(2025, 12, 1)) == 37800
    assert bar(winter, date(2026, 1, 6), as_of=date(2025, 12, 1)) == 38800


def test_holiday_nights_by_name_cover_the_whole_break():
    engine = engine_with([Rule("gq", Adjustment.factor(Decimal("1.5")), (HolidayNights({"国庆"}),))])
    assert bar(engine, date(2025, 10, 1)) == 58200
    assert bar(engine, date(2025, 10, 6)) == 58200  # 中秋 inside the 国庆 break
    assert bar(engine, date(2025, 10, 9)) == 38800
    assert bar(engine, date(2026, 2, 17), as_of=date(2026, 1, 1)) == 38800  # 春节: other name


def test_any_holiday_and_night_before_holiday():
    engine = engine_with([
        Rule("hol", Adjustment.add(5000), (HolidayNights(),)),
        Rule("eve", Adjustment.add(10000), (NightBeforeHoliday(),)),
    ])
    assert bar(engine, date(2025, 9, 30)) == 48800  # eve of 国庆
    assert bar(engine, date(2025, 10, 1)) == 43800
    assert bar(engine, date(2025, 10, 8)) == 43800  # last night of the break: a holiday night


def test_lead_time_depends_on_as_of():
    engine = engine_with([
        Rule("last", Adjustment.percent(-10), (LeadTime.last_minute(2),)),
        Rule("early", Adjustment.percent(-5), (LeadTime.early_bird(60),)),
    ])
    night = date(2025, 11, 12)
    assert bar(engine, night, as_of=night) == 34920  # tonight
    assert bar(engine, night, as_of=date(2025, 11, 10)) == 34920  # 2 days ahead
    assert bar(engine, night, as_of=date(2025, 11, 9)) == 38800  # 3 days ahead
    assert bar(engine, night, as_of=date(2025, 9, 13)) == 36860  # 60 days ahead
    assert bar(engine, night, as_of=date(2025, 9, 14)) == 38800  # 59 days ahead


def test_occupancy_threshold_uses_the_sold_fraction_of_the_room_type():
    engine = engine_with([Rule("busy", Adjustment.percent(15), (OccupancyAtLeast(Decimal("0.8")),))])
    night = MONDAY
    assert bar(engine, night) == 38800  # no occupancy given: the rule cannot match
    assert bar(engine, night, occupancy={("DLX", night): Decimal("0.8")}) == 44620
    assert bar(engine, night, occupancy={("DLX", night): Decimal("0.79")}) == 38800
    assert bar(engine, night, occupancy={("STD", night): Decimal("1")}) == 38800


def test_validity_dates_and_enabled_flag():
    rule = Rule("promo", Adjustment.add(-3000), valid_from=date(2025, 9, 10), valid_to=date(2025, 9, 12))
    engine = engine_with([rule, Rule("off", Adjustment.add(-9999), enabled=False)])
    assert [bar(engine, date(2025, 9, d)) for d in (9, 10, 12, 13)] == [38800, 35800, 35800, 38800]


def test_set_price_rule():
    engine = engine_with([Rule("summer", Adjustment.set_to(48800), (Season(date(2025, 9, 1), date(2025, 9, 30)),)),
                          Rule("wkd", Adjustment.add(8000), (Weekend(),))])
    assert bar(engine, MONDAY) == 48800
    assert bar(engine, FRIDAY) == 56800  # a set price is the base the weekend adds to


def test_amounts_come_before_factors_whatever_the_priority():
    rules = [Rule("gq", Adjustment.factor(Decimal("1.5")), priority=-5),
             Rule("wkd", Adjustment.add(8000), priority=99)]
    steps = apply_rules(38800, rules)
    assert [s.label_en for s in steps] == ["wkd", "gq"]
    assert steps[-1].price_after == 70200


def test_higher_priority_acts_later_within_a_stage():
    low = Rule("low", Adjustment.set_to(48800), priority=1)
    high = Rule("high", Adjustment.set_to(58800), priority=2)
    assert apply_rules(38800, [high, low])[-1].price_after == 58800
    assert apply_rules(38800, [low, high])[-1].price_after == 58800


def test_equal_priority_is_ordered_by_code():
    steps = apply_rules(10000, [Rule("b", Adjustment.percent(10)), Rule("a", Adjustment.add(1))])
    assert [s.label_en for s in steps] == ["a", "b"]
    steps = apply_rules(10000, [Rule("b", Adjustment.add(2)), Rule("a", Adjustment.add(1))])
    assert [s.label_en for s in steps] == ["a", "b"]


def test_final_stage_set_has_the_last_word():
    engine = engine_with([
        Rule("cny_fixed", Adjustment.set_to(88800), (HolidayNights({"春节"}),), stage=Stage.FINAL),
        Rule("wkd", Adjustment.add(8000), (Weekend(),)),
        Rule("cny", Adjustment.factor(2), (HolidayNights({"春节"}),)),
    ])
    assert bar(engine, date(2026, 2, 20), as_of=date(2026, 1, 1)) == 88800  # a Friday in 春节


@pytest.mark.parametrize("make, message", [
    (lambda: Adjustment.percent(-100), "≤ 0"),
    (lambda: Adjustment.factor(0), "≤ 0"),
    (lambda: Adjustment.set_to(0), "above zero"),
    (lambda: Rule("r", Adjustment.add(1), valid_from=date(2025, 2, 1), valid_to=date(2025, 1, 1)), "after"),
    (lambda: Season(date(2025, 3, 1), date(2025, 2, 1)), "after it ends"),
    (lambda: LeadTime(5, 2), "empty"),
    (lambda: OccupancyAtLeast(Decimal("1.2")), "between 0 and 1"),
    (lambda: Weekdays({7}), "0 \\(Mon\\)"),
    (lambda: Rule("r", Adjustment.add(1), min_stay=0), "min_stay"),
])
def test_contradictory_rule_settings_are_refused(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_float_adjustments_and_string_scopes_are_refused():
    with pytest.raises(TypeError):
        Adjustment.percent(15.0)
    with pytest.raises(TypeError):
        Adjustment.add(80.0)
    with pytest.raises(TypeError, match="collection of names"):
        Scope(channels="ctrip")
