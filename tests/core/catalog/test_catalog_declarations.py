import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from channelmgr import catalog
from channelmgr.catalog import Attribute, Choice, Group, Kind, OtaCode
from channelmgr.catalog.types import CHOICE_KINDS, fold


def _all_ota_codes():
    for attribute in catalog.ATTRIBUTES:
        if attribute.ota_code:
            yield attribute.key, attribute.ota_code
        for choice in attribute.choices:
            if choice.ota_code:
                yield f"{attribute.key}={choice.value}", choice.ota_code


def test_catalog_has_at_least_seventy_attributes():
    assert len(catalog.ATTRIBUTES) >= 70


def test_keys_are_unique_snake_case():
    keys = [a.key for a in catalog.ATTRIBUTES]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", key) for key in keys)


def test_every_attribute_has_both_labels():
    for attribute in catalog.ATTRIBUTES:
        assert attribute.label_zh.strip() and attribute.label_en.strip(), attribute.key
        assert re.search(r"[\u4e00-\u9fff]", attribute.label_zh), f"{attribute.key}: Chinese label expected"


def test_groups_are_the_declared_sections_in_order():
    assert [g.key for g in catalog.GROUPS] == [
        "basics", "beds", "space", "bathroom", "amenities", "view",
        "accessibility", "policies", "descriptions", "photos"]
    assert all(g.label_zh and g.label_en for g in catalog.GROUPS)
    assert [g.order for g in catalog.GROUPS] == list(range(len(catalog.GROUPS)))


def test_every_group_has_attributes():
    for group in catalog.GROUPS:
        assert catalog.attributes_in_group(group), group


def test_attributes_are_listed_group_by_group():
    # The editor and the Excel columns follow ATTRIBUTES; a stray declaration would split a section.
    orders = [a.group.order for a in catalog.ATTRIBUTES]
    assert orders == sorted(orders)


def test_ota_codes_are_well_formed_and_in_the_vetted_lists():
    codes = list(_all_ota_codes())
    assert len(codes) > 40
    for where, code in codes:
        assert code.list in {"RMA", "BED", "RVT"}, where
        assert type(code.code) is int and code.code > 0, where
        assert code.name == catalog.OTA_CODE_LISTS[code.list][code.code]


@pytest.mark.parametrize("value, code", [
    ("double", 1), ("futon", 2), ("king", 3), ("murphy_bed", 4), ("queen", 5),
    ("sofa_bed", 6), ("tatami", 7), ("twin", 8), ("single", 9),
])
def test_bed_choices_carry_the_opentravel_bed_codes(value, code):
    assert catalog.by_key("bed_type").choice(value).ota_code == OtaCode("BED", code)


@pytest.mark.parametrize("value, code", [
    ("city", 3), ("courtyard", 4), ("lake", 8), ("mountain", 10), ("garden", 16), ("sea", 25),
])
def test_view_choices_carry_the_opentravel_view_codes(value, code):
    assert catalog.by_key("view").choice(value).ota_code == OtaCode("RVT", code)


def test_amenity_codes_match_the_opentravel_names():
    assert catalog.by_key("air_conditioning").ota_code.name == "Air conditioning"
    assert catalog.by_key("hairdryer").ota_code == OtaCode("RMA", 50)
    assert catalog.by_key("wifi").ota_code.name == "Wireless internet connection"


def test_choices_are_unique_within_each_attribute():
    for attribute in catalog.ATTRIBUTES:
        if attribute.kind in CHOICE_KINDS:
            assert attribute.choices, attribute.key
            for field in ("value", "label_zh", "label_en"):
                spellings = [fold(getattr(c, field)) for c in attribute.choices]
                assert len(spellings) == len(set(spellings)), (attribute.key, field)
        else:
            assert not attribute.choices, attribute.key


def test_every_text_attribute_is_bounded():
    for attribute in catalog.ATTRIBUTES:
        if attribute.kind is Kind.TEXT:
            assert attribute.max_length, attribute.key


def test_catalog_itself_requires_only_identity_and_capacity():
    assert {a.key for a in catalog.ATTRIBUTES if a.required} == {"room_code", "name_zh", "max_occupancy"}


def test_lookups():
    assert catalog.by_key("area_sqm").unit == "m²"
    assert catalog.attributes_in_group("beds") == catalog.attributes_in_group(Group.BEDS)
    assert catalog.by_key("bed_type") in catalog.attributes_in_group(Group.BEDS)
    with pytest.raises(KeyError):
        catalog.by_key("no_such_field")
    with pytest.raises(KeyError):
        catalog.attributes_in_group("kitchen_sink")


_GOOD = dict(key="x", label_zh="某", label_en="X", group=Group.BASICS)


@pytest.mark.parametrize("changes", [
    dict(key="Room Code", kind=Kind.BOOL),
    dict(label_en=" ", kind=Kind.BOOL),
    dict(kind=Kind.INTEGER, choices=(Choice("a", "甲", "A"),)),
    dict(kind=Kind.CHOICE),
    dict(kind=Kind.CHOICE, choices=(Choice("a", "甲", "A"), Choice("b", "甲", "B"))),
    dict(kind=Kind.CHOICE, choices=(Choice("a", "甲", "A"), Choice("b", "乙", "a"))),
    dict(kind=Kind.TEXT),
    dict(kind=Kind.INTEGER, min_value=5, max_value=1),
    dict(kind=Kind.BOOL, unit="m"),
    dict(kind=Kind.PHOTOS, min_items=5, max_items=2),
])
def test_declaration_mistakes_fail_at_import_time(changes):
    with pytest.raises(ValueError):
        Attribute(**{**_GOOD, **changes})


@pytest.mark.parametrize("list_name, code", [("XYZ", 1), ("RMA", 9999), ("BED", "5"), ("RVT", 99)])
def test_unvetted_ota_codes_are_refused(list_name, code):
    with pytest.raises(ValueError):
        OtaCode(list_name, code)


def test_catalog_imports_without_qt():
    probe = ("import sys, channelmgr.catalog; "
             "sys.exit(any(m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6') for m in sys.modules))")
    repo_root = Path(catalog.__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo_root)}
    assert subprocess.run([sys.executable, "-c", probe], env=env).returncode == 0
