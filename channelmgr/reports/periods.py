"""Buckets of nights a report is split into: calendar months, clipped to the report's period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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


def next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def months(start: date, end: date) -> list[Month]:
    result, first = [], start
    while first < end:
        following = next_month(first)
        result.append(Month(first, min(following, end)))
        first = following
    return result


def same_day_last_year(day: date) -> date:
    """The same calendar date a year earlier (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)
