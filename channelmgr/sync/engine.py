"""One sync pass for one channel: desired − acknowledged → fewest requests → send → acknowledge.

Reconciliation, not replay (ARCHITECTURE.md, "The sync engine"): nothing is queued. Each pass
computes the difference afresh in one read transaction, sends it request by request (each paced
by the channel's token bucket and retried with backoff by ``send_with_retry``), and commits the
cells the channel confirmed — and only those — right after each reply. Whatever is not confirmed
(a 500, a timeout, a kill -9, a refusal) is still in the difference next pass.

The engine itself holds no state between passes; what a channel keeps (token bucket, keep-alive
HTTP session, refusals on hold, the stop signal) is its ``ChannelRuntime``, owned by its lane.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Callable

import requests

from ..channels.errors import Failure, FailureKind
from ..channels.adapter import ChannelConnection, adapter_for, carries_content, pushes, request_kind
from ..channels.send_result import Credentials, Outcome, SendResult
from ..channels.retry import RetryPolicy, send_with_retry
from ..channels.throttle import Pacer
from ..db.base import utcnow
from ..db.engine import Database
from ..errors import UserError
from ..inventory.nights import Clock, property_today, utc_now
from ..security.channel_secret import channel_password, password_failure
from ..security.vault import Vault
from .acked import ValueCodec, forget, load_acked, prune_past, record_acknowledged
from .channels import ChannelConfig, load_channel_config
from .content_push import ContentPart, ContentPlan, forget_content, plan_content, record_content_ack
from .desired import DesiredState, desired_state
from .hold import ChannelHold, active_hold, hold, naive_utc, release
from .mappings import SyncWarning
from .price_source import PriceSource, no_rule_min_stays, price_source
from .difference import Difference, difference, plan_requests
from .ranges import Range
from .refusals import ParkedRefusals
from .report import PassReport
from .sync_log import scrub, write_entry, write_note

log = logging.getLogger(__name__)

# Retries only smooth over blips inside a pass; the next pass is the real retry. So give up
# early rather than hold the channel's lane: ~0.5 + 1 + 2 s of backoff at most.
DEFAULT_RETRY = RetryPolicy(max_attempts=4, base_delay=0.5, max_delay=4.0, max_retry_after=30.0)
CONNECT_TIMEOUT = 5.0


@dataclass
class ChannelRuntime:
    """What one channel's lane keeps from pass to pass."""

    stop: threading.Event = field(default_factory=threading.Event)
    refusals: ParkedRefusals = field(default_factory=ParkedRefusals)
    http: requests.Session = field(default_factory=requests.Session)  # keep-alive across passes
    # What the channel's last reservation pull failed on: a pass is not "in sync" while the
    # channel's bookings cannot be read (for an iCal feed, nothing else would say so).
    pull_failures: tuple = ()
    _limiter: Pacer | None = None
    _per_minute: int = 0

    def sleep(self, seconds: float) -> None:
        # Backoff and pacing wait on the stop event, so closing the app never waits out a backoff.
        self.stop.wait(seconds)

    def limiter(self, per_minute: int) -> Pacer:
        """The channel's request pacing: ``per_minute`` for each pace its messages name."""
        if self._limiter is None or per_minute != self._per_minute:
            self._limiter = Pacer(per_minute, sleep=self.sleep)
            self._per_minute = per_minute
        return self._limiter

    def close(self) -> None:
        self.stop.set()
        self.http.close()


@dataclass
class _Prepared:
    channel: ChannelConfig
    desired: DesiredState
    diff: Difference
    requests: list[list[Range]]
    codec: ValueCodec
    content: ContentPlan | None = None  # None: the channel's protocol has no content message


class SyncEngine:
    def __init__(
        self,
        db: Database,
        *,
        clock: Clock = utc_now,
        vault: Callable[[], Vault] = Vault,
        retry: RetryPolicy = DEFAULT_RETRY,
        prices: PriceSource = price_source,
        rule_min_stays: PriceSource = no_rule_min_stays,
    ):
        self.db = db
        self.clock = clock
        self.prices = prices
        self.rule_min_stays = rule_min_stays
        self._vault_factory = vault
        self._vault: Vault | None = None
        self.retry = retry

    def vault(self) -> Vault:
        if self._vault is None:
            self._vault = self._vault_factory()
        return self._vault

    # --- the pass -----------------------------------------------------------------------------

    def run_pass(
        self,
        channel_id: int,
        runtime: ChannelRuntime,
        *,
        full: bool = False,
        dry_run: bool = False,
        retry_refused: bool = False,
        content_only: bool = False,
    ) -> PassReport:
        """Bring one channel in line with the desired state (or, ``dry_run``, say what that takes).

        ``full`` forgets what the channel acknowledged first (a dry run only pretends to).
        ``retry_refused`` also resends cells the channel refused earlier with the same value.
        ``content_only`` is ``channelmgr channel push-content``: no ARI, and every content part is
        sent whatever the channel confirmed before.

        The listing content (channels whose capability ``content`` is true) follows the ARI, each
        changed room type in a request of its own; it is logged and reported like the ARI.
        """
        started = utcnow()
        now = naive_utc(self.clock())
        with self.db.session() as s:
            waiting = active_hold(s, channel_id, now)
        # A channel that asked us to wait gets nothing before then, whoever asks for the pass: the
        # pass is worked out as a dry run (nothing forgotten, nothing sent) and says until when;
        # the lane's follow-up comes when the wait is over.
        preview = dry_run or waiting is not None
        # A dry run previews a push by hand, which resends refused cells too: it shows them all.
        prepared = self._prepare(channel_id, runtime.refusals, full=full, dry_run=preview,
                                 hold_refused=not (retry_refused or dry_run), content_only=content_only)
        channel = prepared.channel
        report = _planned_report(prepared, started, dry_run=dry_run, full=full)
        if waiting is not None:
            report = replace(report, held=waiting, retry_later=not dry_run, retry_after=waiting.seconds_left(now))
        content_parts = prepared.content.parts if prepared.content is not None else ()
        held = prepared.diff.parked or (report.content is not None and report.content.held_back)
        if preview or not channel.enabled or not (prepared.requests or content_parts):
            if held:
                report = report.with_failures(_refusals(runtime))
            return replace(report, finished_at=utcnow())

        try:
            password = self._password(channel)
        except UserError as exc:
            return replace(report, finished_at=utcnow()).with_failures([password_failure(exc)])
        connection = adapter_for(channel.protocol).connect(
            channel.endpoint, channel.hotel_code, Credentials(channel.username, password),
            timeout=(CONNECT_TIMEOUT, channel.settings.timeout_seconds), session=runtime.http,
            settings=channel.settings,
        )
        limiter = runtime.limiter(channel.settings.requests_per_minute)
        tally = _Tally()
        sends = [(self._send, (group, prepared.codec)) for group in prepared.requests]
        sends += [(self._send_content, (part,)) for part in content_parts]  # content after the ARI
        for send, what in sends:
            if runtime.stop.is_set():
                break
            result = send(connection, channel, *what, limiter, runtime, tally, password)
            if result is not None and result.outcome in (Outcome.FATAL, Outcome.RETRYABLE):
                # The channel is down, slow, or refusing us: the rest would meet the same. What was
                # not confirmed stays in the difference for the next pass.
                tally.retry_later = result.outcome is Outcome.RETRYABLE
                tally.retry_after = result.retry_after  # the lane's next pass waits at least this
                break
        if tally.requests and report.capabilities:
            with self.db.session() as s:  # the log of a push says what it left out, next to its requests
                write_note(s, channel.id, channel.name, report.capabilities)
        waiting = self._keep_hold(channel, tally) if tally.requests else None
        failures = tally.failures
        if held:
            failures = failures + _refusals(runtime)
        return replace(
            report,
            finished_at=utcnow(),
            requests_sent=tally.requests,
            cells_acknowledged=tally.acknowledged,
            cells_refused=tally.refused,
            retry_later=tally.retry_later,
            retry_after=tally.retry_after,
            content=replace(report.content, acknowledged=tally.content_acknowledged) if report.content else None,
            held=waiting,
        ).with_failures(failures)

    def _keep_hold(self, channel: ChannelConfig, tally: "_Tally") -> ChannelHold | None:
        """A Retry-After the pass met becomes the channel's hold (kept across restarts); a pass
        that sent without one ends any earlier hold."""
        with self.db.session() as s:
            if tally.retry_after is None:
                release(s, channel.id)
                return None
            waiting = hold(s, channel.id, channel.name, tally.retry_after, naive_utc(self.clock()))
        log.info("channel %s: asked to wait %ss, nothing is sent before %s UTC", channel.name,
                 waiting.asked_seconds, waiting.not_before)
        return waiting

    def _prepare(self, channel_id: int, refusals: ParkedRefusals, *, full: bool, dry_run: bool,
                 hold_refused: bool, content_only: bool = False) -> _Prepared:
        codec = ValueCodec()
        with self.db.session() as s:
            channel = load_channel_config(s, channel_id)
            refusals.follow(channel.fingerprint)  # a changed channel voids earlier refusals first
            today = property_today(s, channel.property_id, self.clock)
            if full and not dry_run:
                forgotten = forget(s, channel.id)
                forget_content(s, channel.id)
                log.info("channel %s: full resync, forgot %d acknowledged cells", channel.name, forgotten)
            elif not dry_run:
                prune_past(s, channel.id, today)
            adapter = adapter_for(channel.protocol)
            if not pushes(adapter):
                # The channel downloads our feed itself: nothing to send, nothing waits, and a
                # feed per room type is by design (no "room type not mapped" warnings).
                idle = DesiredState(channel.id, today, today, warnings=[SyncWarning(
                    "feed_only", f"{channel.name}: the channel reads our iCal feed (channelmgr ical export); "
                                 "nothing is pushed",
                    text_zh=f"{channel.name}：该渠道读取本店的 iCal 日历（channelmgr ical export），无需推送")])
                return _Prepared(channel, idle, Difference([], 0), [], codec)
            content = (plan_content(s, channel, force=content_only, ignore_acked=full,
                                    held=refusals.active_content() if hold_refused else None)
                       if carries_content(adapter) else None)
            if content_only:  # the content alone, by hand: the ARI waits for its own pass
                idle = DesiredState(channel.id, today, today)
                return _Prepared(channel, idle, Difference([], 0), [], codec, content)
            desired = desired_state(s, channel, today, self.prices, self.rule_min_stays)
            acked = {} if full else load_acked(s, channel.id, desired.start, desired.end)
        diff = difference(desired, acked, codec, refusals.active() if hold_refused else None)
        requests_ = (plan_requests(diff, channel.settings, adapter.items_per_range, request_kind(adapter))
                     if channel.enabled or dry_run else [])
        return _Prepared(channel, desired, diff, requests_, codec, content)

    def _password(self, channel: ChannelConfig) -> str:
        return channel_password(self.db, self.vault, channel)

    def _send(
        self,
        connection: ChannelConnection,
        channel: ChannelConfig,
        ranges: list[Range],
        codec: ValueCodec,
        limiter: Pacer,
        runtime: ChannelRuntime,
        tally: "_Tally",
        password: str,
    ) -> SendResult:
        message = connection.availability_message(ranges)
        started = time.monotonic()
        result = send_with_retry(connection.send, message, policy=self.retry, limiter=limiter, sleep=runtime.sleep)
        latency_ms = round((time.monotonic() - started) * 1000)
        cells = sum(_nights(r) for r in ranges)
        with self.db.session() as s:
            acknowledged = record_acknowledged(s, channel.id, result.acknowledged, codec)
            write_entry(s, channel.id, result, cells=cells, latency_ms=latency_ms,
                        acknowledged_cells=acknowledged, secrets=(password,))
        runtime.refusals.release(result.acknowledged)
        runtime.refusals.park(result.rejected, codec)
        tally.add(result, acknowledged, sum(_nights(r.range) for r in result.rejected), password)
        if result.outcome is not Outcome.OK:
            log.warning("channel %s: %s %s after %d attempt(s): %s", channel.name, message.name,
                        result.outcome.value, result.attempts, scrub(result.detail, (password,)))
        return result

    def _send_content(
        self,
        connection: ChannelConnection,
        channel: ChannelConfig,
        part: ContentPart,
        limiter: Pacer,
        runtime: ChannelRuntime,
        tally: "_Tally",
        password: str,
    ) -> SendResult | None:
        """One content part (a room type, or the property): sent, logged, its fingerprint kept only
        if the channel accepted it. None when the part cannot even be written (nothing sent)."""
        try:
            message = connection.content_message(part)
        except ValueError as exc:
            # Text XML cannot carry (a control character stored by an older desk…): this part is
            # not sent and says why; the other parts go on.
            log.warning("channel %s: content of %s not written: %s", channel.name, part.label, exc)
            tally.failures.append(Failure(FailureKind.CONFIG, f"{part.label}: its content cannot be written "
                                                              f"as OpenTravel XML ({exc}); fix it in the room type"))
            return None
        started = time.monotonic()
        result = send_with_retry(connection.send, message, policy=self.retry, limiter=limiter, sleep=runtime.sleep)
        latency_ms = round((time.monotonic() - started) * 1000)
        with self.db.session() as s:
            if result.outcome is Outcome.OK:
                record_content_ack(s, channel.id, part)
            write_entry(s, channel.id, result, cells=0, latency_ms=latency_ms, acknowledged_cells=0,
                        secrets=(password,), subject=part.label)
        tally.add(result, 0, 0, password, subject=part.label)
        if result.outcome is Outcome.OK:
            tally.content_acknowledged += 1
            runtime.refusals.release_content(part.part)
        else:
            if result.outcome in (Outcome.REJECTED, Outcome.PARTIAL):  # the channel read it and said no
                runtime.refusals.park_content(part.part, part.fingerprint,
                                              scrub(f"{part.label}: {result.detail}", (password,)))
            log.warning("channel %s: content of %s %s after %d attempt(s): %s", channel.name, part.label,
                        result.outcome.value, result.attempts, scrub(result.detail, (password,)))
        return result


@dataclass
class _Tally:
    requests: int = 0
    acknowledged: int = 0
    refused: int = 0
    failures: list[Failure] = field(default_factory=list)
    retry_later: bool = False
    retry_after: float | None = None
    content_acknowledged: int = 0

    def add(self, result: SendResult, acknowledged: int, refused: int, password: str, subject: str = "") -> None:
        self.requests += 1
        self.acknowledged += acknowledged
        self.refused += refused
        failure = result.failure
        if failure is not None:
            # A content failure names its part: "room type LKV: OTA_HotelDescriptiveContentNotifRQ: refused: …"
            detail = f"{subject}: {failure.detail}" if subject else failure.detail
            self.failures.append(replace(failure, detail=scrub(detail, (password,))))


def _refusals(runtime: ChannelRuntime) -> list[Failure]:
    return [Failure(FailureKind.CHANNEL_REFUSED, text) for text in runtime.refusals.errors()]


def _nights(rng: Range) -> int:
    if rng.weekdays is None:
        return (rng.end - rng.start).days + 1
    return sum(1 for _ in rng.nights())


def _planned_report(prepared: _Prepared, started: datetime, *, dry_run: bool, full: bool) -> PassReport:
    channel, desired, diff = prepared.channel, prepared.desired, prepared.diff
    return PassReport(
        channel_id=channel.id,
        channel=channel.name,
        dry_run=dry_run,
        full=full,
        started_at=started,
        finished_at=started,
        enabled=channel.enabled,
        horizon_start=desired.start,
        horizon_end=desired.end,
        warnings=tuple(desired.warnings) + (prepared.content.warnings if prepared.content else ()),
        capabilities=tuple(desired.notes),
        groups=tuple(diff.groups(desired.origins)),
        cells=diff.cell_count,
        held_back=diff.parked,
        ranges=sum(len(group) for group in prepared.requests),
        requests_planned=len(prepared.requests) + (len(prepared.content.parts) if prepared.content else 0),
        content=prepared.content.summary if prepared.content else None,
    )
