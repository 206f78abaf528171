import copy
import json

import pytest

from channelmgr.catalog import ATTRIBUTES, PROFILES, check_profile, completeness

CHANNELS = ["meituan", "ctrip", "tujia", "fliggy", "airbnb", "booking"]
CATALOG_ORDER = [a.key for a in ATTRIBUTES]


def test_all_six_channels_have_a_profile():
    assert sorted(PROFILES) == sorted(CHANNELS)
    for profile in PROFILES.values():
        assert profile["label_zh"] and profile["label_en"]
        assert profile["required"]


@pytest.mark.parametrize("channel", CHANNELS)
def test_profiles_are_consistent_plain_data(channel):
    profile = PROFILES[channel]
    assert check_profile(profile) == []
    assert not set(profile["required"]) & set(profile["recommended"])
    assert len(set(profile["required"])) == len(profile["required"])
    assert json.loads(json.dumps(profile)) == profile  # storable in a settings table


@pytest.mark.parametrize("channel", CHANNELS)
def test_empty_record_scores_zero_and_lists_everything(channel):
    profile = PROFILES[channel]
    result = completeness({}, profile)
    assert result.score == 0
    assert set(result.missing_required) == set(profile["required"])
    assert set(result.missing_recommended) == set(profile["recommended"])
    assert list(result.missing_required) == sorted(result.missing_required, key=CATALOG_ORDER.index)


@pytest.mark.parametrize("channel", CHANNELS)
def test_complete_record_scores_100(full_record, channel):
    result = completeness(full_record, PROFILES[channel])
    assert (result.score, result.missing_required, result.missing_recommended) == (100, (), ())


@pytest.mark.parametrize("channel", CHANNELS)
def test_anything_missing_keeps_the_score_below_100(full_record, channel):
    dropped = PROFILES[channel]["recommended"][-1]
    del full_record[dropped]
    result = completeness(full_record, PROFILES[channel])
    assert 90 <= result.score < 100
    assert result.missing_recommended == (dropped,)


SMALL = {"required": ["name_zh", "bed_type"], "recommended": ["wifi", "tv"]}


@pytest.mark.parametrize("values, score", [
    ({}, 0),
    ({"wifi": True, "tv": True}, 25),                       # 2 of 8
    ({"name_zh": "房", "wifi": True}, 50),                   # 3 + 1 of 8
    ({"name_zh": "房", "bed_type": "queen"}, 75),            # 6 of 8
    ({"name_zh": "房", "bed_type": "queen", "tv": False}, 87),  # floor(700 / 8)
    ({"name_zh": "房", "bed_type": "queen", "wifi": False, "tv": False}, 100),
])
def test_required_fields_weigh_three_times_as_much(values, score):
    assert completeness(values, SMALL).score == score


def test_missing_lists_are_exact():
    result = completeness({"bed_type": "queen", "tv": True}, SMALL)
    assert result.missing_required == ("name_zh",)
    assert result.missing_recommended == ("wifi",)


def test_blank_values_and_short_photo_lists_are_not_filled():
    profile = {"required": ["name_zh", "photos"], "recommended": []}
    result = completeness({"name_zh": "  ", "photos": ["only-one.jpg"]}, profile)
    assert result.missing_required == ("name_zh", "photos")
    assert completeness({"name_zh": "房", "photos": ["a", "b", "c"]}, profile).score == 100


def test_an_empty_profile_asks_for_nothing():
    assert completeness({}, {"required": [], "recommended": []}).score == 100


def test_user_edited_profiles_are_checked():
    edited = copy.deepcopy(PROFILES["ctrip"])
    edited["required"].append("wifi_speed")
    assert check_profile(edited) == ["required: unknown attribute 'wifi_speed'"]
    with pytest.raises(ValueError):
        completeness({}, edited)
    assert check_profile({"required": "name_zh"}) == ["required must be a list of attribute keys"]


def test_a_key_listed_as_both_counts_as_required():
    result = completeness({}, {"required": ["wifi"], "recommended": ["wifi"]})
    assert result.missing_required == ("wifi",) and result.missing_recommended == ()
