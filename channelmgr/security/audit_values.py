"""How a value the audit trail recorded reads: the one place that knows which keys hold money.

The trail stores what the services had in hand — fen as integers, lists as JSON lists — so a
screen, ``channelmgr audit`` and the workbook all read them through here: 8000 under a price
rule's ``params value`` is ¥80 when the rule adds or sets an amount and a plain 15 (%) when it
is a percentage, ``["春节"]`` is 春节. The names of the keys and the codes among the values
(roles, statuses) are worded by the front end, in its language.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..money import format_minor

# A value recorded under one of these is fen only when its sibling key says it is an amount:
# {field: (sibling field, sibling values that make it money)}.
_MONEY_WHEN = {
    "params value": ("params adjust", ("add", "set")),  # a price rule: int fen for add / set
    "derive_value": ("derive_kind", ("amount",)),  # a derived plan: "-2000" fen for amount
}


def is_money(field: str, side: Mapping[str, object]) -> bool:
    """Whether ``field`` holds fen, given the other fields recorded with it (``side``: one side,
    before or after, of the same entry — a rule's adjustment can change with its value)."""
    # Amounts are stored in minor units under *_minor names; the calendar's are price:<plan id>.
    name = field.split(" ", 1)[0]
    if name.endswith("_minor") or name.startswith("price:"):
        return True
    sibling = _MONEY_WHEN.get(field)
    return sibling is not None and side.get(sibling[0]) in sibling[1]


def show_value(value: object, field: str = "", side: Mapping[str, object] | None = None,
               list_separator: str = ", ") -> str:
    """A recorded value as text: fen as money (in yuan: the trail keeps no currency, and every
    property here sells in CNY so far), a list as its items, nothing as an empty text."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return list_separator.join(show_value(item, list_separator=list_separator) for item in value)
    if is_money(field, side or {}):
        amount = _whole(value)
        if amount is not None:
            return format_minor(amount)  # fen as the owner reads them: 58800 → ¥588
    return str(value)


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return None
    return None
