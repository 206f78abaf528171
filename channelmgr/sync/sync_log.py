"""The sync log: one row per request sent to a channel, readable, filterable, exportable to CSV.

A row says when, which channel, which message, how many cells and ranges, how many bytes, how long,
how many attempts, what the channel answered and why. Never credentials: the client never puts
them in a result, and ``scrub`` removes the channel's password from any text as a last guard (a
misbehaving channel could echo it back in an error message).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..files import atomic_target
from ..channels.send_result import SendResult
from ..db.models import Channel, SyncLog
from ..privacy.masking import mask_text
from .capability_notes import CapabilityNote, notes_line
from .hold import HOLD_MESSAGE, ChannelHold

MAX_ERROR_TEXT = 2000
AUDIT_PREFIX = "audit:"  # the message of a drift audit's row ("audit:clean", "audit:differences"…)
RESULTS = ("ok", "partial", "rejected", "retryable", "fatal", "note")
NOTE_MESSAGE = "capabilities"  # a pass's statement of what the channel's capabilities skip or translate


@dataclass(frozen=True)
class SyncLogEntry:
    id: int
    at: datetime
    channel: str
    message: str
    cells: int
    ranges: int
    bytes: int
    latency_ms: int
    attempts: int
    result: str
    http_status: int | None
    acknowledged_cells: int
    error: str
    # A "note" row's capability notes, for the reader to word (notes_line, SyncTexts.capabilities_line);
    # () on request rows and on notes stored before revision 0008, whose ``error`` text is all there is.
    notes: tuple[CapabilityNote, ...] = ()
    # A hold row's wait (message HOLD_MESSAGE: the channel asked us to wait), for the reader to word.
    hold: ChannelHold | None = None


def scrub(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret and len(secret) >= 3:  # a one-letter "secret" would blank the whole text
            text = text.replace(secret, "***")
    return text


def write_entry(
    session: Session,
    channel_id: int,
    result: SendResult,
    *,
    cells: int,
    latency_ms: int,
    acknowledged_cells: int,
    secrets: Sequence[str] = (),
    subject: str = "",
) -> None:
    """``subject`` names what a request without ranges was about ("room type LKV"), before its error."""
    error = "" if result.outcome.value == "ok" else scrub(result.detail, secrets)
    if error and subject:
        error = f"{subject}: {error}"
    error = error[:MAX_ERROR_TEXT]
    session.add(SyncLog(
        channel_id=channel_id,
        message=result.message.name,
        cells=cells,
        ranges=len(result.message.ranges),
        bytes=len(result.message.body),
        latency_ms=latency_ms,
        attempts=result.attempts,
        result=result.outcome.value,
        http_status=result.http_status,
        acknowledged_cells=acknowledged_cells,
        error=error,
    ))


def write_note(session: Session, channel_id: int, channel: str, notes: Sequence[CapabilityNote]) -> None:
    """A row that is no request: what the pass left out or translated for this channel (result
    "note", the statement where a request's error would be), so the log says it too.

    The codes are what the row keeps (each reader words them in its language); the English line
    goes where a request's error would be, for the CSV and a desk older than the codes."""
    session.add(SyncLog(channel_id=channel_id, message=NOTE_MESSAGE, cells=0, ranges=0, bytes=0, latency_ms=0,
                        attempts=0, result="note", http_status=None, acknowledged_cells=0,
                        error=notes_line(channel, notes)[:MAX_ERROR_TEXT],
                        notes=[note.to_json() for note in notes]))


def read_entries(
    session: Session,
    property_id: int,
    *,
    channel: str | None = None,
    result: str | None = None,
    limit: int = 1000,
) -> list[SyncLogEntry]:
    """Newest first."""
    query = (
        select(SyncLog, Channel.name)
        .join(Channel, Channel.id == SyncLog.channel_id)
        .where(Channel.property_id == property_id)
        .order_by(SyncLog.at.desc(), SyncLog.id.desc())
        .limit(limit)
    )
    if channel:
        query = query.where(Channel.name == channel)
    if result:
        query = query.where(SyncLog.result == result)
    return [
        SyncLogEntry(
            id=row.id, at=row.at, channel=name, message=row.message, cells=row.cells, ranges=row.ranges,
            bytes=row.bytes, latency_ms=row.latency_ms, attempts=row.attempts, result=row.result,
            http_status=row.http_status, acknowledged_cells=row.acknowledged_cells, error=row.error,
            **_codes(row),
        )
        for row, name in session.execute(query)
    ]


def _codes(row: SyncLog) -> dict:
    """A note row's codes: capability notes, or the wait a hold row states (an audit row's notes
    are its report, read by drift_audit.logged_report)."""
    if row.message.startswith(AUDIT_PREFIX):
        return {}
    if row.message == HOLD_MESSAGE:
        return {"hold": ChannelHold.from_json(row.notes[0])} if row.notes else {}
    return {"notes": tuple(CapabilityNote.from_json(note) for note in row.notes or ())}


# The CSV's header per column in each language; English keeps the field names it always had (a
# sheet or script reading an older export keeps working).
CSV_HEADERS = {
    "id": "编号", "at": "时间（UTC）", "channel": "渠道", "message": "消息", "cells": "格数", "ranges": "区间数",
    "bytes": "字节", "latency_ms": "耗时（毫秒）", "attempts": "尝试次数", "result": "结果",
    "http_status": "HTTP 状态", "acknowledged_cells": "已确认格数", "error": "错误或说明",
}


def export_csv(entries: Iterable[SyncLogEntry], path: str | Path, unmasked: bool = False,
               language: str = "en") -> int:
    """Write the entries as UTF-8 CSV with a BOM (Excel opens Chinese text right); returns rows.

    ``language`` ("en" or "zh", the desk's) words the headers, and a note row's error column from
    its codes as the sync log page words it (``notes_line``, a hold's ``text``); a note stored
    before the codes keeps its English line. A channel's error text can quote a booking (a
    guest's phone): masked unless ``unmasked``."""
    names = [f.name for f in fields(SyncLogEntry) if f.name not in ("notes", "hold")]
    count = 0
    with atomic_target(path) as temp, open(temp, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(names if language == "en" else [CSV_HEADERS[name] for name in names])
        for entry in entries:
            row = {name: getattr(entry, name) for name in names}
            row["at"] = entry.at.isoformat(sep=" ", timespec="seconds")
            row["error"] = _worded(entry, language)
            if not unmasked:
                row["error"] = mask_text(row["error"])
            writer.writerow([row[name] for name in names])
            count += 1
    return count


def _worded(entry: SyncLogEntry, language: str) -> str:
    if entry.hold is not None:
        return entry.hold.text(entry.channel, language)
    if entry.notes:
        return notes_line(entry.channel, entry.notes, language)
    return entry.error
