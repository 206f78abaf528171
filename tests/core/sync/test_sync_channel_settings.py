"""Channel settings: defaults, tolerant reading of stored JSON, strict reading of what is typed."""

from decimal import Decimal

import pytest

from channelmgr.errors import UserError
from channelmgr.sync.channel_settings import ChannelSettings, parse_assignment


def test_stored_json_round_trips_and_keeps_keys_this_version_ignores():
    settings = ChannelSettings(markup_percent=Decimal("12.5"), rounding="end9", buffer_rooms=2,
                               supported_restrictions=frozenset({"min_stay", "stop_sell"}))
    stored = settings.merged_into({"future_key": 1, "rounding": "none"})
    assert stored["future_key"] == 1 and stored["rounding"] == "end9"
    assert stored["markup_percent"] == "12.5" and stored["supported_restrictions"] == ["stop_sell", "min_stay"]
    assert ChannelSettings.from_json(stored) == settings


def test_hand_edited_json_with_quoted_numbers_is_read():
    settings = ChannelSettings.from_json({"horizon_days": "90", "stop_sell": "yes", "min_price_minor": None})
    assert settings.horizon_days == 90 and settings.stop_sell is True and settings.min_price_minor is None


def test_typed_values_are_parsed_by_type():
    settings = ChannelSettings().with_text({
        "markup_percent": "15", "fixed_adjust_minor": "-500", "rounding": "yuan", "weekday_patterns": "off",
        "supported_restrictions": "stop_sell, cta", "timeout_seconds": "2.5", "max_price_minor": "none",
    })
    assert settings.markup_percent == Decimal(15) and settings.fixed_adjust_minor == -500
    assert settings.weekday_patterns is False and settings.supported_restrictions == {"stop_sell", "cta"}
    assert settings.timeout_seconds == 2.5 and settings.max_price_minor is None
    assert parse_assignment(" buffer_rooms = 1 ") == ("buffer_rooms", "1")


@pytest.mark.parametrize("typed, message", [
    ({"rounding": "up"}, "rounding must be one of"),
    ({"supported_restrictions": "cta,nope"}, "unknown restrictions"),
    ({"max_items_per_request": "2"}, "at least 3"),
    ({"min_price_minor": "50000", "max_price_minor": "40000"}, "above max price guard"),
    ({"markup_percent": "-100"}, "every price ≤ 0"),
    ({"buffer_rooms": "two"}, "not a valid int"),
    ({"markup": "5"}, "Unknown channel setting"),
])
def test_mistakes_are_refused_with_what_was_wrong(typed, message):
    with pytest.raises(UserError, match=message):
        ChannelSettings().with_text(typed)
    with pytest.raises(UserError):
        parse_assignment("no-equals-sign")
