"""Exact price arithmetic: integer minor units (fen) in and out, ``Decimal`` factors, never float.

Every multiplication rounds half-up to the fen *once*, at the step that multiplies, so each explain
step shows a whole number of fen and the steps add up exactly to the final price.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

HUNDRED = Decimal(100)


def as_fen(value: object, what: str) -> int:
    """``value`` as an int amount of minor units; floats and bools are refused (money is exact)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int amount of minor units (fen), got {value!r}")
    return value


def as_decimal(value: object, what: str) -> Decimal:
    """``value`` as a Decimal. A float is refused: ``Decimal(0.1)`` is not 0.1, and money is exact."""
    if isinstance(value, (bool, float)):
        raise TypeError(f"{what} must be a Decimal, an int or a decimal string, not {value!r}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, (int, str)):
        try:
            result = Decimal(value)
        except InvalidOperation:
            raise ValueError(f"{what}: {value!r} is not a number") from None
    else:
        raise TypeError(f"{what} must be a Decimal, an int or a decimal string, not {value!r}")
    if not result.is_finite():
        raise ValueError(f"{what} must be finite, got {value!r}")
    return result


@lru_cache(maxsize=4096)
def _ratio(factor: Decimal) -> tuple[int, int]:
    return factor.as_integer_ratio()


def scale(price: int, factor: Decimal) -> int:
    """``price × factor`` rounded half-up (ties away from zero) to the fen.

    Same result as ``(Decimal(price) * factor).quantize(1, ROUND_HALF_UP)`` — a test holds it
    to that — in integer arithmetic, because a full compute multiplies ~10⁵ distinct prices.
    """
    numerator, denominator = _ratio(factor)
    product = price * numerator
    whole, rest = divmod(abs(product), denominator)
    if 2 * rest >= denominator:
        whole += 1
    return -whole if product < 0 else whole


@lru_cache(maxsize=1024)
def percent_factor(percent: Decimal) -> Decimal:
    """+15 → 1.15, −10 → 0.90. Cached: the same factor object keeps ``scale``'s lookup cheap."""
    return 1 + percent / HUNDRED


def major_text(amount: int, minor_units: int = 2, signed: bool = False) -> str:
    """Minor units as a plain major-unit number for operation texts: 8000 → '80', 80730 → '807.3'.

    No currency symbol on purpose: operations are shown next to prices the UI formats itself.
    """
    value = Decimal(amount).scaleb(-minor_units)
    text = format(value.normalize(), "f") if value else "0"
    return f"+{text}" if signed and amount >= 0 else text


def decimal_text(value: Decimal) -> str:
    """Decimal without exponent or trailing zeros: Decimal('1.50') → '1.5'."""
    return format(value.normalize(), "f") if value else "0"
