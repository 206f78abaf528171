"""``Services.sync.drift``: audit a channel now or on schedule, push again, accept theirs.

An audit runs on the channel's lane (``ChannelLanes.submit``), like its passes and pulls: it never
races a pass of the same channel, and it uses the lane's keep-alive session. The last report of
each channel is kept in memory for the desk and the CLI to act on; the last run's time and result
are in the sync log (``drift_audit.last_runs``), so they survive a restart.

The scheduler asks ``run_due`` on each round (every minute); a channel is audited when its
``audit_every_hours`` (default 24, 0 = never) has passed since its last audit.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future
from dataclasses import replace
from typing import TYPE_CHECKING, Mapping, Sequence

from ..actor import Actor
from ..channels.adapter import adapter_for, reads_back, whole_feed
from ..db.base import utcnow
from ..errors import UserError
from ..ical.channel_adapter import CHANNEL_PREFIX
from ..ical.service import IcalImportService
from ..inventory.nights import property_today
from ..inventory.prices import NightlyPrices, override_or_base_prices
from ..security.roles import Permission, check, requires
from .channels import load_channel_config
from .drift import PRICE, AuditReport, Drift
from .drift_actions import AcceptResult, accept_cause, accept_theirs, forget_cells
from .drift_audit import AuditRun, DriftAuditor, audit_due, last_runs, logged_report, outstanding_warning
from .hold import active_hold, naive_utc
from .mappings import SyncWarning

if TYPE_CHECKING:
    from .service import SyncService

log = logging.getLogger(__name__)

PUSH_WAIT_SECONDS = 600


class DriftService:
    def __init__(self, sync: "SyncService", nightly_prices: NightlyPrices = override_or_base_prices):
        self.sync = sync
        self.db = sync.db
        self.auditor = DriftAuditor(sync.engine)
        self.nightly_prices = nightly_prices  # the price guard's view of "what the cell shows now"
        self._reports: dict[int, AuditReport] = {}
        # The last audits the sync log held when this desk started; the reports above supersede
        # them. Read once, not every scheduler round (the log only grows).
        self._logged_runs: dict[int, AuditRun] | None = None
        self._queued: set[int] = set()  # channels with an audit on their lane: never two at once
        self._lock = threading.Lock()

    # --- auditing -----------------------------------------------------------------------------

    def audit(self, channel_id: int) -> Future:
        """Queue an audit on the channel's lane; the Future resolves with its ``AuditReport``.
        Reading only: no permission needed (like a dry run)."""
        with self._lock:
            self._queued.add(channel_id)
        try:
            return self.sync._lanes_().submit(channel_id, lambda runtime: self._run(channel_id, runtime))
        except BaseException:  # the lanes are closing: nothing was queued
            with self._lock:
                self._queued.discard(channel_id)
            raise

    def _run(self, channel_id: int, runtime) -> AuditReport:
        try:
            report = self.auditor.audit(channel_id, runtime)
        finally:
            with self._lock:
                self._queued.discard(channel_id)
        with self._lock:
            self._reports[channel_id] = report
        log.info("channel %s: %s", report.channel, report.summary())
        return report

    def last_report(self, channel_id: int) -> AuditReport | None:
        """The latest audit this process ran for the channel (with its differences)."""
        with self._lock:
            report = self._reports.get(channel_id)
        if report is None:  # not audited since the app started: the one the sync log keeps
            with self.db.session() as s:
                report = logged_report(s, channel_id)
            if report is not None:
                with self._lock:
                    report = self._reports.setdefault(channel_id, report)
        return report

    def last_runs(self, property_id: int) -> dict[int, AuditRun]:
        """Each channel's last audit as the sync log keeps it (time, result, count)."""
        with self.db.session() as s:
            return last_runs(s, property_id)

    def outstanding(self, channel_id: int) -> SyncWarning | None:
        """The warning a dry run adds when the channel's last audit (as the sync log keeps it)
        found differences; None for an iCal channel (nothing is pushed to it)."""
        with self.db.session() as s:
            channel = load_channel_config(s, channel_id)
            if whole_feed(adapter_for(channel.protocol)):
                return None
            run = last_runs(s, channel.property_id, channel_id).get(channel_id)
        return outstanding_warning(run)

    def run_due(self, passes: Mapping[int, Future]) -> list[int]:
        """Queue the audits that are due among the channels of ``passes`` (channel id → the
        Future of the pass the scheduler just asked for), each to run once that pass is done;
        returns the channels queued."""
        channel_ids = list(passes)
        now = utcnow()
        queued = []
        with self.db.session() as s:
            channels = [load_channel_config(s, cid) for cid in channel_ids]
            # A channel that asked us to wait (429 Retry-After) is not read by the scheduler before
            # then: its audit stays due, and the first round after the wait queues it. (An audit a
            # person asks for, or the one after "accept theirs", still reads at once.)
            moment = naive_utc(self.sync.engine.clock())
            held = {c.id for c in channels if active_hold(s, c.id, moment) is not None}
            if self._logged_runs is None:
                self._logged_runs = {}
                for property_id in {c.property_id for c in channels}:
                    self._logged_runs.update(last_runs(s, property_id))
        with self._lock:
            runs = dict(self._logged_runs)
            runs.update((cid, AuditRun(cid, r.at, r.status, len(r.differences), r.summary()))
                        for cid, r in self._reports.items())
        for channel in channels:
            adapter = adapter_for(channel.protocol)
            if not (reads_back(adapter) or whole_feed(adapter)):
                continue  # nothing to read: audited by hand only, where it says so
            if channel.id in held:
                continue
            with self._lock:
                busy = channel.id in self._queued
            if not busy and audit_due(runs.get(channel.id), channel.settings.audit_every_hours, now):
                self._audit_after(passes[channel.id], channel.id)
                queued.append(channel.id)
        return queued

    def _audit_after(self, pass_: Future, channel_id: int) -> None:
        """Audit once the channel's pass is done (a lane runs submitted jobs *before* its pass):
        the audit then compares what was just brought in line, not edits still on their way."""
        with self._lock:
            self._queued.add(channel_id)

        def audit(_pass: Future) -> None:
            try:
                self.audit(channel_id)
            except Exception:  # the lanes closed meanwhile: the next round (or start) tries again
                with self._lock:
                    self._queued.discard(channel_id)
                log.info("channel %s: scheduled audit not queued (sync is stopping)", channel_id)

        pass_.add_done_callback(audit)

    # --- acting -------------------------------------------------------------------------------

    @requires(Permission.SYNC)
    def push_again(self, channel_id: int, drifts: Sequence[Drift], *, actor: Actor) -> Future:
        """Ours wins: forget the channel's acknowledgement of these cells and queue a pass that
        resends them (and whatever else differs); the Future resolves with its ``PassReport``."""
        with self.db.session() as s:
            if whole_feed(adapter_for(load_channel_config(s, channel_id).protocol)):
                raise UserError("An iCal channel downloads our feed itself: nothing can be pushed to it",
                                "iCal 渠道自行下载本店的日历：无法向其推送")
            forgotten = forget_cells(s, channel_id, drifts)
        log.info("channel %s: push again, %d acknowledged cell(s) forgotten", channel_id, forgotten)
        return self.sync.push(channel_id, actor=actor, retry_refused=True)

    @requires(Permission.CALENDAR)  # and prices when a price is taken over (below); an iCal feed: reservations
    def accept_theirs(self, report: AuditReport, drifts: Sequence[Drift], *, actor: Actor,
                      force: bool = False) -> AcceptResult:
        """Theirs wins: the channel's values go into our calendar (audited, role-checked, one
        transaction), and the channel gets a pass (what the change moved beside the cells taken
        over: sibling plans, derived prices). Then ONE audit, on the channel's lane after that
        pass, says what is still different (a price rule or the channel's min-stay translation on
        top of the calendar, a sibling the pass could not send): ``still_different`` and ``audit``
        of the result — the caller need not audit again."""
        known = set(report.differences)
        unknown = [d for d in drifts if d not in known]
        if unknown:
            raise UserError(f"{len(unknown)} difference(s) are not from this audit of {report.channel}",
                            f"{len(unknown)} 处差异不属于 {report.channel} 的这次核对")
        with self.db.session() as s:
            channel = load_channel_config(s, report.channel_id)
        if whole_feed(adapter_for(channel.protocol)):
            return self._import_feed(channel, report, drifts, actor)
        if any(d.field == PRICE for d in drifts):
            check(self.db, actor, Permission.PRICES)
        engine = self.sync.engine
        with self.db.write_session() as s:  # read and write under one lock (drift_actions)
            today = property_today(s, channel.property_id, engine.clock)
            result = accept_theirs(s, channel, drifts, actor, self.nightly_prices, today, force=force)
        if result.changes is None:
            return result
        self.sync.notify_changed()  # the other channels follow the new value
        # This channel at once: the calendar keeps restrictions per room type and derived plans
        # follow their parent, so taking one plan's value over moves its siblings too. Unguarded,
        # like the scheduler's passes: it only carries out the change just allowed. The audit is
        # queued on the same lane, so it runs after that pass.
        self.sync._push(report.channel_id).result(PUSH_WAIT_SECONDS)
        return self._audited(report.channel_id, result)

    def _audited(self, channel_id: int, result: AcceptResult) -> AcceptResult:
        """The one audit after everything accepted is applied (on the lane, so it is also the
        channel's last report): whatever it finds different is what is left."""
        after = self.audit(channel_id).result(PUSH_WAIT_SECONDS)
        return replace(result, still_different=after.differences, audit=after)

    def _import_feed(self, channel, report: AuditReport, drifts: Sequence[Drift], actor: Actor) -> AcceptResult:
        """Theirs, for an iCal channel, is its feed: import it now (bookings as the poll makes them,
        audited with the audit's cause), then one audit says what is left."""
        code = drifts[0].room_type if drifts else ""
        IcalImportService(self.db, self.sync.engine.clock).import_url(
            channel.property_id, code, channel.name.removeprefix(CHANNEL_PREFIX), channel.endpoint,
            actor.because(accept_cause(channel.name)))
        self.sync.notify_changed()
        return self._audited(channel.id, AcceptResult(None, tuple(drifts), ()))
