"""Price engine benchmark: 100 room types × 3 rate plans × 730 nights × 5 channels (≈1.1 M prices).

Prints
  METRIC price_full_compute_s            fresh engine (empty memos) + compute of every price
  METRIC price_incremental_one_rule_ms   edit one rule scoped to one room type, refresh the grid
  METRIC price_floor_s                   a bare Python loop building the same 1.1 M-int dict
  METRIC price_full_compute_ratio_to_floor
Each figure is the median of several runs. After timing, the incrementally refreshed grid is
checked against a fresh full compute, and a sample of cells against ``engine.price``.

Run:  PYTHONPATH=. python bench/bench_pricing.py
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta
from decimal import Decimal

from channelmgr.pricing import (
    Adjustment,
    ChannelOutput,
    GuestPricing,
    HolidayNights,
    LeadTime,
    MakeupWorkdays,
    NightBeforeHoliday,
    OccupancyAtLeast,
    PriceEngine,
    RatePlan,
    Rounding,
    Rule,
    Scope,
    Season,
    Stage,
    Weekdays,
    Weekend,
)

ROOM_TYPES = [f"RT{i:03d}" for i in range(100)]
AS_OF = date(2025, 1, 1)
NIGHTS = [AS_OF + timedelta(days=i) for i in range(730)]
RUNS = 5


def build_plans() -> list[RatePlan]:
    rng = random.Random(1)
    plans = []
    for room_type in ROOM_TYPES:
        base = rng.randrange(198, 988) * 100
        plans.append(RatePlan("BAR", room_type, base_price=base, name_zh="标准价"))
        plans.append(RatePlan("BB", room_type, parent="BAR", derive_kind="amount", derive_value=3000,
                              guest_pricing=GuestPricing(2, {1: -2000}, extra_adult=6000),
                              name_zh="含早"))
        plans.append(RatePlan("NR", room_type, parent="BAR", derive_kind="percent",
                              derive_value=Decimal(-10), name_zh="不可取消"))
    return plans


def build_rules() -> list[Rule]:
    d = Decimal
    rules = [
        Rule("weekend", Adjustment.add(8000), (Weekend(),), label_zh="周末"),
        Rule("sunday", Adjustment.percent(d(-5)), (Weekdays({6}),), label_zh="周日"),
        Rule("summer", Adjustment.factor(d("1.2")),
             (Season(date(2025, 7, 1), date(2025, 8, 31), yearly=True),), label_zh="暑期"),
        Rule("winter", Adjustment.percent(d(-10)),
             (Season(date(2025, 11, 15), date(2025, 3, 10), yearly=True),), label_zh="淡季"),
        Rule("spring_festival", Adjustment.factor(d("1.8")), (HolidayNights({"春节"}),),
             min_stay=2, priority=10, label_zh="春节"),
        Rule("national_day", Adjustment.factor(d("1.5")), (HolidayNights({"国庆节"}),),
             min_stay=2, priority=10, label_zh="国庆"),
        Rule("short_holidays", Adjustment.factor(d("1.3")),
             (HolidayNights({"元旦", "清明节", "劳动节", "端午节"}),), label_zh="小长假"),
        Rule("eve_of_holiday", Adjustment.add(10000), (NightBeforeHoliday(),), label_zh="节前夜"),
        Rule("makeup_workday", Adjustment.percent(d(-5)), (MakeupWorkdays(),), label_zh="调休"),
        Rule("last_minute", Adjustment.percent(d(-10)), (LeadTime.last_minute(2),),
             priority=20, label_zh="尾房"),
        Rule("early_bird", Adjustment.percent(d(-5)), (LeadTime.early_bird(60),),
             valid_to=date(2025, 12, 31), label_zh="早鸟"),
        Rule("busy", Adjustment.percent(d(15)), (OccupancyAtLeast(d("0.8")),), label_zh="热销"),
        Rule("almost_full", Adjustment.percent(d(10)), (OccupancyAtLeast(d("0.95")),),
             priority=5, label_zh="将满"),
        Rule("ctrip_spring_promo", Adjustment.percent(d(-5)), (),
             scope=Scope(channels={"ctrip"}), valid_from=date(2025, 3, 1),
             valid_to=date(2025, 4, 30), label_zh="携程春促"),
        Rule("breakfast_holiday_cost", Adjustment.add(2000), (HolidayNights(),),
             scope=Scope(rate_plans={"BB"}), label_zh="节假日早餐成本"),
        Rule("cny_fixed_villa", Adjustment.set_to(188800), (HolidayNights({"春节"}),),
             scope=Scope(room_types={"RT099"}), stage=Stage.FINAL, label_zh="别墅春节一口价"),
    ]
    for i in range(10):  # per-room-type extras, e.g. sea-view rooms in summer
        rules.append(Rule(f"seaview_{i}", Adjustment.add(20000),
                          (Season(date(2025, 6, 15), date(2025, 9, 15), yearly=True),),
                          scope=Scope(room_types={ROOM_TYPES[i * 7]}), label_zh="海景旺季"))
    return rules


def build_channels() -> list[ChannelOutput]:
    d = Decimal
    return [
        ChannelOutput("meituan", rounding=Rounding.WHOLE, min_price=19800),
        ChannelOutput("ctrip", markup_percent=d(15), rounding=Rounding.END_IN_8, min_price=19800,
                      max_price=500000),
        ChannelOutput("tujia", markup_percent=d(8), rounding=Rounding.WHOLE),
        ChannelOutput("fliggy", markup_percent=d(10), rounding=Rounding.END_IN_9),
        ChannelOutput("airbnb", markup_percent=d(3), markup_amount=500, min_price=19800),
    ]


def build_overrides() -> dict:
    rng = random.Random(2)
    return {(rng.choice(ROOM_TYPES), "BAR", rng.choice(NIGHTS)): rng.randrange(300, 900) * 100
            for _ in range(500)}


def build_occupancy() -> dict:
    rng = random.Random(3)
    return {(rt, night): Decimal(rng.randrange(0, 101)) / 100 for rt in ROOM_TYPES for night in NIGHTS}


def make_engine(plans, rules, overrides, channels) -> PriceEngine:
    return PriceEngine(plans, rules, overrides, channels)


def main() -> None:
    plans, rules, overrides = build_plans(), build_rules(), build_overrides()
    occupancy = build_occupancy()

    full_times, grid, engine = [], None, None
    for _ in range(RUNS):
        channels = build_channels()  # fresh channel memos too
        started = time.perf_counter()
        engine = make_engine(plans, rules, overrides, channels)
        grid = engine.compute(None, None, None, NIGHTS, AS_OF, occupancy)
        full_times.append(time.perf_counter() - started)
    print(f"prices computed: {len(grid):,} ({len(grid.rows)} rows × {len(NIGHTS)} nights)")

    # Incremental: edit one rule scoped to one room type, alternating values so every edit
    # produces rule sets the memo has not seen.
    target = next(rule for rule in rules if rule.code == "seaview_3")
    incremental = []
    for run in range(RUNS * 4):
        edited = Rule(target.code, Adjustment.add(20000 + 1000 * (run + 1)), target.conditions,
                      scope=target.scope, label_zh=target.label_zh)
        started = time.perf_counter()
        affected = engine.put_rule(edited, grid)
        incremental.append(time.perf_counter() - started)
    print(f"rows refreshed per edit: {len(affected)}")

    keys = list(grid.rows)
    template = list(range(len(NIGHTS)))
    floors = []
    for _ in range(RUNS):
        started = time.perf_counter()
        floor = {key: [n for n in template] for key in keys}
        floors.append(time.perf_counter() - started)
    assert len(floor) == len(grid.rows)

    # Honesty checks, outside the timings.
    fresh = make_engine(plans, engine.rules, overrides, build_channels())
    expected = fresh.compute(None, None, None, NIGHTS, AS_OF, occupancy)
    assert expected.rows == grid.rows, "incremental refresh disagrees with a full compute"
    rng = random.Random(4)
    for _ in range(300):
        rt, plan, channel = rng.choice(keys)
        night = rng.choice(NIGHTS)
        single = engine.price(rt, plan, channel, night, AS_OF, occupancy)
        assert single == grid.price(rt, plan, channel, night), (rt, plan, channel, night)
    print("checks: incremental == full compute; 300 sampled cells == engine.price")

    full = statistics.median(full_times)
    floor_s = statistics.median(floors)
    print(f"METRIC price_full_compute_s {full:.3f} s")
    print(f"METRIC price_incremental_one_rule_ms {statistics.median(incremental) * 1000:.2f} ms")
    print(f"METRIC price_floor_s {floor_s:.3f} s")
    print(f"METRIC price_full_compute_ratio_to_floor {full / floor_s:.1f} x")


if __name__ == "__main__":
    main()
