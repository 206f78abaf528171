"""A recorded value reads as the owner typed it: fen as money where the key holds fen, a list as its
items — for the Audit page, ``channelmgr audit`` and the workbook alike."""

from channelmgr.security.audit_values import is_money, show_value


def test_a_rules_value_is_money_only_when_the_rule_adds_or_sets_an_amount():
    assert show_value(8000, "params value", {"params adjust": "add"}) == "¥80"
    assert show_value(39800, "params value", {"params adjust": "set"}) == "¥398"
    assert show_value("15", "params value", {"params adjust": "percent"}) == "15"
    assert show_value("1.3", "params value", {"params adjust": "factor"}) == "1.3"
    assert show_value(8000, "params value") == "8000"  # no adjustment recorded: not guessed


def test_minor_units_plan_prices_and_derived_amounts_are_money():
    assert show_value(58800, "amount_minor") == "¥588"
    assert show_value(61850, "price:3 2026-12-09") == "¥618.50"
    assert show_value("-2000", "derive_value", {"derive_kind": "amount"}) == "¥-20"
    assert show_value("-10", "derive_value", {"derive_kind": "percent"}) == "-10"
    assert not is_money("min_stay 2026-12-09", {}) and show_value(True, "amount_minor") == "True"


def test_a_list_reads_as_its_items_joined_the_readers_way():
    assert show_value(["春节"], "params holidays") == "春节"
    assert show_value(["BAR", "BB"], "scope rate_plans", list_separator="、") == "BAR、BB"
    assert show_value([], "scope rate_plans") == "" and show_value(None) == ""
