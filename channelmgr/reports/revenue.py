"""Room revenue over a period: gross, commission, net, ADR and RevPAR, per month and per room type."""

from __future__ import annotations

from dataclasses import dataclass

from .figures import Figures, figures
from .lines import MonthLine, RoomTypeLine, month_lines, room_type_lines
from .nightly import NightFigures
from .scope import ReportScope, ResolvedScope


@dataclass(frozen=True)
class RevenueReport:
    scope: ReportScope
    currency: str
    rooms: int
    total: Figures
    months: list[MonthLine]
    room_types: list[RoomTypeLine]


def revenue_report(nf: NightFigures, resolved: ResolvedScope) -> RevenueReport:
    rooms = resolved.rooms
    return RevenueReport(resolved.scope, resolved.currency, rooms, figures(rooms * len(nf.sold), nf.total()),
                         month_lines(nf, rooms), room_type_lines(nf, resolved))
