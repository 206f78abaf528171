"""Whole-record checks: every problem with a room type's attribute values, named and explained.

Two entry points, for the two places values come from:

* `normalize(raw)` takes what people typed (an Excel row, an editor form), turns every cell
  into the stored form and reports what it could not use. Blank cells mean "not set".
* `validate(values)` takes a dict meant for (or read from) the database and reports anything
  that is not in the stored form, breaks a limit or a cross-field rule, or is missing although
  required. normalize runs the same record checks, so its output needs no second pass.

Every value that passes is a JSON scalar or a list of strings, so the dict can be stored as JSON
as is. Problems are plain data: the caller decides whether they block a save.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from .attributes import ATTRIBUTES, find
from .coercion import CoercionError, check_stored, coerce_value, is_blank
from .rules import CROSS_FIELD_RULES
from .types import Attribute

__all__ = ["Problem", "coerce_value", "normalize", "validate"]


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field, ready to show next to it or in an import report."""

    key: str
    label_zh: str
    label_en: str
    message_zh: str
    message_en: str


def normalize(raw_values: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """(stored-form values of everything usable, problems). Blank input is left out."""
    return _check_record(raw_values, coerce_value)


def validate(values: Mapping[str, Any]) -> list[Problem]:
    """Problems with a dict of stored values; an empty list means it may be stored as is.

    None counts as "not set". Unknown keys are refused, so a typo never becomes a silent
    extra column in the database.
    """
    def stored_value(attribute: Attribute, value: Any) -> Any:
        if is_blank(value):
            return None
        check_stored(attribute, value)
        return value

    return _check_record(values, stored_value)[1]


def _check_record(values: Mapping[str, Any],
                  read: Callable[[Attribute, Any], Any]) -> tuple[dict[str, Any], list[Problem]]:
    clean: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, raw in values.items():
        attribute = find(key) if isinstance(key, str) else None
        if attribute is None:
            problems.append(Problem(str(key), str(key), str(key),
                                    f"未知属性 {key!r}", f"unknown attribute {key!r}"))
            continue
        try:
            value = read(attribute, raw)
        except CoercionError as error:
            problems.append(_problem(attribute.key, error.message_zh, error.message_en))
            continue
        if value is not None:
            clean[attribute.key] = value

    rejected = {problem.key for problem in problems}
    for attribute in ATTRIBUTES:  # missing-but-required, in editor order
        if attribute.required and attribute.key not in clean and attribute.key not in rejected:
            problems.append(_problem(attribute.key, "必填", "required"))
    for rule in CROSS_FIELD_RULES:
        complaint = rule.check(clean)
        if complaint:
            problems.append(_problem(rule.key, *complaint))
    return clean, problems


def _problem(key: str, message_zh: str, message_en: str) -> Problem:
    attribute = find(key)
    assert attribute is not None
    return Problem(key, attribute.label_zh, attribute.label_en, message_zh, message_en)
