"""The words a workbook shows, in the two UI languages; the stable keys never change with them.

Import reads sheets and columns by key (or by either language's name), so a workbook exported
in English imports on a Chinese desk and the other way round.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[str, ...] = ("zh", "en")

WEEKDAYS = {
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}
MAKEUP_WORKDAY = {"zh": "班", "en": "work"}

_WORDS = {
    "room_code": ("房型代码", "Room type code"),
    "room_name": ("房型名称", "Room type"),
    "rate_plan_code": ("价格计划代码", "Rate plan code"),
    "rate_plan_name": ("价格计划", "Rate plan"),
    "notes_sheet": ("说明", "Notes"),
    "lists_sheet": ("选项", "Lists"),
    "room_types_sheet": ("房型", "Room types"),
    "key": ("属性键", "Key"),
    "label": ("名称", "Label"),
    "group": ("分组", "Group"),
    "kind": ("类型", "Type"),
    "unit": ("单位", "Unit"),
    "required": ("必填", "Required"),
    "allowed": ("可填写的值", "Allowed values"),
    "help": ("说明", "Help"),
}


def word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return zh if lang == "zh" else en


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be one of {LANGS}, not {lang!r}")
    return lang
