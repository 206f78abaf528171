"""Sold nights, gross and commission per night of the period, from the ledger rows.

Everything the occupancy, revenue and channel reports show is a sum of these arrays over some
nights, room types or channels, so they are built once per report in one pass over the rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from .definitions import NOT_SOLD, Summary, share_of_nights
from .ledger import LedgerRow


@dataclass
class Totals:
    sold_nights: int = 0
    gross_minor: int = 0
    commission_minor: int = 0
    bookings: int = 0  # sold bookings with a night inside

    @property
    def net_minor(self) -> int:
        return self.gross_minor - self.commission_minor


@dataclass
class NightFigures:
    start: date
    end: date
    sold: list[int]
    gross: list[int]
    commission: list[int]
    by_room_type: dict[int, Totals] = field(default_factory=lambda: defaultdict(Totals))
    by_channel: dict[str, Totals] = field(default_factory=lambda: defaultdict(Totals))
    sold_by_type: dict[int, list[int]] = field(default_factory=dict)  # room type id → sold per night

    def total(self, first: int = 0, last: int | None = None) -> Totals:
        last = len(self.sold) if last is None else last
        return Totals(sum(self.sold[first:last]), sum(self.gross[first:last]), sum(self.commission[first:last]))

    def summary(self, rooms: int, first: int = 0, last: int | None = None) -> Summary:
        last = len(self.sold) if last is None else last
        totals = self.total(first, last)
        return Summary(rooms * (last - first), totals.sold_nights, totals.gross_minor)


def night_figures(rows: Iterable[LedgerRow], start: date, end: date) -> NightFigures:
    size = (end - start).days
    figures = NightFigures(start, end, [0] * size, [0] * size, [0] * size)
    sold, gross, commission = figures.sold, figures.gross, figures.commission
    by_type, by_channel, sold_by_type = figures.by_room_type, figures.by_channel, figures.sold_by_type
    # The hot loop of every report: plain locals, no objects per row (definitions.nights_inside
    # and share_of_nights inlined; the tests hold both to the same hand-computed figures).
    for room_type_id, arrival, departure, amount, fee, status, channel, _c, _u in rows:
        if status in NOT_SOLD:
            continue
        offset = (arrival - start).days  # the stay's night i is the period's night offset + i
        nights = (departure - arrival).days
        first = -offset if offset < 0 else 0
        last = min(nights, size - offset)
        if last <= first:
            continue
        base, extra = divmod(amount, nights)
        c_base, c_extra = divmod(fee, nights)
        type_sold = sold_by_type.get(room_type_id)
        if type_sold is None:
            type_sold = sold_by_type[room_type_id] = [0] * size
        for i in range(first, last):
            j = offset + i
            sold[j] += 1
            type_sold[j] += 1
            gross[j] += base + (i < extra)
            commission[j] += c_base + (i < c_extra)
        g = share_of_nights(amount, nights, first, last)
        c = share_of_nights(fee, nights, first, last)
        for bucket in (by_type[room_type_id], by_channel[channel]):
            bucket.sold_nights += last - first
            bucket.gross_minor += g
            bucket.commission_minor += c
            bucket.bookings += 1
    return figures
