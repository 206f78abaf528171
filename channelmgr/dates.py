"""Parsing dates as people and scripts type them, with messages that say what was wrong."""

from __future__ import annotations

import argparse
from datetime import date

from .language import say


def parse_date(text: str) -> date:
    """``YYYY-MM-DD`` → date. Raises argparse.ArgumentTypeError so argparse shows a one-line error."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(say(f"not a date (want YYYY-MM-DD): {text!r}",
                                             f"不是日期（应为 YYYY-MM-DD）：{text!r}")) from None
