"""The engine: order of application, explain == price, bulk == single cell, incremental edits."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest

from channelmgr.pricing import (
    Adjustment,
    ChannelOutput,
    GuestPricing,
    HolidayNights,
    LeadTime,
    NightBeforeHoliday,
    OccupancyAtLeast,
    PriceEngine,
    PriceRefused,
    RatePlan,
    Rounding,
    Rule,
    Scope,
    Season,
    Weekend,
)

from tests.core.pricing.pricing_builders import AS_OF, engine_with, nights

NATIONAL_DAY_SATURDAY = date(2025, 10, 4)
WEEKEND = Rule("wkd", Adjustment.add(8000), (Weekend(),), label_zh="周末", label_en="weekend")
NATIONAL_DAY = Rule("gq", Adjustment.factor(Decimal("1.5")), (HolidayNights({"国庆节"}),),
                    min_stay=2, label_zh="国庆", label_en="National Day")
CTRIP = ChannelOutput("ctrip", markup_percent=Decimal(15), rounding=Rounding.END_IN_8,
                      name_zh="携程", name_en="Ctrip")


def test_the_owners_example_388_to_808():
    engine = engine_with([WEEKEND, NATIONAL_DAY], channels=[CTRIP])
    steps = engine.explain("DLX", "BAR", "ctrip", NATIONAL_DAY_SATURDAY, AS_OF)
    assert [(s.label_en, s.operation, s.price_after) for s in steps] == [
        ("Base price (BAR)", "=388", 38800),
        ("weekend", "+80", 46800),
        ("National Day", "×1.5", 70200),
        ("Ctrip markup", "+15%", 80730),
        ("Ctrip rounding", "↑…8", 80800),
    ]
    assert engine.price("DLX", "BAR", "ctrip", NATIONAL_DAY_SATURDAY, AS_OF) == 80800
    quote = engine.evaluate("DLX", "BAR", "ctrip", NATIONAL_DAY_SATURDAY, AS_OF)
    assert quote.min_stay == 2 and not quote.estimated_holidays


def test_explain_steps_add_up_to_the_price_everywhere():
    engine = engine_with([WEEKEND, NATIONAL_DAY, Rule("last", Adjustment.percent(-7), (LeadTime.last_minute(3),))],
                         overrides={("DLX", "BAR", date(2025, 9, 3)): 29900}, channels=[CTRIP])
    for night in nights(AS_OF, 60):
        for plan in ("BAR", "BB", "NR"):
            steps = engine.explain("DLX", plan, "ctrip", night, AS_OF)
            assert sum(s.amount for s in steps) == steps[-1].price_after
            assert steps[-1].price_after == engine.price("DLX", plan, "ctrip", night, AS_OF)


def test_manual_override_wins_over_rules_but_channel_output_still_applies():
    night = NATIONAL_DAY_SATURDAY
    engine = engine_with([WEEKEND, NATIONAL_DAY], overrides={("DLX", "BAR", night): 50000},
                         channels=[CTRIP])
    steps = engine.explain("DLX", "BAR", "ctrip", night, AS_OF)
    assert steps[-3].label_en == "Manual price" and steps[-3].price_after == 50000
    assert steps[-1].price_after == 57800  # 50000 × 1.15 = 57500 → up to …8


def test_derived_plans_follow_the_parent_after_rules_and_override():
    night = NATIONAL_DAY_SATURDAY
    engine = engine_with([WEEKEND, NATIONAL_DAY])
    assert engine.price("DLX", "BB", "direct", night, AS_OF) == 70200 + 3000
    assert engine.price("DLX", "NR", "direct", night, AS_OF) == 63180
    overridden = engine_with([WEEKEND, NATIONAL_DAY], overrides={("DLX", "BAR", night): 50000})
    assert overridden.price("DLX", "BB", "direct", night, AS_OF) == 53000
    own = engine_with([WEEKEND], overrides={("DLX", "BB", night): 42000})
    assert own.price("DLX", "BB", "direct", night, AS_OF) == 42000
    assert own.price("DLX", "BAR", "direct", night, AS_OF) == 46800


def test_a_rule_reaches_a_derived_plan_only_when_it_names_it():
    breakfast_cost = Rule("bfc", Adjustment.add(2000), scope=Scope(rate_plans={"BB"}))
    engine = engine_with([WEEKEND, breakfast_cost])
    friday = date(2025, 9, 12)
    assert engine.price("DLX", "BAR", "direct", friday, AS_OF) == 46800
    assert engine.price("DLX", "BB", "direct", friday, AS_OF) == 46800 + 3000 + 2000
    assert engine.price("DLX", "NR", "direct", friday, AS_OF) == 42120  # weekend once, via BAR


def test_a_rule_naming_a_derived_plan_and_its_parent_is_refused():
    with pytest.raises(ValueError, match="twice"):
        engine_with([Rule("x", Adjustment.add(1), scope=Scope(rate_plans={"BAR", "BB"}))])


def test_rules_naming_unknown_scopes_are_refused():
    for scope, word in ((Scope(room_types={"NOPE"}), "room types"),
                        (Scope(rate_plans={"NOPE"}), "rate plans"),
                        (Scope(channels={"NOPE"}), "channels")):
        with pytest.raises(ValueError, match=f"'x': unknown {word}"):
            engine_with([Rule("x", Adjustment.add(1), scope=scope)])


def test_channel_scoped_rule_changes_only_that_channel():
    promo = Rule("promo", Adjustment.percent(-5), scope=Scope(channels={"ctrip"}))
    engine = engine_with([promo], channels=[ChannelOutput("direct"), ChannelOutput("ctrip")])
    assert engine.price("DLX", "BAR", "direct", date(2025, 9, 15), AS_OF) == 38800
    assert engine.price("DLX", "BAR", "ctrip", date(2025, 9, 15), AS_OF) == 36860


def test_a_rule_driving_the_price_to_zero_is_refused_naming_the_rule():
    engine = engine_with([Rule("typo", Adjustment.add(-50000), (Weekend(),))])
    with pytest.raises(PriceRefused, match="rule 'typo'"):
        engine.price("DLX", "BAR", "direct", date(2025, 9, 12), AS_OF)
    with pytest.raises(PriceRefused, match="rule 'typo'") as refused:
        engine.compute(None, None, None, nights(AS_OF, 30), AS_OF)
    assert any("first on night 2025-09-05" in note for note in refused.value.__notes__)
    assert engine.price("DLX", "BAR", "direct", date(2025, 9, 15), AS_OF) == 38800  # weekdays fine


def test_override_at_or_below_zero_is_refused():
    with pytest.raises(ValueError, match="above zero"):
        engine_with(overrides={("DLX", "BAR", AS_OF): 0})


def test_duplicate_codes_are_refused():
    with pytest.raises(ValueError, match="duplicate rule"):
        engine_with([WEEKEND, WEEKEND])
    with pytest.raises(ValueError, match="duplicate channel"):
        engine_with(channels=[CTRIP, CTRIP])


def test_guest_prices_go_through_the_channel():
    plans = [RatePlan("BAR", "FAM", base_price=38800,
                      guest_pricing=GuestPricing(by_guest_count={1: -5000}, extra_adult=8000))]
    engine = PriceEngine(plans, [], {}, [CTRIP])
    prices = engine.guest_prices("FAM", "BAR", "ctrip", date(2025, 9, 15), AS_OF, max_guests=3)
    # 33800 / 38800 / 46800 × 1.15 = 38870 / 44620 / 53820, each up to the next …8
    assert prices == {1: 39800, 2: 44800, 3: 54800}


def test_uncovered_year_is_priced_on_flagged_estimates():
    engine = engine_with([NATIONAL_DAY])
    year = engine.settings.calendar.covered_years().stop
    quote = engine.evaluate("DLX", "BAR", "direct", date(year, 10, 1), date(year, 1, 1))
    assert quote.estimated_holidays and quote.price == 58200
    grid = engine.compute(None, None, None, nights(date(year - 1, 12, 30), 3), date(year - 1, 12, 1))
    assert grid.estimated_nights() == (date(year, 1, 1),)


# -- bulk compute and incremental edits ----------------------------------------------------------

ROOM_TYPES = ("DLX", "STD", "FAM")
CHANNELS = [
    ChannelOutput("direct"),
    ChannelOutput("ctrip", markup_percent=Decimal(15), rounding=Rounding.END_IN_8, min_price=19800),
    ChannelOutput("fliggy", markup_percent=Decimal(10), markup_amount=-500, rounding=Rounding.END_IN_9,
                  max_price=120000),
]
HORIZON = nights(date(2025, 9, 20), 150)


def rich_setup():
    plans = []
    for i, room_type in enumerate(ROOM_TYPES):
        plans += [
            RatePlan("BAR", room_type, base_price=28800 + 10000 * i),
            RatePlan("BB", room_type, parent="BAR", derive_kind="amount", derive_value=3000),
            RatePlan("NR", room_type, parent="BAR", derive_kind="percent", derive_value=-10),
            RatePlan("NRB", room_type, parent="BB", derive_kind="percent", derive_value=Decimal("-7.5")),
        ]
    rules = [
        WEEKEND, NATIONAL_DAY,
        Rule("eve", Adjustment.add(10000), (NightBeforeHoliday(),)),
        Rule("yuandan", Adjustment.factor(Decimal("1.3")), (HolidayNights({"元旦"}),)),
        Rule("winter", Adjustment.percent(-10), (Season(date(2000, 11, 15), date(2001, 3, 1), yearly=True),)),
        Rule("last", Adjustment.percent(-10), (LeadTime.last_minute(2),), priority=5),
        Rule("busy", Adjustment.percent(15), (OccupancyAtLeast(Decimal("0.8")),)),
        Rule("promo", Adjustment.percent(-5), scope=Scope(channels={"ctrip"}),
             valid_from=date(2025, 11, 1), valid_to=date(2025, 11, 30)),
        Rule("bfc", Adjustment.add(2000), (HolidayNights(),), scope=Scope(rate_plans={"BB"})),
        Rule("fam_summer", Adjustment.set_to(59900), (Season(date(2025, 9, 20), date(2025, 9, 25)),),
             scope=Scope(room_types={"FAM"})),
    ]
    rng = random.Random(7)
    overrides = {(rng.choice(ROOM_TYPES), rng.choice(["BAR", "BB"]), rng.choice(HORIZON)):
                 rng.randrange(200, 700) * 100 for _ in range(12)}
    occupancy = {(rt, night): Decimal(rng.randrange(0, 11)) / 10 for rt in ROOM_TYPES for night in HORIZON}
    return plans, rules, overrides, occupancy


def fresh_grid(plans, rules, overrides, occupancy):
    engine = PriceEngine(plans, rules, overrides, CHANNELS)
    return engine.compute(None, None, None, HORIZON, AS_OF, occupancy)


def test_compute_agrees_with_price_on_every_cell():
    plans, rules, overrides, occupancy = rich_setup()
    grid = fresh_grid(plans, rules, overrides, occupancy)
    single = PriceEngine(plans, rules, overrides, CHANNELS)  # its own memos
    assert len(grid) == len(ROOM_TYPES) * 4 * len(CHANNELS) * len(HORIZON)
    for (room_type, plan, channel), row in grid.rows.items():
        for night, price in zip(HORIZON, row, strict=True):
            assert price == single.price(room_type, plan, channel, night, AS_OF, occupancy), \
                (room_type, plan, channel, night)
            assert price > 0


def test_compute_can_select_rows():
    plans, rules, overrides, occupancy = rich_setup()
    engine = PriceEngine(plans, rules, overrides, CHANNELS)
    grid = engine.compute(["STD"], ["BB", "NOPE"], ["ctrip"], HORIZON[:10], AS_OF)
    assert list(grid.rows) == [("STD", "BB", "ctrip")]
    assert grid.price("STD", "BB", "ctrip", HORIZON[3]) == engine.price("STD", "BB", "ctrip", HORIZON[3], AS_OF)


def test_incremental_edit_equals_full_recompute_and_touches_only_the_scope():
    plans, rules, overrides, occupancy = rich_setup()
    engine = PriceEngine(plans, rules, overrides, CHANNELS)
    grid = engine.compute(None, None, None, HORIZON, AS_OF, occupancy)
    before = {key: list(row) for key, row in grid.rows.items()}

    edited = Rule("fam_summer", Adjustment.set_to(69900), (Season(date(2025, 9, 20), date(2025, 10, 10)),),
                  scope=Scope(room_types={"FAM"}))
    affected = engine.put_rule(edited, grid)
    assert affected and {rt for rt, _, _ in affected} == {"FAM"}
    assert len(affected) == 4 * len(CHANNELS)  # all FAM plans derive from BAR
    new_rules = [edited if r.code == "fam_summer" else r for r in rules]
    assert grid.rows == fresh_grid(plans, new_rules, overrides, occupancy).rows
    assert all(grid.rows[key] == row for key, row in before.items() if key[0] != "FAM")


def test_incremental_add_disable_and_remove():
    plans, rules, overrides, occupancy = rich_setup()
    engine = PriceEngine(plans, rules, overrides, CHANNELS)
    grid = engine.compute(None, None, None, HORIZON, AS_OF, occupancy)

    added = Rule("std_busy", Adjustment.add(3000), (OccupancyAtLeast(Decimal("0.5")),),
                 scope=Scope(room_types={"STD"}, channels={"fliggy"}))
    affected = engine.put_rule(added, grid)
    assert set(affected) == {("STD", plan, "fliggy") for plan in ("BAR", "BB", "NR", "NRB")}
    assert grid.rows == fresh_grid(plans, rules + [added], overrides, occupancy).rows

    disabled = Rule("bfc", Adjustment.add(2000), (HolidayNights(),), scope=Scope(rate_plans={"BB"}),
                    enabled=False)
    affected = engine.put_rule(disabled, grid)
    assert {plan for _, plan, _ in affected} == {"BB", "NRB"}  # BB and what derives from it
    current = [disabled if r.code == "bfc" else r for r in rules] + [added]
    assert grid.rows == fresh_grid(plans, current, overrides, occupancy).rows

    engine.remove_rule("wkd", grid)
    current = [r for r in current if r.code != "wkd"]
    assert grid.rows == fresh_grid(plans, current, overrides, occupancy).rows
    with pytest.raises(KeyError):
        engine.remove_rule("wkd")


def test_refused_edit_leaves_the_engine_unchanged():
    plans, rules, overrides, occupancy = rich_setup()
    engine = PriceEngine(plans, rules, overrides, CHANNELS)
    with pytest.raises(ValueError, match="unknown room types"):
        engine.put_rule(Rule("x", Adjustment.add(1), scope=Scope(room_types={"NOPE"})))
    assert {r.code for r in engine.rules} == {r.code for r in rules}
