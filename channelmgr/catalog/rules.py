"""Rules that tie two attributes together, declared as data next to the catalog.

Each rule looks at a record in the stored form and returns the (message_zh, message_en) of what
is wrong, or None. A rule only speaks when the fields it compares are filled in: "missing" is
the job of `required` and of the channel profiles, not of these rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

from .attributes import by_key


@dataclass(frozen=True)
class AtMost:
    """`key` must not be larger than `limit_key`, e.g. adults ≤ maximum occupancy."""

    key: str
    limit_key: str

    def check(self, values: Mapping[str, Any]) -> tuple[str, str] | None:
        if self.key not in values or self.limit_key not in values:
            return None
        value, limit = values[self.key], values[self.limit_key]
        if Decimal(value) <= Decimal(limit):  # ints and decimal strings alike
            return None
        this, other = by_key(self.key), by_key(self.limit_key)
        return (f"{this.label_zh}（{value}）不能大于{other.label_zh}（{limit}）",
                f"{this.label_en} ({value}) must not exceed {other.label_en} ({limit})")


@dataclass(frozen=True)
class Requires:
    """`key` only makes sense when `needed_key` is filled in (and, if given, has one of `values`)."""

    key: str
    needed_key: str
    values: tuple[Any, ...] = ()

    def check(self, values: Mapping[str, Any]) -> tuple[str, str] | None:
        if self.key not in values:
            return None
        present = values.get(self.needed_key)
        if present is not None and (not self.values or present in self.values):
            return None
        this, other = by_key(self.key), by_key(self.needed_key)
        if not self.values:
            return (f"填写了{this.label_zh}，也需要填写{other.label_zh}",
                    f"{this.label_en} is set, so {other.label_en} is needed too")
        wanted_zh = "、".join(_label(other, v, "zh") for v in self.values)
        wanted_en = ", ".join(_label(other, v, "en") for v in self.values)
        return (f"{this.label_zh}仅在{other.label_zh}为「{wanted_zh}」时适用",
                f"{this.label_en} only applies when {other.label_en} is {wanted_en}")


def _label(attribute: Any, value: Any, language: str) -> str:
    if attribute.choices:
        return getattr(attribute.choice(value), f"label_{language}")
    if isinstance(value, bool):
        return ("是" if value else "否") if language == "zh" else ("yes" if value else "no")
    return str(value)


CROSS_FIELD_RULES: tuple[AtMost | Requires, ...] = (
    AtMost("max_adults", "max_occupancy"),
    AtMost("max_children", "max_occupancy"),
    AtMost("standard_occupancy", "max_occupancy"),
    AtMost("floor_min", "floor_max"),
    Requires("bed_count", "bed_type"),
    Requires("bed_width_m", "bed_type"),
    Requires("second_bed_count", "second_bed_type"),
    Requires("second_bed_width_m", "second_bed_type"),
    Requires("extra_bed_price", "extra_bed_allowed", (True,)),
    Requires("breakfast_price", "breakfast", ("paid",)),
    Requires("quiet_hours_start", "quiet_hours_end"),
    Requires("quiet_hours_end", "quiet_hours_start"),
)
