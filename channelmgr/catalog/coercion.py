"""From what people type (Excel cells, form fields) to the stored JSON form, and back-checks.

`coerce_value` is lenient about spelling and strict about meaning: it accepts "３８８",
"388元", "是", "Yes", "√", "大床", "Queen", "14：00", "14点半", but never guesses: an unknown
choice, a negative area or a 25:00 check-in is an error that says what was expected.

`check_stored` is the strict twin used on data already stored: the value must already be in
the stored form described on `Kind`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from .types import Attribute, Kind, fold

MAX_PHOTO_REF_LENGTH = 500

# "x" and "-" are left out on purpose: in Chinese sheets "x" often means *no*, "-" means n/a.
_TRUE_WORDS = frozenset({"是", "有", "可以", "允许", "提供", "支持", "含", "包含", "√", "✓", "✔",
                         "yes", "y", "true", "t", "1", "on"})
_FALSE_WORDS = frozenset({"否", "无", "没有", "不", "不可以", "不允许", "不提供", "不支持", "不含",
                          "×", "✗", "✘", "no", "n", "false", "f", "0", "off"})

# Ways people write a unit after a number. NFKC has already turned "㎡" and "m²" into "m2".
_UNIT_SPELLINGS = {
    "m²": ("平方米", "平米", "平", "m2", "sqm"),
    "m": ("米", "m"),
}
_CURRENCY_PREFIXES = ("¥", "cny", "rmb")
_CURRENCY_SUFFIXES = ("元", "cny", "rmb")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_LIST_SEPARATORS = re.compile(r"[,，、;；|\n]+")
_PHOTO_SEPARATORS = re.compile(r"[;；\n]+")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(00))?")
_CHINESE_CLOCK = re.compile(r"(\d{1,2})[点时](?:(\d{1,2})分?|(半))?")
_STORED_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


class CoercionError(ValueError):
    """A value that cannot be used, with the reason in both languages."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_en} / {message_zh}")
        self.message_zh = message_zh
        self.message_en = message_en


def is_blank(raw: Any) -> bool:
    """None, empty or whitespace text and empty lists all mean "not filled in"."""
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    return isinstance(raw, (list, tuple, set, frozenset)) and not raw


def coerce_value(attribute: Attribute, raw: Any) -> Any:
    """The stored form of `raw` for `attribute`; None when `raw` is blank (= not set).

    Raises CoercionError when the input cannot be read or breaks the attribute's limits.
    """
    if is_blank(raw):
        return None
    value = _PARSERS[attribute.kind](attribute, raw)
    check_constraints(attribute, value)
    return value


def check_stored(attribute: Attribute, value: Any) -> None:
    """Raise CoercionError unless `value` is already in the stored form and within limits."""
    kind = attribute.kind
    if not _has_stored_type(kind, value):
        raise CoercionError(f"应保存为{_STORED_FORM[kind][0]}", f"must be stored as {_STORED_FORM[kind][1]}")
    if kind is Kind.MONEY:
        # A typed whole number means yuan, a stored one means fen: no round trip through the parser.
        check_constraints(attribute, value)
        return
    canonical = coerce_value(attribute, value)
    if canonical != value:
        raise CoercionError(f"未规范化，应保存为 {canonical!r}", f"not in stored form; expected {canonical!r}")


def check_constraints(attribute: Attribute, value: Any) -> None:
    """Limits declared on the attribute, checked on a value already in the stored form."""
    kind = attribute.kind
    if kind is Kind.TEXT:
        _check_text(attribute, value)
    elif kind in (Kind.INTEGER, Kind.DECIMAL, Kind.MONEY):
        _check_range(attribute, Decimal(value))
    elif kind is Kind.CHOICE:
        _check_known_choices(attribute, [value])
    elif kind is Kind.MULTI_CHOICE:
        _check_known_choices(attribute, value)
        _check_count(attribute, value)
    elif kind is Kind.PHOTOS:
        _check_count(attribute, value)
        for ref in value:
            if len(ref) > MAX_PHOTO_REF_LENGTH or _CONTROL_CHARS.search(ref) or "\n" in ref:
                raise CoercionError(f"照片地址无效：{ref[:40]!r}", f"invalid photo reference: {ref[:40]!r}")
    elif kind is Kind.TIME and not _STORED_TIME.fullmatch(value):
        raise CoercionError("时间应为 HH:MM", "time must be HH:MM")


# --- parsers: one per kind, raw input -> stored form -------------------------------------

def _parse_text(attr: Attribute, raw: Any) -> str:
    if isinstance(raw, str):
        text = raw.strip()
    elif isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
        # Excel hands over a room code typed as 101 as the number 101 (or 101.0).
        text = _plain_decimal(_number(attr, raw))
    else:
        raise _wrong_type(attr, raw)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parse_integer(attr: Attribute, raw: Any) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    number = _number(attr, raw)
    if number != number.to_integral_value():
        raise CoercionError(f"应为整数，而不是 {_plain_decimal(number)}",
                            f"must be a whole number, not {_plain_decimal(number)}")
    return int(number)


def _parse_decimal(attr: Attribute, raw: Any) -> str:
    number = _number(attr, raw)
    places = attr.decimal_places
    if places is not None and -number.normalize().as_tuple().exponent > places:
        raise CoercionError(f"最多 {places} 位小数", f"at most {places} decimal places")
    return _plain_decimal(number)


def _parse_money(attr: Attribute, raw: Any) -> int:
    yuan = _number(attr, raw)
    fen = yuan * 100
    if fen != fen.to_integral_value():
        raise CoercionError("金额最多两位小数", "an amount has at most 2 decimal places")
    return int(fen)


def _parse_bool(attr: Attribute, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, (int, float, Decimal)) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        word = fold(raw)
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    raise CoercionError(f"请填写“是”或“否”，而不是 {raw!r}", f"expected yes or no, not {raw!r}")


def _parse_choice(attr: Attribute, raw: Any) -> str:
    if not isinstance(raw, str):
        raise _wrong_type(attr, raw)
    wanted = fold(raw)
    for choice in attr.choices:
        if wanted in (fold(choice.value), fold(choice.label_zh), fold(choice.label_en)):
            return choice.value
    raise CoercionError(f"未知选项 {raw!r}；可选：{'、'.join(c.label_zh for c in attr.choices)}",
                        f"unknown choice {raw!r}; expected one of: {', '.join(c.label_en for c in attr.choices)}")


def _parse_multi_choice(attr: Attribute, raw: Any) -> list[str]:
    picked = {_parse_choice(attr, item) for item in _items(attr, raw, _LIST_SEPARATORS)}
    return [choice.value for choice in attr.choices if choice.value in picked]


def _parse_time(attr: Attribute, raw: Any) -> str:
    if isinstance(raw, dt.datetime):  # a time cell that openpyxl read with a date part
        raw = raw.time()
    if isinstance(raw, dt.time):
        if raw.second or raw.microsecond:
            raise CoercionError("时间精确到分钟即可", "give the time to the minute")
        return f"{raw.hour:02d}:{raw.minute:02d}"
    if not isinstance(raw, str):
        raise _wrong_type(attr, raw)
    text = unicodedata.normalize("NFKC", raw).strip()  # "１４：００" -> "14:00"
    clock, chinese = _CLOCK.fullmatch(text), _CHINESE_CLOCK.fullmatch(text)
    if clock:
        hour, minute = int(clock[1]), int(clock[2])
    elif chinese:
        hour, minute = int(chinese[1]), 30 if chinese[3] else int(chinese[2] or 0)
    else:
        hour = minute = -1
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise CoercionError(f"无效时间 {raw!r}，请写成 14:00", f"invalid time {raw!r}; write it like 14:00")
    return f"{hour:02d}:{minute:02d}"


def _parse_photos(attr: Attribute, raw: Any) -> list[str]:
    refs = [ref.strip() for ref in _items(attr, raw, _PHOTO_SEPARATORS)]
    return list(dict.fromkeys(ref for ref in refs if ref))  # drop repeats, keep order


_PARSERS: dict[Kind, Callable[[Attribute, Any], Any]] = {
    Kind.TEXT: _parse_text,
    Kind.INTEGER: _parse_integer,
    Kind.DECIMAL: _parse_decimal,
    Kind.MONEY: _parse_money,
    Kind.BOOL: _parse_bool,
    Kind.CHOICE: _parse_choice,
    Kind.MULTI_CHOICE: _parse_multi_choice,
    Kind.TIME: _parse_time,
    Kind.PHOTOS: _parse_photos,
}

_STORED_TYPE = {
    Kind.TEXT: str, Kind.INTEGER: int, Kind.DECIMAL: str, Kind.MONEY: int, Kind.BOOL: bool,
    Kind.CHOICE: str, Kind.MULTI_CHOICE: list, Kind.TIME: str, Kind.PHOTOS: list,
}
_STORED_FORM = {
    Kind.TEXT: ("文本", "text"),
    Kind.INTEGER: ("整数", "an integer"),
    Kind.DECIMAL: ("数字字符串，如 \"25.5\"", "a decimal string such as \"25.5\""),
    Kind.MONEY: ("以分为单位的整数", "an integer amount in fen"),
    Kind.BOOL: ("true 或 false", "true or false"),
    Kind.CHOICE: ("选项值", "a choice value"),
    Kind.MULTI_CHOICE: ("选项值列表", "a list of choice values"),
    Kind.TIME: ("\"HH:MM\"", "\"HH:MM\""),
    Kind.PHOTOS: ("照片地址列表", "a list of photo references"),
}


def _has_stored_type(kind: Kind, value: Any) -> bool:
    if type(value) is not _STORED_TYPE[kind]:  # `type is`, so True does not pass for an int
        return False
    return kind not in (Kind.MULTI_CHOICE, Kind.PHOTOS) or all(type(item) is str for item in value)


# --- helpers -------------------------------------------------------------------------------

def _number(attr: Attribute, raw: Any) -> Decimal:
    """Read a number from a cell or typed text, allowing a unit or currency sign around it."""
    if isinstance(raw, bool):
        raise _wrong_type(attr, raw)
    if isinstance(raw, (int, Decimal)):
        number = Decimal(raw)
    elif isinstance(raw, float):
        number = Decimal(repr(raw))  # the shortest decimal that reads back as this float: 1.8, not 1.800000000000000044
    elif isinstance(raw, str):
        number = _number_from_text(attr, raw)
    else:
        raise _wrong_type(attr, raw)
    if not number.is_finite():
        raise CoercionError(f"无效数字 {raw!r}", f"not a number: {raw!r}")
    return number


def _number_from_text(attr: Attribute, raw: str) -> Decimal:
    text = fold(raw).replace(" ", "")
    if attr.kind is Kind.MONEY:
        text = _strip_affixes(text, _CURRENCY_PREFIXES, _CURRENCY_SUFFIXES)
    elif attr.unit:
        text = _strip_affixes(text, (), _UNIT_SPELLINGS.get(attr.unit, (fold(attr.unit),)))
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise CoercionError(f"无法识别为数字：{raw!r}", f"not a number: {raw!r}") from None


def _strip_affixes(text: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    for suffix in sorted(suffixes, key=len, reverse=True):  # "平方米" before "米"
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _plain_decimal(number: Decimal) -> str:
    """"25.50" -> "25.5", "2E+1" -> "20", "-0" -> "0": one spelling per number."""
    if number == 0:
        return "0"
    return format(number.normalize(), "f")


def _items(attr: Attribute, raw: Any, separators: re.Pattern[str]) -> list[str]:
    if isinstance(raw, str):
        return [item for item in separators.split(raw) if item.strip()]
    if isinstance(raw, (list, tuple)) and all(isinstance(item, str) for item in raw):
        return list(raw)
    raise _wrong_type(attr, raw)


def _check_text(attr: Attribute, text: str) -> None:
    if attr.max_length is not None and len(text) > attr.max_length:
        raise CoercionError(f"最多 {attr.max_length} 个字，现在 {len(text)} 个",
                            f"at most {attr.max_length} characters, got {len(text)}")
    if _CONTROL_CHARS.search(text) or (not attr.multiline and "\n" in text):
        raise CoercionError("含有换行或控制字符", "contains line breaks or control characters")
    if attr.pattern and not re.fullmatch(attr.pattern, text):
        raise CoercionError(f"格式不对：{text!r}", f"does not have the expected format: {text!r}")


def _check_range(attr: Attribute, number: Decimal) -> None:
    shown = _show_number(attr, number)
    if attr.min_value is not None and number < attr.min_value:
        limit = _show_number(attr, attr.min_value)
        raise CoercionError(f"不能小于 {limit}（现在 {shown}）", f"must be at least {limit}, got {shown}")
    if attr.max_value is not None and number > attr.max_value:
        limit = _show_number(attr, attr.max_value)
        raise CoercionError(f"不能大于 {limit}（现在 {shown}）", f"must be at most {limit}, got {shown}")


def _show_number(attr: Attribute, number: Decimal) -> str:
    if attr.kind is Kind.MONEY:  # people think in yuan, the limits are in fen
        return f"{number / 100:.2f}"
    return _plain_decimal(number) + (attr.unit or "")


def _check_known_choices(attr: Attribute, values: list[str]) -> None:
    known = {choice.value for choice in attr.choices}
    unknown = [value for value in values if value not in known]
    if unknown:
        raise CoercionError(f"未知选项 {unknown[0]!r}", f"unknown choice {unknown[0]!r}")


def _check_count(attr: Attribute, items: list[str]) -> None:
    # min_items is not checked here: an owner adds photos one at a time, and two photos saved
    # must not be refused. Too few counts against listing completeness (profiles.py) instead.
    if attr.max_items is not None and len(items) > attr.max_items:
        raise CoercionError(f"最多 {attr.max_items} 项，现在 {len(items)} 项",
                            f"at most {attr.max_items} items, got {len(items)}")


def _wrong_type(attr: Attribute, raw: Any) -> CoercionError:
    return CoercionError(f"无法识别的值 {raw!r}", f"cannot read {type(raw).__name__} value {raw!r} as {attr.kind.value}")
