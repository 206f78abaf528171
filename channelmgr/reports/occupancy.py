"""Occupancy over a period: the whole, per night (the chart's line) and per room type.

With a channel in the scope, the sold nights are that channel's and the room-nights the whole
house's: the share of the house the channel filled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .figures import Figures, figures
from .lines import RoomTypeLine, room_type_lines
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


def occupancy_report(nf: NightFigures, resolved: ResolvedScope) -> OccupancyReport:
    rooms = resolved.rooms
    nights = [NightLine(nf.start + timedelta(days=i), rooms, nf.sold[i], nf.gross[i],
                        nf.sold[i] / rooms if rooms else None) for i in range(len(nf.sold))]
    total = figures(rooms * len(nf.sold), nf.total())
    return OccupancyReport(resolved.scope, resolved.currency, rooms, total, nights, room_type_lines(nf, resolved))
