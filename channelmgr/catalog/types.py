"""Building blocks of the catalog: groups, value kinds, OTA codes, choices and attributes.

Everything here is immutable data. An `Attribute` checks its own declaration when it is
created, so a slip in attributes.py (a choice list on a number, two choices with the same
label, a text field without a length limit) fails at import time, not in a user's import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from .ota_codes import OTA_CODE_LISTS, ota_code_name

_SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


def fold(text: str) -> str:
    """The form in which typed words are compared: full-width folded (NFKC), trimmed, caseless."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


class Group(Enum):
    """Editor sections, in display order. The value is the stable key used in settings/Excel."""

    BASICS = ("basics", "基本信息", "Basics")
    BEDS = ("beds", "床型", "Beds")
    SPACE = ("space", "空间与入住人数", "Space & occupancy")
    BATHROOM = ("bathroom", "卫浴", "Bathroom")
    AMENITIES = ("amenities", "设施", "Amenities")
    VIEW = ("view", "景观", "View")
    ACCESSIBILITY = ("accessibility", "无障碍", "Accessibility")
    POLICIES = ("policies", "政策", "Policies")
    DESCRIPTIONS = ("descriptions", "描述", "Descriptions")
    PHOTOS = ("photos", "照片", "Photos")

    def __init__(self, key: str, label_zh: str, label_en: str) -> None:
        self.key = key
        self.label_zh = label_zh
        self.label_en = label_en

    @property
    def order(self) -> int:
        return list(Group).index(self)


class Kind(Enum):
    """What sort of value an attribute holds; decides parsing, the stored JSON form and the editor.

    Stored forms (what goes into the RoomType JSON column):
      TEXT          str, stripped
      INTEGER       int
      DECIMAL       str in plain notation, e.g. "25.5" (a JSON float would not round-trip exactly)
      MONEY         int in minor units of the property's currency (fen for CNY); typed in yuan
      BOOL          true / false
      CHOICE        str, the choice's `value`
      MULTI_CHOICE  list of choice values, in declaration order, no repeats
      TIME          "HH:MM", 24-hour clock
      PHOTOS        list of photo references (file paths or URLs), in display order, no repeats
    """

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    MONEY = "money"
    BOOL = "bool"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    TIME = "time"
    PHOTOS = "photos"


NUMERIC_KINDS = frozenset({Kind.INTEGER, Kind.DECIMAL, Kind.MONEY})
CHOICE_KINDS = frozenset({Kind.CHOICE, Kind.MULTI_CHOICE})
LIST_KINDS = frozenset({Kind.MULTI_CHOICE, Kind.PHOTOS})


@dataclass(frozen=True)
class OtaCode:
    """An entry of an OpenTravel code list, e.g. OtaCode("RMA", 2) = Air conditioning."""

    list: str
    code: int

    def __post_init__(self) -> None:
        if self.list not in OTA_CODE_LISTS:
            raise ValueError(f"unknown OpenTravel code list {self.list!r}")
        if type(self.code) is not int or ota_code_name(self.list, self.code) is None:
            raise ValueError(f"{self.list} {self.code!r} is not a vetted OpenTravel code")

    @property
    def name(self) -> str:
        """The official English name, e.g. "Air conditioning"."""
        return OTA_CODE_LISTS[self.list][self.code]


@dataclass(frozen=True)
class Choice:
    value: str
    label_zh: str
    label_en: str
    ota_code: OtaCode | None = None


@dataclass(frozen=True)
class Attribute:
    """One field a listing asks for. Declaring one of these is all it takes to add a field.

    Limits are in the stored unit: `min_value`/`max_value` of a MONEY attribute are in fen.
    `required` means the catalog refuses a record without it; what a channel needs on top
    is in profiles.py.
    """

    key: str
    label_zh: str
    label_en: str
    group: Group
    kind: Kind
    required: bool = False
    unit: str | None = None
    min_value: Decimal | int | str | None = None
    max_value: Decimal | int | str | None = None
    decimal_places: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    multiline: bool = False
    choices: tuple[Choice, ...] = ()
    min_items: int | None = None  # what a complete listing has (completeness), not a validity rule
    max_items: int | None = None
    ota_code: OtaCode | None = None
    help_zh: str = ""
    help_en: str = ""

    def __post_init__(self) -> None:
        # Limits may be declared as int, str or Decimal; keep them as Decimal for comparing.
        for name in ("min_value", "max_value"):
            limit = getattr(self, name)
            if limit is not None:
                object.__setattr__(self, name, Decimal(str(limit)))
        for complaint in _declaration_errors(self):
            raise ValueError(f"attribute {self.key!r}: {complaint}")

    def choice(self, value: str) -> Choice:
        """The Choice stored as `value`; KeyError if there is none."""
        for choice in self.choices:
            if choice.value == value:
                return choice
        raise KeyError(f"{self.key}: no choice {value!r}")


def _declaration_errors(attr: Attribute) -> list[str]:
    errors = []
    if not _SNAKE_CASE.fullmatch(attr.key):
        errors.append("key must be snake_case")
    if not attr.label_zh.strip() or not attr.label_en.strip():
        errors.append("both labels are needed")
    kind = attr.kind

    def only_for(field: str, kinds: frozenset[Kind] | set[Kind]) -> None:
        value = getattr(attr, field)
        if value not in (None, False, ()) and kind not in kinds:
            errors.append(f"{field} does not apply to a {kind.value} attribute")

    only_for("unit", {Kind.INTEGER, Kind.DECIMAL})
    only_for("min_value", NUMERIC_KINDS)
    only_for("max_value", NUMERIC_KINDS)
    only_for("decimal_places", {Kind.DECIMAL})
    only_for("max_length", {Kind.TEXT})
    only_for("pattern", {Kind.TEXT})
    only_for("multiline", {Kind.TEXT})
    only_for("choices", CHOICE_KINDS)
    only_for("min_items", LIST_KINDS)
    only_for("max_items", LIST_KINDS)

    if kind is Kind.TEXT and not attr.max_length:
        errors.append("every text attribute needs a max_length")
    if kind in CHOICE_KINDS:
        errors.extend(_choice_errors(attr.choices))
    if attr.min_value is not None and attr.max_value is not None and attr.min_value > attr.max_value:
        errors.append("min_value is above max_value")
    if (attr.min_items or 0) > (attr.max_items if attr.max_items is not None else float("inf")):
        errors.append("min_items is above max_items")
    return errors


def _choice_errors(choices: tuple[Choice, ...]) -> list[str]:
    if not choices:
        return ["a choice attribute needs choices"]
    errors = []
    if any(not _SNAKE_CASE.fullmatch(c.value) for c in choices):
        errors.append("choice values must be snake_case")
    if any(not c.label_zh.strip() or not c.label_en.strip() for c in choices):
        errors.append("every choice needs both labels")
    # People type any of value / Chinese label / English label, so all of them together must
    # be unambiguous, compared the way the parser compares them.
    spellings = [s for c in choices for s in {fold(c.value), fold(c.label_zh), fold(c.label_en)}]
    if len(spellings) != len(set(spellings)):
        errors.append("two choices share a value or label")
    return errors
