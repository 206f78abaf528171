"""Phone numbers in exports are masked: 13812345678 → 138****5678.

A workbook or CSV leaves the program (shared by mail, uploaded, left on a USB stick), so the phone
numbers in it are masked unless an administrator asked for them in clear (the opt-in is audited:
channelmgr.privacy.service). A known phone field keeps its first three and last four digits;
free text (audit values, a channel's error message) has its mainland mobile numbers and
international numbers masked where they stand — dates, amounts and booking ids are not phone-shaped
and stay as they are.
"""

from __future__ import annotations

import re

# 11-digit mainland mobile (1[3-9]…) or +country… with 8–15 digits, not inside a longer number
_PHONE_IN_TEXT = re.compile(r"(?<![\d])(?:\+\d[\d \-]{6,16}\d|1[3-9]\d{9})(?![\d])")


def mask_phone(value: str | None) -> str:
    """One phone field: the first 3 and last 4 digits kept, the rest ****; short ones fully masked."""
    if not value:
        return ""
    digits = "".join(c for c in value if c.isdigit())
    prefix = ""
    if value.lstrip().startswith("+86") and len(digits) == 13:  # +86 and a mainland mobile
        prefix, digits = "+86 ", digits[2:]
    if len(digits) < 8:
        return "****"
    return prefix + digits[:3] + "****" + digits[-4:]


def mask_text(text: object) -> object:
    """Phone numbers inside free text masked; anything not a string passes unchanged."""
    if not isinstance(text, str):
        return text
    return _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)


def mask_values(value: object) -> object:
    """``mask_text`` through JSON-like values (an audit entry's before/after)."""
    if isinstance(value, dict):
        return {k: (mask_phone(v) if isinstance(v, str) and "phone" in str(k).lower() else mask_values(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [mask_values(v) for v in value]
    return mask_text(value)
