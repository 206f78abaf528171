"""A bulk edit plans from what is committed when it writes: no lost update, no stale undo record.

The race found with two desks on one database: desk A sets min stay 2 on a week and is about to
commit; desk B asks for min stay 3 on the same week and reads its plan (and so its undo record,
the "before" of each cell) before A commits. If B's read is not held back, B writes 3 over A's 2
without knowing, and B's undo later writes back "none" instead of A's 2.

Both desks go through the real BulkEditService.apply. A is held between its plan and its write
(at ``check_typed_prices``, the step apply takes between the two) until B has either finished its
own plan (the race is lost: B planned from before A's commit) or is waiting for A's lock (what the
fix does); only then does A write and commit (tests/support/desk_race.py). Either way B's undo
must put A's 2 back.
"""

from __future__ import annotations

import pytest

from channelmgr.db.engine import open_database
from channelmgr.inventory import bulk_edit
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
from tests.support.desk_race import DeskRace, postgres_b_waits, sqlite_b_waits

from .builders import ACTOR, build_hotel, day


def min_stay_week(hotel, value: int) -> BulkEditRequest:
    return BulkEditRequest(hotel.property_id, day(0), day(6), (hotel.types["A"],), Operation.MIN_STAY, value)


def _lost_update_race(hotel, monkeypatch, b_waits):
    race = DeskRace(b_waits)
    monkeypatch.setattr(bulk_edit, "check_typed_prices", race.between_plan_and_write(bulk_edit.check_typed_prices))
    apply = hotel.calendar.bulk_edit.apply
    return race.run(lambda: apply(min_stay_week(hotel, 2), ACTOR), lambda: apply(min_stay_week(hotel, 3), ACTOR))


def _check_no_lost_update(hotel, results) -> None:
    assert {c.before for c in results["B"].changes} == {2}, "desk B planned from before desk A's commit"
    assert [c.min_stay for c in hotel.snapshot(days=7).cells[0]] == [3] * 7
    hotel.calendar.bulk_edit.undo(results["B"], ACTOR)
    assert [c.min_stay for c in hotel.snapshot(days=7).cells[0]] == [2] * 7  # A's edit is back


def test_second_desk_plans_after_the_first_commits_sqlite(hotel, monkeypatch):
    results = _lost_update_race(hotel, monkeypatch, sqlite_b_waits)
    _check_no_lost_update(hotel, results)


@pytest.mark.postgres
def test_second_desk_plans_after_the_first_commits_postgres(postgres_url, monkeypatch):
    db = open_database(postgres_url)
    try:
        hotel = build_hotel(db)
        with postgres_b_waits(db.engine) as b_waits:
            results = _lost_update_race(hotel, monkeypatch, b_waits)
        _check_no_lost_update(hotel, results)
    finally:
        db.dispose()
