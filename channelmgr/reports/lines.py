"""Lines shared by the reports: one per month and one per room type, each with its Figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .figures import Figures, figures
from .nightly import NightFigures, Totals
from .periods import months
from .scope import ResolvedScope


@dataclass(frozen=True)
class MonthLine:
    month: str  # YYYY-MM
    first: date
    end: date  # exclusive
    figures: Figures


@dataclass(frozen=True)
class RoomTypeLine:
    code: str
    name_zh: str
    name_en: str
    rooms: int
    figures: Figures


def month_lines(nf: NightFigures, rooms: int) -> list[MonthLine]:
    lines = []
    for m in months(nf.start, nf.end):
        first, last = (m.first - nf.start).days, (m.end - nf.start).days
        lines.append(MonthLine(m.label, m.first, m.end, figures(rooms * m.nights, nf.total(first, last))))
    return lines


def room_type_lines(nf: NightFigures, resolved: ResolvedScope) -> list[RoomTypeLine]:
    nights = (nf.end - nf.start).days
    lines = []
    for rid in resolved.room_type_ids:
        name, rooms = resolved.room_types[rid], resolved.rooms_by_type.get(rid, 0)
        totals = nf.by_room_type.get(rid, Totals())
        lines.append(RoomTypeLine(name.code, name.name_zh, name.name_en, rooms,
                                  figures(rooms * nights, totals, totals.bookings)))
    return lines
