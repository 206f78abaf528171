"""What a channel is sent: the engine's price with the channel's markup, rounding and guards.

Order, per channel: markup percent → markup amount → rounding → min guard → max guard.

* Markup covers the OTA's commission ("Ctrip +15%"); percent first, so a fixed fee is not scaled.
* Rounding is always **up**, so rounding never undercuts the computed price:
  ``WHOLE`` = next whole major unit (¥807.30 → ¥808), ``END_IN_8`` / ``END_IN_9`` = the smallest
  price ≥ the computed one that is a whole major unit ending in 8 / 9 (¥807.30 → ¥808,
  ¥809 → ¥818; ¥801 → ¥809). Major units come from ``minor_units`` (2 for CNY: 100 fen = ¥1).
* Guards clamp, and come after rounding, so they win: "never below ¥198" means ¥198 is sent even
  if ¥198 does not end in 8. A min guard above the max guard is refused when the channel is made.
* A markup that drives a price to ≤ 0 is refused (PriceRefused naming the channel), not clamped:
  such a markup is a mistake to fix, not something to paper over with the guard.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from .money import HUNDRED, as_decimal, as_fen, decimal_text, major_text, percent_factor, scale
from .steps import PriceRefused, Step, step


class Rounding(Enum):
    NONE = "none"
    WHOLE = "whole"  # whole yuan (major unit)
    END_IN_8 = "end_in_8"
    END_IN_9 = "end_in_9"


_LAST_DIGIT = {Rounding.END_IN_8: 8, Rounding.END_IN_9: 9}
_ROUNDING_TEXT = {Rounding.NONE: "", Rounding.WHOLE: "↑1", Rounding.END_IN_8: "↑…8",
                  Rounding.END_IN_9: "↑…9"}


def round_up(price: int, rounding: Rounding, minor_units: int = 2) -> int:
    """``price`` rounded up as ``rounding`` says (see the module docstring)."""
    if rounding is Rounding.NONE:
        return price
    unit = 10**minor_units
    major = -(-price // unit)  # ceiling division
    digit = _LAST_DIGIT.get(rounding)
    if digit is not None:
        major += (digit - major) % 10
    return major * unit


@dataclass(frozen=True)
class ChannelOutput:
    """Per-channel output settings. Amounts in the channel currency's minor units."""

    code: str
    markup_percent: Decimal = Decimal(0)
    markup_amount: int = 0
    rounding: Rounding = Rounding.NONE
    min_price: int | None = None
    max_price: int | None = None
    currency: str = "CNY"
    minor_units: int = 2
    name_zh: str = ""
    name_en: str = ""
    # Output depends only on the input price, and a whole calendar has few distinct prices,
    # so memoising by input price makes the per-cell cost a dict lookup.
    _memo: dict[int, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        where = f"channel {self.code!r}"
        markup = as_decimal(self.markup_percent, f"{where} markup_percent")
        if markup <= -HUNDRED:
            raise ValueError(f"{where}: markup {decimal_text(markup)}% would make every price ≤ 0")
        object.__setattr__(self, "markup_percent", markup)
        object.__setattr__(self, "rounding", Rounding(self.rounding))
        as_fen(self.markup_amount, f"{where} markup_amount")
        if as_fen(self.minor_units, f"{where} minor_units") < 0:
            raise ValueError(f"{where}: minor_units cannot be negative")
        for name in ("min_price", "max_price"):
            guard = getattr(self, name)
            if guard is not None and as_fen(guard, f"{where} {name}") <= 0:
                raise ValueError(f"{where}: {name} must be above zero, got {guard}")
        if self.min_price is not None and self.max_price is not None and self.min_price > self.max_price:
            raise ValueError(
                f"{where}: min price guard {self.min_price} is above max price guard "
                f"{self.max_price}; no price could satisfy both"
            )

    @property
    def source(self) -> str:
        return f"channel {self.code!r}"

    def _moves(self, price: int) -> list[tuple[str, int]]:
        """(what, price after) for each stage that changes the price — the numbers behind
        both ``steps`` (which adds the texts) and ``apply`` (which only needs the last one)."""
        moves = []
        current = price
        if self.markup_percent:
            current = scale(current, percent_factor(self.markup_percent))
            moves.append(("markup_percent", current))
        if self.markup_amount:
            current += self.markup_amount
            moves.append(("markup_amount", current))
        if current <= 0:
            raise PriceRefused(self.source, "markup", price, current)
        rounded = round_up(current, self.rounding, self.minor_units)
        if rounded != current:
            current = rounded
            moves.append(("rounding", current))
        if self.min_price is not None and current < self.min_price:
            moves.append(("min_price", self.min_price))
        elif self.max_price is not None and current > self.max_price:
            moves.append(("max_price", self.max_price))
        return moves

    def _texts(self, what: str) -> tuple[str, str, str]:
        """(label_zh, label_en, operation) of a stage."""
        name_zh, name_en = self.name_zh or self.code, self.name_en or self.code
        if what == "markup_percent":
            sign = "+" if self.markup_percent > 0 else ""
            return f"{name_zh} 加价", f"{name_en} markup", f"{sign}{decimal_text(self.markup_percent)}%"
        if what == "markup_amount":
            operation = major_text(self.markup_amount, self.minor_units, signed=True)
            return f"{name_zh} 加价", f"{name_en} markup", operation
        if what == "rounding":
            return f"{name_zh} 取整", f"{name_en} rounding", _ROUNDING_TEXT[self.rounding]
        if what == "min_price":
            operation = "≥" + major_text(self.min_price, self.minor_units)
            return f"{name_zh} 最低价保护", f"{name_en} min price guard", operation
        operation = "≤" + major_text(self.max_price, self.minor_units)
        return f"{name_zh} 最高价保护", f"{name_en} max price guard", operation

    def steps(self, price: int) -> list[Step]:
        """The channel's steps on ``price`` (empty when the channel changes nothing)."""
        steps: list[Step] = []
        before = price
        for what, after in self._moves(price):
            if after != before:
                steps.append(step(*self._texts(what), before, after, self.source))
                before = after
        return steps

    def apply(self, price: int) -> int:
        """The price this channel is sent for ``price`` (where ``steps`` ends), memoised."""
        result = self._memo.get(price)
        if result is None:
            moves = self._moves(price)
            result = self._memo[price] = moves[-1][1] if moves else price
        return result
