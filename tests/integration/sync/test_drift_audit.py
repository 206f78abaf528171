"""The drift audit over real HTTP: push to the sandbox, change the sandbox behind the app's back,
and the audit finds exactly that — then "push again" and "accept theirs" settle it."""

from __future__ import annotations

import time
from concurrent.futures import Future
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from channelmgr.actor import SYSTEM, Actor
from channelmgr.channels.errors import FailureKind
from channelmgr.channels.sandbox import FaultRule
from channelmgr.db.models import (AckedState, AuditEntry, CalendarDay, Channel, PriceOverride, RatePlan, Reservation,
                                  RoomType, SyncLog)
from channelmgr.errors import UserError
from channelmgr.ical.service import IcalImportService
from channelmgr.inventory.availability import HOLDING_STATUSES
from channelmgr.security.demo_accounts import add_demo_accounts
from channelmgr.security.roles import PermissionDenied
from channelmgr.sync.drift import AuditStatus
from channelmgr.sync.drift_actions import accept_cause
from channelmgr.sync.hold import release
from channelmgr.sync.service import SyncService
from tests.support.actors import TEST_ACTOR
from tests.support.sync_world import FAST_RETRY

WAIT = 30


def audit(world):
    return world.sync.drift.audit(world.channel_id).result(timeout=WAIT)


def night(world, days: int):
    return world.today + timedelta(days=days)


def plant(world, fn) -> None:
    """Change what the sandbox listing shows, as someone on the OTA's extranet would."""
    listing = world.ota.listing("H1")
    with listing.lock:
        fn(listing)


def their_price(world, room: str, rate: str, day) -> int:
    listing = world.ota.listing("H1")
    with listing.lock:
        return listing.prices[(room, rate, None, day)][0]


def _ids(world, code: str, plan: str | None = None) -> tuple[int, int | None]:
    with world.db.session() as s:
        type_id = s.scalar(select(RoomType.id).where(RoomType.code == code))
        plan_id = s.scalar(select(RatePlan.id).where(RatePlan.room_type_id == type_id, RatePlan.code == plan)) if plan else None
    return type_id, plan_id


def calendar_day(world, code: str, day) -> CalendarDay | None:
    type_id, _ = _ids(world, code)
    with world.db.session() as s:
        row = s.scalar(select(CalendarDay).where(CalendarDay.room_type_id == type_id, CalendarDay.night == day))
        if row is not None:
            s.expunge(row)
        return row


def acked_rows(world) -> int:
    with world.db.session() as s:
        return s.scalar(select(func.count()).select_from(AckedState).where(AckedState.channel_id == world.channel_id))


def test_an_audit_right_after_a_push_is_clean_and_recorded(world):
    assert world.push().in_sync
    report = audit(world)
    assert report.status is AuditStatus.CLEAN, report.differences[:3]
    assert report.cells_compared == len(world.desired()) > 0
    [run] = world.sync.drift.last_runs(1).values()
    assert (run.status, run.differences) == (AuditStatus.CLEAN, 0)
    assert f"{report.cells_compared} cells compared, no difference" in run.text


def test_a_price_changed_on_the_channel_is_found_exactly_and_push_again_restores_ours(world):
    world.push()
    day = night(world, 5)
    ours = their_price(world, "R-GTW", "BAR", day)
    plant(world, lambda listing: listing.set_price("R-GTW", "BAR", None, [day], ours + 1000, "CNY"))

    report = audit(world)
    assert report.status is AuditStatus.DIFFERENCES
    [drift] = report.differences
    assert (drift.room_type, drift.rate_plan, drift.night, drift.field) == ("GTW", "BAR", day, "price")
    assert (drift.ours, drift.theirs, drift.pending) == (ours, ours + 1000, False)

    pushed = world.sync.drift.push_again(world.channel_id, [drift], actor=TEST_ACTOR).result(timeout=WAIT)
    assert pushed.cells_acknowledged == 1  # exactly the cell forgotten, nothing else resent
    assert their_price(world, "R-GTW", "BAR", day) == ours
    assert audit(world).status is AuditStatus.CLEAN


def test_restrictions_and_rooms_changed_on_the_channel_are_listed_per_field(world):
    world.push()
    day = night(world, 9)
    plant(world, lambda listing: listing.set_restrictions("R-FAM", "BB", [day], {"min_stay": 3, "ctd": True}))
    plant(world, lambda listing: listing.set_count("R-FAM", [day], 0))
    ours_count = world.desired()[("avail", "R-FAM", "", day)][0]

    report = audit(world)
    found = {(d.key[0], d.rate_plan, d.field, d.ours, d.theirs) for d in report.differences}
    assert found == {("avail", None, "availability", ours_count, 0), ("restriction", "BB", "min_stay", 1, 3),
                     ("restriction", "BB", "ctd", False, True)}
    assert {d.night for d in report.differences} == {day}


def test_accept_theirs_writes_their_price_into_our_calendar_and_the_audit_trail_says_so(world):
    world.push()
    day = night(world, 12)
    theirs = their_price(world, "R-GTW", "BB", day) + 2000
    plant(world, lambda listing: listing.set_price("R-GTW", "BB", None, [day], theirs, "CNY"))
    report = audit(world)
    [drift] = report.differences

    result = world.sync.drift.accept_theirs(report, [drift], actor=TEST_ACTOR)
    assert result.accepted == (drift,) and result.skipped == () and result.still_different == ()
    _, plan_id = _ids(world, "GTW", "BB")
    with world.db.session() as s:
        assert s.scalar(select(PriceOverride.price_minor).where(PriceOverride.rate_plan_id == plan_id,
                                                                PriceOverride.night == day)) == theirs
        trail = s.execute(select(AuditEntry.action, AuditEntry.cause).where(AuditEntry.entity == "calendar").order_by(AuditEntry.id.desc()).limit(1)).one()
    assert tuple(trail) == ("drift_accept", accept_cause("sandbox")) == ("drift_accept", "渠道核对：采用 sandbox 的值")
    assert audit(world).status is AuditStatus.CLEAN  # ours is now theirs: nothing left to settle


def test_accept_theirs_with_a_markup_finds_the_calendar_price_behind_their_price(world):
    world.set_settings(markup_percent="10")
    world.push()
    day = night(world, 3)
    plant(world, lambda listing: listing.set_price("R-GTW", "BAR", None, [day], 55000, "CNY"))
    report = audit(world)
    [drift] = report.differences
    assert world.sync.drift.accept_theirs(report, [drift], actor=TEST_ACTOR).still_different == ()
    _, plan_id = _ids(world, "GTW", "BAR")
    with world.db.session() as s:
        assert s.scalar(select(PriceOverride.price_minor).where(PriceOverride.rate_plan_id == plan_id,
                                                                PriceOverride.night == day)) == 50000  # × 1.1
    # BB follows BAR (a derived plan): our new BAR price moved it too, and accepting sent it.
    assert world.desired()[("rate", "R-GTW", "BB", day)] == (their_price(world, "R-GTW", "BB", day), "CNY")
    assert audit(world).status is AuditStatus.CLEAN


def test_accept_theirs_for_restrictions_and_rooms_to_sell_sets_the_calendar(world):
    world.push()
    day = night(world, 7)
    ours_count = world.desired()[("avail", "R-FAM", "", day)][0]
    assert ours_count >= 1
    plant(world, lambda listing: listing.set_count("R-FAM", [day], ours_count - 1))
    plant(world, lambda listing: [listing.set_restrictions("R-FAM", rate, [day], {"min_stay": 2, "cta": True})
                                  for rate in ("BAR", "BB")])
    report = audit(world)
    assert len(report.differences) == 5  # rooms, and min stay + CTA on each of the two plans

    result = world.sync.drift.accept_theirs(report, list(report.differences), actor=TEST_ACTOR)
    assert len(result.accepted) == 3 and result.skipped == ()  # the two plans share the room type's calendar
    row = calendar_day(world, "FAM", day)
    assert (row.min_stay, row.closed_to_arrival, row.rooms_closed) == (2, True, 1)
    assert audit(world).status is AuditStatus.CLEAN


def test_accept_theirs_refuses_what_cannot_be_ours_and_changes_nothing_for_it(world):
    world.push()
    day = night(world, 4)
    count = world.desired()[("avail", "R-GTW", "", day)][0]
    plant(world, lambda listing: listing.set_count("R-GTW", [day], count + 5))  # more rooms than we have
    report = audit(world)
    [drift] = report.differences
    result = world.sync.drift.accept_theirs(report, [drift], actor=TEST_ACTOR)
    assert result.changes is None and result.accepted == ()
    [skipped] = result.skipped
    assert f"the channel shows {count + 5} rooms" in skipped.reason and "渠道显示" in skipped.reason_zh
    assert calendar_day(world, "GTW", day) is None


def test_a_viewer_may_not_accept_theirs(world):
    world.push()
    day = night(world, 2)
    plant(world, lambda listing: listing.set_restrictions("R-GTW", "BAR", [day], {"stop_sell": True}))
    report = audit(world)
    with world.db.session() as s:
        add_demo_accounts(s, SYSTEM)
    with pytest.raises(PermissionDenied):
        world.sync.drift.accept_theirs(report, list(report.differences), actor=Actor("viewer", role="viewer"))
    assert calendar_day(world, "GTW", day) is None
    owner = Actor("owner", role="administrator")
    world.sync.drift.accept_theirs(report, list(report.differences), actor=owner)
    assert calendar_day(world, "GTW", day).stop_sell is True


def test_a_failing_read_back_is_a_clear_failure_and_changes_nothing(world):
    world.push()
    acked = acked_rows(world)
    world.ota.set_faults([FaultRule("hostile", 1.0)])
    report = audit(world)
    assert report.status is AuditStatus.FAILED and report.differences == ()
    assert report.failure.kind is FailureKind.BAD_REPLY and "hostile" in report.failure.detail

    world.ota.clear_faults()
    world.ota.stop()  # the server is gone: nothing listens on the port any more
    world.sync.shutdown()  # and the lane's keep-alive connection to it with it
    report = audit(world)
    assert report.status is AuditStatus.FAILED
    assert report.failure.kind is FailureKind.CONNECTION_REFUSED
    assert "OTA_HotelAvailGetRQ" in report.failure.detail or "connection" in report.failure.detail
    assert acked_rows(world) == acked
    with world.db.session() as s:
        assert s.scalar(select(SyncLog.message).order_by(SyncLog.id.desc()).limit(1)) == "audit:failed"


class _NoReadAdapter:
    """A protocol whose channel offers no read (its adapter says so by not setting reads_back)."""

    protocol = "noread"
    pushes = True

    def check_endpoint(self, endpoint: str) -> None:
        pass


NO_READ_ADAPTER = _NoReadAdapter()


def test_a_channel_whose_protocol_cannot_be_read_back_is_reported_so_never_clean(world, monkeypatch):
    from channelmgr.channels import adapter

    monkeypatch.setitem(adapter._ADAPTERS, "noread", f"{__name__}:NO_READ_ADAPTER")
    with world.db.session() as s:
        s.get(Channel, world.channel_id).protocol = "noread"
    report = audit(world)
    assert report.status is AuditStatus.CANNOT_READ_BACK and report.cells_compared == 0
    assert report.reason == "the noread protocol offers no read of what the channel shows"
    assert world.sync.drift.last_runs(1)[world.channel_id].status is AuditStatus.CANNOT_READ_BACK
    assert world.ota.counters("H1") == {}  # nothing was asked of any channel


def test_an_ical_feed_imported_from_a_file_cannot_be_read_back(world, db):
    body = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nEND:VCALENDAR\r\n"
    IcalImportService(db, world.clock).import_feed(1, "GTW", "airbnb", body, TEST_ACTOR)
    report = world.sync.drift.audit(_channel_id(db, "ical:airbnb")).result(timeout=WAIT)
    assert report.status is AuditStatus.CANNOT_READ_BACK and "imported from a file" in report.reason


def _channel_id(db, name: str) -> int:
    with db.session() as s:
        return s.scalar(select(Channel.id).where(Channel.name == name))


def _held(db, channel_id: int) -> list[tuple]:
    with db.session() as s:
        return s.execute(select(Reservation.remote_id, Reservation.arrival, Reservation.departure).where(
            Reservation.channel_id == channel_id, Reservation.status.in_(HOLDING_STATUSES))).all()


def test_an_ical_channel_is_audited_from_its_feed_and_accepting_theirs_imports_it(world, db):
    url = f"{world.ota.url}/ical/H1/R-GTW.ics"
    IcalImportService(db, world.clock).import_url(1, "GTW", "abb", url, TEST_ACTOR)
    channel_id = _channel_id(db, "ical:abb")
    assert world.sync.drift.audit(channel_id).result(timeout=WAIT).status is AuditStatus.CLEAN

    arrival = night(world, 10)
    remote_id = world.ota.book("H1", "R-GTW", "BAR", arrival, arrival + timedelta(days=2))  # not polled yet
    report = world.sync.drift.audit(channel_id).result(timeout=WAIT)
    assert [(d.night, d.field, d.ours, d.theirs) for d in report.differences] == [
        (arrival, "blocked", False, True), (arrival + timedelta(days=1), "blocked", False, True)]

    result = world.sync.drift.accept_theirs(report, list(report.differences), actor=TEST_ACTOR)
    assert len(result.accepted) == 2 and result.still_different == ()
    assert [(a, d) for _uid, a, d in _held(db, channel_id)] == [(arrival, arrival + timedelta(days=2))]
    assert world.sync.drift.audit(channel_id).result(timeout=WAIT).status is AuditStatus.CLEAN
    with db.session() as s:
        causes = set(s.scalars(select(AuditEntry.cause).where(AuditEntry.cause == accept_cause("ical:abb"))))
    assert causes == {"渠道核对：采用 ical:abb 的值"}

    world.ota.cancel("H1", remote_id)  # gone from the feed; the poll has not run
    report = world.sync.drift.audit(channel_id).result(timeout=WAIT)
    assert {(d.night, d.ours, d.theirs) for d in report.differences} == {
        (arrival, True, False), (arrival + timedelta(days=1), True, False)}
    with pytest.raises(UserError, match="nothing can be pushed"):
        world.sync.drift.push_again(channel_id, list(report.differences), actor=TEST_ACTOR)


def test_the_scheduler_audits_a_channel_when_due_and_not_again_before_its_period(world):
    world.set_settings(audit_every_hours=1)

    def audits() -> int:
        with world.db.session() as s:
            return s.scalar(select(func.count()).select_from(SyncLog).where(SyncLog.message.like("audit:%")))

    world.sync.start(interval=0.1, first_pass_after=0.0, channel_ids=[world.channel_id])
    deadline = time.monotonic() + WAIT
    while audits() == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert audits() == 1
    time.sleep(0.6)  # several more rounds of the scheduler: the hour has not passed
    assert audits() == 1
    # Nothing was pushed before the scheduler started: its first pass ran before the audit, which
    # therefore compares a channel brought in line, not edits still on their way.
    assert world.sync.drift.last_report(world.channel_id).status is AuditStatus.CLEAN


def test_an_audit_period_of_zero_switches_the_scheduled_audit_off(world):
    world.set_settings(audit_every_hours=0)
    done: Future = Future()
    done.set_result(None)
    assert world.sync.drift.run_due({world.channel_id: done}) == []


def test_accept_theirs_reports_exactly_the_sibling_its_push_could_not_send(world):
    # BB follows BAR (a derived plan): taking BAR's price over moves BB, which only the pass after
    # the accept can send. The channel turns that pass away (429, back in ten minutes: longer than
    # the retry waits), so the one audit after it finds BB — and only BB — still different.
    # The lane's own follow-up pass honours the same Retry-After (it used to come 2 s after the
    # failed pass and, on a slow machine, could send BB before the audit ran).
    world.set_settings(markup_percent="10")
    world.push()
    day = night(world, 3)
    old_bb = their_price(world, "R-GTW", "BB", day)
    plant(world, lambda listing: listing.set_price("R-GTW", "BAR", None, [day], 55000, "CNY"))
    report = audit(world)
    [drift] = report.differences
    world.ota.set_faults([FaultRule("rate_limit", count=1, seconds=600)])

    result = world.sync.drift.accept_theirs(report, [drift], actor=TEST_ACTOR)
    assert result.accepted == (drift,)
    new_bb = world.desired()[("rate", "R-GTW", "BB", day)][0]
    assert new_bb != old_bb == their_price(world, "R-GTW", "BB", day)  # the pass sent nothing
    [left] = result.still_different
    assert (left.room_type, left.rate_plan, left.night, left.field) == ("GTW", "BB", day, "price")
    assert (left.ours, left.theirs, left.pending) == (new_bb, old_bb, True)  # the next pass sends it
    assert result.audit.differences == result.still_different
    assert world.sync.drift.last_report(world.channel_id) == result.audit
    assert world.sync._lanes_().lane(world.channel_id).follow_up_in >= 600  # not before the channel said
    assert world.push().held is not None  # nor a push by hand (test_retry_after_hold)
    with world.db.session() as s:
        release(s, world.channel_id)  # the ten minutes are over
    assert world.push().in_sync and audit(world).status is AuditStatus.CLEAN


def test_a_429_on_the_read_back_is_retried_and_the_audit_comes_back_clean(world):
    assert world.push().in_sync
    before = world.ota.counters("H1")
    world.ota.set_faults([FaultRule("rate_limit", count=1, seconds=0)])  # 429, Retry-After: 0
    report = audit(world)
    assert report.status is AuditStatus.CLEAN, report.failure
    assert report.cells_compared == len(world.desired())
    # The first read was turned away and asked again; the second read went through at once.
    reads = {name: n - before.get(name, 0) for name, n in world.ota.counters("H1").items()
             if name.startswith(("fault:", "message:OTA_HotelAvailGet", "message:OTA_HotelRatePlan"))}
    assert reads == {"fault:rate_limit": 1, "message:OTA_HotelAvailGet": 2, "message:OTA_HotelRatePlan": 1}


def test_the_differences_outlive_a_restart_and_can_still_be_settled(world):
    # The desk's list of differences came from memory: after a restart it was empty until the
    # channel was read again. The sync log keeps the last audit's report now.
    world.push()
    day = night(world, 6)
    ours = their_price(world, "R-GTW", "BAR", day)
    plant(world, lambda listing: listing.set_price("R-GTW", "BAR", None, [day], ours + 1500, "CNY"))
    plant(world, lambda listing: listing.set_restrictions("R-FAM", "BB", [day], {"min_stay": 3}))
    found = audit(world)
    assert len(found.differences) == 2
    world.sync.shutdown()

    restarted = SyncService(world.db, clock=world.sync.engine.clock, retry=FAST_RETRY)
    try:
        kept = restarted.drift.last_report(world.channel_id)
        assert kept == found  # status, time, window, counts, failure, and every difference field for field
        price = next(d for d in kept.differences if d.field == "price")
        result = restarted.drift.accept_theirs(kept, [price], actor=TEST_ACTOR)
        assert result.accepted == (price,)
        assert [d.field for d in result.still_different] == ["min_stay"]
    finally:
        restarted.shutdown()
