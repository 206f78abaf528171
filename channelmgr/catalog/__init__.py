"""The declarative room-attribute catalog: pure data and functions, no database, no Qt.

    from channelmgr import catalog
    clean, problems = catalog.normalize({"area_sqm": "25平", "bed_type": "大床"})
    catalog.validate(clean)                  # -> [Problem(...)] for what is still wrong
    catalog.completeness(clean, catalog.PROFILES["ctrip"]).score

Values live in one JSON dict per room type, {attribute key: stored value}; the stored form of
each kind is described on `Kind` (decimals as strings, money as integer fen, times as "HH:MM",
photos as a list of references).
"""

from .attributes import ATTRIBUTES, GROUPS, attributes_in_group, by_key
from .coercion import CoercionError, coerce_value
from .ota_codes import OTA_CODE_LISTS
from .profiles import PROFILES, Completeness, check_profile, completeness
from .rules import CROSS_FIELD_RULES
from .types import Attribute, Choice, Group, Kind, OtaCode
from .validation import Problem, normalize, validate

__all__ = [
    "ATTRIBUTES", "GROUPS", "attributes_in_group", "by_key",
    "CoercionError", "coerce_value", "normalize", "validate", "Problem",
    "PROFILES", "Completeness", "completeness", "check_profile",
    "CROSS_FIELD_RULES", "OTA_CODE_LISTS",
    "Attribute", "Choice", "Group", "Kind", "OtaCode",
]
