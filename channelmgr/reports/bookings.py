"""How guests book: length of stay, lead time and cancellations, for bookings *arriving* in the period.

Arrival is the date that places a booking in a period here (a stay counted by its nights would
be counted twice in a month-by-month view). The booking's date is ``created_at`` on the
property's calendar (it is stored in UTC; ledger.LocalDays): a booking made at 01:00 in Dali is that day's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .definitions import NOT_SOLD
from .ledger import LedgerRow
from .scope import ReportScope, ResolvedScope

# (label, lowest, highest or None): the buckets of the histograms
STAY_BUCKETS = (("1", 1, 1), ("2", 2, 2), ("3", 3, 3), ("4-6", 4, 6), ("7+", 7, None))
LEAD_BUCKETS = (("0", 0, 0), ("1-3", 1, 3), ("4-7", 4, 7), ("8-30", 8, 30), ("31-90", 31, 90), ("91+", 91, None))


@dataclass(frozen=True)
class Bucket:
    label: str
    bookings: int


@dataclass(frozen=True)
class BookingsReport:
    scope: ReportScope
    arrivals: int  # every booking arriving in the period, cancelled ones included
    sold: int  # of those, neither cancelled nor no-show
    cancelled: int
    no_show: int
    cancellation_rate: float | None  # cancelled ÷ arrivals
    no_show_rate: float | None  # no-shows ÷ arrivals
    average_stay: float | None  # nights per sold booking
    average_lead_days: float | None  # days from booking to arrival, per sold booking
    stay_buckets: list[Bucket]
    lead_buckets: list[Bucket]


def _histogram(values: list[int], buckets) -> list[Bucket]:
    return [Bucket(label, sum(1 for v in values if v >= low and (high is None or v <= high)))
            for label, low, high in buckets]


def bookings_report(rows: Iterable[LedgerRow], resolved: ResolvedScope) -> BookingsReport:
    scope = resolved.scope
    arriving = [r for r in rows if scope.start <= r.arrival < scope.end]
    sold = [r for r in arriving if r.status not in NOT_SOLD]
    cancelled = sum(1 for r in arriving if r.status == "cancelled")
    no_show = sum(1 for r in arriving if r.status == "no_show")
    stays = [r.nights for r in sold]
    # A booking typed in after the guest arrived (a late entry) has lead time 0, not a negative one.
    leads = [max(0, (r.arrival - r.booked_on).days) for r in sold]
    n = len(arriving)
    return BookingsReport(
        scope, n, len(sold), cancelled, no_show, cancelled / n if n else None, no_show / n if n else None,
        sum(stays) / len(stays) if stays else None, sum(leads) / len(leads) if leads else None,
        _histogram(stays, STAY_BUCKETS), _histogram(leads, LEAD_BUCKETS))
