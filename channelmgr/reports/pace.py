"""Booking pace: how full a coming period is on the books, against the same time last year.

A booking is *on the books* at the end of a day when it was made on or before that day and had
not been cancelled by then (a cancelled booking's cancellation time is its last change,
``updated_at``: the ledger changes nothing in a booking once it is cancelled). A no-show was on
the books until it did not come, so it counts in the pace and not in last year's final figures
(definitions.py). Last year's period is the same calendar dates a year earlier; its curve is
read at the same number of days before the period's first night as this year's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from .definitions import Stay, nights_inside, share_of_nights, sold_inside
from .ledger import LedgerRow
from .scope import ReportScope

DEFAULT_DAYS_BEFORE = 90


@dataclass(frozen=True)
class PacePoint:
    days_before: int  # days before the period's first night (negative once it has begun)
    day: date  # this year's date of the point
    nights: int | None  # on the books this year at the end of ``day`` (None: still in the future)
    gross_minor: int | None
    last_year_nights: int
    last_year_gross_minor: int


@dataclass(frozen=True)
class PaceReport:
    scope: ReportScope
    currency: str
    as_of: date
    rooms: int
    last_year_start: date
    last_year_end: date
    nights: int  # on the books now
    gross_minor: int
    last_year_nights: int  # on the books at the same time last year
    last_year_gross_minor: int
    last_year_final_nights: int  # what last year's period sold in the end
    last_year_final_gross_minor: int
    points: list[PacePoint]

    @property
    def nights_change(self) -> float | None:
        return self.nights / self.last_year_nights - 1 if self.last_year_nights else None


def _on_books_curve(rows: Iterable[LedgerRow], start: date, end: date, first_day: date,
                    days: int) -> tuple[list[int], list[int]]:
    """Nights and gross on the books at the end of each of ``days`` days from ``first_day``."""
    nights, gross = [0] * (days + 1), [0] * (days + 1)  # difference arrays, one slot spare
    for row in rows:
        first, last = nights_inside(Stay(row.arrival, row.departure, 0, ""), start, end)
        if last <= first:
            continue
        amount = share_of_nights(row.amount_minor, row.nights, first, last)
        lo = max(0, (row.booked_on - first_day).days)
        hi = days if row.status != "cancelled" else min(days, (row.changed_on - first_day).days)
        if lo < hi:
            nights[lo] += last - first
            nights[hi] -= last - first
            gross[lo] += amount
            gross[hi] -= amount
    for series in (nights, gross):
        for i in range(1, days + 1):
            series[i] += series[i - 1]
    return nights[:days], gross[:days]


def pace_report(rows: list[LedgerRow], last_year_rows: list[LedgerRow], scope: ReportScope, last_start: date,
                last_end: date, as_of: date, rooms: int, currency: str,
                days_before: int = DEFAULT_DAYS_BEFORE) -> PaceReport:
    # The curve runs from ``days_before`` days ahead of the period to its last night, or to as_of
    # when that is earlier than days_before ahead (a period booked further out shows its whole pace).
    first_day = min(scope.start - timedelta(days=days_before), as_of)
    last_first_day = last_start - (scope.start - first_day)
    days = (scope.end - first_day).days
    now_n, now_g = _on_books_curve(rows, scope.start, scope.end, first_day, days)
    ly_n, ly_g = _on_books_curve(last_year_rows, last_start, last_end, last_first_day, days)
    points = []
    for i in range(days):
        day = first_day + timedelta(days=i)
        future = day > as_of
        points.append(PacePoint((scope.start - day).days, day, None if future else now_n[i],
                                None if future else now_g[i], ly_n[i], ly_g[i]))
    at = min(max((as_of - first_day).days, 0), days - 1)  # the point of "now" (the period's end once past)
    final_n = final_g = 0
    for row in last_year_rows:
        n, g = sold_inside(row.stay, last_start, last_end)
        final_n += n
        final_g += g
    return PaceReport(scope, currency, as_of, rooms, last_start, last_end, now_n[at], now_g[at], ly_n[at], ly_g[at],
                      final_n, final_g, points)
