"""Prices from the database: rules stored and loaded, the demo's prices, overrides written by
others, the fat-finger guard, the seams for the calendar and the sync engine, and the cache."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from types import SimpleNamespace

import pytest
from sqlalchemy import select, update

from channelmgr.actor import Actor
from channelmgr.db.models import (
    AuditEntry,
    Channel,
    PriceOverride,
    PriceRule,
    Property,
    RatePlan as RatePlanRow,
    Reservation,
    Room,
    RoomType,
)
from channelmgr.errors import UserError
from channelmgr.pricing import (
    Adjustment,
    ChannelSettingsInvalid,
    ConfirmationRequired,
    HolidayNights,
    LeadTime,
    MakeupWorkdays,
    NightBeforeHoliday,
    OccupancyAtLeast,
    PriceEngine,
    PriceRefused,
    RatePlan,
    Rounding,
    Rule,
    RuleInvalid,
    RuleSpec,
    Scope,
    Season,
    Stage,
    Weekdays,
    Weekend,
    channel_output_from_settings,
    settings_of_output,
)
from channelmgr.pricing.edits import PutRule
from channelmgr.pricing.service import PricingService

ACTOR = Actor("tester", "test")
# 04:00 on 1 September 2026 in Dali (UTC+8): "today" for last-minute and early-bird rules.
NOW = datetime(2026, 8, 31, 20, 0, tzinfo=timezone.utc)
TODAY = date(2026, 9, 1)


def fixed_clock():
    return NOW


def nights(start: date, count: int) -> list[date]:
    return [start + timedelta(days=i) for i in range(count)]


@pytest.fixture
def demo(demo_services):
    demo_services.pricing.clock = fixed_clock
    pid = demo_services.inventory.property_id(None)
    return SimpleNamespace(services=demo_services, pricing=demo_services.pricing, pid=pid, db=demo_services.db)


# -- channel output settings ----------------------------------------------------------------------


def test_channel_settings_become_channel_output():
    output = channel_output_from_settings("ctrip", {
        "markup_percent": "15", "fixed_adjust_minor": 500, "rounding": "end8",
        "min_price_minor": 19800, "max_price_minor": 500000, "horizon_days": 365})
    assert (output.markup_percent, output.markup_amount, output.rounding) == (Decimal(15), 500, Rounding.END_IN_8)
    assert (output.min_price, output.max_price, output.name_zh) == (19800, 500000, "携程")
    assert settings_of_output(output) == {"markup_percent": "15", "fixed_adjust_minor": 500, "rounding": "end8",
                                          "min_price_minor": 19800, "max_price_minor": 500000}
    assert channel_output_from_settings("x", {}).apply(38800) == 38800


@pytest.mark.parametrize("settings, message", [
    ({"min_price_minor": 50000, "max_price_minor": 20000}, "min price guard 50000 is above max"),
    ({"rounding": "end7"}, "rounding must be one of"),
    ({"markup_percent": 15.5}, "markup_percent must be a decimal string"),
    ({"markup_percent": "15%"}, "markup_percent must be a decimal string"),
    ({"markup_percent": "-100"}, "would make every price"),
    ({"fixed_adjust_minor": 5.0}, "fixed_adjust_minor must be a whole number of fen"),
])
def test_contradictory_channel_settings_are_refused_naming_the_channel(settings, message):
    with pytest.raises(ChannelSettingsInvalid, match=message) as refused:
        channel_output_from_settings("tujia", settings)
    assert "'tujia'" in str(refused.value) and isinstance(refused.value, UserError)


# -- every rule kind through the database --------------------------------------------------------


@pytest.fixture
def small_hotel(db):
    """Room types A (2 rooms: BAR ¥400, BB = BAR + ¥30) and B (1 room: BAR ¥300, NR = BAR − 10%),
    one booking of an A room for 2026-09-10…12, and a plain "ota" channel with +10% rounded to 9."""
    with db.session() as s:
        prop = Property(code="SMALL", name_zh="小院", currency="CNY", timezone="Asia/Shanghai")
        s.add(prop)
        s.flush()
        for code, price, derived, rooms in (("A", 40000, ("BB", "amount", "3000"), 2),
                                            ("B", 30000, ("NR", "percent", "-10"), 1)):
            rt = RoomType(property_id=prop.id, code=code, name_zh=code)
            s.add(rt)
            s.flush()
            bar = RatePlanRow(room_type_id=rt.id, code="BAR", name_zh="标准", base_price_minor=price)
            s.add(bar)
            s.flush()
            s.add(RatePlanRow(room_type_id=rt.id, code=derived[0], name_zh=derived[0], parent_id=bar.id,
                              derive_kind=derived[1], derive_value=derived[2], sort_order=1))
            for n in range(rooms):
                s.add(Room(property_id=prop.id, room_type_id=rt.id, number=f"{code}{n}"))
            if code == "A":
                s.add(Reservation(property_id=prop.id, source="phone", room_type_id=rt.id, guest_name="g",
                                  arrival=date(2026, 9, 10), departure=date(2026, 9, 12)))
        s.add(Channel(property_id=prop.id, name="ota", protocol="opentravel",
                      settings={"markup_percent": "10", "rounding": "end9"}))
        pid = prop.id
    return SimpleNamespace(db=db, pid=pid, pricing=PricingService(db, clock=fixed_clock))


EVERY_KIND = [
    (RuleSpec("wkd", "weekend", "add", 8000, label_en="weekend"),
     Rule("wkd", Adjustment.add(8000), (Weekend(),), label_zh="wkd", label_en="weekend")),
    (RuleSpec("mon", "weekdays", "percent", "-5", {"days": [0]}, priority=5),
     Rule("mon", Adjustment.percent(-5), (Weekdays({0}),), priority=5)),
    (RuleSpec("summer", "season", "factor", "1.2", {"start": "2026-07-01", "end": "2026-09-15", "yearly": True}),
     Rule("summer", Adjustment.factor(Decimal("1.2")), (Season(date(2026, 7, 1), date(2026, 9, 15), True),))),
    (RuleSpec("gq", "holiday", "factor", "1.5", {"holidays": ["国庆节"]}, min_stay=2, priority=10),
     Rule("gq", Adjustment.factor(Decimal("1.5")), (HolidayNights({"国庆节"}),), min_stay=2, priority=10)),
    (RuleSpec("eve", "night_before_holiday", "add", 5000, {}, rate_plans=("BAR",)),
     Rule("eve", Adjustment.add(5000), (NightBeforeHoliday(),), scope=Scope(rate_plans={"BAR"}))),
    (RuleSpec("swap", "makeup_workday", "percent", "-5"),
     Rule("swap", Adjustment.percent(-5), (MakeupWorkdays(),))),
    (RuleSpec("last", "last_minute", "percent", "-10", {"within_days": 2}, channels=("ota",)),
     Rule("last", Adjustment.percent(-10), (LeadTime.last_minute(2),), scope=Scope(channels={"ota"}))),
    (RuleSpec("early", "early_bird", "percent", "-5", {"at_least_days": 60}, valid_to=date(2026, 12, 31)),
     Rule("early", Adjustment.percent(-5), (LeadTime.early_bird(60),), valid_to=date(2026, 12, 31))),
    (RuleSpec("busy", "occupancy", "percent", "10", {"sold_at_least": "0.5"}),
     Rule("busy", Adjustment.percent(10), (OccupancyAtLeast(Decimal("0.5")),))),
    (RuleSpec("nr_cny", "holiday", "set", 88800, {"holidays": ["春节"]}, room_types=("B",),
              rate_plans=("NR",), stage="final"),
     Rule("nr_cny", Adjustment.set_to(88800), (HolidayNights({"春节"}),), scope=Scope({"B"}, {"NR"}),
          stage=Stage.FINAL)),
]


def test_every_rule_kind_round_trips_through_the_database(small_hotel):
    for spec, _ in EVERY_KIND:
        small_hotel.pricing.create_rule(ACTOR, small_hotel.pid, spec, force=True)

    # A second desk (a fresh service, nothing cached) loads the rules back from the rows.
    loaded = PricingService(small_hotel.db, clock=fixed_clock)
    stored = {info.name: info for info in loaded.rules(small_hotel.pid)}
    assert set(stored) == {spec.name for spec, _ in EVERY_KIND}
    for spec, _ in EVERY_KIND:
        assert stored[spec.name].spec.with_changes(id=None) == spec.normalized()
        assert stored[spec.name].problem is None

    # Same behaviour as an engine built from hand-made rules, on every cell of 2026 and 2027's start.
    plans = [RatePlan("BAR", "A", base_price=40000), RatePlan("BB", "A", parent="BAR", derive_kind="amount",
                                                                derive_value=3000),
             RatePlan("BAR", "B", base_price=30000), RatePlan("NR", "B", parent="BAR", derive_kind="percent",
                                                                derive_value=Decimal(-10))]
    channels = [channel_output_from_settings("direct", {}),
                channel_output_from_settings("ota", {"markup_percent": "10", "rounding": "end9"})]
    expected_engine = PriceEngine(plans, [rule for _, rule in EVERY_KIND], {}, channels)
    horizon = nights(date(2026, 1, 1), 400)
    occupancy = {(rt, night): Decimal(0) for rt in "AB" for night in horizon}
    occupancy.update({("A", date(2026, 9, 10)): Decimal("0.5"), ("A", date(2026, 9, 11)): Decimal("0.5")})
    expected = expected_engine.compute(None, None, None, horizon, TODAY, occupancy)
    for channel in ("direct", "ota"):
        got = loaded.price_grid(small_hotel.pid, horizon[0], horizon[-1] + timedelta(days=1), channel)
        for (rt, plan, night), price in got.items():
            assert price == expected.price(rt, plan, channel, night), (rt, plan, channel, night)
    # The occupancy rule really acted: the two booked nights of A (Thu, Fri) are 10% up.
    a_bar = loaded.price_grid(small_hotel.pid, date(2026, 9, 9), date(2026, 9, 13))
    assert [a_bar[("A", "BAR", d)] for d in nights(date(2026, 9, 9), 4)] == [
        48000,  # Wed: 400 × 1.2 (summer)
        52800,  # Thu, half sold: 480 × 1.1
        63360,  # Fri, half sold: (400 + 80) × 1.2 × 1.1
        57600,  # Sat: (400 + 80) × 1.2
    ]


@pytest.mark.parametrize("spec, message", [
    (RuleSpec("neg", "weekend", "add", -50000), "rule 'neg': .* prices must stay above zero"),
    (RuleSpec("s", "season", "add", 100, {"start": "2026-08-01", "end": "2026-07-01"}),
     "rule 's': season starts 2026-08-01 after it ends 2026-07-01"),
    (RuleSpec("w", "weekdays", "add", 100, {"days": [7]}), "rule 'w': weekdays must be"),
    (RuleSpec("h", "holiday", "add", 100, {"holidays": ["圣诞节"]}), "rule 'h': unknown holiday"),
    (RuleSpec("x", "weekend", "add", 100, room_types=("ZZZ",)), "rule 'x': unknown room types"),
    (RuleSpec("both", "weekend", "add", 100, rate_plans=("BAR", "BB")), "rule 'both' names BB and its parent"),
    (RuleSpec("p", "weekend", "percent", "-100"), "rule 'p': -100% would make every price"),
    (RuleSpec("f", "weekend", "factor", 1.5), "rule 'f': factor value must be a decimal string"),
    (RuleSpec("l", "last_minute", "add", 100), "rule 'l': last_minute rules need the parameter 'within_days'"),
    (RuleSpec("k", "birthday", "add", 100), "rule 'k': unknown kind 'birthday'"),
])
def test_bad_or_contradictory_rules_are_refused_with_the_rule_named(small_hotel, spec, message):
    with pytest.raises(UserError, match=message):
        small_hotel.pricing.create_rule(ACTOR, small_hotel.pid, spec, force=True)
    assert small_hotel.pricing.rules(small_hotel.pid) == []
    with small_hotel.db.session() as s:
        assert s.scalars(select(PriceRule)).all() == []


def test_a_rule_naming_a_deleted_room_type_is_shown_as_not_applied(small_hotel):
    small_hotel.pricing.create_rule(ACTOR, small_hotel.pid, RuleSpec("b_only", "weekend", "add", 8000,
                                                                     room_types=("B",)), force=True)
    with small_hotel.db.session() as s:
        row = s.scalars(select(PriceRule)).one()
        row.scope = {"room_types": ["GONE"]}  # as a room type rename by another desk leaves it
    [info] = small_hotel.pricing.rules(small_hotel.pid)
    assert "unknown room types ['GONE']" in info.problem
    friday = date(2026, 9, 4)
    assert small_hotel.pricing.price_grid(small_hotel.pid, friday, friday + timedelta(days=1))[("B", "BAR", friday)] == 30000


# -- the demo homestay --------------------------------------------------------------------------


def test_demo_rules_give_the_expected_prices(demo):
    grid = demo.pricing.price_grid(demo.pid, date(2026, 7, 1), date(2027, 1, 1))
    lkv = {night: grid[("LKV", "BAR", night)] for night in
           (date(2026, 10, 2), date(2026, 11, 10), date(2026, 7, 14), date(2026, 7, 17), date(2026, 9, 2))}
    assert lkv == {
        date(2026, 10, 2): 100200,  # 国庆, a Friday: (588 + 80) × 1.5
        date(2026, 11, 10): 58800,  # a plain Tuesday: the base price
        # The demo, like any new property, rounds its desk prices up to whole yuan.
        date(2026, 7, 14): 67700,   # summer Tuesday: 588 × 1.15 = 676.20 → 677
        date(2026, 7, 17): 76900,   # summer Friday: (588 + 80) × 1.15 = 768.20 → 769
        date(2026, 9, 2): 53000,    # tomorrow: last minute 588 × 0.9 = 529.20 → 530
    }
    assert grid[("LKV", "BB", date(2026, 10, 2))] == 104200  # breakfast follows: +40
    ctrip = demo.pricing.price_grid(demo.pid, date(2026, 10, 2), date(2026, 10, 3), "ctrip")
    assert ctrip[("LKV", "BAR", date(2026, 10, 2))] == 115800  # 1002 × 1.15 = 1152.30 → …8
    spring = demo.pricing.price_grid(demo.pid, date(2026, 2, 17), date(2026, 2, 18))
    assert spring[("LKV", "BAR", date(2026, 2, 17))] == 76500  # 春节 Tuesday: 588 × 1.3 = 764.40 → 765


def test_explain_names_every_step_and_the_steps_add_up(demo):
    found = demo.pricing.explain(demo.pid, "LKV", "BAR", "ctrip", date(2026, 10, 2))
    assert [(s.label_zh, s.operation, s.price_after_minor) for s in found.steps] == [
        ("基础价（标准价）", "=588", 58800),
        ("周末", "+80", 66800),
        ("国庆", "×1.5", 100200),
        ("携程 加价", "+15%", 115230),
        ("携程 取整", "↑…8", 115800),
    ]
    assert found.min_stay == 2 and found.price_minor == 115800
    assert found.chain("zh").endswith("→ 携程 取整 ↑…8 → 1158")
    for night in nights(date(2026, 9, 25), 20):
        for plan in ("BAR", "BB"):
            steps = demo.pricing.explain(demo.pid, "FAM", plan, "booking", night).steps
            assert sum(step.amount_minor for step in steps) == steps[-1].price_after_minor
            assert steps[-1].price_after_minor == demo.pricing.channel_prices(
                demo.pid, "booking", "FAM", plan, [night])[night]


def test_prices_lists_nights_with_the_min_stay_hint(demo):
    rows = demo.pricing.prices(demo.pid, "CQN", None, None, date(2026, 9, 30), date(2026, 10, 2))
    assert [(r.rate_plan, r.night, r.price_minor, r.min_stay) for r in rows] == [
        ("BAR", date(2026, 9, 30), 35800, None), ("BAR", date(2026, 10, 1), 53700, 2),
        ("BB", date(2026, 9, 30), 39800, None), ("BB", date(2026, 10, 1), 57700, 2),
    ]


@pytest.mark.parametrize("start, end, message", [
    (date(2026, 10, 5), date(2026, 10, 1), "the last night must come after the first"),
    (date(2026, 1, 1), date(2030, 1, 1), "at most 1098"),
])
def test_bad_ranges_are_refused(demo, start, end, message):
    with pytest.raises(UserError, match=message):
        demo.pricing.prices(demo.pid, "LKV", "BAR", None, start, end)


def test_unknown_channel_room_type_and_plan_are_named(demo):
    with pytest.raises(UserError, match="No channel 'fliggy'; known: booking, ctrip, direct, meituan"):
        demo.pricing.explain(demo.pid, "LKV", "BAR", "fliggy", TODAY)
    with pytest.raises(UserError, match="No rate plan 'NR' for room type 'LKV'"):
        demo.pricing.explain(demo.pid, "LKV", "NR", None, TODAY)


# -- changes by others are picked up ------------------------------------------------------------


def test_an_override_written_directly_in_the_database_is_picked_up(demo):
    night = date(2026, 11, 10)
    window = (night, night + timedelta(days=1))
    assert demo.pricing.price_grid(demo.pid, *window)[("LKV", "BAR", night)] == 58800  # now cached
    with demo.db.session() as s:  # what the calendar's bulk price edit writes
        bar = s.scalars(select(RatePlanRow).join(RoomType).where(RoomType.code == "LKV", RatePlanRow.code == "BAR")).one()
        s.add(PriceOverride(rate_plan_id=bar.id, night=night, price_minor=45600))
    grid = demo.pricing.price_grid(demo.pid, *window)
    assert (grid[("LKV", "BAR", night)], grid[("LKV", "BB", night)]) == (45600, 49600)
    assert demo.pricing.explain(demo.pid, "LKV", "BAR", None, night).steps[-1].label_en == "Manual price"
    with demo.db.session() as s:  # the same number of overrides, another price: still noticed
        s.scalars(select(PriceOverride)).one().price_minor = 47700
    assert demo.pricing.price_grid(demo.pid, *window)[("LKV", "BAR", night)] == 47700


def test_a_rule_edit_by_another_desk_is_applied_to_the_cached_engine_in_place(demo):
    window = (date(2026, 9, 1), date(2026, 12, 1))
    demo.pricing.price_grid(demo.pid, *window)
    cached = demo.pricing._cache[demo.pid]
    other_desk = PricingService(demo.db, clock=fixed_clock)
    weekend = other_desk.rule(demo.pid, "周末").spec
    other_desk.update_rule(ACTOR, demo.pid, weekend.with_changes(value=12000), force=True)
    grid = demo.pricing.price_grid(demo.pid, *window)
    assert demo.pricing._cache[demo.pid] is cached  # no rebuild: the rule was swapped in place
    assert grid[("LKV", "BAR", date(2026, 11, 13))] == 70800  # a Friday: 588 + 120
    assert grid == PricingService(demo.db, clock=fixed_clock).price_grid(demo.pid, *window)


def test_a_channel_markup_change_is_picked_up(demo):
    night = date(2026, 11, 10)
    with demo.db.session() as s:
        ctrip = s.scalars(select(Channel).where(Channel.name == "ctrip")).one()
        ctrip.settings = {**ctrip.settings, "markup_percent": "20", "rounding": "end9"}
    assert demo.pricing.channel_prices(demo.pid, "ctrip", "LKV", "BAR", [night]) == {night: 70900}  # 705.6 → 709


# -- the fat-finger guard -----------------------------------------------------------------------


def test_a_big_move_is_refused_without_force_and_applied_with_it(demo):
    with pytest.raises(ConfirmationRequired) as refused:
        demo.pricing.set_base_price(ACTOR, demo.pid, "LKV", "BAR", 5880)
    assert isinstance(refused.value, UserError)
    message = str(refused.value)
    assert "LKV/BAR on 365 night(s)" in message and "LKV/BB" in message and "\n" not in message
    assert refused.value.report.biggest(1)[0].change_percent < -80
    assert demo.pricing.rate_plans(demo.pid)[0].base_price_minor == 58800  # nothing saved
    with demo.db.session() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.entity == "rate_plan")).all() == []

    preview = demo.pricing.set_base_price(ACTOR, demo.pid, "LKV", "BAR", 5880, force=True)
    assert len(preview.changed) == 2 * 365
    assert demo.pricing.price_grid(demo.pid, date(2026, 11, 10), date(2026, 11, 11))[("LKV", "BAR", date(2026, 11, 10))] == 5900  # ¥58.80 → ¥59
    with demo.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "rate_plan")).one()
        assert (entry.actor, entry.entity_id, entry.before, entry.after) == (
            "tester", "LKV/BAR", {"base_price_minor": 58800}, {"base_price_minor": 5880})


def test_small_moves_pass_and_the_floor_is_a_property_setting(demo):
    demo.pricing.set_base_price(ACTOR, demo.pid, "LKV", "BAR", 60800)  # +3.4%: no question asked
    settings = demo.pricing.settings(demo.pid)
    demo.pricing.update_settings(ACTOR, demo.pid, settings.__class__.from_json(
        {**settings.to_json(), "guard_floor_minor": 40000}))
    with pytest.raises(ConfirmationRequired, match="below the floor"):
        demo.pricing.set_base_price(ACTOR, demo.pid, "CQN", "BAR", 34800)  # −3%, but under ¥400


def test_preview_shows_changed_cells_and_saves_nothing(demo):
    weekend = demo.pricing.rule(demo.pid, "周末").spec
    before = demo.pricing.price_grid(demo.pid, TODAY, TODAY + timedelta(days=90))
    preview = demo.pricing.preview_change(demo.pid, [PutRule(weekend.with_changes(value=50000))],
                                          TODAY, TODAY + timedelta(days=90))
    friday = date(2026, 9, 4)
    assert preview.changed[("LKV", "BAR", friday)] == (66800, 108800)
    assert ("LKV", "BAR", date(2026, 9, 8)) not in preview.changed  # a Tuesday
    assert preview.needs_confirmation and preview.biggest_moves(1)[0].change_percent > 50
    assert demo.pricing.price_grid(demo.pid, TODAY, TODAY + timedelta(days=90)) == before
    assert demo.pricing.rule(demo.pid, "周末").spec == weekend


def test_a_rule_that_drives_a_price_to_zero_is_refused_even_with_force(demo):
    weekend = demo.pricing.rule(demo.pid, "周末").spec
    with pytest.raises(PriceRefused, match="rule '周末'"):
        demo.pricing.update_rule(ACTOR, demo.pid, weekend.with_changes(value=-40000), force=True)
    assert demo.pricing.rule(demo.pid, "周末").spec.value == 8000
    friday = date(2026, 9, 4)
    assert demo.pricing.price_grid(demo.pid, friday, friday + timedelta(days=1))[("CQN", "BAR", friday)] == 43800


# -- rule list operations ------------------------------------------------------------------------


def test_disable_reorder_and_delete_are_audited(demo):
    friday = date(2026, 11, 13)
    demo.pricing.set_rule_enabled(ACTOR, demo.pid, "周末", False)
    assert demo.pricing.price_grid(demo.pid, friday, friday + timedelta(days=1))[("LKV", "BAR", friday)] == 58800
    ids = [info.id for info in demo.pricing.rules(demo.pid)]
    demo.pricing.reorder_rules(ACTOR, demo.pid, list(reversed(ids)))
    assert [info.spec.priority for info in sorted(demo.pricing.rules(demo.pid), key=lambda i: i.id)] == [50, 40, 30, 20, 10]
    demo.pricing.delete_rule(ACTOR, demo.pid, "尾房")
    assert "尾房" not in [info.name for info in demo.pricing.rules(demo.pid)]
    with demo.db.session() as s:
        actions = [(e.action, e.entity) for e in s.scalars(select(AuditEntry).where(AuditEntry.entity == "price_rule"))]
    # One for disabling, four for the new order (国庆 keeps priority 30), then the delete.
    assert actions.count(("update", "price_rule")) == 1 + 4 and actions[-1] == ("delete", "price_rule")


def test_duplicate_names_are_refused(demo):
    with pytest.raises(RuleInvalid, match="rule '国庆': another rule already has this name"):
        demo.pricing.create_rule(ACTOR, demo.pid, RuleSpec(" 国庆 ", "weekend", "add", 100))


# -- the seams ----------------------------------------------------------------------------------


def test_calendar_seam_gives_the_desk_price_per_plan_id(demo):
    with demo.db.session() as s:
        plans = dict(s.execute(select(RatePlanRow.id, RoomType.code + "/" + RatePlanRow.code).join(RoomType)).all())
        prices = demo.pricing.nightly_prices(s, list(plans), date(2026, 9, 30), date(2026, 10, 3))
    by_code = {plans[plan_id]: row for plan_id, row in prices.items()}
    assert by_code["LKV/BAR"] == [58800, 88200, 100200]
    assert by_code["LKV/BB"] == [62800, 92200, 104200]


def test_sync_seam_has_the_sync_engines_signature(demo):
    channel = SimpleNamespace(property_id=demo.pid, name="meituan")
    with demo.db.session() as s:
        prices = demo.pricing.price_source(s, channel, SimpleNamespace(code="GTW"), SimpleNamespace(code="BAR"),
                                           [date(2026, 10, 3), date(2026, 10, 2), date(2026, 10, 8)])
    # (428 + 80) × 1.5 = 762 on 国庆 weekend nights, 428 × 1.5 = 642 after it; Meituan +10%, whole yuan up.
    assert prices == {date(2026, 10, 2): 83900, date(2026, 10, 3): 83900, date(2026, 10, 8): 47100}


def test_the_seams_follow_writes_made_in_the_callers_session(demo):
    # A sync pass checks the database once per session; a write in that session must still show.
    night = date(2026, 11, 10)
    channel, room_type, plan = (SimpleNamespace(property_id=demo.pid, name="direct"),
                                SimpleNamespace(code="LKV"), SimpleNamespace(code="BAR"))
    with demo.db.session() as s:
        assert demo.pricing.price_source(s, channel, room_type, plan, [night]) == {night: 58800}
        bar = s.scalars(select(RatePlanRow.id).join(RoomType)
                        .where(RoomType.code == "LKV", RatePlanRow.code == "BAR")).one()
        s.add(PriceOverride(rate_plan_id=bar, night=night, price_minor=39900))
        s.flush()
        assert demo.pricing.price_source(s, channel, room_type, plan, [night]) == {night: 39900}
        s.execute(update(PriceOverride).values(price_minor=40900))
        assert demo.pricing.price_source(s, channel, room_type, plan, [night]) == {night: 40900}
        ids = list(s.scalars(select(RatePlanRow.id).join(RoomType).where(RoomType.code == "LKV")))
        assert demo.pricing.nightly_prices(s, ids, night, night + timedelta(days=1))[bar] == [40900]


def test_demo_pricing_puts_the_ctrip_markup_on_the_row_or_in_the_property_settings(demo, small_hotel):
    from channelmgr.pricing.demo_rules import add_demo_pricing

    with demo.db.session() as s:
        row = s.scalars(select(Channel).where(Channel.name == "ctrip")).one()
        assert (row.settings["markup_percent"], row.settings["rounding"]) == ("15", "end8")
    assert "ctrip" not in demo.pricing.settings(demo.pid).channel_outputs

    with small_hotel.db.session() as s:  # no "ctrip" channel row here
        add_demo_pricing(s, small_hotel.pid, ACTOR)
    assert small_hotel.pricing.settings(small_hotel.pid).channel_outputs == {
        "ctrip": {"markup_percent": "15", "rounding": "end8"}}
    night = date(2026, 10, 2)  # A: (400 + 80) × 1.5 = 720 → × 1.15 = 828 → ends in 8 already
    assert small_hotel.pricing.channel_prices(small_hotel.pid, "ctrip", "A", "BAR", [night]) == {night: 82800}


def test_a_new_property_quotes_whole_yuan_and_an_older_one_keeps_its_jiao(demo, small_hotel):
    # The demo is made like any new property: its desk price of 588 × 0.9 is ¥530, not ¥529.20.
    tomorrow = date(2026, 9, 2)
    assert demo.pricing.price_grid(demo.pid, tomorrow, tomorrow + timedelta(days=1))[("LKV", "BAR", tomorrow)] == 53000
    assert [c.rounding for c in demo.pricing.channels(demo.pid) if c.name == "direct"] == ["yuan"]
    # A property without the new-property settings (made before them) is priced as it was.
    assert [c.rounding for c in small_hotel.pricing.channels(small_hotel.pid) if c.name == "direct"] == ["none"]
