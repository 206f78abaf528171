"""What each channel's listing form needs, and how complete a room type is for it.

A profile is plain data so that a settings table can store an owner's or agency's own version:
    {"label_zh": str, "label_en": str, "required": [keys], "recommended": [keys]}
The defaults below are our reading of each extranet's room-type form (fields it will not
publish without, and fields that raise the listing's content score). They change when the
channels change, which is why they are data and not code. Copy before editing:
`copy.deepcopy(PROFILES["ctrip"])`.

Score formula (documented because owners will ask why they are at 87):
    earned   = 3 × required keys filled + 1 × recommended keys filled
    possible = 3 × required keys        + 1 × recommended keys
    score    = floor(100 × earned / possible)      (100 when the profile lists nothing)
Required fields weigh three times as much; flooring means 100 is only ever shown when every
listed field is filled. "Filled" means present and not blank; a bool answered "no" counts as
filled (an explicit no is an answer), and a photo or multi-choice list counts only once it
has the attribute's `min_items`. Whether a value is *valid* is `validate`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from .attributes import ATTRIBUTES, find
from .coercion import is_blank
from .types import LIST_KINDS, Attribute

REQUIRED_WEIGHT = 3
RECOMMENDED_WEIGHT = 1

# Fields nearly every channel publishes; each profile adds its own.
_CORE = ("name_zh", "bed_type", "bed_count", "max_occupancy", "check_in_from",
         "check_out_until", "cancellation_policy", "photos")

PROFILES: dict[str, dict[str, Any]] = {
    "meituan": {
        "label_zh": "美团民宿", "label_en": "Meituan Homestay",
        "required": [*_CORE, "room_category", "bed_width_m", "area_sqm", "bedroom_count", "window",
                     "bathroom_type", "deposit", "foreign_guests", "summary_zh", "description_zh"],
        "recommended": ["style", "highlights", "floor_min", "floor_max", "view", "air_conditioning",
                        "heating", "wifi", "tv", "projector", "kitchen", "mahjong_machine", "smart_lock",
                        "washer", "hot_water_24h", "toiletries", "fresh_linen_each_guest",
                        "pets_allowed", "parties_allowed", "house_rules", "bathroom_photos"],
    },
    "ctrip": {
        "label_zh": "携程", "label_en": "Ctrip / Trip.com",
        "required": [*_CORE, "name_en", "bed_width_m", "area_sqm", "floor_min", "floor_max", "window",
                     "bathroom_type", "smoking_allowed", "wifi", "breakfast", "foreign_guests"],
        "recommended": ["max_adults", "max_children", "extra_bed_allowed", "crib_available", "view",
                        "air_conditioning", "heating", "tv", "hairdryer", "toiletries", "shower",
                        "bathtub", "children_policy", "summary_zh", "description_zh", "description_en"],
    },
    "tujia": {
        "label_zh": "途家", "label_en": "Tujia",
        "required": [*_CORE, "room_category", "bedroom_count", "living_room_count", "bathroom_count",
                     "bed_width_m", "area_sqm", "kitchen", "cooking_allowed", "deposit",
                     "description_zh"],
        "recommended": ["style", "floor_min", "view", "washer", "fridge", "wifi", "air_conditioning",
                        "heating", "pets_allowed", "parties_allowed", "mahjong_machine", "karaoke",
                        "house_rules", "bathroom_photos"],
    },
    "fliggy": {
        "label_zh": "飞猪", "label_en": "Fliggy",
        "required": [*_CORE, "area_sqm", "window", "bathroom_type", "wifi", "breakfast"],
        "recommended": ["name_en", "floor_min", "floor_max", "view", "smoking_allowed",
                        "foreign_guests", "extra_bed_allowed", "summary_zh", "description_zh"],
    },
    "airbnb": {
        "label_zh": "爱彼迎", "label_en": "Airbnb",
        "required": [*_CORE, "name_en", "bedroom_count", "bathroom_count", "bathroom_type",
                     "description_en", "house_rules"],
        "recommended": ["summary_en", "wifi", "kitchen", "washer", "air_conditioning", "heating",
                        "workspace", "tv", "hairdryer", "iron", "towels", "smart_lock", "pets_allowed",
                        "smoking_allowed", "parties_allowed", "quiet_hours_start", "quiet_hours_end",
                        "crib_available", "view", "wheelchair_accessible", "elevator"],
    },
    "booking": {
        "label_zh": "缤客 Booking.com", "label_en": "Booking.com",
        "required": [*_CORE, "name_en", "area_sqm", "max_adults", "max_children", "bathroom_type",
                     "smoking_allowed", "breakfast", "foreign_guests"],
        "recommended": ["description_en", "view", "air_conditioning", "heating", "wifi", "tv",
                        "kitchen", "fridge", "hairdryer", "toiletries", "shower", "bathtub", "towels",
                        "slippers", "soundproofing", "balcony", "extra_bed_allowed", "crib_available",
                        "children_policy", "pets_allowed", "wheelchair_accessible", "grab_rails",
                        "elevator"],
    },
}


@dataclass(frozen=True)
class Completeness:
    score: int  # 0..100, see the module docstring
    missing_required: tuple[str, ...]  # in catalog (editor) order
    missing_recommended: tuple[str, ...]


def completeness(values: Mapping[str, Any], profile: Mapping[str, Any]) -> Completeness:
    """How far `values` (stored form) goes towards what `profile` asks for.

    Raises ValueError if the profile names an attribute the catalog does not have; run
    `check_profile` on user-edited profiles before saving them.
    """
    unknown = check_profile(profile)
    if unknown:
        raise ValueError("; ".join(unknown))
    required = set(profile.get("required", ()))
    recommended = set(profile.get("recommended", ())) - required  # listed twice counts as required
    missing_required, missing_recommended = [], []
    for attribute in ATTRIBUTES:
        if attribute.key in required or attribute.key in recommended:
            if not is_filled(attribute, values.get(attribute.key)):
                (missing_required if attribute.key in required else missing_recommended).append(attribute.key)

    possible = REQUIRED_WEIGHT * len(required) + RECOMMENDED_WEIGHT * len(recommended)
    earned = (REQUIRED_WEIGHT * (len(required) - len(missing_required))
              + RECOMMENDED_WEIGHT * (len(recommended) - len(missing_recommended)))
    score = 100 if possible == 0 else 100 * earned // possible
    return Completeness(score, tuple(missing_required), tuple(missing_recommended))


def is_filled(attribute: Attribute, value: Any) -> bool:
    if is_blank(value):
        return False
    if attribute.kind in LIST_KINDS:
        return len(value) >= (attribute.min_items or 1)
    return True


def check_profile(profile: Mapping[str, Any]) -> list[str]:
    """Everything wrong with a (possibly user-edited) profile, as readable English lines."""
    errors = []
    for section in ("required", "recommended"):
        keys = profile.get(section, ())
        if isinstance(keys, str):  # a lone string would be read letter by letter
            errors.append(f"{section} must be a list of attribute keys")
            continue
        errors.extend(f"{section}: unknown attribute {key!r}" for key in keys if find(key) is None)
    return errors
