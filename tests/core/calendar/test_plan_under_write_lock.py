"""A bulk edit plans from what is committed when it writes: no lost update, no stale undo record.

The race found with two desks on one database: desk A sets min stay 2 on a week and is about to
commit; desk B asks for min stay 3 on the same week and reads its plan (and so its undo record,
the "before" of each cell) before A commits. If B's read is not held back, B writes 3 over A's 2
without knowing, and B's undo later writes back "none" instead of A's 2.

Both desks go through the real BulkEditService.apply. A is held between its plan and its write
(at ``check_typed_prices``, the step apply takes between the two) until B has either finished its
own plan (the race is lost: B planned from before A's commit) or is waiting for A's lock (what the
fix does); only then does A write and commit. Either way B's undo must put A's 2 back.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

import pytest
from sqlalchemy import Engine, event, text

from channelmgr.db.engine import open_database
from channelmgr.inventory import bulk_edit
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation

from .builders import ACTOR, build_hotel, day

WAIT = 30  # seconds: only so that a broken race fails instead of hanging the suite
POLL = 0.01  # seconds between looks at whether B waits (the wait ends as soon as B's plan is done)


class _Race:
    """The two desks' meeting points, and what each thread saw."""

    def __init__(self) -> None:
        self.a_planned = threading.Event()
        self.b_planned = threading.Event()
        self.b_thread: threading.Thread | None = None
        self.b_statements: list[tuple[object, str]] = []  # (DB-API connection, SQL) B ran or began
        self.raised: dict[str, BaseException] = {}

    def on_statement(self, conn, _cursor, statement, *_args) -> None:
        if threading.current_thread() is self.b_thread:
            self.b_statements.append((conn.connection.dbapi_connection, statement))

    def wait_for_b(self, b_waits: Callable[["_Race"], bool]) -> None:
        """Desk A, between plan and write: until B has planned too, or is kept waiting by A."""
        deadline = time.monotonic() + WAIT
        while not self.b_planned.wait(POLL):
            if b_waits(self):
                return
            assert time.monotonic() < deadline, "desk B neither planned nor waited for desk A"


def _lost_update_race(hotel, monkeypatch, b_waits: Callable[[_Race], bool]):
    race = _Race()
    checked = bulk_edit.check_typed_prices

    def between_plan_and_write(*args, **kwargs):
        if threading.current_thread().name == "A":
            race.a_planned.set()
            race.wait_for_b(b_waits)
        else:
            race.b_planned.set()
        return checked(*args, **kwargs)

    monkeypatch.setattr(bulk_edit, "check_typed_prices", between_plan_and_write)
    week = dict(property_id=hotel.property_id, first_night=day(0), last_night=day(6),
                room_type_ids=(hotel.types["A"],), operation=Operation.MIN_STAY)
    results = {}

    def desk(name: str, value: int) -> None:
        try:
            if name == "B":
                assert race.a_planned.wait(WAIT), "desk A never planned"
            results[name] = hotel.calendar.bulk_edit.apply(BulkEditRequest(**week, value=value), ACTOR)
        except BaseException as exc:  # noqa: BLE001 - reported by the test, not swallowed
            race.raised[name] = exc
        finally:
            race.a_planned.set()  # a desk A that failed early must not leave B waiting for WAIT
            race.b_planned.set()

    a = threading.Thread(target=desk, args=("A", 2), name="A")
    race.b_thread = threading.Thread(target=desk, args=("B", 3), name="B")
    event.listen(Engine, "before_cursor_execute", race.on_statement)
    try:
        for t in (a, race.b_thread):
            t.start()
        for t in (a, race.b_thread):
            t.join(WAIT)
    finally:
        event.remove(Engine, "before_cursor_execute", race.on_statement)
    assert not a.is_alive() and not race.b_thread.is_alive(), "a desk hangs"
    assert race.raised == {}
    return results


def _check_no_lost_update(hotel, results) -> None:
    assert {c.before for c in results["B"].changes} == {2}, "desk B planned from before desk A's commit"
    assert [c.min_stay for c in hotel.snapshot(days=7).cells[0]] == [3] * 7
    hotel.calendar.bulk_edit.undo(results["B"], ACTOR)
    assert [c.min_stay for c in hotel.snapshot(days=7).cells[0]] == [2] * 7  # A's edit is back


def _sqlite_b_waits(race: _Race) -> bool:
    # SQLite cannot show a connection waiting for its lock; what it can show is that B has asked
    # for it: BEGIN IMMEDIATE, the first statement of a write session, before B's plan reads. From
    # there on B can only read after A's commit. (The driver's own BEGIN, on a write, is not seen
    # here: it comes after the plan, which is the race.)
    return any(sql.upper().startswith("BEGIN") for _conn, sql in list(race.b_statements))


def test_second_desk_plans_after_the_first_commits_sqlite(hotel, monkeypatch):
    results = _lost_update_race(hotel, monkeypatch, _sqlite_b_waits)
    _check_no_lost_update(hotel, results)


@pytest.mark.postgres
def test_second_desk_plans_after_the_first_commits_postgres(postgres_url, monkeypatch):
    db = open_database(postgres_url)
    watcher = db.engine.connect()  # a third connection, looking at B from outside
    try:
        hotel = build_hotel(db)

        def b_waits(race: _Race) -> bool:
            # B's server process, blocked on a lock A holds (with the fix, at the room type rows;
            # the week has no calendar rows yet, so FOR UPDATE alone would lock nothing).
            pids = {conn.info.backend_pid for conn, _sql in list(race.b_statements)}
            if not pids:
                return False
            waiting = watcher.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(:pids) AND wait_event_type = 'Lock'"),
                {"pids": list(pids)},
            ).scalar_one()
            watcher.rollback()  # a fresh snapshot of pg_stat_activity each look
            return waiting > 0

        results = _lost_update_race(hotel, monkeypatch, b_waits)
        _check_no_lost_update(hotel, results)
    finally:
        watcher.close()
        db.dispose()
