"""Sync against the sandbox OTA over real HTTP: the channel ends up showing the desired state."""

from __future__ import annotations

import time
from datetime import timedelta

from sqlalchemy import select

from channelmgr.channels.opentravel_messages import elements_per_range
from channelmgr.db.models import AckedState, CalendarDay, PriceOverride, RatePlan, Reservation, RoomType, SyncLog
from channelmgr.sync.ranges import AvailCell, RateCell, RestrictionCell, minimum_requests
from channelmgr.sync.report import SyncState
from tests.support.sync_world import ACTOR, ROOM_CODES, nights
from tests.support.actors import TEST_ACTOR


def _type_id(world, code):
    with world.db.session() as s:
        return s.scalar(select(RoomType.id).where(RoomType.code == code))


def _plan_ids(world, plan_code):
    with world.db.session() as s:
        return list(s.scalars(select(RatePlan.id).where(RatePlan.code == plan_code)))


def _wait_until(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def test_first_pass_makes_the_channel_show_the_desired_state_on_every_night(world, today):
    report = world.push()
    assert report.state is SyncState.IN_SYNC, report.errors
    desired = world.desired()
    assert len(desired) == 60 * (6 + 12 + 12)  # availability per room type, rate and restriction per plan
    assert world.remote() == desired
    assert report.cells_acknowledged == len(desired) and report.requests_sent == report.requests_planned == 3
    remote = world.remote()
    # Independent spot checks, from the demo's facts rather than from the engine:
    # LKV has 4 rooms; 王芳 (arrived yesterday, 3 nights) and Emily (today, 2 nights) hold two tonight.
    assert remote[("avail", "R-LKV", "", today)] == (2,)
    assert remote[("avail", "R-LKV", "", today + timedelta(days=2))] == (4,)
    assert remote[("rate", "R-LKV", "BAR", today)] == (58800, "CNY")
    assert remote[("rate", "R-LKV", "BB", today)] == (62800, "CNY")  # breakfast plan: parent + ¥40
    assert remote[("restriction", "R-LKV", "BAR", today)] == (False, False, False, 1, None)
    with world.db.session() as s:
        assert s.query(AckedState).count() == len(desired)
        assert [row.result for row in s.query(SyncLog)] == ["ok", "ok", "ok"]


def test_a_bulk_calendar_and_price_edit_reaches_the_channel_within_a_second(world, today):
    world.push()
    before = world.requests()
    world.sync.start(interval=3600, first_pass_after=3600)  # only the edit's notification can start a pass
    window = nights(today + timedelta(days=10), 31)
    bar_plans = _plan_ids(world, "BAR")
    with world.db.session() as s:
        for code in ROOM_CODES:
            type_id = s.scalar(select(RoomType.id).where(RoomType.code == code))
            for night in window:
                s.add(CalendarDay(room_type_id=type_id, night=night, rooms_closed=1,
                                  min_stay=2 if night.weekday() >= 4 else None))
        for plan_id in bar_plans:
            for night in window[10:]:
                s.add(PriceOverride(rate_plan_id=plan_id, night=night, price_minor=66600))
    desired = world.desired()
    remote = world.remote()
    changed = {key: value for key, value in desired.items() if remote.get(key) != value}
    assert changed, "the edit must change what the channel should show"

    edited = time.monotonic()
    world.sync.notify_changed()
    assert _wait_until(lambda: world.remote() == desired, timeout=5)
    assert time.monotonic() - edited < 2.0

    # Fewest requests: what the engine sent is the minimum after coalescing the difference.
    cells = []
    for (kind, room, rate, night), value in changed.items():
        if kind == "avail":
            cells.append(AvailCell(room, night, *value))
        elif kind == "rate":
            cells.append(RateCell(room, rate, night, *value))
        else:
            cells.append(RestrictionCell(room, rate, night, *value))
    expected = minimum_requests(cells, 100, items_per_range=elements_per_range, weekday_patterns=True)
    assert _wait_until(lambda: world.requests() - before == expected, timeout=2)
    assert expected < len({(k[0], k[3]) for k in changed}) / 5  # far fewer than one request per night


def test_restriction_semantics_buffer_and_channel_stop_sell(world, today):
    n = lambda days: today + timedelta(days=days)  # noqa: E731
    world.restrict_sample_nights("LKV")
    world.set_settings(buffer_rooms=1)
    assert world.push().in_sync
    remote = world.remote()
    for plan in ("BAR", "BB"):  # the room type's restrictions apply to each of its rates
        assert remote[("restriction", "R-LKV", plan, n(3))] == (True, False, False, 1, None)
        assert remote[("restriction", "R-LKV", plan, n(4))] == (False, True, False, 1, None)
        assert remote[("restriction", "R-LKV", plan, n(5))] == (False, False, True, 1, None)
        assert remote[("restriction", "R-LKV", plan, n(6))] == (False, False, False, 2, 5)
        assert remote[("restriction", "R-LKV", plan, n(8))] == (False, False, False, 1, None)
    assert remote[("avail", "R-LKV", "", n(3))] == (0,)      # calendar stop-sell: nothing to sell
    assert remote[("avail", "R-LKV", "", n(7))] == (0,)      # 4 rooms − 3 closed − buffer 1
    assert remote[("avail", "R-LKV", "", n(8))] == (3,)      # 4 rooms − buffer 1
    assert remote[("avail", "R-GTW", "", n(20))] == (2,)     # 3 rooms − buffer 1

    world.set_settings(stop_sell=True)
    assert world.push().in_sync
    remote = world.remote()
    for key, value in remote.items():
        if key[0] == "avail":
            assert value == (0,), key
        elif key[0] == "restriction":
            assert value[0] is True, key  # Master closed
    world.set_settings(stop_sell=False)
    assert world.push().in_sync
    assert world.remote() == world.desired()
    assert world.remote()[("restriction", "R-GTW", "BAR", n(20))] == (False, False, False, 1, None)


def test_a_cancelled_booking_frees_the_room_on_the_channel(world, today):
    world.push()
    with world.db.session() as s:
        booking = s.scalar(select(Reservation).where(Reservation.guest_name == "Emily Carter"))
        booking.status = "cancelled"
    report = world.push()
    assert report.in_sync and report.cells == 2  # her two nights, nothing else
    assert world.remote()[("avail", "R-LKV", "", today)] == (3,)


def test_dry_run_sends_nothing_and_full_resync_resends_everything(world):
    preview = world.sync.dry_run(world.channel_id)
    assert preview.dry_run and preview.requests_planned == 3 and preview.cells == 1800
    assert {g.kind for g in preview.groups} == {"avail", "rate", "restriction"}
    assert sum(g.cells for g in preview.groups) == preview.cells
    assert world.requests() == 0
    with world.db.session() as s:
        assert s.query(AckedState).count() == 0 and s.query(SyncLog).count() == 0

    world.push()
    assert world.sync.dry_run(world.channel_id).cells == 0
    assert world.push().requests_sent == 0  # in sync: a pass sends nothing at all
    sent = world.requests()
    full_preview = world.sync.dry_run(world.channel_id, full=True)
    assert full_preview.cells == 1800 and world.requests() == sent
    with world.db.session() as s:
        assert s.query(AckedState).count() == 1800  # a full dry run forgets nothing

    report = world.sync.full_resync(world.channel_id, actor=TEST_ACTOR).result(timeout=30)
    assert report.full and report.in_sync and report.cells_acknowledged == 1800
    assert world.requests() == sent + 3
    assert world.remote() == world.desired()


def test_unmapped_room_types_and_plans_are_reported_never_skipped_in_silence(world):
    world.channels.unmap(ACTOR, world.channel_id, room_type="CQN", rate_plan="BB")
    world.channels.unmap(ACTOR, world.channel_id, room_type="CQN", rate_plan="BAR")
    world.channels.unmap(ACTOR, world.channel_id, room_type="CQN")
    world.channels.unmap(ACTOR, world.channel_id, room_type="RTS", rate_plan="BB")
    report = world.push()
    codes = {(w.code, w.room_type, w.rate_plan) for w in report.warnings}
    assert codes == {("room_type_unmapped", "CQN", None), ("rate_plan_unmapped", "RTS", "BB")}
    assert report.in_sync  # warnings are not errors: what is mapped is in sync
    assert not any(key[1] == "R-CQN" for key in world.remote())
    assert not any(key[1:3] == ("R-RTS", "BB") for key in world.remote())
    assert world.sync.dry_run(world.channel_id).warnings == report.warnings
