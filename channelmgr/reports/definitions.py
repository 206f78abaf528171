"""What the report numbers mean, in one place (docs/reports.md repeats it for owners).

* A **sold night** is one night of a stay's half-open [arrival, departure) that falls inside the
  period. Cancelled and no-show bookings sell no nights and bring no room revenue (the room stood
  empty; a penalty the OTA keeps is not room revenue). Every other status sold its nights.
* A stay's amount is spread evenly over its nights in integer fen (the first nights take the
  leftover fen), so a stay crossing the period edge brings only its inside nights' share.
* **Gross** revenue is what the guest paid; **net** is gross minus the channel's commission
  (``Reservation.commission_minor``, spread over the nights like the amount). A booking taken
  by hand has no commission: its net is its gross.
* **Occupancy** = sold nights ÷ room-nights (rooms × nights); **ADR** = gross ÷ sold nights;
  **RevPAR** = gross ÷ room-nights (both in fen, rounded half up).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

NOT_SOLD = frozenset({"cancelled", "no_show"})


@dataclass(frozen=True)
class Stay:
    arrival: date
    departure: date
    amount_minor: int
    status: str


def nightly_amounts(stay: Stay) -> list[int]:
    """The stay's amount per night, exact: the sum is the amount."""
    nights = (stay.departure - stay.arrival).days
    if nights <= 0:
        return []
    base, extra = divmod(stay.amount_minor, nights)
    return [base + (1 if i < extra else 0) for i in range(nights)]


def share_of_nights(amount_minor: int, nights: int, first: int, last: int) -> int:
    """The part of ``amount_minor`` spread over ``nights`` that falls on nights [first, last) of
    the stay: the same fen ``nightly_amounts`` gives them, without building the list."""
    if last <= first:
        return 0
    base, extra = divmod(amount_minor, nights)
    return base * (last - first) + max(0, min(last, extra) - first)


def nights_inside(stay: Stay, start: date, end: date) -> tuple[int, int]:
    """[first, last): the stay's nights (0 = the arrival night) inside [start, end)."""
    first = max(0, (start - stay.arrival).days)
    last = min((stay.departure - stay.arrival).days, (end - stay.arrival).days)
    return first, max(first, last)


def sold_inside(stay: Stay, start: date, end: date) -> tuple[int, int]:
    """(nights, gross fen) of ``stay`` inside [start, end); nothing for cancelled or no-show."""
    if stay.status in NOT_SOLD:
        return 0, 0
    first, last = nights_inside(stay, start, end)
    return last - first, share_of_nights(stay.amount_minor, (stay.departure - stay.arrival).days, first, last)


def _per(amount: int, count: int) -> int | None:
    return (2 * amount + count) // (2 * count) if count else None  # half up, integer only


@dataclass(frozen=True)
class Summary:
    room_nights: int
    sold_nights: int
    gross_minor: int

    @property
    def occupancy(self) -> float | None:
        return self.sold_nights / self.room_nights if self.room_nights else None

    @property
    def adr_minor(self) -> int | None:
        return _per(self.gross_minor, self.sold_nights)

    @property
    def revpar_minor(self) -> int | None:
        return _per(self.gross_minor, self.room_nights)


def summarize(stays: Iterable[Stay], rooms: int, start: date, end: date) -> Summary:
    sold = gross = 0
    for stay in stays:
        n, g = sold_inside(stay, start, end)
        sold += n
        gross += g
    return Summary(rooms * max(0, (end - start).days), sold, gross)
