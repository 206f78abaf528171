"""Fat-finger guard."""

from __future__ import annotations

from decimal import Decimal

import pytest

from channelmgr.pricing import ConfirmationRequired, FatFingerGuard, GuardReason


def test_big_moves_and_floor_breaches_are_reported():
    guard = FatFingerGuard(max_change_percent=Decimal(50), floor_price=19800)
    old = {"a": 38800, "b": 38800, "c": 38800, "d": 38800}
    new = {"a": 3880, "b": 68800, "c": 48800, "d": 38800, "e": 9900}
    report = guard.check(old, new)
    found = {change.key: change.reasons for change in report.suspicious}
    assert found == {
        "a": (GuardReason.DROP, GuardReason.BELOW_FLOOR),
        "b": (GuardReason.RISE,),
        "e": (GuardReason.BELOW_FLOOR,),
    }
    assert report.needs_confirmation
    assert next(c for c in report.suspicious if c.key == "a").change_percent == Decimal("-90.0")


def test_exactly_the_limit_is_allowed():
    report = FatFingerGuard(max_change_percent=Decimal(50)).check({"a": 10000}, {"a": 15000})
    assert not report.needs_confirmation


def test_cli_refuses_without_force_and_passes_with_it():
    report = FatFingerGuard().check({"a": 38800}, {"a": 388})
    with pytest.raises(ConfirmationRequired, match="1 price change"):
        report.require_confirmation(force=False)
    report.require_confirmation(force=True)


def test_quiet_changes_need_no_confirmation():
    report = FatFingerGuard().check({"a": 38800}, {"a": 40800})
    assert not report.needs_confirmation
    report.require_confirmation(force=False)


def test_guard_settings_are_validated():
    with pytest.raises(ValueError):
        FatFingerGuard(max_change_percent=Decimal(0))
    with pytest.raises(TypeError):
        FatFingerGuard(max_change_percent=50.0)
