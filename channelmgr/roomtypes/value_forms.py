"""Stored attribute values turned back into what a person types, and into readable text.

`normalize` (catalog) goes from typed to stored; `typed_form` is its inverse, so a form or a
command can show a stored record and hand it back unchanged: normalize(typed_form(v)) == v.
Only money differs between the two (typed in yuan, stored in fen); everything else is typed as
it is stored.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from ..catalog import Attribute, Kind, by_key
from ..catalog.attributes import find
from ..money import SYMBOLS


def typed_form(attribute: Attribute, stored: Any) -> Any:
    if stored is None:
        return None
    if attribute.kind is Kind.MONEY and type(stored) is int:
        return yuan_text(stored)
    if isinstance(stored, list):
        return list(stored)
    return stored


def typed_record(values: Mapping[str, Any]) -> dict[str, Any]:
    """`typed_form` of every catalog attribute in `values`; keys the catalog does not know are left out."""
    return {key: typed_form(attribute, value) for key, value in values.items()
            if (attribute := find(key)) is not None}


def yuan_text(fen: int) -> str:
    """38800 -> "388", 38850 -> "388.50": what a person types for that amount."""
    yuan = Decimal(fen) / 100
    return f"{yuan:.0f}" if fen % 100 == 0 else f"{yuan:.2f}"


def display_text(key: str, stored: Any, lang: str = "zh", currency: str = "CNY") -> str:
    """A stored value as a person reads it: choice labels, 是/否, ¥388, 25.5 m², "—" when unset."""
    attribute = by_key(key)
    if stored is None or stored == [] or stored == "":
        return "—"
    kind = attribute.kind
    if kind is Kind.BOOL:
        return ("是" if stored else "否") if lang == "zh" else ("yes" if stored else "no")
    if kind is Kind.CHOICE:
        return _choice_label(attribute, stored, lang)
    if kind is Kind.MULTI_CHOICE:
        return ("、" if lang == "zh" else ", ").join(_choice_label(attribute, v, lang) for v in stored)
    if kind is Kind.MONEY:
        return f"{SYMBOLS.get(currency, currency + ' ')}{yuan_text(stored)}"
    if kind in (Kind.INTEGER, Kind.DECIMAL) and attribute.unit:
        return f"{stored} {attribute.unit}"
    if kind is Kind.PHOTOS:
        return "; ".join(stored)
    return str(stored)


def _choice_label(attribute: Attribute, value: str, lang: str) -> str:
    try:
        choice = attribute.choice(value)
    except KeyError:  # a value the catalog no longer offers: show it rather than hide it
        return value
    return choice.label_zh if lang == "zh" else choice.label_en
