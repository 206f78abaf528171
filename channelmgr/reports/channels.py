"""Revenue and bookings by channel: what each OTA (or the desk) brought, what it kept, what is left.

Bookings here are the sold bookings with a night in the period; a channel's cancellations are
its cancelled bookings with a night in the period, so the rate compares like with like.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .figures import Figures, figures
from .ledger import LedgerRow
from .nightly import NightFigures, Totals
from .scope import ReportScope, ResolvedScope


@dataclass(frozen=True)
class ChannelLine:
    channel: str  # the channel's name, or the desk source (phone, wechat, walk_in, other)
    label: str  # the name the owner gave the channel; the key itself for a desk source
    is_ota: bool
    figures: Figures
    cancelled: int
    cancellation_rate: float | None  # cancelled ÷ (sold bookings + cancelled)
    share_of_gross: float | None
    commission_rate: float | None  # commission ÷ gross


@dataclass(frozen=True)
class ChannelsReport:
    scope: ReportScope
    currency: str
    total: Figures
    channels: list[ChannelLine]  # largest gross first


def channels_report(nf: NightFigures, rows: Iterable[LedgerRow], resolved: ResolvedScope) -> ChannelsReport:
    rows = list(rows)
    room_nights = resolved.rooms * len(nf.sold)
    cancelled = Counter(r.channel for r in rows if r.status == "cancelled")
    total = figures(room_nights, nf.total(), sum(t.bookings for t in nf.by_channel.values()))
    keys = set(nf.by_channel) | set(cancelled)
    lines = []
    for key in keys:
        t = nf.by_channel.get(key, Totals())
        asked = t.bookings + cancelled[key]
        lines.append(ChannelLine(
            key, resolved.channel_labels.get(key, key), key in resolved.channel_labels,
            figures(room_nights, t, t.bookings), cancelled[key], cancelled[key] / asked if asked else None,
            t.gross_minor / total.gross_minor if total.gross_minor else None,
            t.commission_minor / t.gross_minor if t.gross_minor else None))
    lines.sort(key=lambda line: (-line.figures.gross_minor, line.channel))
    return ChannelsReport(resolved.scope, resolved.currency, total, lines)
