"""Reading an iCal feed (Airbnb, Booking.com, Vrbo…) into plain events: what nights are taken.

All or nothing: a feed that is not an iCalendar, too big, undecodable, or carries one unreadable or
absurd event is refused as a whole (UserError saying where and what) — importing the readable half
would cancel the other half's bookings by "disappearance".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from ..errors import UserError

MAX_FEED_BYTES = 5 * 1024 * 1024
MAX_NIGHTS = 365


@dataclass(frozen=True)
class FeedEvent:
    uid: str
    start: date  # first night
    end: date  # check-out day, exclusive
    summary: str


def _local_date(value, tz: ZoneInfo) -> date:
    """A DATE as is; a DATE-TIME with UTC or a TZID as the property's local date; a floating
    DATE-TIME (no zone) is already local."""
    if isinstance(value, datetime):
        return value.astimezone(tz).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    raise ValueError(f"not a date: {value!r}")


def parse_feed(body: bytes, tz: ZoneInfo, where: str = "the feed") -> list[FeedEvent]:
    if len(body) > MAX_FEED_BYTES:
        raise UserError(f"{where}: {len(body)} bytes is more than an iCal feed may be (5 MB)",
                        f"{where}：{len(body)} 字节，超过 iCal 日历的上限（5 MB）")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{where}: not UTF-8 text (byte {exc.start})",
                        f"{where}：不是 UTF-8 文本（第 {exc.start} 字节）") from None
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise UserError(f"{where}: not an iCalendar (it does not begin with BEGIN:VCALENDAR; an HTML page?)",
                        f"{where}：不是 iCalendar 日历（没有以 BEGIN:VCALENDAR 开头，可能是网页？）")
    try:
        # icalendar unfolds continuation lines and accepts CRLF and bare LF alike.
        cal = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        raise UserError(f"{where}: not a readable iCalendar ({exc})", f"{where}：无法读取的 iCalendar（{exc}）") from None
    chosen: dict[str, tuple[int, int, FeedEvent]] = {}
    for position, event in enumerate(cal.walk("VEVENT"), start=1):
        read = _event(event, position, tz, where)
        if read is None:
            continue
        sequence = _sequence(event)
        # Duplicate UIDs: the highest SEQUENCE wins (RFC 5545: it is the newer version of the
        # event); on a tie the later one in the file wins, since feeds append their latest edit.
        old = chosen.get(read.uid)
        if old is None or (sequence, position) >= (old[0], old[1]):
            chosen[read.uid] = (sequence, position, read)
    return sorted((e for _s, _p, e in chosen.values()), key=lambda e: (e.start, e.uid))


def _sequence(event) -> int:
    try:
        return int(event.get("sequence", 0))
    except (TypeError, ValueError):
        return 0


def _event(event, position: int, tz: ZoneInfo, where: str) -> FeedEvent | None:
    uid = str(event.get("uid") or "").strip()
    label = f"{where}, event {position}" + (f" ({uid})" if uid else "")
    if str(event.get("status") or "").upper() == "CANCELLED":
        return None  # a cancelled event takes no night; treated as gone from the feed
    if not uid:
        raise UserError(f"{label}: the event has no UID", f"{label}：事件没有 UID")
    try:
        start_prop = event.get("dtstart")
        if start_prop is None:
            raise ValueError("no DTSTART")
        start = _local_date(start_prop.dt, tz)
        end_prop = event.get("dtend")
        end = _local_date(end_prop.dt, tz) if end_prop is not None else start + timedelta(days=1)
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise UserError(f"{label}: invalid date ({exc})", f"{label}：日期无效（{exc}）") from None
    if end_prop is not None and end <= start:
        if isinstance(end_prop.dt, datetime) and end == start:
            end = start + timedelta(days=1)  # a same-day DATE-TIME block still takes that night
        else:
            raise UserError(f"{label}: the end {end} is not after the start {start}",
                            f"{label}：结束 {end} 不晚于开始 {start}")
    if (end - start).days > MAX_NIGHTS:
        raise UserError(f"{label}: {(end - start).days} nights ({start} to {end}) is longer than {MAX_NIGHTS}",
                        f"{label}：{(end - start).days} 晚（{start} 至 {end}），超过 {MAX_NIGHTS} 晚")
    return FeedEvent(uid[:64], start, end, str(event.get("summary") or "").strip()[:200])
