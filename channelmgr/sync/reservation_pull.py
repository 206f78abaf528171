"""Bookings from a channel into the ledger: OTA_ReadRQ → store → OTA_NotifReportRQ.

The order is the whole point (ARCHITECTURE.md, "Reservations flow the other way"):

1. ask the channel for undelivered reservations;
2. store them (``ReservationService.ingest``: idempotent by channel, remote id and revision);
3. acknowledge **only** ``report.to_acknowledge`` — what committed locally. A booking that went to
   the needs-attention list or failed to store is not acknowledged, so the channel keeps it for us.

Whatever goes wrong before step 3 (a timeout, a 500, an HTML error page, a hostile document) ends
the pull with nothing acknowledged: the channel delivers the same bookings next time, and the
revision history turns a second delivery into "unchanged". A lost acknowledgement costs only that
redelivery. So nothing here can lose a booking or store it twice.

When a pull stored something, availability changed: the caller (``SyncService``) then asks every
channel for a pass, so the room a guest just took on one OTA closes on all the others.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from typing import Callable

from ..actor import SYSTEM_ROLE, Actor
from ..channels.errors import Failure, FailureKind, ProtocolError
from ..channels.adapter import ChannelConnection, adapter_for, whole_feed
from ..channels.send_result import Credentials, Outcome, SendResult
from ..channels.retry import RetryPolicy, send_with_retry
from ..db.engine import Database
from ..errors import UserError
from ..ical.feed_poll import FeedPoller
from ..inventory.nights import Clock, property_today, utc_now
from ..reservations.channel_ingest import IngestOutcome, IngestReport
from ..reservations.service import ReservationService
from ..security.channel_secret import channel_password, password_failure
from ..security.vault import Vault
from .channels import ChannelConfig, load_channel_config
from .hold import ChannelHold, active_hold, hold, naive_utc
from .sync_log import scrub, write_entry

log = logging.getLogger(__name__)

PULL_ACTOR = Actor("sync", "reservation pull", role=SYSTEM_ROLE)


@dataclass(frozen=True)
class PullReport:
    """What one pull from one channel found, stored and acknowledged."""

    channel_id: int
    channel: str
    received: int = 0          # reservations (revisions) the channel delivered
    stored: int = 0            # new, modified or cancelled in the ledger
    unchanged: int = 0         # delivered again: nothing to do
    overbooked: int = 0        # stored, but a night was already full: flagged for the owner
    needs_attention: int = 0   # unmapped codes, impossible dates…: a person looks; not acknowledged
    failed: int = 0            # the database refused them: not acknowledged, they come again
    acknowledged: int = 0      # remote ids the channel confirmed we hold
    errors: tuple[str, ...] = ()
    skipped: bool = False      # channel disabled: nothing asked
    failures: tuple[Failure, ...] = ()  # ``errors`` with their kinds, for the reader's sentence
    held: ChannelHold | None = None  # the channel asked us to wait (429 Retry-After): not asked before then

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def availability_changed(self) -> bool:
        """A booking was taken or released: every channel's availability must be pushed again."""
        return self.stored + self.overbooked > 0

    def summary(self) -> str:
        if self.skipped:
            return f"{self.channel}: disabled, no reservations pulled"
        if self.held is not None and not self.received and not self.errors:
            return f"{self.channel}: not asked for reservations: {self.held.text(self.channel)}"
        text = (f"{self.channel}: {self.received} reservation(s) received, {self.stored} stored, "
                f"{self.overbooked} overbooked, {self.needs_attention} need attention, "
                f"{self.acknowledged} acknowledged")
        return text + "".join(f"\n  error: {e}" for e in self.errors)


class ReservationPuller:
    def __init__(
        self,
        db: Database,
        reservations: ReservationService,
        *,
        vault: Callable[[], Vault],
        retry: RetryPolicy,
        actor: Actor = PULL_ACTOR,
        clock: Clock = utc_now,
    ):
        self.db = db
        self.feeds = FeedPoller(db)  # iCal channels: their validators live as long as the puller
        self._clock = clock
        self.reservations = reservations
        self._vault = vault  # the engine's: one key file read, shared with the pushes
        self.retry = retry
        self.actor = actor

    def pull(self, channel_id: int, *, session=None, timeout: tuple[float, float] = (5.0, 30.0),
             sleep: Callable[[float], None] = time.sleep) -> PullReport:
        """One read → store → acknowledge round for one channel. Never raises for what the network
        or the channel does; those end up in ``errors`` with nothing acknowledged."""
        with self.db.session() as s:
            channel = load_channel_config(s, channel_id)
        if not channel.enabled:
            return PullReport(channel.id, channel.name, skipped=True)
        if whole_feed(adapter_for(channel.protocol)):
            return self._poll_feed(channel, session, timeout)
        # A channel that said when it would take us again (429 Retry-After) is not asked before
        # then, for bookings no more than for a push: asking again only earns another 429. The
        # bookings wait at the channel, undelivered until we acknowledge them: nothing is lost.
        with self.db.session() as s:
            waiting = active_hold(s, channel.id, naive_utc(self._clock()))
        if waiting is not None:
            log.info("channel %s: held until %s UTC, reservations not pulled", channel.name, waiting.not_before)
            return PullReport(channel.id, channel.name, held=waiting)
        try:
            password = self._password(channel)
        except UserError as exc:
            return self._failed(channel, password_failure(exc), "")
        connection = adapter_for(channel.protocol).connect(
            channel.endpoint, channel.hotel_code, Credentials(channel.username, password), session=session,
            timeout=(timeout[0], channel.settings.timeout_seconds), settings=channel.settings)

        # Re-reading is safe (the channel only marks bookings delivered on our report), so the
        # same retries as a push smooth over blips.
        read = self._send(connection, channel, connection.reservations_request(), password, sleep)
        if read.outcome is not Outcome.OK:
            return replace(self._failed(channel, read.failure, password), held=self._keep_wait(channel, read))
        try:
            parsed = connection.parse_reservations(read.reply)
        except ProtocolError as exc:  # HostileXmlError is one: refused, logged, nothing stored
            return self._failed(channel, Failure(FailureKind.BAD_REPLY, f"unreadable reservation list: {exc}"),
                                password)
        if not parsed:
            return PullReport(channel.id, channel.name)

        ingest = self.reservations.ingest(
            channel.id, parsed, self.actor.because(f"reservation pull from {channel.name}"),
            source_text=read.reply.decode("utf-8", "replace"),
        )
        report = _counted(channel, len(parsed), ingest)
        for result in ingest.results:
            if result.outcome in (IngestOutcome.NEEDS_ATTENTION, IngestOutcome.FAILED):
                log.warning("channel %s: reservation %s not acknowledged (%s): %s", channel.name,
                            result.remote_id, result.outcome.value, result.message)

        to_acknowledge = ingest.to_acknowledge
        if not to_acknowledge:
            return report
        # One request for all (OpenTravel) or one per booking (Channex-style); stop at the first
        # failure: what is not acknowledged the channel sends again.
        for message in connection.acknowledgements(to_acknowledge):
            ack = self._send(connection, channel, message, password, sleep)
            if ack.outcome is not Outcome.OK:
                break
        if ack.outcome is not Outcome.OK:
            # Stored but not (all) acknowledged: the channel sends them again and they come back
            # "unchanged". Worth a line in the log, never a lost booking.
            error = f"{ack.message.name}: {scrub(ack.detail, (password,))} (stored; will be acknowledged next pull)"
            log.warning("channel %s: %s", channel.name, error)
            return replace(report, errors=(error,), failures=(Failure(ack.kind or FailureKind.CHANNEL_REFUSED, error),))
        log.info("channel %s: %s", channel.name, report.summary())
        return replace(report, acknowledged=len(to_acknowledge))

    def _send(self, connection: ChannelConnection, channel: ChannelConfig, message, password: str,
              sleep: Callable[[float], None]) -> SendResult:
        started = time.monotonic()
        result = send_with_retry(connection.send, message, policy=self.retry, sleep=sleep)
        latency_ms = round((time.monotonic() - started) * 1000)
        with self.db.session() as s:  # the pull shows in the sync log beside the pushes
            write_entry(s, channel.id, result, cells=0, latency_ms=latency_ms, acknowledged_cells=0,
                        secrets=(password,))
        return result

    def _poll_feed(self, channel: ChannelConfig, session, timeout: tuple[float, float]) -> PullReport:
        if not channel.endpoint:  # imported from a file: nothing to poll
            return PullReport(channel.id, channel.name, skipped=True)
        with self.db.session() as s:
            today = property_today(s, channel.property_id, self._clock)
        polled = self.feeds.poll(channel.id, channel.name, channel.property_id, channel.endpoint,
                                 self.actor.because(f"iCal feed {channel.name}"), today, session=session,
                                 timeout=(timeout[0], channel.settings.timeout_seconds))
        if polled.failure is not None:
            return self._failed(channel, polled.failure, "")
        r = polled.imported
        if r is None:  # 304: not modified since the last good import
            return PullReport(channel.id, channel.name)
        report = PullReport(channel.id, channel.name, received=r.new + r.changed + r.unchanged + r.cancelled,
                            stored=r.new + r.changed + r.cancelled, unchanged=r.unchanged, overbooked=r.overbooked)
        log.info("channel %s: %s", channel.name, report.summary())
        return report

    def _keep_wait(self, channel: ChannelConfig, result: SendResult) -> ChannelHold | None:
        """A Retry-After the read met holds the channel for every pass, as a push's does."""
        if result.retry_after is None:
            return None
        with self.db.session() as s:
            return hold(s, channel.id, channel.name, result.retry_after, naive_utc(self._clock()))

    def _failed(self, channel: ChannelConfig, failure: Failure, password: str) -> PullReport:
        failure = Failure(failure.kind, scrub(failure.detail, (password,)))
        log.warning("channel %s: reservation pull failed, nothing acknowledged: %s", channel.name, failure.detail)
        return PullReport(channel.id, channel.name, errors=(failure.detail,), failures=(failure,))

    def _password(self, channel: ChannelConfig) -> str:
        return channel_password(self.db, self._vault, channel)


def _counted(channel: ChannelConfig, received: int, ingest: IngestReport) -> PullReport:
    return PullReport(
        channel.id, channel.name, received=received,
        stored=ingest.count(IngestOutcome.STORED), unchanged=ingest.count(IngestOutcome.UNCHANGED),
        overbooked=ingest.count(IngestOutcome.OVERBOOKED), needs_attention=ingest.count(IngestOutcome.NEEDS_ATTENTION),
        failed=ingest.count(IngestOutcome.FAILED),
    )

