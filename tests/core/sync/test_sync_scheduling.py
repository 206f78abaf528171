"""When passes run: the debounced scheduler, per-channel serial lanes, refusals on hold."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime

from channelmgr.channels.opentravel_responses import OtaIssue, RejectedRange
from channelmgr.sync.acked import ValueCodec
from channelmgr.sync.lanes import ChannelLanes, PassOptions
from channelmgr.sync.ranges import Range, RateCell
from channelmgr.sync.refusals import ParkedRefusals
from channelmgr.sync.report import PassReport, SyncState
from channelmgr.sync.scheduler import SyncScheduler
from channelmgr.sync.status import StatusBoard

NOW = datetime(2026, 6, 1, 10, 0)


def _report(channel_id, **fields):
    return PassReport(channel_id, f"ch{channel_id}", False, False, NOW, NOW, **fields)


def test_a_burst_of_edits_makes_one_pass_within_a_second():
    calls = []
    scheduler = SyncScheduler(lambda: calls.append(time.monotonic()), interval=3600, first_pass_after=3600,
                              debounce=0.1, max_delay=0.8)
    scheduler.start()
    try:
        first = time.monotonic()
        for _ in range(10):  # a bulk edit saved in pieces over ~0.25 s
            scheduler.notify_changed()
            time.sleep(0.025)
        deadline = time.monotonic() + 2
        while not calls and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)
        assert len(calls) == 1
        assert calls[0] - first < 1.0
    finally:
        scheduler.stop()


def test_the_periodic_pass_runs_without_any_notification():
    calls = []
    scheduler = SyncScheduler(lambda: calls.append(1), interval=0.1, first_pass_after=0.0)
    scheduler.start()
    time.sleep(0.35)
    scheduler.stop()
    assert 3 <= len(calls) <= 5
    assert not scheduler.running


def test_requests_arriving_during_a_pass_merge_into_the_next_one():
    started = threading.Event()
    release = threading.Event()
    passes: list[PassOptions] = []

    def run(channel_id, runtime, options):
        passes.append(options)
        started.set()
        release.wait(5)
        return _report(channel_id)

    lanes = ChannelLanes(run, lambda report: None)
    first = lanes.request(1)
    assert started.wait(2)
    later = [lanes.request(1), lanes.request(1, PassOptions(full=True)), lanes.request(1)]
    release.set()
    assert first.result(2).channel_id == 1
    assert len({id(f.result(2)) for f in later}) == 1  # one pass answered all three
    assert passes == [PassOptions(), PassOptions(full=True)]
    lanes.stop_all()


def test_a_slow_channel_never_blocks_another_and_a_failing_pass_never_kills_its_lane():
    slow_release = threading.Event()
    attempts = {2: 0}

    def run(channel_id, runtime, options):
        if channel_id == 1:
            slow_release.wait(5)
        if channel_id == 2:
            attempts[2] += 1
            if attempts[2] == 1:
                raise RuntimeError("database is locked")
        return _report(channel_id)

    reports = []
    lanes = ChannelLanes(run, reports.append)
    slow = lanes.request(1)
    crashed = lanes.request(2).result(2)
    assert crashed.state is SyncState.ERROR and "database is locked" in crashed.errors[0]
    assert lanes.request(2).result(2).in_sync  # the lane lives on
    assert not slow.done()
    slow_release.set()
    assert slow.result(2).in_sync
    lanes.stop_all()
    assert len(reports) == 3


def test_the_status_board_keeps_the_last_success_and_tells_listeners():
    board = StatusBoard()
    seen = []
    unsubscribe = board.subscribe(seen.append)
    board.post(_report(1))
    board.post(_report(1, cells=10, errors=("HTTP 500",)))
    board.post(PassReport(1, "ch1", True, False, NOW, NOW, cells=99))  # a dry run changes no status
    unsubscribe()
    board.post(_report(1))
    assert [s.state for s in seen] == [SyncState.IN_SYNC, SyncState.ERROR]
    assert seen[1].pending_cells == 10 and seen[1].last_success == NOW
    assert board.get(1).state is SyncState.IN_SYNC


def test_refused_cells_are_held_until_acknowledged_expired_or_the_channel_changes():
    clock = [0.0]
    refusals = ParkedRefusals(hold_seconds=60, clock=lambda: clock[0])
    codec = ValueCodec()
    rng = Range(RateCell("R", "X", date(2026, 6, 1), 100, "CNY"), date(2026, 6, 1), date(2026, 6, 3))
    refusals.follow("config-1")
    refusals.park([RejectedRange(rng, (OtaIssue("error", "unknown rate plan code 'X'", "249"),))], codec)
    assert len(refusals.active()) == 3 and "249" in refusals.errors()[0]
    refusals.release([Range(rng.cell, rng.start, rng.start)])
    assert len(refusals.active()) == 2
    refusals.follow("config-1")
    assert len(refusals) == 2
    clock[0] = 61
    assert refusals.active() == {}
    refusals.park([RejectedRange(rng, ())], codec)
    refusals.follow("config-2")  # the owner changed the channel: earlier refusals say nothing now
    assert len(refusals) == 0
