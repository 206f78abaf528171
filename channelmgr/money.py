"""Money is exact: integer minor units (fen) in the core, formatted only at the edges."""

from __future__ import annotations

from decimal import Decimal

SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "HKD": "HK$"}


def format_minor(amount_minor: int, currency: str = "CNY", *, cents: bool = False) -> str:
    """38800 → '¥388', 38850 → '¥388.50' (whole amounts drop the decimals, as OTAs show them).

    ``cents``: always two decimals (38800 → '¥388.00'), for a column of amounts where some have
    cents: ¥0 above ¥427.50 reads as a different kind of figure, and the digits do not line up.
    """
    value = Decimal(amount_minor) / 100
    text = f"{value:,.0f}" if amount_minor % 100 == 0 and not cents else f"{value:,.2f}"
    return f"{SYMBOLS.get(currency, currency + ' ')}{text}"
