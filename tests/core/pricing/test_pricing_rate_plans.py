"""Rate plans: validation, derivation, occupancy (guest-count) pricing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from channelmgr.pricing import GuestPricing, PlanCatalog, RatePlan, occupancy_prices, party_price
from channelmgr.pricing.rate_plans import base_step, derive_step


def test_derived_amount_and_percent():
    breakfast = RatePlan("BB", "DLX", parent="BAR", derive_kind="amount", derive_value=3000)
    non_refundable = RatePlan("NR", "DLX", parent="BAR", derive_kind="percent",
                              derive_value=Decimal("-10"))
    assert derive_step(38800, breakfast).price_after == 41800
    assert derive_step(38800, non_refundable).price_after == 34920
    assert derive_step(38850, non_refundable).price_after == 34965  # 34965.0
    assert derive_step(12345, non_refundable).price_after == 11111  # 11110.5 rounds half up


def test_base_step_starts_the_computation():
    first = base_step(RatePlan("BAR", "DLX", base_price=38800))
    assert (first.amount, first.price_after) == (38800, 38800)


@pytest.mark.parametrize("kwargs, message", [
    (dict(base_price=38800, parent="BAR", derive_kind="amount", derive_value=1), "not both"),
    (dict(), "not both or none"),
    (dict(base_price=0), "above zero"),
    (dict(parent="BAR"), "derive_kind"),
    (dict(parent="BAR", derive_kind="percent", derive_value=-100), "≤ 0"),
    (dict(base_price=38800, derive_kind="amount", derive_value=3000), "need a parent"),
])
def test_contradictory_plans_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        RatePlan("X", "DLX", **kwargs)


def test_float_money_is_refused():
    with pytest.raises(TypeError):
        RatePlan("BAR", "DLX", base_price=388.0)
    with pytest.raises(TypeError):
        RatePlan("NR", "DLX", parent="BAR", derive_kind="percent", derive_value=-10.0)


def test_derived_price_at_or_below_zero_is_refused_naming_the_plan():
    cheap = RatePlan("PROMO", "DLX", parent="BAR", derive_kind="amount", derive_value=-40000)
    with pytest.raises(ValueError, match="DLX/PROMO"):
        derive_step(38800, cheap)


def test_catalog_checks_parents_and_cycles():
    with pytest.raises(ValueError, match="does not exist"):
        PlanCatalog([RatePlan("BB", "DLX", parent="BAR", derive_kind="amount", derive_value=1)])
    with pytest.raises(ValueError, match="cycle"):
        PlanCatalog([
            RatePlan("A", "DLX", parent="B", derive_kind="amount", derive_value=1),
            RatePlan("B", "DLX", parent="A", derive_kind="amount", derive_value=1),
        ])
    with pytest.raises(ValueError, match="duplicate"):
        PlanCatalog([RatePlan("BAR", "DLX", base_price=1), RatePlan("BAR", "DLX", base_price=2)])


def test_catalog_chain_and_room_type_separation():
    catalog = PlanCatalog([
        RatePlan("BAR", "DLX", base_price=38800),
        RatePlan("BB", "DLX", parent="BAR", derive_kind="amount", derive_value=3000),
        RatePlan("BBX", "DLX", parent="BB", derive_kind="percent", derive_value=5),
        RatePlan("BAR", "STD", base_price=26800),
    ])
    assert catalog.chain("DLX", "BBX") == ("BAR", "BB", "BBX")
    assert catalog.room_types() == ("DLX", "STD")
    with pytest.raises(KeyError):
        catalog.get("STD", "BB")


def test_occupancy_prices_by_guest_count():
    plan = RatePlan("BAR", "FAM", base_price=38800, guest_pricing=GuestPricing(
        standard_guests=2, by_guest_count={1: -5000}, extra_adult=8000, extra_child=3000))
    assert occupancy_prices(38800, plan, 4) == {1: 33800, 2: 38800, 3: 46800, 4: 54800}
    assert party_price(38800, plan, adults=2, children=1) == 41800
    assert party_price(38800, plan, adults=3, children=2) == 52800


def test_explicit_guest_count_entry_beats_extra_adult():
    plan = RatePlan("BAR", "FAM", base_price=38800,
                    guest_pricing=GuestPricing(by_guest_count={3: 5000}, extra_adult=8000))
    assert occupancy_prices(38800, plan, 4) == {1: 38800, 2: 38800, 3: 43800, 4: 54800}


def test_occupancy_price_at_or_below_zero_is_refused():
    plan = RatePlan("BAR", "DLX", base_price=3000,
                    guest_pricing=GuestPricing(by_guest_count={1: -5000}))
    with pytest.raises(ValueError, match="1 guests"):
        occupancy_prices(3000, plan, 2)
