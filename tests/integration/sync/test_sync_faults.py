"""A channel on a bad day: refusals, 500s, resets, 429s, garbage, hostile XML, timeouts, a kill -9.

Every test ends the same way: once the channel behaves, the sandbox shows exactly the desired state
— nothing typed was lost, nothing crashed.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from channelmgr.channels.sandbox import FaultRule, serve
from channelmgr.db.models import AckedState, CalendarDay, PriceOverride, RatePlan, RoomType, SyncLog
from channelmgr.inventory.nights import local_today, utc_now
from channelmgr.sync.report import SyncState
from tests.support.sync_world import ACTOR, build_world, nights, sandbox_listing

ROOT = Path(__file__).resolve().parents[3]


def _edit_prices(world, start, days, price):
    with world.db.session() as s:
        for plan_id in s.scalars(select(RatePlan.id).where(RatePlan.code == "BAR")):
            for night in nights(start, days):
                existing = s.get(PriceOverride, (plan_id, night))
                if existing:
                    existing.price_minor = price
                else:
                    s.add(PriceOverride(rate_plan_id=plan_id, night=night, price_minor=price))


def _close_rooms(world, code, start, days, closed):
    with world.db.session() as s:
        type_id = s.scalar(select(RoomType.id).where(RoomType.code == code))
        for night in nights(start, days):
            s.merge(CalendarDay(room_type_id=type_id, night=night, rooms_closed=closed))


def _log_results(world) -> list[str]:
    with world.db.session() as s:
        return list(s.scalars(select(SyncLog.result).order_by(SyncLog.id)))


def test_refused_items_stay_pending_with_the_error_and_the_rest_is_applied(world, today):
    world.channels.map(ACTOR, world.channel_id, room_type="CQN", rate_plan="BB", remote_room="R-CQN", remote_rate="NOPE")
    report = world.push()
    assert report.state is SyncState.ERROR
    assert report.cells_refused == 2 * 60 and report.pending_cells == 2 * 60  # its prices and restrictions
    assert any("unknown rate plan code 'NOPE'" in e for e in report.errors)
    assert sorted(_log_results(world)) == ["ok", "partial", "partial"]
    desired = world.desired()
    refused = {k for k in desired if k[1:3] == ("R-CQN", "NOPE")}
    assert world.remote() == {k: v for k, v in desired.items() if k not in refused}

    # Automatic passes do not hammer the channel with the same refused values…
    sent = world.requests()
    automatic = world.push(retry_refused=False)
    assert world.requests() == sent and automatic.held_back == 120 and automatic.state is SyncState.ERROR
    # …a push by hand tries again (the owner may have fixed it on the channel's side)…
    assert world.push().cells_refused == 120 and world.requests() == sent + 2
    # …and fixing the mapping converges.
    world.channels.map(ACTOR, world.channel_id, room_type="CQN", rate_plan="BB", remote_room="R-CQN", remote_rate="BB")
    assert world.push(retry_refused=False).in_sync
    assert world.remote() == world.desired()


def test_errors_resets_and_rate_limits_then_recovery_lose_nothing(world, ota, today):
    world.set_settings(max_items_per_request=6)  # many small requests: many chances to fail
    world.push()
    ota.set_faults([FaultRule("error", 0.3), FaultRule("reset", 0.1), FaultRule("rate_limit", 0.1, seconds=0)],
                   seed=11)
    for round_ in range(4):
        _edit_prices(world, today + timedelta(days=3 * round_), 20, 50000 + 1000 * round_)
        _close_rooms(world, "GTW", today + timedelta(days=5 + round_), 10, round_ % 3)
        world.push(retry_refused=False)
    counters = ota.counters("H1")
    assert counters["fault:error"] and counters["fault:reset"] and counters["fault:rate_limit"]

    # The channel goes fully down for the last edit, then recovers; nobody pushes by hand.
    _edit_prices(world, today + timedelta(days=40), 5, 77700)
    ota.set_faults([FaultRule("error")])
    failed = world.push(retry_refused=False)
    assert failed.state is SyncState.ERROR and failed.retry_later and "HTTP 500" in failed.errors[0]
    ota.clear_faults()
    deadline = time.monotonic() + 10
    while world.remote() != world.desired() and time.monotonic() < deadline:
        time.sleep(0.05)  # the lane's own follow-up pass (2 s after the failure) catches up
    assert world.remote() == world.desired()
    assert {"ok", "retryable"} <= set(_log_results(world))
    assert world.sync.statuses.get(world.channel_id).state is SyncState.IN_SYNC


def test_retry_after_is_honoured(world, ota):
    ota.set_faults([FaultRule("rate_limit", count=1, seconds=1)])
    started = time.monotonic()
    report = world.push()
    assert report.in_sync and time.monotonic() - started >= 1.0
    with world.db.session() as s:
        assert s.scalar(select(func.max(SyncLog.attempts))) == 2


def test_the_lane_s_follow_up_pass_waits_as_long_as_the_channel_asks(world, ota):
    # A 429 asking for ten minutes: longer than a pass's retries wait (the push gives up at once),
    # so the pass stops; its follow-up must not come back in 2 s to meet another 429.
    ota.set_faults([FaultRule("rate_limit", count=1, seconds=600)])
    report = world.push()
    assert report.retry_later and report.retry_after == 600.0
    lane = world.sync._lanes_().lane(world.channel_id)
    assert lane.follow_up_in is not None and lane.follow_up_in >= 600.0  # planned before the push resolved
    assert ota.counters(world.hotel_code)["fault:rate_limit"] == 1

    world.ota.set_faults([])  # the channel would answer now, but it asked for ten minutes (test_holds)
    assert world.push().held is not None


def test_a_channel_asking_for_days_is_retried_within_the_lane_s_bound(world, ota):
    from channelmgr.sync import lanes

    ota.set_faults([FaultRule("rate_limit", count=1, seconds=7 * 86400)])
    assert world.push().retry_after == 7 * 86400
    assert world.sync._lanes_().lane(world.channel_id).follow_up_in == lanes.MAX_RETRY_AFTER_SECONDS


def test_garbage_hostile_xml_and_timeouts_never_crash_and_converge(world, ota, today, caplog):
    caplog.set_level(logging.WARNING)
    ota.set_faults([FaultRule("garbage", count=1)])
    assert world.push().in_sync  # an unreadable reply: retried within the pass
    assert "unreadable reply" in caplog.text

    _edit_prices(world, today, 10, 45600)
    # A timeout: only the delayed request may run out of time. With a 0.3 s timeout for every step,
    # ordinary replies on a loaded machine timed out too, and the pass did not converge in time;
    # 1.5 s stays far below the 4 s delay and far above an ordinary round trip.
    world.set_settings(timeout_seconds=1.5)
    ota.set_faults([FaultRule("delay", count=1, seconds=4)])
    assert world.push().in_sync  # a timeout (the channel may still apply it: resending is harmless)
    assert "timed out" in caplog.text

    _edit_prices(world, today, 10, 45700)
    ota.set_faults([FaultRule("hostile", count=1)])
    hostile = world.push()
    assert hostile.state is SyncState.ERROR and "hostile" in hostile.errors[0]
    assert "refused a hostile reply" in caplog.text
    with world.db.session() as s:
        assert s.scalar(select(SyncLog.result).order_by(SyncLog.id.desc())) == "fatal"
    assert world.push().in_sync
    assert world.remote() == world.desired()


def test_killing_the_process_mid_push_loses_nothing(db, tmp_path):
    # A subprocess runs `channelmgr sync` on the real clock, so the sandbox uses the property's today.
    today = local_today("Asia/Shanghai", utc_now())
    ota = serve(listings=[sandbox_listing(horizon_days=150)], today=lambda: today)
    world = build_world(db, ota, today, clock=utc_now, max_items_per_request=3)  # one range per request
    try:
        total = len(world.desired())
        ota.set_faults([FaultRule("delay", seconds=0.15)])  # a slow channel: the kill lands mid-push
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        child = subprocess.Popen([sys.executable, "-m", "channelmgr", "--db", db.url, "sync"], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while _logged(world) < 4 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL
        with world.db.session() as s:
            acked_before = s.scalar(select(func.count()).select_from(AckedState))
        assert 0 < acked_before < total  # some requests were confirmed and recorded, not all

        ota.clear_faults()
        report = world.push()
        assert report.in_sync
        assert report.cells == total - acked_before  # only what was not acknowledged is sent again
        assert world.remote() == world.desired()
    finally:
        world.sync.shutdown()
        ota.stop()


def _logged(world) -> int:
    with world.db.session() as s:
        return s.scalar(select(func.count()).select_from(SyncLog))
