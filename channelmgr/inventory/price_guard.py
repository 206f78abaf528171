"""The fat-finger guard on calendar price edits (bulk edit, copy week, Excel import).

The Prices page and ``price set-base`` already preview through the pricing service and ask the
property's guard (``pricing.guard``) before writing. Calendar edits write typed prices directly,
so they ask the same guard here: every typed price is compared with the price that cell shows
*now* — the desk's price from the nightly price seam, with rules, holidays and earlier overrides
— so ¥35,800 typed on a night showing ¥358 is caught even where nothing was typed before.

Undo and redo are not asked: they put back values the calendar already held.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Property, RatePlan, RoomType
from ..money import format_minor
from ..pricing.guard import ConfirmationRequired, GuardReport
from ..pricing.money import decimal_text
from ..pricing.property_settings import PropertyPricingSettings, read_settings_json
from .changes import Change
from .prices import NightlyPrices

PriceCell = tuple[int, date]  # (rate plan id, night)


def check_typed_prices(session: Session, property_id: int, changes: Iterable[Change], prices: NightlyPrices,
                       force: bool) -> GuardReport:
    """The guard's report on the typed prices among ``changes``; raises ConfirmationRequired
    (naming the biggest moves, e.g. "LKV/BAR 2027-01-05: ¥358 → ¥35,800 (+9900%)") when any
    is suspicious and ``force`` is not given."""
    typed = {(c.key.rate_plan_id, c.key.night): c.after for c in changes if c.key.is_price and c.after is not None}
    if not typed:
        return GuardReport(())
    guard = PropertyPricingSettings.from_json(read_settings_json(session, property_id)).guard()
    report = guard.check(_shown_prices(session, prices, typed), typed)
    if report.needs_confirmation and not force:
        english, chinese = _message(session, property_id, report)
        raise ConfirmationRequired(english, report, chinese)
    return report


def _shown_prices(session: Session, prices: NightlyPrices, cells: Iterable[PriceCell]) -> dict[PriceCell, int]:
    """The desk price each cell shows now, in one seam call per plan over its nights' span."""
    nights_of: dict[int, list[date]] = defaultdict(list)
    for plan_id, night in cells:
        nights_of[plan_id].append(night)
    shown: dict[PriceCell, int] = {}
    for plan_id, nights in nights_of.items():
        first, last = min(nights), max(nights)
        row = prices(session, [plan_id], first, date.fromordinal(last.toordinal() + 1)).get(plan_id) or []
        for night in nights:
            offset = (night - first).days
            if offset < len(row) and row[offset] is not None:
                shown[(plan_id, night)] = row[offset]
    return shown


def _message(session: Session, property_id: int, report: GuardReport, limit: int = 5) -> tuple[str, str]:
    """(English, Chinese) for one line: the biggest moves, named by room type/plan and night."""
    currency = session.scalar(select(Property.currency).where(Property.id == property_id)) or "CNY"
    plan_ids = {change.key[0] for change in report.suspicious}
    codes = dict(session.execute(
        select(RatePlan.id, RoomType.code + "/" + RatePlan.code)
        .join(RoomType, RoomType.id == RatePlan.room_type_id).where(RatePlan.id.in_(plan_ids))).all())
    lines = []
    for change in report.biggest(limit):
        plan_id, night = change.key
        before = "—" if change.old is None else format_minor(change.old, currency)
        moved = "" if change.change_percent is None else f" ({'+' if change.change_percent > 0 else ''}" \
                                                         f"{decimal_text(change.change_percent)}%)"
        lines.append(f"{codes.get(plan_id, plan_id)} {night}: {before} → {format_minor(change.new, currency)}{moved}")
    more = len(report.suspicious) - limit
    count = len(report.suspicious)
    return (f"{count} price(s) look like typos (the fat-finger guard): " + "; ".join(lines)
            + (f"; … and {more} more" if more > 0 else "") + ". Check them, or confirm (CLI: --force).",
            f"{count} 个价格像是输错了（防误操作检查）：" + "；".join(lines)
            + (f"；… 另有 {more} 个" if more > 0 else "") + "。请检查，或确认（命令行：--force）。")
