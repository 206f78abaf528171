"""Reading an iCal feed (Airbnb, Booking.com, Vrbo…) into plain events: what nights are taken.

All or nothing: a feed that is not an iCalendar, too big, undecodable, cut off, or carries one
unreadable or absurd event is refused as a whole (UserError saying where and what) — importing the
readable half would cancel the other half's bookings by "disappearance".

The feed is read with icalendar's content-line parser (unfolding, CRLF or LF, parameters, quoting,
RFC 6868 and text unescaping) and its value types (DATE, DATE-TIME, TZID, the feed's own
VTIMEZONEs), but not built into a whole Calendar: an import needs six properties of each VEVENT,
and building every component and typed property of fifty feeds was two thirds of their import
(bench/bench_ical_import.py). A feed host's DESCRIPTION, DTSTAMP, alarms and the rest are skipped
unread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import re
from collections.abc import Iterator

from icalendar import Timezone
from icalendar.parser import Contentlines
from icalendar.prop import vDDDTypes

from ..errors import UserError

MAX_FEED_BYTES = 5 * 1024 * 1024
MAX_NIGHTS = 365
# What an import reads of an event; every other property is skipped without being parsed.
_READ = frozenset({"UID", "DTSTART", "DTEND", "SUMMARY", "STATUS", "SEQUENCE"})
_NAME = re.compile(r"[^:;]*")  # a content line's name: up to its first parameter or its value


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
    chosen: dict[str, tuple[int, int, FeedEvent]] = {}
    for position, event in enumerate(_vevents(text, where), start=1):
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


def _vevents(text: str, where: str) -> Iterator[dict[str, tuple[dict, str]]]:
    """Each VEVENT's own properties of _READ, by name: (parameters, unescaped value).

    Properties of components nested in an event (a VALARM's) are not the event's. A VTIMEZONE is
    handed to icalendar whole, which keeps it for the TZIDs that name it (Outlook's "China
    Standard Time" and the like).
    """
    stack: list[str] = []
    event: dict[str, tuple[dict, str]] | None = None
    zone: list[str] | None = None
    for number, line in enumerate(Contentlines.from_ical(text), start=1):
        if not line:
            continue
        name = _NAME.match(line).group().upper()
        if zone is not None:
            zone.append(line)
            if name == "END" and _component(line) == "VTIMEZONE":
                _keep_timezone(zone, where)
                zone = None
            continue
        if name == "BEGIN":
            kind = _component(line)
            if kind == "VTIMEZONE":  # collected whole above, until its END
                zone = [line]
                continue
            stack.append(kind)
            if kind == "VEVENT" and len(stack) == 2:
                event = {}
        elif name == "END":
            kind = _component(line)
            if not stack or stack[-1] != kind:
                raise UserError(f"{where}: not a readable iCalendar (END:{kind} on line {number} closes nothing)",
                                f"{where}：无法读取的 iCalendar（第 {number} 行的 END:{kind} 没有对应的 BEGIN）")
            stack.pop()
            if kind == "VEVENT" and event is not None and len(stack) == 1:
                yield event
                event = None
        elif event is not None and len(stack) == 2 and name in _READ and name not in event:
            try:
                params, value = _parts(line)
            except ValueError as exc:
                raise UserError(f"{where}: content line {number} ({name}) is not readable ({exc})",
                                f"{where}：第 {number} 行（{name}）无法读取（{exc}）") from None
            event[name] = (params, value)
    if stack or zone is not None:
        # A download cut off halfway: the events after the cut would all be cancelled.
        raise UserError(f"{where}: the feed ends before END:VCALENDAR (cut off?)",
                        f"{where}：日历在 END:VCALENDAR 之前就结束了（下载不完整？）")


def _parts(line) -> tuple[dict, str]:
    """The line's parameters and unescaped value, as icalendar's parts() gives them.

    The one parameter an import reads is TZID (VALUE=DATE and the like say what the value's own
    shape says). So a line with no TZID, no quote and no backslash is read here: unquoted, its
    first colon ends the name and parameters (RFC 5545 3.1), and with nothing escaped the rest is
    the value. That is every line of most feeds (``DTSTART;VALUE=DATE:20270104``), and parts()
    was then four fifths of reading a feed. Every other line is icalendar's to read.
    """
    head, colon, value = line.partition(":")
    if colon and '"' not in head and "\\" not in value and "TZID" not in head.upper():
        return {}, value
    _name, params, value = line.parts()
    return params, value


def _component(line: str) -> str:
    return line.partition(":")[2].strip().upper()


def _keep_timezone(lines: list[str], where: str) -> None:
    try:
        Timezone.from_ical("\r\n".join(lines) + "\r\n")  # icalendar caches it under its TZID
    except ValueError as exc:
        raise UserError(f"{where}: a VTIMEZONE is not readable ({exc})",
                        f"{where}：时区定义（VTIMEZONE）无法读取（{exc}）") from None


def _sequence(event: dict[str, tuple[dict, str]]) -> int:
    try:
        return int(event["SEQUENCE"][1])
    except (KeyError, ValueError):
        return 0


def _text(event: dict[str, tuple[dict, str]], name: str) -> str:
    return event[name][1].strip() if name in event else ""


def _date(event: dict[str, tuple[dict, str]], name: str):
    """The property's date or date-time (TZID applied), None when the event has none."""
    if name not in event:
        return None
    params, value = event[name]
    return vDDDTypes.from_ical(value, timezone=params.get("TZID"))


def _event(event: dict[str, tuple[dict, str]], position: int, tz: ZoneInfo, where: str) -> FeedEvent | None:
    uid = _text(event, "UID")
    label = f"{where}, event {position}" + (f" ({uid})" if uid else "")
    if _text(event, "STATUS").upper() == "CANCELLED":
        return None  # a cancelled event takes no night; treated as gone from the feed
    if not uid:
        raise UserError(f"{label}: the event has no UID", f"{label}：事件没有 UID")
    try:
        start_value = _date(event, "DTSTART")
        if start_value is None:
            raise ValueError("no DTSTART")
        start = _local_date(start_value, tz)
        end_value = _date(event, "DTEND")
        end = _local_date(end_value, tz) if end_value is not None else start + timedelta(days=1)
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise UserError(f"{label}: invalid date ({exc})", f"{label}：日期无效（{exc}）") from None
    if end_value is not None and end <= start:
        if isinstance(end_value, datetime) and end == start:
            end = start + timedelta(days=1)  # a same-day DATE-TIME block still takes that night
        else:
            raise UserError(f"{label}: the end {end} is not after the start {start}",
                            f"{label}：结束 {end} 不晚于开始 {start}")
    if (end - start).days > MAX_NIGHTS:
        raise UserError(f"{label}: {(end - start).days} nights ({start} to {end}) is longer than {MAX_NIGHTS}",
                        f"{label}：{(end - start).days} 晚（{start} 至 {end}），超过 {MAX_NIGHTS} 晚")
    return FeedEvent(uid[:64], start, end, _text(event, "SUMMARY")[:200])
