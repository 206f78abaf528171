import json

import pytest

from channelmgr.catalog import ATTRIBUTES, normalize, validate

MINIMAL = {"room_code": "A1", "name_zh": "大床房", "max_occupancy": 2}


def keys_of(problems):
    return [problem.key for problem in problems]


def test_complete_record_passes(full_record):
    assert set(full_record) == {a.key for a in ATTRIBUTES}
    assert validate(full_record) == []


def test_minimal_record_passes():
    assert validate(MINIMAL) == []


def test_stored_record_survives_json(full_record):
    restored = json.loads(json.dumps(full_record, ensure_ascii=False))
    assert restored == full_record
    assert validate(restored) == []


def test_checkout_earlier_in_the_day_than_checkin_is_fine():
    assert validate({**MINIMAL, "check_in_from": "15:00", "check_out_until": "11:00"}) == []


@pytest.mark.parametrize("key, bad", [
    ("check_in_from", "25:00"),
    ("check_out_until", "noon"),
    ("check_in_from", "9:00"),  # typed form, not stored form: must be "09:00"
])
def test_bad_times_are_reported(key, bad):
    assert keys_of(validate({**MINIMAL, key: bad})) == [key]


def test_negative_area_is_refused():
    problems = validate({**MINIMAL, "area_sqm": "-12"})
    assert keys_of(problems) == ["area_sqm"]
    assert problems[0].label_zh == "面积" and problems[0].label_en == "Floor area"


@pytest.mark.parametrize("key", ["max_adults", "max_children", "standard_occupancy"])
def test_guests_beyond_maximum_occupancy_are_refused(key):
    problems = validate({**MINIMAL, "max_occupancy": 2, key: 3})
    assert keys_of(problems) == [key]
    assert "最多入住人数" in problems[0].message_zh
    assert "(3)" in problems[0].message_en and "(2)" in problems[0].message_en


def test_guests_up_to_maximum_occupancy_are_fine():
    assert validate({**MINIMAL, "max_occupancy": 3, "max_adults": 3, "max_children": 3,
                     "standard_occupancy": 3}) == []


def test_floor_range_must_not_be_reversed():
    assert keys_of(validate({**MINIMAL, "floor_min": 5, "floor_max": 2})) == ["floor_min"]


def test_unknown_choice_is_refused():
    problems = validate({**MINIMAL, "bed_type": "water_bed"})
    assert keys_of(problems) == ["bed_type"]
    assert "water_bed" in problems[0].message_en


def test_a_500_character_name_is_refused():
    problems = validate({**MINIMAL, "name_zh": "房" * 500})
    assert keys_of(problems) == ["name_zh"]
    assert "500" in problems[0].message_en


def test_unknown_keys_are_refused():
    problems = validate({**MINIMAL, "wifi_speed": "100M", 7: True})
    assert keys_of(problems) == ["wifi_speed", "7"]
    assert "wifi_speed" in problems[0].message_en


def test_missing_required_fields_are_named_in_editor_order():
    problems = validate({})
    assert keys_of(problems) == ["room_code", "name_zh", "max_occupancy"]
    assert all(p.message_en == "required" and p.message_zh == "必填" for p in problems)


def test_none_means_not_set():
    assert validate({**MINIMAL, "name_en": None, "area_sqm": None}) == []
    assert keys_of(validate({**MINIMAL, "name_zh": None})) == ["name_zh"]


@pytest.mark.parametrize("key, typed_not_stored", [
    ("area_sqm", 25.5),          # decimals are stored as strings
    ("area_sqm", "25.50"),       # ... in one spelling
    ("bed_type", "Queen bed"),   # choices by value, not label
    ("deposit", "388"),          # money as integer fen
    ("deposit", 388.0),
    ("deposit", True),           # a bool is not an amount, although Python calls it an int
    ("max_occupancy", "2"),
    ("wifi", "yes"),
    ("wifi", 1),
    ("highlights", ["fireplace", "skylight"]),  # multi-choice in declaration order
    ("photos", ("a.jpg", "b.jpg", "c.jpg")),     # a JSON list, not a tuple
    ("name_zh", " 大床房"),
])
def test_values_must_be_in_stored_form(key, typed_not_stored):
    assert keys_of(validate({**MINIMAL, key: typed_not_stored})) == [key]


def test_dependent_fields():
    assert keys_of(validate({**MINIMAL, "extra_bed_price": 5000})) == ["extra_bed_price"]
    assert keys_of(validate({**MINIMAL, "extra_bed_allowed": False, "extra_bed_price": 5000})) == ["extra_bed_price"]
    assert validate({**MINIMAL, "extra_bed_allowed": True, "extra_bed_price": 5000}) == []
    problems = validate({**MINIMAL, "breakfast": "included", "breakfast_price": 3000})
    assert keys_of(problems) == ["breakfast_price"]
    assert "早餐另付费" in problems[0].message_zh
    assert keys_of(validate({**MINIMAL, "quiet_hours_start": "22:00"})) == ["quiet_hours_start"]
    assert keys_of(validate({**MINIMAL, "second_bed_count": 1})) == ["second_bed_count"]


def test_too_few_photos_are_valid_but_incomplete():
    assert keys_of(validate({**MINIMAL, "photos": ["a.jpg"]})) == []


def test_normalize_turns_a_typed_row_into_stored_values():
    row = {"room_code": "A101", "name_zh": " 山景大床房 ", "max_occupancy": "２", "area_sqm": "25㎡",
           "bed_type": "大床", "wifi": "是", "deposit": "¥200", "check_in_from": "14点",
           "view": "Mountain view", "name_en": "", "highlights": "落地窗、壁炉"}
    clean, problems = normalize(row)
    assert problems == []
    assert clean == {"room_code": "A101", "name_zh": "山景大床房", "max_occupancy": 2, "area_sqm": "25",
                     "bed_type": "queen", "wifi": True, "deposit": 20000, "check_in_from": "14:00",
                     "view": "mountain", "highlights": ["floor_to_ceiling_window", "fireplace"]}
    assert validate(clean) == []


def test_normalize_keeps_what_it_can_and_reports_the_rest():
    clean, problems = normalize({"room_code": "A101", "name_zh": "房" * 500, "max_occupancy": 2,
                                 "max_adults": "3", "bed_type": "水床", "colour": "blue"})
    assert clean == {"room_code": "A101", "max_occupancy": 2, "max_adults": 3}
    # the rejected name is reported once, for its length, not again as "required"
    assert keys_of(problems) == ["name_zh", "bed_type", "colour", "max_adults"]


def test_problems_name_the_field_in_both_languages():
    (problem,) = validate({**MINIMAL, "bed_width_m": "9"})
    assert (problem.key, problem.label_zh, problem.label_en) == ("bed_width_m", "主床宽度", "Main bed width")
    assert problem.message_zh and problem.message_en
