"""``Services.sync``: push, reservation pull, dry run, full resync, the scheduler, statuses, the sync log.

Pushes go through each channel's lane and return a Future (the CLI waits on it; the desktop waits
on it from a network worker, never from the GUI thread). A dry run computes in the caller's thread
and sends nothing.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy import select

from ..actor import Actor
from ..channels.errors import Failure, FailureKind
from ..channels.retry import RetryPolicy
from ..db.engine import Database
from ..db.models import Channel
from ..inventory.nights import Clock, utc_now
from ..privacy.service import PrivacyService
from ..security.roles import Permission, requires
from ..security.vault import Vault
from ..inventory.prices import NightlyPrices, override_or_base_prices
from .drift_service import DriftService
from .engine import DEFAULT_RETRY, ChannelRuntime, SyncEngine
from .lanes import ChannelLanes, PassOptions
from ..reservations.service import ReservationService
from .price_source import PriceSource, no_rule_min_stays, price_source
from .reservation_pull import PullReport, ReservationPuller
from .report import PassReport
from .scheduler import SyncScheduler
from .status import StatusBoard
from .sync_log import SyncLogEntry, export_csv, read_entries

log = logging.getLogger(__name__)


class SyncService:
    def __init__(
        self,
        db: Database,
        *,
        clock: Clock = utc_now,
        vault: Callable[[], Vault] = Vault,
        retry: RetryPolicy = DEFAULT_RETRY,
        prices: PriceSource = price_source,
        rule_min_stays: PriceSource = no_rule_min_stays,
        nightly_prices: NightlyPrices = override_or_base_prices,
    ):
        self.db = db
        self.engine = SyncEngine(db, clock=clock, vault=vault, retry=retry, prices=prices,
                                 rule_min_stays=rule_min_stays)
        # Same clock as the engine: "today" must be one day for the booking and for the push.
        self.puller = ReservationPuller(db, ReservationService(db, clock), vault=self.engine.vault, retry=retry,
                                        clock=clock)
        self.statuses = StatusBoard()
        # The drift audit reads channels back on their lanes and is run by this scheduler too.
        self.drift = DriftService(self, nightly_prices)
        self._lanes: ChannelLanes | None = None
        self._scheduler: SyncScheduler | None = None
        self._lock = threading.Lock()

    # --- passes -------------------------------------------------------------------------------

    def enabled_channels(self, property_id: int | None = None) -> list[int]:
        query = select(Channel.id).where(Channel.enabled).order_by(Channel.property_id, Channel.name)
        if property_id is not None:
            query = query.where(Channel.property_id == property_id)
        with self.db.session() as s:
            return list(s.scalars(query))

    # Sync by hand needs the SYNC permission (a viewer may not); the scheduler's own passes run
    # unguarded: they only carry out changes someone was allowed to make, and a booking pulled is
    # recorded as the channel's ("sync", "booking …").

    @requires(Permission.SYNC)
    def push(self, channel_id: int, *, actor: Actor, full: bool = False, retry_refused: bool = True) -> Future:
        """Queue a pass on the channel's lane; the Future resolves with its ``PassReport``.

        A push by hand also resends what the channel refused before (``retry_refused``): the owner
        may have fixed the cause on the channel's side.
        """
        return self._push(channel_id, full=full, retry_refused=retry_refused)

    def _push(self, channel_id: int, *, full: bool = False, retry_refused: bool = True) -> Future:
        return self._lanes_().request(channel_id, PassOptions(full=full, retry_refused=retry_refused))

    @requires(Permission.SYNC)
    def pull_reservations(self, channel_id: int, *, actor: Actor) -> Future:
        """Fetch, store and acknowledge the channel's new bookings on its lane (before any pass
        queued after it); the Future resolves with a ``PullReport``. When a booking was stored,
        every channel is asked for a pass (if the scheduler runs) so the room closes everywhere."""
        return self._pull_reservations(channel_id)

    def _pull_reservations(self, channel_id: int) -> Future:
        return self._lanes_().submit(channel_id, lambda runtime: self._pull(channel_id, runtime))

    def _pull(self, channel_id: int, runtime: ChannelRuntime) -> PullReport:
        try:
            report = self.puller.pull(channel_id, session=runtime.http, sleep=runtime.sleep)
        except Exception as exc:
            # A bug or a database error: nothing was acknowledged (that comes after the commit), so
            # the channel delivers the bookings again; report it like a network failure.
            log.exception("reservation pull for channel %s failed", channel_id)
            detail = f"{type(exc).__name__}: {exc}"
            report = PullReport(channel_id, "", errors=(detail,), failures=(Failure(FailureKind.INTERNAL, detail),))
        runtime.pull_failures = report.failures  # the lane's next pass reports them (see _run_pass)
        if report.availability_changed:
            self.notify_changed()
        return report

    @requires(Permission.SYNC)
    def full_resync(self, channel_id: int, *, actor: Actor) -> Future:
        """Forget what the channel acknowledged and send the whole desired state."""
        return self._push(channel_id, full=True)

    def dry_run(self, channel_id: int, *, full: bool = False, content_only: bool = False) -> PassReport:
        """What a push would send now, per kind and room; nothing is sent or recorded. Its warnings
        include the differences the channel's last drift audit found. ``content_only``: what
        ``push_content`` would send."""
        runtime = ChannelRuntime()
        try:
            report = self.engine.run_pass(channel_id, runtime, dry_run=True, full=full, content_only=content_only)
        finally:
            runtime.close()
        # Cells the channel confirmed and then changed are not in the difference: the last drift
        # audit is what says they differ (a full resync sends them anyway).
        drift = None if content_only or full else self.drift.outstanding(channel_id)
        return replace(report, warnings=(*report.warnings, drift)) if drift is not None else report

    @requires(Permission.SYNC)
    def push_content(self, channel_id: int, *, actor: Actor) -> Future:
        """Send the channel every part of its listing content now, changed or not (on its lane, so
        never beside a pass); the Future resolves with the ``PassReport``."""
        return self._lanes_().submit(
            channel_id, lambda runtime: self.engine.run_pass(channel_id, runtime, content_only=True))

    # --- the scheduler ------------------------------------------------------------------------

    def start(
        self, *, interval: float = 60.0, first_pass_after: float = 3.0, channel_ids: Iterable[int] | None = None
    ) -> SyncScheduler:
        """Run passes after every ``notify_changed`` (debounced) and every ``interval`` seconds, on
        every enabled channel (read afresh each time: a channel added meanwhile is included) or only
        on ``channel_ids``."""
        only = None if channel_ids is None else list(channel_ids)

        def dispatch() -> None:
            # Pull first: a booking that arrived since the last pass closes its room in the same
            # round (the lane runs the pull before the push; a stored booking notifies again, so
            # the other channels follow within a second).
            passes = {}
            for cid in self.enabled_channels() if only is None else only:
                self._pull_reservations(cid)
                passes[cid] = self._push(cid, retry_refused=False)
            # Audits that are due run after these passes (drift_service), comparing what was just
            # brought in line.
            self.drift.run_due(passes)

        with self._lock:
            if self._scheduler is None:
                self._scheduler = SyncScheduler(dispatch, interval=interval, first_pass_after=first_pass_after)
                self._scheduler.start()
            return self._scheduler

    @requires(Permission.SYNC)
    def watch(self, *, actor: Actor, **options) -> SyncScheduler:
        """``start`` asked for by a person (``channelmgr sync --watch``): a viewer may not."""
        return self.start(**options)

    def notify_changed(self) -> None:
        """Data changed: passes follow within about a second (if the scheduler runs)."""
        scheduler = self._scheduler
        if scheduler is not None:
            scheduler.notify_changed()

    @property
    def scheduler_running(self) -> bool:
        return self._scheduler is not None and self._scheduler.running

    def shutdown(self) -> None:
        with self._lock:
            scheduler, self._scheduler = self._scheduler, None
            lanes, self._lanes = self._lanes, None
        if scheduler is not None:
            scheduler.stop()
        if lanes is not None:
            lanes.stop_all()

    # --- the log ------------------------------------------------------------------------------

    def log(self, property_id: int, *, channel: str | None = None, result: str | None = None,
            limit: int = 1000) -> list[SyncLogEntry]:
        with self.db.session() as s:
            return read_entries(s, property_id, channel=channel, result=result, limit=limit)

    def export_log(self, entries: Iterable[SyncLogEntry], path: str | Path, *, unmasked_by: Actor | None = None,
                   language: str = "en") -> int:
        """Phone numbers in the errors masked, or in clear for an administrator who asks (audited);
        headers and notes in ``language`` ("en" or "zh")."""
        if unmasked_by is not None:
            PrivacyService(self.db).allow_unmasked(unmasked_by, "sync_log", Path(path).name)
        return export_csv(entries, path, unmasked=unmasked_by is not None, language=language)

    def _lanes_(self) -> ChannelLanes:
        with self._lock:
            if self._lanes is None:
                self._lanes = ChannelLanes(self._run_pass, self.statuses.post)
            return self._lanes

    def _run_pass(self, channel_id: int, runtime: ChannelRuntime, options: PassOptions) -> PassReport:
        report = self.engine.run_pass(channel_id, runtime, full=options.full, retry_refused=options.retry_refused)
        # The status board, the indicator and the dashboard read this report: a channel whose
        # bookings could not be read is not in sync even when nothing was left to push.
        return report.with_failures((*report.failures, *runtime.pull_failures)) if runtime.pull_failures else report
