"""Occupancy per room type and month from the reservation ledger: sold room-nights ÷ room-nights.

Pure arithmetic on plain rows, so the report workbook (and later charts) only lay it out.
Cancelled and no-show bookings did not occupy a room; every other status did.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence

NOT_OCCUPYING = frozenset({"cancelled", "no_show"})


@dataclass(frozen=True)
class Month:
    first: date  # clipped to the report window
    end: date  # exclusive, clipped

    @property
    def label(self) -> str:
        return f"{self.first.year}-{self.first.month:02d}"

    @property
    def nights(self) -> int:
        return (self.end - self.first).days


@dataclass(frozen=True)
class OccupancyRow:
    room_type_code: str
    name: str
    rooms: int
    sold: tuple[int, ...]  # room-nights sold per month
    available: tuple[int, ...]  # room-nights per month

    def rate(self, index: int) -> float | None:
        return self.sold[index] / self.available[index] if self.available[index] else None


def months(start: date, end: date) -> list[Month]:
    result, first = [], start
    while first < end:
        following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        result.append(Month(first, min(following, end)))
        first = following
    return result


def _overlap(a0: date, a1: date, b0: date, b1: date) -> int:
    return max(0, (min(a1, b1) - max(a0, b0)).days)


def occupancy(room_types: Sequence, reservations: Iterable, start: date, end: date, lang: str) -> tuple[list[Month], list[OccupancyRow]]:
    """`room_types`: InventoryService rows (code, names, room_count); `reservations`: ReservationInfo."""
    periods = months(start, end)
    sold = {rt.code: [0] * len(periods) for rt in room_types}
    for r in reservations:
        if r.status in NOT_OCCUPYING or r.room_type_code not in sold:
            continue
        for i, m in enumerate(periods):
            sold[r.room_type_code][i] += _overlap(r.arrival, r.departure, m.first, m.end)
    rows = [
        OccupancyRow(rt.code, (rt.name_zh or rt.name_en) if lang == "zh" else (rt.name_en or rt.name_zh), rt.room_count,
                     tuple(sold[rt.code]), tuple(rt.room_count * m.nights for m in periods))
        for rt in room_types
    ]
    return periods, rows


def totals(rows: Sequence[OccupancyRow], month_count: int) -> OccupancyRow:
    return OccupancyRow("", "", sum(r.rooms for r in rows),
                        tuple(sum(r.sold[i] for r in rows) for i in range(month_count)),
                        tuple(sum(r.available[i] for r in rows) for i in range(month_count)))



