"""Building an iCal feed of the nights a room type (or one room) cannot be sold.

A feed carries no prices and no guests: only "this night is taken". Each event is a run of
consecutive unavailable nights of one kind (booked, or blocked by the owner / a repair), so a
ten-night stay is one event, not ten. Nights are half-open like stays: ``DTSTART`` is the first
night, ``DTEND`` the check-out day (exclusive), both as DATE values (ARCHITECTURE rule 4).

UIDs are derived from what the event is — the feed, the kind and the first night — never from a
counter or the clock, so the same calendar exports the same UIDs every time and a reader that keys
on UID (every OTA does) sees an unchanged event as unchanged, a longer stay as the same event moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Iterable, Sequence

import icalendar

PRODID = "-//channelmgr//iCal export//EN"
# What the guest-facing calendars show; no names, phones or amounts ever leave in a feed.
SUMMARIES = {"booked": "Reserved", "blocked": "Not available"}


@dataclass(frozen=True)
class BusyRun:
    """Nights ``[start, end)`` unavailable for one reason: "booked" or "blocked"."""

    start: date
    end: date
    kind: str


def busy_runs(first_night: date, kinds: Sequence[str | None]) -> list[BusyRun]:
    """Coalesce per-night kinds (``None`` = free) starting at ``first_night`` into runs."""
    runs: list[BusyRun] = []
    run_start = None
    for i, kind in enumerate([*kinds, None]):
        if run_start is not None and kind != kinds[run_start]:
            runs.append(BusyRun(first_night + timedelta(days=run_start), first_night + timedelta(days=i),
                                kinds[run_start]))
            run_start = None
        if run_start is None and kind is not None:
            run_start = i
    return runs


def feed_bytes(feed_key: str, name: str, runs: Iterable[BusyRun], stamp: datetime) -> bytes:
    """The ``.ics`` body of one feed. ``feed_key`` names the feed in UIDs (``PROP-ROOMTYPE`` or
    ``PROP-ROOMTYPE-101``); ``stamp`` is the export moment (DTSTAMP, UTC)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = stamp.astimezone(timezone.utc)
    for run in runs:
        event = icalendar.Event()
        event.add("uid", f"{feed_key}-{run.kind}-{run.start:%Y%m%d}@channelmgr")
        event.add("dtstamp", stamp)
        event.add("dtstart", run.start)
        event.add("dtend", run.end)  # exclusive: the check-out day
        event.add("summary", SUMMARIES[run.kind])
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    return cal.to_ical()
