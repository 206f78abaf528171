import datetime as dt

import pytest

from channelmgr.catalog import ATTRIBUTES, CoercionError, Kind, by_key, coerce_value


def coerce(key, raw):
    return coerce_value(by_key(key), raw)


@pytest.mark.parametrize("key, raw, expected", [
    ("max_occupancy", "４", 4),
    ("max_occupancy", " 4 ", 4),
    ("max_occupancy", 4.0, 4),
    ("floor_min", "-1", -1),
    ("area_sqm", "12.5", "12.5"),
    ("area_sqm", "25", "25"),
    ("area_sqm", "25.0", "25"),
    ("area_sqm", "２５.５", "25.5"),
    ("area_sqm", "25㎡", "25"),
    ("area_sqm", "25 m²", "25"),
    ("area_sqm", "25平米", "25"),
    ("area_sqm", "25平方米", "25"),
    ("area_sqm", 38.5, "38.5"),
    ("bed_width_m", 1.8, "1.8"),
    ("bed_width_m", "1.5米", "1.5"),
    ("bed_width_m", "2.0", "2"),
])
def test_numbers_as_people_type_them(key, raw, expected):
    assert coerce(key, raw) == expected
    assert type(coerce(key, raw)) is type(expected)


@pytest.mark.parametrize("key, raw", [
    ("max_occupancy", "2.5"),
    ("max_occupancy", "two"),
    ("max_occupancy", True),
    ("max_occupancy", "0"),
    ("area_sqm", "-20"),
    ("area_sqm", "25.55"),
    ("area_sqm", "NaN"),
    ("area_sqm", "1,5"),
    ("bed_width_m", "18"),
])
def test_unusable_numbers_are_refused(key, raw):
    with pytest.raises(CoercionError):
        coerce(key, raw)


@pytest.mark.parametrize("raw, fen", [
    ("388", 38800), ("３８８", 38800), ("388元", 38800), ("¥388.50", 38850), ("￥388", 38800),
    ("RMB 1,200", 120000), (388, 38800), (388.5, 38850), ("0", 0),
])
def test_money_is_typed_in_yuan_and_stored_in_fen(raw, fen):
    assert coerce("deposit", raw) == fen


@pytest.mark.parametrize("raw", ["3.555", "-1", "free", "200000"])
def test_unusable_money_is_refused(raw):
    with pytest.raises(CoercionError):
        coerce("breakfast_price", raw)


@pytest.mark.parametrize("raw", ["是", "有", "可以", "yes", "YES", "Ｙｅｓ", "true", "y", "√", "✓", "1", 1, True])
def test_yes_spellings(raw):
    assert coerce("wifi", raw) is True


@pytest.mark.parametrize("raw", ["否", "无", "没有", "no", "No", "false", "n", "×", "0", 0, False])
def test_no_spellings(raw):
    assert coerce("wifi", raw) is False


@pytest.mark.parametrize("raw", ["maybe", "x", "-", 2, "是的吧"])
def test_unclear_answers_are_refused_rather_than_guessed(raw):
    with pytest.raises(CoercionError):
        coerce("wifi", raw)


@pytest.mark.parametrize("raw", ["大床", "Queen bed", "queen", " QUEEN ", "ｑｕｅｅｎ"])
def test_choices_by_value_or_either_label(raw):
    assert coerce("bed_type", raw) == "queen"


def test_unknown_choice_is_refused_with_the_alternatives():
    with pytest.raises(CoercionError) as caught:
        coerce("bed_type", "水床")
    assert "水床" in caught.value.message_zh and "大床" in caught.value.message_zh
    assert "Queen bed" in caught.value.message_en


def test_multiple_choice_from_a_cell_or_a_list():
    assert coerce("highlights", "壁炉、落地窗") == ["floor_to_ceiling_window", "fireplace"]
    assert coerce("highlights", "Fireplace, 落地窗；壁炉") == ["floor_to_ceiling_window", "fireplace"]
    assert coerce("highlights", ["duplex", "skylight"]) == ["skylight", "duplex"]
    with pytest.raises(CoercionError):
        coerce("highlights", "落地窗、游泳馆")


def test_multiple_choice_respects_max_items():
    seven = [c.value for c in by_key("highlights").choices][:7]
    with pytest.raises(CoercionError):
        coerce("highlights", seven)


@pytest.mark.parametrize("raw, expected", [
    ("14:00", "14:00"), ("9:30", "09:30"), ("14：00", "14:00"), ("１４：００", "14:00"),
    ("14:00:00", "14:00"), ("14点", "14:00"), ("14点半", "14:30"), ("12点30分", "12:30"),
    ("0:00", "00:00"), (dt.time(14, 0), "14:00"), (dt.datetime(1899, 12, 30, 11, 30), "11:30"),
])
def test_times(raw, expected):
    assert coerce("check_in_from", raw) == expected


@pytest.mark.parametrize("raw", ["25:00", "24:00", "14:60", "2pm", "14:00:30", "1400", 14, dt.time(14, 0, 5)])
def test_bad_times_are_refused(raw):
    with pytest.raises(CoercionError):
        coerce("check_out_until", raw)


def test_text_is_trimmed_and_numbers_from_excel_become_text():
    assert coerce("name_zh", "  海景大床房 ") == "海景大床房"
    assert coerce("room_code", 101) == "101"
    assert coerce("room_code", 101.0) == "101"


def test_a_500_character_name_is_refused():
    with pytest.raises(CoercionError) as caught:
        coerce("name_zh", "房" * 500)
    assert "500" in caught.value.message_en and "40" in caught.value.message_zh


def test_line_breaks_only_in_multiline_text():
    with pytest.raises(CoercionError):
        coerce("name_zh", "海景\n大床房")
    assert coerce("description_zh", "第一行\r\n第二行") == "第一行\n第二行"


def test_room_code_format():
    with pytest.raises(CoercionError):
        coerce("room_code", "A 101")


def test_photos_from_a_cell_or_a_list():
    assert coerce("photos", "a.jpg; b.jpg\nc.jpg；a.jpg") == ["a.jpg", "b.jpg", "c.jpg"]
    assert coerce("photos", ["x.jpg", " y.jpg ", "z.jpg"]) == ["x.jpg", "y.jpg", "z.jpg"]
    # Two photos are a valid (if incomplete) list: saving is allowed, completeness counts it missing.
    assert coerce("photos", "a.jpg;b.jpg") == ["a.jpg", "b.jpg"]
    with pytest.raises(CoercionError):
        coerce("photos", [f"{i}.jpg" for i in range(51)])  # at most 50


def test_too_few_photos_count_as_missing_for_completeness():
    from channelmgr.catalog import PROFILES, completeness

    profile = next(p for p in PROFILES.values() if "photos" in (*p["required"], *p["recommended"]))
    assert "photos" in completeness({"photos": ["a.jpg", "b.jpg"]}, profile).missing_required + completeness(
        {"photos": ["a.jpg", "b.jpg"]}, profile
    ).missing_recommended


@pytest.mark.parametrize("raw", [None, "", "   ", []])
def test_blank_means_not_set(raw):
    for key in ("name_zh", "max_occupancy", "wifi", "bed_type", "highlights", "check_in_from", "photos"):
        assert coerce(key, raw) is None


def test_errors_explain_in_both_languages():
    with pytest.raises(CoercionError) as caught:
        coerce("area_sqm", "-5")
    error = caught.value
    assert "1m²" in error.message_en and "1m²" in error.message_zh
    assert error.message_en in str(error)
    assert isinstance(error, ValueError)


def test_stored_values_read_back_unchanged(full_record):
    # The stored form is a fixed point: reading it again as input changes nothing.
    # (Money is the exception by design: a typed 100 means yuan, a stored 100 means fen.)
    for attribute in ATTRIBUTES:
        if attribute.kind is not Kind.MONEY:
            value = full_record[attribute.key]
            assert coerce_value(attribute, value) == value, attribute.key
