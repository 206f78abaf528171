"""Running the drift audit of one channel: read the channel back, compare, keep the result.

The desired state is the engine's own (``desired_state`` with the engine's price and min-stay
sources), so the audit compares against exactly what a pass would send. The read goes through
the channel interface (``ChannelConnection.read_back``, see channels/adapter.py), never a side
channel of its own; a channel whose adapter cannot read back is reported ``CANNOT_READ_BACK`` —
never "no difference". An iCal channel's read-back is its published feed (``ical.feed_audit``:
the nights it shows taken against our bookings from it).

Each run leaves one row in the sync log (result ``note``, message ``audit:<status>``, ``cells`` =
the differences found, the summary as its text): the log already says what happened to a channel
and when, so the last audit per channel needs no table of its own, and ``ChannelService``'s "last
in sync" (``result == "ok"``) is not touched by it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..channels.adapter import ReadBackFailed, adapter_for, reads_back, whole_feed
from ..channels.errors import Failure, FailureKind
from ..channels.retry import send_with_retry
from ..channels.throttle import Pacer
from ..channels.send_result import Credentials
from ..db.base import utcnow
from ..db.models import Channel, SyncLog
from ..errors import UserError
from ..ical.feed_audit import feed_audit
from ..inventory.nights import property_today
from ..security.channel_secret import password_failure
from .acked import ValueCodec, load_acked
from .channels import ChannelConfig, load_channel_config
from .desired import desired_state
from .drift import AuditReport, AuditStatus, compare, desired_values
from .engine import CONNECT_TIMEOUT, ChannelRuntime, SyncEngine
from .mappings import SyncWarning
from .sync_log import AUDIT_PREFIX, MAX_ERROR_TEXT, scrub
DRIFT_OUTSTANDING = "drift_outstanding"  # the dry run's warning code (its count in ``detail``)
RETRY_FAILED_AFTER = timedelta(hours=1)  # a failed read is tried again sooner than the next daily run



@dataclass(frozen=True)
class AuditRun:
    """The last audit of a channel, as the sync log keeps it."""

    channel_id: int
    at: datetime
    status: AuditStatus
    differences: int
    text: str


class DriftAuditor:
    def __init__(self, engine: SyncEngine):
        self.engine = engine
        self.db = engine.db

    def audit(self, channel_id: int, runtime: ChannelRuntime | None = None) -> AuditReport:
        """Read the channel back and compare; records the run in the sync log. Never raises for
        what the network or the channel does (that is a ``FAILED`` report)."""
        started = time.monotonic()
        report = self._audit(channel_id, runtime)
        with self.db.session() as s:
            record_run(s, report, latency_ms=round((time.monotonic() - started) * 1000))
        return report

    def _audit(self, channel_id: int, runtime: ChannelRuntime | None) -> AuditReport:
        engine = self.engine
        codec = ValueCodec()
        with self.db.session() as s:
            channel = load_channel_config(s, channel_id)
            adapter = adapter_for(channel.protocol)
            today = property_today(s, channel.property_id, engine.clock)
            if not whole_feed(adapter) and not reads_back(adapter):
                return _unreadable(channel, f"the {channel.protocol} protocol offers no read of what the channel shows",
                                   f"{channel.protocol} 协议无法读取渠道上显示的内容")
        if whole_feed(adapter):  # its read-back is its published feed: taken nights vs our bookings from it
            return feed_audit(self.db, channel, today, session=runtime.http if runtime is not None else None,
                              timeout=(CONNECT_TIMEOUT, channel.settings.timeout_seconds))
        with self.db.session() as s:
            desired = desired_state(s, channel, today, engine.prices, engine.rule_min_stays)
            acked = load_acked(s, channel.id, desired.start, desired.end)
        ours = desired_values(desired)
        base = dict(channel_id=channel.id, channel=channel.name, start=desired.start, end=desired.end)
        if not ours:
            return AuditReport(status=AuditStatus.CLEAN, at=utcnow(), ours=ours, **base)
        try:
            password = engine._password(channel)
        except UserError as exc:
            return AuditReport(status=AuditStatus.FAILED, at=utcnow(), failure=password_failure(exc), **base)
        try:
            shown = self._read_back(channel, password, runtime, desired.start, desired.end, list(ours))
        except ReadBackFailed as exc:
            failure = Failure(exc.failure.kind, scrub(exc.failure.detail, (password,)))
            return AuditReport(status=AuditStatus.FAILED, at=utcnow(), failure=failure, **base)
        drifts, compared = compare(channel.name, desired, shown, acked, codec)
        status = AuditStatus.DIFFERENCES if drifts else AuditStatus.CLEAN
        return AuditReport(status=status, at=utcnow(), cells_compared=compared, differences=tuple(drifts),
                           ours=ours, theirs=shown, **base)

    def _read_back(self, channel: ChannelConfig, password: str, runtime: ChannelRuntime | None, start, end, keys):
        connection = adapter_for(channel.protocol).connect(
            channel.endpoint, channel.hotel_code, Credentials(channel.username, password),
            session=runtime.http if runtime is not None else None,
            timeout=(CONNECT_TIMEOUT, channel.settings.timeout_seconds), settings=channel.settings,
            currency=channel.currency)
        # The same pacing and retry as a push (engine._send): an audit counts against the
        # channel's request limits, and a 429 or a blip on a read is retried with back-off
        # instead of failing the audit. Outside a lane (a one-off audit) a fresh pacer paces it.
        per_minute = channel.settings.requests_per_minute
        limiter = runtime.limiter(per_minute) if runtime is not None else Pacer(per_minute)
        sleep = runtime.sleep if runtime is not None else time.sleep

        def send(message):
            return send_with_retry(connection.send, message, policy=self.engine.retry, limiter=limiter, sleep=sleep)

        try:
            return connection.read_back(start, end, keys, send=send)
        except ReadBackFailed:
            raise
        except Exception as exc:  # a bug in an adapter must not take the scheduler down: report it
            raise ReadBackFailed(Failure(FailureKind.INTERNAL, f"{type(exc).__name__}: {exc}")) from exc


def _unreadable(channel: ChannelConfig, reason: str, reason_zh: str) -> AuditReport:
    return AuditReport(channel.id, channel.name, AuditStatus.CANNOT_READ_BACK, utcnow(), reason=reason,
                       reason_zh=reason_zh)


def record_run(session: Session, report: AuditReport, *, latency_ms: int = 0) -> None:
    session.add(SyncLog(channel_id=report.channel_id, message=AUDIT_PREFIX + report.status.value,
                        cells=len(report.differences), ranges=0, bytes=0, latency_ms=latency_ms, attempts=0,
                        result="note", http_status=None, acknowledged_cells=0,
                        error=report.summary()[:MAX_ERROR_TEXT], at=report.at, notes=[_kept(report).to_json(for_log=True)]))


# The differences a run keeps in the sync log, so that the list is still there after a restart (the
# desk's list and "accept theirs" work from it). A channel that differs on more cells than this
# needs a full resync, not a list: the row still counts them all.
MAX_KEPT_DIFFERENCES = 2000


def _kept(report: AuditReport) -> AuditReport:
    return replace(report, differences=report.differences[:MAX_KEPT_DIFFERENCES])


def logged_report(session: Session, channel_id: int) -> AuditReport | None:
    """The channel's latest audit as the sync log keeps it (None before any, or for a run logged
    before the log kept the report)."""
    row = session.scalars(select(SyncLog).where(SyncLog.channel_id == channel_id,
                                                SyncLog.message.like(AUDIT_PREFIX + "%"))
                          .order_by(SyncLog.id.desc()).limit(1)).first()
    if row is None or not row.notes:
        return None
    return AuditReport.from_json(channel_id, row.notes[0])


def last_runs(session: Session, property_id: int, channel_id: int | None = None) -> dict[int, AuditRun]:
    """Each channel's latest audit (channels never audited are absent); only ``channel_id``'s if given."""
    latest = (select(SyncLog.channel_id, func.max(SyncLog.id).label("id"))
              .join(Channel, Channel.id == SyncLog.channel_id)
              .where(Channel.property_id == property_id, SyncLog.message.like(AUDIT_PREFIX + "%"))
              .group_by(SyncLog.channel_id))
    if channel_id is not None:
        latest = latest.where(SyncLog.channel_id == channel_id)
    latest = latest.subquery()
    rows = session.execute(select(SyncLog).join(latest, latest.c.id == SyncLog.id)).scalars()
    return {row.channel_id: AuditRun(row.channel_id, row.at, AuditStatus(row.message.removeprefix(AUDIT_PREFIX)),
                                     row.cells, row.error) for row in rows}


def audit_due(run: AuditRun | None, every_hours: int, now: datetime) -> bool:
    """Whether the scheduler should audit now: ``every_hours`` 0 switches it off; a failed read is
    tried again after an hour rather than a whole period."""
    if every_hours <= 0:
        return False
    if run is None:
        return True
    wait = timedelta(hours=every_hours)
    if run.status is AuditStatus.FAILED:
        wait = min(wait, RETRY_FAILED_AFTER)
    return now - run.at >= wait


def outstanding_warning(run: AuditRun | None) -> SyncWarning | None:
    """The dry run's reminder that the channel's last audit found differences: a pass does not
    resend cells the channel confirmed, so these stay until pushed again. Every way of settling
    them (push again, accept theirs; CLI and desk) audits again, so the last audit in the sync log
    is what is known to be left."""
    if run is None or run.status is not AuditStatus.DIFFERENCES or not run.differences:
        return None
    n = run.differences
    return SyncWarning(DRIFT_OUTSTANDING, f"the last drift audit found {n} difference(s): send ours again with "
                                          "channelmgr channel audit --push-again",
                       detail=str(n), text_zh=f"渠道核对发现 {n} 处差异：用 channelmgr channel audit --push-again 重新推送")
