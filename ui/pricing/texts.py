"""How rules, adjustments and plans read on screen, in the UI's language.

Names that come with the data in both languages (rule kinds, holidays, explain steps) are picked
by the installed language; everything else goes through Qt's translator.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from channelmgr.money import format_minor
from channelmgr.pricing.holidays_cn import HOLIDAY_NAMES
from channelmgr.pricing.rule_store import RULE_KINDS, RuleSpec

# Every string below is written out as QCoreApplication.translate("PriceTexts", "…"): lupdate
# only collects literal context and text, so a helper taking the text as a variable would hide
# the strings from the translation files.
def chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def pick(zh: str, en: str) -> str:
    return zh if chinese() else en


def kind_label(kind: str) -> str:
    found = RULE_KINDS.get(kind)
    return pick(found.label_zh, found.label_en) if found else kind


def holiday_label(name: str) -> str:
    return pick(name, HOLIDAY_NAMES.get(name, name))


def weekday_label(weekday: int) -> str:
    """0 = Monday, in the locale's short form (周一 / Mon)."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def money(amount_minor: int | None, currency: str = "CNY") -> str:
    return "—" if amount_minor is None else format_minor(amount_minor, currency)


def adjustment_text(spec: RuleSpec, currency: str = "CNY") -> str:
    if spec.adjust == "add":
        sign = "+" if int(spec.value) >= 0 else "−"
        return sign + money(abs(int(spec.value)), currency)
    if spec.adjust == "set":
        return "= " + money(int(spec.value), currency)
    if spec.adjust == "percent":
        value = Decimal(str(spec.value))
        return f"{'+' if value >= 0 else '−'}{abs(value).normalize():f}%"
    return f"× {Decimal(str(spec.value)).normalize():f}"


def conditions_text(spec: RuleSpec) -> str:
    p = spec.params
    kind = spec.kind
    if kind == "weekend":
        text = QCoreApplication.translate("PriceTexts", "weekend nights")
    elif kind == "weekdays":
        days = ", ".join(weekday_label(d) for d in p.get("days", ()))
        text = QCoreApplication.translate("PriceTexts", "on %1").replace("%1", days)
    elif kind == "season":
        text = f"{_day(p.get('start'), p.get('yearly'))} – {_day(p.get('end'), p.get('yearly'))}"
        if p.get("yearly"):
            text += " " + QCoreApplication.translate("PriceTexts", "every year")
    elif kind in ("holiday", "night_before_holiday"):
        names = ", ".join(holiday_label(name) for name in p.get("holidays") or ())
        names = names or QCoreApplication.translate("PriceTexts", "any public holiday")
        before = QCoreApplication.translate("PriceTexts", "night before %1")
        text = names if kind == "holiday" else before.replace("%1", names)
    elif kind == "makeup_workday":
        text = QCoreApplication.translate("PriceTexts", "make-up working days")
    elif kind == "last_minute":
        # The count goes in as a plain name: lupdate skips calls whose arguments contain calls.
        days = int(p.get("within_days", 0))
        text = QCoreApplication.translate("PriceTexts", "up to %n day(s) ahead", "", days)
    elif kind == "early_bird":
        days = int(p.get("at_least_days", 0))
        text = QCoreApplication.translate("PriceTexts", "%n or more day(s) ahead", "", days)
    elif kind == "occupancy":
        percent = f"{Decimal(str(p.get('sold_at_least', 0))) * 100:.0f}"
        text = QCoreApplication.translate("PriceTexts", "%1% or more sold").replace("%1", percent)
    else:
        text = kind
    if spec.valid_from or spec.valid_to:
        valid = QCoreApplication.translate("PriceTexts", "valid %1 – %2")
        text += " · " + valid.replace("%1", str(spec.valid_from or "…")).replace("%2", str(spec.valid_to or "…"))
    if spec.min_stay:
        nights = spec.min_stay
        text += " · " + QCoreApplication.translate("PriceTexts", "min. %n night(s)", "", nights)
    return text


def scope_text(spec: RuleSpec) -> str:
    parts = [", ".join(values) for values in (spec.room_types, spec.rate_plans, spec.channels) if values]
    if parts:
        return " · ".join(parts)
    return QCoreApplication.translate("PriceTexts", "all room types, plans and channels")


def stage_text(stage: str | None) -> str:
    return {
        "base": QCoreApplication.translate("PriceTexts", "sets the price"),
        "adjust": QCoreApplication.translate("PriceTexts", "adds an amount"),
        "scale": QCoreApplication.translate("PriceTexts", "percent / factor"),
        "final": QCoreApplication.translate("PriceTexts", "final price"),
    }.get(stage or "", "")


def derivation_text(kind: str | None, value: str | None, parent: str | None, currency: str = "CNY") -> str:
    if kind == "amount":
        amount = int(value or 0)
        return f"{parent} {'+' if amount >= 0 else '−'}{money(abs(amount), currency)}"
    number = Decimal(value or 0)
    return f"{parent} {'+' if number >= 0 else '−'}{abs(number).normalize():f}%"


def _day(text: object, yearly: bool) -> str:
    try:
        day = date.fromisoformat(str(text))
    except ValueError:
        return str(text)
    return day.strftime("%m-%d") if yearly else day.isoformat()


def rounding_label(key: str) -> str:
    """A rounding setting ("none", "yuan", "end8", "end9") as the owner reads it."""
    return {
        "none": QCoreApplication.translate("PriceTexts", "No rounding"),
        "yuan": QCoreApplication.translate("PriceTexts", "Up to whole yuan"),
        "end8": QCoreApplication.translate("PriceTexts", "Up to a price ending in 8"),
        "end9": QCoreApplication.translate("PriceTexts", "Up to a price ending in 9"),
    }.get(key, key)
