"""The figures one line of a report shows, with the ratios computed from the sums (definitions.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .definitions import Summary
from .nightly import Totals


@dataclass(frozen=True)
class Figures:
    room_nights: int
    sold_nights: int
    gross_minor: int
    commission_minor: int
    net_minor: int
    occupancy: float | None  # sold ÷ room-nights
    adr_minor: int | None  # gross ÷ sold nights
    revpar_minor: int | None  # gross ÷ room-nights
    bookings: int | None = None  # sold bookings with a night inside (None where not counted)


def figures(room_nights: int, totals: Totals, bookings: int | None = None) -> Figures:
    s = Summary(room_nights, totals.sold_nights, totals.gross_minor)
    return Figures(room_nights, totals.sold_nights, totals.gross_minor, totals.commission_minor, totals.net_minor,
                   s.occupancy, s.adr_minor, s.revpar_minor, bookings)
