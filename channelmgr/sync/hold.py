"""A channel's "not before T": it answered 429 with Retry-After, so nothing is sent to it until then.

The lane's own follow-up pass always waited that long, but a pass asked for by the scheduler or by
"Push now" went at once and met another 429 from an OTA that had said when it would take us again
(and a restart forgot the wait). So the wait is kept in the database (table ``channel_hold``) and
checked by every pass that would send (``SyncEngine.run_pass``): a held pass works out what it
would send, sends nothing, and says why and until when — the status line, the desk's Push now,
the sync log (one note row when the hold begins). A later pass that sends removes the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..db.models import ChannelHold as HoldRow
from ..db.models import SyncLog
from ..language import say

# A channel's Retry-After is obeyed up to an hour: a misbehaving header must not park the channel
# for days (the lane's follow-up pass is bounded the same way, lanes.py).
MAX_RETRY_AFTER_SECONDS = 3600.0
HOLD_MESSAGE = "retry_after"  # the sync log's note row that states a hold


@dataclass(frozen=True)
class ChannelHold:
    asked_seconds: int     # what the channel's Retry-After said
    not_before: datetime   # naive UTC (channelmgr.db.base.utcnow's convention)

    def seconds_left(self, now: datetime) -> float:
        return max(0.0, (self.not_before - now).total_seconds())

    def text(self, channel: str, language: str = "en") -> str:
        """"Booking.com asks to wait 600 s: next push at 12:40" (this computer's local time)."""
        at = self.not_before.replace(tzinfo=timezone.utc).astimezone().strftime("%H:%M")
        return say(f"{channel} asks to wait {self.asked_seconds} s: next push at {at}",
                   f"{channel} 要求 {self.asked_seconds} 秒后再试，下次推送 {at}", language)

    def to_json(self) -> dict:
        return {"asked_seconds": self.asked_seconds, "not_before": self.not_before.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> "ChannelHold":
        return cls(int(data["asked_seconds"]), datetime.fromisoformat(data["not_before"]))


def naive_utc(moment: datetime) -> datetime:
    """An injectable clock's aware time as stored times are kept."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def active_hold(session: Session, channel_id: int, now: datetime) -> ChannelHold | None:
    row = session.get(HoldRow, channel_id)
    if row is None or row.not_before <= now:
        return None
    return ChannelHold(row.asked_seconds, row.not_before)


def hold(session: Session, channel_id: int, channel: str, retry_after: float, now: datetime) -> ChannelHold:
    """Keep the channel's Retry-After (bounded) and state it in the sync log, once per 429."""
    asked = max(0, round(retry_after))
    held = ChannelHold(asked, now + timedelta(seconds=min(float(asked), MAX_RETRY_AFTER_SECONDS)))
    row = session.get(HoldRow, channel_id)
    if row is None:
        session.add(HoldRow(channel_id=channel_id, not_before=held.not_before, asked_seconds=asked, set_at=now))
    else:
        row.not_before, row.asked_seconds, row.set_at = held.not_before, asked, now
    # The 429 itself is a "retryable" request row; this row says what follows from it. The English
    # line is for the CSV; the desk words the row from ``notes`` in its language.
    session.add(SyncLog(channel_id=channel_id, message=HOLD_MESSAGE, cells=0, ranges=0, bytes=0, latency_ms=0,
                        attempts=0, result="note", http_status=None, acknowledged_cells=0,
                        error=held.text(channel), notes=[held.to_json()]))
    return held


def release(session: Session, channel_id: int) -> None:
    """The channel took a request again: no wait is left to keep."""
    session.execute(delete(HoldRow).where(HoldRow.channel_id == channel_id))
