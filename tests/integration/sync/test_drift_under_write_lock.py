"""Accept theirs plans from what is committed when it writes, like a bulk edit does.

The race with two desks on one database: desk A sets min stay 2 on a night and is about to commit;
desk B, on the channels page, accepts the channel's min stay 3 for that night. If B's read is not
held back, B plans from before A's commit: it writes 3 over A's 2 without knowing, its change set
and the audit trail (what cell details show) say "none → 3", and undoing it later writes back
"none" instead of A's 2.

A is the real BulkEditService.apply, held between its plan and its write (at the price guard);
B is the real DriftService.accept_theirs on a real audit of a sandbox channel on 127.0.0.1, its
meeting point the same step of its own (tests/support/desk_race.py).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from channelmgr.db.engine import open_database
from channelmgr.db.models import RoomType
from channelmgr.inventory import bulk_edit
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
from channelmgr.inventory.calendar_services import CalendarServices
from channelmgr.sync import drift_actions
from tests.support.actors import TEST_ACTOR
from tests.support.desk_race import WAIT, DeskRace, postgres_b_waits, sqlite_b_waits
from tests.support.sync_world import build_world


def _race(world, monkeypatch, b_waits):
    calendar = CalendarServices(world.db, clock=world.clock)
    night = world.today + timedelta(days=7)
    world.push()
    listing = world.ota.listing("H1")
    with listing.lock:  # their min stay changed on the channel's extranet
        for rate in ("BAR", "BB"):
            listing.set_restrictions("R-FAM", rate, [night], {"min_stay": 3})
    report = world.sync.drift.audit(world.channel_id).result(timeout=WAIT)
    assert {(d.field, d.theirs) for d in report.differences} == {("min_stay", 3)}
    with world.db.session() as s:
        fam = s.scalar(select(RoomType).where(RoomType.code == "FAM"))
        property_id, fam_id = fam.property_id, fam.id

    race = DeskRace(b_waits)
    for module in (bulk_edit, drift_actions):  # each desk's step between its plan and its write
        monkeypatch.setattr(module, "check_typed_prices", race.between_plan_and_write(module.check_typed_prices))
    results = race.run(
        lambda: calendar.bulk_edit.apply(
            BulkEditRequest(property_id, night, night, (fam_id,), Operation.MIN_STAY, 2), TEST_ACTOR),
        lambda: world.sync.drift.accept_theirs(report, list(report.differences), actor=TEST_ACTOR),
    )
    return calendar, fam_id, night, results["B"]


def _check_no_lost_update(calendar, fam_id, night, accepted) -> None:
    assert [c.before for c in accepted.changes.changes] == [2], "accept theirs planned from before desk A's commit"
    details = calendar.details.details(fam_id, night)
    assert details.cell.min_stay == 3
    latest = details.changes[0]  # the audit trail of the cell, newest first
    assert (latest.action, latest.before, latest.after) == ("drift_accept", {"min_stay": 2}, {"min_stay": 3})
    calendar.bulk_edit.undo(accepted.changes, TEST_ACTOR)
    assert calendar.details.details(fam_id, night).cell.min_stay == 2  # A's edit is back


def test_accept_theirs_plans_after_a_desk_edit_commits_sqlite(world, monkeypatch):
    _check_no_lost_update(*_race(world, monkeypatch, sqlite_b_waits))


@pytest.mark.postgres
def test_accept_theirs_plans_after_a_desk_edit_commits_postgres(postgres_url, ota, today, monkeypatch):
    db = open_database(postgres_url)
    world = build_world(db, ota, today)
    try:
        with postgres_b_waits(db.engine) as b_waits:
            outcome = _race(world, monkeypatch, b_waits)
        _check_no_lost_update(*outcome)
    finally:
        world.sync.shutdown()
        db.dispose()
