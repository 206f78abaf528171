"""A channel that answered 429 with Retry-After gets nothing before then — from the scheduler, from
Push now, after a restart — and every pass it skips says why and until when.

The sandbox OTA on 127.0.0.1 answers the 429; the engine's clock is moved on by hand instead of
waiting ten minutes.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future

from sqlalchemy import select

from channelmgr.channels.sandbox import FaultRule
from channelmgr.db.models import SyncLog
from channelmgr.inventory.service import InventoryService
from channelmgr.sync.hold import HOLD_MESSAGE
from channelmgr.sync.service import SyncService
from tests.support.actors import TEST_ACTOR
from tests.support.sync_world import FAST_RETRY, MovableClock, build_world

from .conftest import TODAY


def _rate_limited_world(db, ota, seconds=600):
    clock = MovableClock(TODAY)
    world = build_world(db, ota, TODAY, clock=clock)
    ota.set_faults([FaultRule("rate_limit", count=1, seconds=seconds)])
    first = world.push()
    assert first.retry_after == seconds and first.held is not None
    ota.set_faults([])  # the channel would answer now: only its Retry-After keeps us away
    return world, clock, first


def test_push_now_sends_nothing_before_the_channel_s_time_and_says_when(db, ota):
    world, clock, first = _rate_limited_world(db, ota)
    try:
        sent = world.requests()
        assert first.hold_line("zh").startswith("sandbox 要求 600 秒后再试，下次推送 ")
        assert first.hold_line("en").startswith("sandbox asks to wait 600 s: next push at ")

        clock.advance(599)
        held = world.push()
        assert world.requests() == sent  # the OTA was not asked again
        assert held.held == first.held and not held.in_sync and held.pending_cells > 0
        assert 0 < held.retry_after <= 1  # the lane's follow-up comes when the wait is over
        assert world.sync.statuses.get(world.channel_id).held == first.held  # the status line says it
        assert world.sync.dry_run(world.channel_id).held == first.held  # and the preview before Push now

        clock.advance(1)
        done = world.push()
        assert done.in_sync and done.held is None and world.requests() > sent
        assert world.remote() == world.desired()
    finally:
        world.sync.shutdown()


def test_scheduled_passes_skip_the_channel_and_the_log_states_the_wait(db, ota):
    world, clock, first = _rate_limited_world(db, ota)
    try:
        sent = world.requests()
        posted = threading.Event()
        unsubscribe = world.sync.statuses.subscribe(lambda status: posted.set())
        world.sync.start(interval=3600, first_pass_after=0, channel_ids=[world.channel_id])
        assert posted.wait(30)  # the scheduler's first pass has run (and reported)
        unsubscribe()
        status = world.sync.statuses.get(world.channel_id)
        assert status.held == first.held and status.pending_cells > 0
        assert world.requests() == sent
        with world.db.session() as s:
            notes = s.scalars(select(SyncLog).where(SyncLog.message == HOLD_MESSAGE)).all()
        assert len(notes) == 1 and notes[0].result == "note"  # once per 429, not once per skipped pass
        assert notes[0].error == first.hold_line("en")
        entry = next(e for e in world.sync.log(InventoryService(world.db).property_id(None)) if e.message == HOLD_MESSAGE)
        assert entry.hold == first.held  # the desk words the row from this, in its language
    finally:
        world.sync.shutdown()


def test_the_wait_outlives_a_restart(db, ota):
    world, clock, first = _rate_limited_world(db, ota)
    world.sync.shutdown()
    sent = world.requests()
    restarted = SyncService(world.db, clock=clock, retry=FAST_RETRY)
    try:
        report = restarted.push(world.channel_id, actor=TEST_ACTOR).result(timeout=60)
        assert report.held == first.held and world.requests() == sent
        clock.advance(600)
        assert restarted.push(world.channel_id, actor=TEST_ACTOR).result(timeout=60).in_sync
    finally:
        restarted.shutdown()


def test_a_channel_asking_for_days_is_held_within_the_bound(db, ota):
    world, clock, first = _rate_limited_world(db, ota, seconds=7 * 86400)
    try:
        assert first.held.asked_seconds == 7 * 86400
        clock.advance(3600)  # MAX_RETRY_AFTER_SECONDS: a misbehaving header does not park it for a week
        assert world.push().in_sync
    finally:
        world.sync.shutdown()


def _reads(ota, world) -> int:
    """Reservation reads (OTA_ReadRQ) the sandbox listing received."""
    listing = ota.listing(world.hotel_code)
    with listing.lock:
        return listing.counters["message:OTA_Read"]


def test_reservation_pulls_wait_too(db, ota):
    """A pull is a request like any other: during the hold the channel is not asked for bookings."""
    world, clock, first = _rate_limited_world(db, ota)
    try:
        asked = _reads(ota, world)
        clock.advance(300)
        held = world.sync.pull_reservations(world.channel_id, actor=TEST_ACTOR).result(timeout=60)
        assert held.held == first.held and held.received == 0 and held.ok
        assert _reads(ota, world) == asked  # the OTA was not asked for bookings
        assert "asks to wait 600 s" in held.summary()
        clock.advance(300)
        pulled = world.sync.pull_reservations(world.channel_id, actor=TEST_ACTOR).result(timeout=60)
        assert pulled.held is None and pulled.ok and _reads(ota, world) == asked + 1
    finally:
        world.sync.shutdown()


def test_a_429_met_by_a_pull_holds_the_pushes(db, ota):
    clock = MovableClock(TODAY)
    world = build_world(db, ota, TODAY, clock=clock)
    try:
        assert world.push().in_sync
        ota.set_faults([FaultRule("rate_limit", count=1, seconds=900)])
        pulled = world.sync.pull_reservations(world.channel_id, actor=TEST_ACTOR).result(timeout=60)
        assert not pulled.ok and pulled.held is not None and pulled.held.asked_seconds == 900
        ota.set_faults([])
        sent = world.requests()
        pushed = world.sync.push(world.channel_id, actor=TEST_ACTOR, full=True).result(timeout=60)
        assert pushed.held == pulled.held and world.requests() == sent  # the full resync waits as well
    finally:
        world.sync.shutdown()


def test_scheduled_drift_audits_wait_too(db, ota):
    world, clock, first = _rate_limited_world(db, ota)
    try:
        done: Future = Future()
        done.set_result(None)  # the scheduler's pass for the channel is over
        assert world.sync.drift.run_due({world.channel_id: done}) == []  # held: not read, still due
        clock.advance(600)
        assert world.sync.drift.run_due({world.channel_id: done}) == [world.channel_id]
    finally:
        world.sync.shutdown()
