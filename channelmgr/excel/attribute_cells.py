"""Catalog attributes in cells: the value a person sees and edits, and what the cell may hold.

`cell_form` is the inverse of the catalog's `coerce_value` for a spreadsheet: coerce_value(attr,
cell_form(attr, stored, lang)) == stored for every kind and both languages, so a room-types
workbook that comes back untouched changes nothing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..catalog import Attribute, Kind
from .labels import YES_NO

LIST_JOINERS = {"zh": "、", "en": ", "}
PHOTO_JOINER = "; "


def choice_label(attribute: Attribute, value: str, lang: str) -> str:
    choice = attribute.choice(value)
    return choice.label_zh if lang == "zh" else choice.label_en


def cell_form(attribute: Attribute, stored: Any, lang: str) -> Any:
    if stored is None or stored == [] or stored == "":
        return None
    kind = attribute.kind
    if kind is Kind.MONEY:
        return stored // 100 if stored % 100 == 0 else Decimal(stored) / 100
    if kind is Kind.DECIMAL:
        return Decimal(stored)
    if kind is Kind.BOOL:
        return YES_NO[lang][0 if stored else 1]
    if kind is Kind.CHOICE:
        return choice_label(attribute, stored, lang)
    if kind is Kind.MULTI_CHOICE:
        return LIST_JOINERS[lang].join(choice_label(attribute, v, lang) for v in stored)
    if kind is Kind.PHOTOS:
        return PHOTO_JOINER.join(stored)
    return stored


def column_width(attribute: Attribute, label: str) -> float:
    """Wide enough for typical values; long texts stay narrow-ish and are read in the cell editor."""
    kind = attribute.kind
    if kind is Kind.TEXT:
        base = 12 if (attribute.max_length or 0) <= 20 else 20 if (attribute.max_length or 0) <= 80 else 36
    elif kind in (Kind.MULTI_CHOICE, Kind.PHOTOS):
        base = 30
    elif kind is Kind.CHOICE:
        base = 14
    else:
        base = 9
    header = min(24, sum(2 if ord(ch) > 0x2E80 else 1 for ch in label) / 2 + 2)  # two lines of header
    return max(base, header)


def describe_kind(attribute: Attribute, lang: str) -> str:
    zh = lang == "zh"
    kind = attribute.kind
    if kind is Kind.TEXT:
        return f"文本，最多 {attribute.max_length} 字" if zh else f"text, up to {attribute.max_length} characters"
    if kind is Kind.INTEGER:
        return "整数" if zh else "whole number"
    if kind is Kind.DECIMAL:
        places = attribute.decimal_places
        if places is None:
            return "数字" if zh else "number"
        return f"数字，最多 {places} 位小数" if zh else f"number, up to {places} decimals"
    if kind is Kind.MONEY:
        return "金额（元）" if zh else "amount (yuan)"
    if kind is Kind.BOOL:
        return "是/否" if zh else "yes/no"
    if kind is Kind.CHOICE:
        return "单选" if zh else "one choice"
    if kind is Kind.MULTI_CHOICE:
        return "多选，用、分隔" if zh else "several choices, separated by commas"
    if kind is Kind.TIME:
        return "时间 HH:MM" if zh else "time HH:MM"
    return "照片地址，用 ; 分隔" if zh else "photo references separated by ;"


def describe_allowed(attribute: Attribute, lang: str) -> str:
    zh = lang == "zh"
    if attribute.choices:
        return ("、" if zh else ", ").join(c.label_zh if zh else c.label_en for c in attribute.choices)
    if attribute.kind is Kind.BOOL:
        return "是 / 否" if zh else "yes / no"
    low, high = attribute.min_value, attribute.max_value
    if attribute.kind is Kind.MONEY:
        low = None if low is None else low / 100
        high = None if high is None else high / 100
    parts = []
    if low is not None:
        parts.append(f"≥ {low.normalize():f}")
    if high is not None:
        parts.append(f"≤ {high.normalize():f}")
    if attribute.min_items:
        parts.append(f"至少 {attribute.min_items} 项" if zh else f"at least {attribute.min_items}")
    if attribute.max_items:
        parts.append(f"最多 {attribute.max_items} 项" if zh else f"at most {attribute.max_items}")
    return "，".join(parts) if zh else ", ".join(parts)
