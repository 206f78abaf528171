"""Which backups to keep: the newest of each of the last N days that have one, and the newest of
each of the last M ISO weeks. A pure function of the backups' timestamps (from their names), so
the tests give it dates instead of waiting for them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

T = TypeVar("T")


def to_keep(stamped: Iterable[tuple[datetime, T]], daily: int, weekly: int) -> set[T]:
    newest_first = sorted(stamped, key=lambda pair: pair[0], reverse=True)
    keep: set[T] = set()
    for count, period in ((daily, lambda at: at.date()), (weekly, lambda at: at.isocalendar()[:2])):
        seen = []
        for at, item in newest_first:
            key = period(at)
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                keep.add(item)
    return keep
