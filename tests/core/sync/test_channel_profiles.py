"""Channel profiles: capability defaults per kind of channel, explicit keys over them, validation."""

import pytest

from channelmgr.errors import UserError
from channelmgr.sync.channel_profiles import PROFILE_KEYS, PROFILES
from channelmgr.sync.channel_settings import DEFAULT_SETTINGS, ChannelSettings


def test_the_generic_profile_is_todays_behaviour():
    # Settings stored before profiles existed: every key written, no "profile".
    stored = {key: value for key, value in DEFAULT_SETTINGS.to_json().items() if key not in ("profile",)}
    settings = ChannelSettings.from_json(stored)
    assert settings.profile == "generic" and settings.overrides() == {}
    assert settings.supported_restrictions == {"stop_sell", "cta", "ctd", "min_stay", "max_stay"}
    assert settings.min_stay_basis == "through" and settings.max_horizon_days is None
    assert settings.sent_horizon_days == settings.horizon_days == 365
    assert ChannelSettings.from_json({}) == DEFAULT_SETTINGS


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_each_profile_gives_its_defaults(name):
    settings = ChannelSettings(profile=name)
    assert {key: getattr(settings, key) for key in PROFILE_KEYS} == PROFILES[name].defaults()
    assert settings.overrides() == {}
    assert ChannelSettings.from_json(settings.to_json()) == settings


def test_fliggy_sends_180_days_and_airbnb_takes_no_ctd():
    fliggy = ChannelSettings(profile="fliggy")
    assert fliggy.max_horizon_days == 180 and fliggy.sent_horizon_days == 180
    airbnb = ChannelSettings(profile="airbnb")
    assert "ctd" not in airbnb.supported_restrictions and airbnb.min_stay_basis == "arrival" and airbnb.content


def test_switching_the_profile_keeps_the_owners_overrides_only():
    stored = DEFAULT_SETTINGS.with_text({"supported_restrictions": "stop_sell,min_stay"}).to_json()
    switched = ChannelSettings.from_json(stored).with_text({"profile": "Fliggy"})
    assert switched.profile == "fliggy"
    assert switched.supported_restrictions == {"stop_sell", "min_stay"}  # the owner's, kept
    assert switched.max_horizon_days == 180 and switched.min_stay_basis == "arrival"  # the profile's
    assert switched.overrides() == {"supported_restrictions": frozenset({"stop_sell", "min_stay"})}
    # Keys typed together with the profile override the new profile.
    typed = DEFAULT_SETTINGS.with_text({"max_horizon_days": "200", "profile": "fliggy"})
    assert typed.max_horizon_days == 200 and typed.overrides() == {"max_horizon_days": 200}
    # Back to generic: what equalled Fliggy's follows generic again.
    back = ChannelSettings.from_json(switched.to_json()).with_text({"profile": "generic"})
    assert back.max_horizon_days is None and back.min_stay_basis == "through"
    assert back.supported_restrictions == {"stop_sell", "min_stay"}


@pytest.mark.parametrize("typed, message", [
    ({"profile": "expedia"}, "Unknown channel profile 'expedia'; choose from generic, meituan, ctrip, tujia, "
                             "fliggy, airbnb, booking"),
    ({"min_stay_basis": "departure"}, "min_stay_basis must be one of through, arrival"),
    ({"price_unit": "per_stay"}, "price_unit must be one of room_night, person_night"),
    ({"max_horizon_days": "0"}, "max_horizon_days must be 1…1100 or none"),
    ({"content": "maybe"}, "not a valid bool"),
])
def test_bad_capability_values_are_refused_and_change_nothing(typed, message):
    before = ChannelSettings(profile="airbnb")
    with pytest.raises(UserError, match=message):
        before.with_text(typed)
    assert before == ChannelSettings(profile="airbnb")


def test_an_unknown_profile_is_refused_in_chinese_too():
    with pytest.raises(UserError) as refused:
        ChannelSettings(profile="nope")
    assert "可选：generic, meituan" in refused.value.message("zh")


def test_only_overrides_are_stored_so_a_corrected_profile_reaches_the_channel():
    stored = ChannelSettings(profile="fliggy", content=True).merged_into(
        {"max_horizon_days": 180, "min_stay_basis": "arrival", "future_key": 1})
    assert stored["profile"] == "fliggy" and stored["content"] is True and stored["future_key"] == 1
    assert not {"max_horizon_days", "min_stay_basis", "supported_restrictions"} & set(stored)
    assert ChannelSettings.from_json(stored) == ChannelSettings(profile="fliggy", content=True)
