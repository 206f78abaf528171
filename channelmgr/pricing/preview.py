"""Comparing the desk's prices before and after edits: what moved, and what the guard says.

The service prices a window twice — the cached grid as it is, and the same window with the edits
— and hands both here. Only the "direct" channel is compared: channel markups move with the
price, so a typo shows there just as well, and the owner recognises their own prices.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..money import format_minor
from .channel_settings import DIRECT_CHANNEL
from .engine import PriceGrid
from .guard import GuardReason, GuardReport
from .property_settings import PropertyPricingSettings
from .views import PricePreview


def direct_rows(grid: PriceGrid, start: date, end: date) -> dict[tuple[str, str], tuple[int, ...]]:
    offset = (start - grid.nights[0]).days
    count = (end - start).days
    return {(room_type, code): tuple(row[offset:offset + count])
            for (room_type, code, channel), row in grid.rows.items() if channel == DIRECT_CHANNEL}


def compare(before: dict, after: dict, start: date, end: date, settings: PropertyPricingSettings,
             currency: str) -> PricePreview:
    nights = tuple(start + timedelta(days=i) for i in range((end - start).days))
    changed: dict = {}
    for key, new_row in after.items():
        old_row = before.get(key)
        if old_row == new_row:
            continue  # compared at C speed: most rows of a big property do not move
        for i, price in enumerate(new_row):
            old = None if old_row is None else old_row[i]
            if old != price:
                changed[(*key, nights[i])] = (old, price)
    old = {key: prices[0] for key, prices in changed.items() if prices[0] is not None}
    new = {key: prices[1] for key, prices in changed.items()}
    report: GuardReport = settings.guard().check(old, new)
    return PricePreview(nights, currency, before, after, changed, report)


def confirmation_text(preview: PricePreview) -> tuple[str, str]:
    """One line (the CLI prints errors as one line), in English and Chinese: per plan, how many
    nights and the biggest move."""
    by_plan: dict[tuple[str, str], list] = {}
    for move in preview.report.biggest():  # biggest first, so each plan's first is its biggest
        by_plan.setdefault(move.key[:2], []).append(move)
    english, chinese = [], []
    for (room_type, plan), moves in list(by_plan.items())[:3]:
        move = moves[0]
        old = "—" if move.old is None else format_minor(move.old, preview.currency)
        percent = "" if move.change_percent is None else f" ({move.change_percent:+}%)"
        below = GuardReason.BELOW_FLOOR in move.reasons
        shift = f"{move.key[2]} {old} → {format_minor(move.new, preview.currency)}{percent}"
        english.append(f"{room_type}/{plan} on {len(moves)} night(s), e.g. {shift}{', below the floor' if below else ''}")
        chinese.append(f"{room_type}/{plan} 共 {len(moves)} 晚，例如 {shift}{'，低于下限' if below else ''}")
    more = len(by_plan) - 3
    count = len(preview.report.suspicious)
    return (f"{count} price(s) would move more than the fat-finger guard allows: {'; '.join(english)}"
            f"{f'; and {more} more plan(s)' if more > 0 else ''} — check, then confirm (CLI: --force)",
            f"{count} 个价格的变动超出防误操作检查的范围：{'；'.join(chinese)}"
            f"{f'；另有 {more} 个价格计划' if more > 0 else ''}。请检查后确认（命令行：--force）。")