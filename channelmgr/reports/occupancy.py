"""Occupancy over a period: the whole, per night (the chart's line) and per room type.

With a channel in the scope, the sold nights are that channel's and the room-nights the whole
house's: the share of the house the channel filled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .figures import Figures, figures
from .lines import MonthLine, RoomTypeLine, month_lines, room_type_lines
from .periods import months
from .nightly import NightFigures
from .scope import ReportScope, ResolvedScope


@dataclass(frozen=True)
class NightLine:
    night: date
    rooms: int
    sold_nights: int
    gross_minor: int
    occupancy: float | None


@dataclass(frozen=True)
class OccupancyReport:
    scope: ReportScope
    currency: str
    rooms: int
    total: Figures
    nights: list[NightLine]
    room_types: list[RoomTypeLine]
    months: list[MonthLine]  # the whole house per month
    type_months: dict[str, list[int]]  # room type code → sold nights per month (as ``months``)


def occupancy_report(nf: NightFigures, resolved: ResolvedScope) -> OccupancyReport:
    rooms = resolved.rooms
    nights = [NightLine(nf.start + timedelta(days=i), rooms, nf.sold[i], nf.gross[i],
                        nf.sold[i] / rooms if rooms else None) for i in range(len(nf.sold))]
    total = figures(rooms * len(nf.sold), nf.total())
    spans = [((m.first - nf.start).days, (m.end - nf.start).days) for m in months(nf.start, nf.end)]
    type_months = {}
    for rid in resolved.room_type_ids:
        sold = nf.sold_by_type.get(rid)
        type_months[resolved.room_types[rid].code] = [sum(sold[a:b]) if sold else 0 for a, b in spans]
    return OccupancyReport(resolved.scope, resolved.currency, rooms, total, nights, room_type_lines(nf, resolved),
                           month_lines(nf, rooms), type_months)
