"""One serial lane per channel: its passes run one after another on its own thread.

A slow or dead channel therefore never delays another, and one channel never has two passes in
flight (two would compute the same difference and send it twice). Requests that arrive while a
pass is waiting to start are merged into it — it will read the newest data anyway — and each
caller gets a Future resolved with that pass's report. A pass that stopped on a failure that may
pass (timeouts, 5xx, 429) asks for a follow-up pass with growing delays — never sooner than the
channel's Retry-After, which knows when it will take us again — so a channel that comes
back is caught up in seconds rather than at the next periodic pass.

Other work for the channel (a reservation pull) is submitted as a job: jobs run on the same thread,
before the pass they were queued with, so a pull and a push never talk to one channel at once and
the push that follows a pull already sees the bookings it stored.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Callable

from ..channels.errors import Failure, FailureKind
from ..db.base import utcnow
from .engine import ChannelRuntime
from .hold import MAX_RETRY_AFTER_SECONDS
from .report import PassReport

log = logging.getLogger(__name__)

FIRST_RETRY_SECONDS = 2.0
MAX_RETRY_SECONDS = 120.0
# A channel's Retry-After is obeyed by the follow-up pass too (asking again sooner only meets another
# 429), up to the same bound as the channel's hold (hold.py): a pass asked for by hand or by the
# scheduler meanwhile sends nothing and says until when.


@dataclass(frozen=True)
class PassOptions:
    full: bool = False
    retry_refused: bool = False

    def merged(self, other: "PassOptions") -> "PassOptions":
        return PassOptions(self.full or other.full, self.retry_refused or other.retry_refused)


RunPass = Callable[[int, ChannelRuntime, PassOptions], PassReport]
Job = Callable[[ChannelRuntime], Any]


class ChannelLane:
    def __init__(self, channel_id: int, run_pass: RunPass, on_report: Callable[[PassReport], None]):
        self.channel_id = channel_id
        self.runtime = ChannelRuntime()
        self._run_pass = run_pass
        self._on_report = on_report
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._waiting: list[Future] = []
        self._jobs: list[tuple[Job, Future]] = []
        self._options = PassOptions()
        self._retry_at: float | None = None
        self._retry_delay = FIRST_RETRY_SECONDS
        self.follow_up_in: float | None = None  # seconds to the follow-up pass planned after the last pass
        self._thread = threading.Thread(target=self._loop, name=f"sync-lane-{channel_id}", daemon=True)
        self._thread.start()

    def request(self, options: PassOptions = PassOptions()) -> Future:
        future: Future = Future()
        with self._lock:
            self._waiting.append(future)
            self._options = self._options.merged(options)
        self._wake.set()
        return future

    def submit(self, job: Job) -> Future:
        """Run ``job(runtime)`` on this lane, before any pass; the Future gets its result."""
        future: Future = Future()
        with self._lock:
            self._jobs.append((job, future))
        self._wake.set()
        return future

    def stop(self, timeout: float | None = None) -> None:
        self.runtime.close()  # interrupts backoff and pacing waits
        self._wake.set()
        if timeout is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self.runtime.stop.is_set():
            timeout = None if self._retry_at is None else max(0.0, self._retry_at - time.monotonic())
            self._wake.wait(timeout)
            if self.runtime.stop.is_set():
                break
            with self._lock:
                self._wake.clear()
                jobs, self._jobs = self._jobs, []
                futures, self._waiting = self._waiting, []
                options, self._options = self._options, PassOptions()
            for job, job_future in jobs:
                self._run_job(job, job_future)
            retry_due = self._retry_at is not None and time.monotonic() >= self._retry_at
            if not futures and not retry_due:
                continue
            self._retry_at = None
            report = self._run_safely(options)
            self._plan_follow_up(report)
            # The status first, then the waiters: whoever waited for this pass (a Push now button,
            # a test) must find the status board already telling of it.
            try:
                self._on_report(report)
            except Exception:  # a listener's bug must not stop the lane
                log.exception("sync status listener failed")
            for future in futures:
                future.set_result(report)
        with self._lock:
            futures, self._waiting = self._waiting, []
            futures += [future for _job, future in self._jobs]
            self._jobs = []
        for future in futures:
            future.cancel()

    def _run_job(self, job: Job, future: Future) -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(job(self.runtime))
        except Exception as exc:  # the caller sees it on the Future; the lane lives on
            log.exception("job on channel %s's lane failed", self.channel_id)
            future.set_exception(exc)

    def _run_safely(self, options: PassOptions) -> PassReport:
        started = utcnow()
        try:
            return self._run_pass(self.channel_id, self.runtime, options)
        except Exception as exc:
            # A bug or a database error: report it as this pass's error; the lane lives on.
            log.exception("sync pass for channel %s failed", self.channel_id)
            # The channel's name is unknown here (reading it may be what failed): the board keeps
            # the name it had.
            detail = f"{type(exc).__name__}: {exc}"
            return PassReport(self.channel_id, "", False, options.full, started, utcnow(),
                              errors=(detail,), retry_later=True,
                              failures=(Failure(FailureKind.INTERNAL, detail),))

    def _plan_follow_up(self, report: PassReport) -> None:
        if report.retry_later and not self.runtime.stop.is_set():
            delay = self._retry_delay
            if report.retry_after is not None:  # the channel said when: not before (up to the bound)
                delay = max(delay, min(report.retry_after, MAX_RETRY_AFTER_SECONDS))
            self._retry_at = time.monotonic() + delay
            self.follow_up_in = delay
            log.info("channel %s: next attempt in %.0fs", report.channel, delay)
            self._retry_delay = min(MAX_RETRY_SECONDS, self._retry_delay * 2)
        else:
            self.follow_up_in = None
            self._retry_delay = FIRST_RETRY_SECONDS


class ChannelLanes:
    """The lanes of every channel that has been synced, created on first use."""

    def __init__(self, run_pass: RunPass, on_report: Callable[[PassReport], None]):
        self._run_pass = run_pass
        self._on_report = on_report
        self._lanes: dict[int, ChannelLane] = {}
        self._lock = threading.Lock()
        self._closed = False

    def lane(self, channel_id: int) -> ChannelLane:
        with self._lock:
            if self._closed:
                raise RuntimeError("sync has been shut down")
            lane = self._lanes.get(channel_id)
            if lane is None:
                lane = self._lanes[channel_id] = ChannelLane(channel_id, self._run_pass, self._on_report)
            return lane

    def request(self, channel_id: int, options: PassOptions = PassOptions()) -> Future:
        return self.lane(channel_id).request(options)

    def submit(self, channel_id: int, job: Job) -> Future:
        return self.lane(channel_id).submit(job)

    def stop_all(self, timeout: float = 5.0) -> None:
        with self._lock:
            self._closed = True
            lanes = list(self._lanes.values())
        for lane in lanes:
            lane.stop()
        deadline = time.monotonic() + timeout
        for lane in lanes:
            lane.stop(max(0.0, deadline - time.monotonic()))

