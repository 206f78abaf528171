"""Two writers that both read before they write never get "database is locked" on SQLite.

The classic SQLite trap: two connections each open a deferred transaction with a read, then both
write. The second writer's snapshot is older than the first one's commit, so SQLite refuses the
upgrade to a write lock at once (SQLITE_BUSY, "database is locked") and busy_timeout cannot help.

channelmgr's engine leaves the pysqlite driver in its default transaction mode: a SELECT does not
open a transaction, the driver emits BEGIN just before the first INSERT/UPDATE/DELETE, and that
statement takes the write lock from a fresh snapshot, waiting up to busy_timeout. So a bulk edit
(which plans from a read, then writes) can meet another at exactly the worst moment and still
succeed. The second test runs the same interleaving on an engine whose transactions *do* start
at the read (SQLAlchemy's "BEGIN in a begin event" recipe with a plain, deferred BEGIN), to show
the race reaches the trap: if the first test ever fails, the engine setup changed.

(An engine that began every SQLite transaction with BEGIN IMMEDIATE would also be safe, but there
this interleaving cannot happen at all: B's read waits for A's whole transaction, A waits at the
barrier, and B gives up after busy_timeout. Such a change must rewrite the race, not delete it.
So only ``db.write_session()`` begins that way, for the units of work that plan their writes
from their reads (the calendar's bulk edits and undo); these tests keep to ``db.session()``,
which every other reader and writer uses, and test_plan_under_write_lock.py races the former.)
"""

from __future__ import annotations

import threading

from sqlalchemy import event

from channelmgr.db.engine import Database, open_database
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation, plan_bulk_edit
from channelmgr.inventory.changes import write_changes

from .builders import ACTOR, TODAY, day

WAIT = 30  # seconds: only so that a broken race fails instead of hanging the suite


def _race(db: Database, hotel) -> dict[str, BaseException]:
    """Desk A and desk B each read (plan a bulk edit), both reads done before either writes; then
    A writes and commits, and only then B writes from its earlier read. Returns what each raised."""
    both_read = threading.Barrier(2, timeout=WAIT)
    a_done = threading.Event()
    raised: dict[str, BaseException] = {}

    def desk(name: str, code: str, operation: Operation, value, first: bool) -> None:
        request = BulkEditRequest(hotel.property_id, day(0), day(6), (hotel.types[code],), operation, value)
        try:
            with db.session() as s:  # the session the services use: one transaction
                changes, _ = plan_bulk_edit(s, request, TODAY)  # the read
                both_read.wait()
                if not first:
                    assert a_done.wait(WAIT), "desk A never finished"
                write_changes(s, changes, ACTOR, "bulk_edit")  # the write, in the same transaction
        except BaseException as exc:  # noqa: BLE001 - reported by the test, not swallowed
            raised[name] = exc
        finally:
            if first:
                a_done.set()

    desks = [threading.Thread(target=desk, args=("A", "A", Operation.CLOSE, None, True)),
             threading.Thread(target=desk, args=("B", "B", Operation.MIN_STAY, 3, False))]
    for t in desks:
        t.start()
    for t in desks:
        t.join(WAIT)
    assert not any(t.is_alive() for t in desks), "a desk hangs"
    return raised


def test_two_edits_that_read_then_write_both_commit(hotel):
    assert _race(hotel.db, hotel) == {}
    snapshot = hotel.snapshot(days=7)
    a, b = (snapshot.cells[list(hotel.types).index(code)] for code in ("A", "B"))
    assert all(c.stop_sell for c in a) and all(c.min_stay == 3 for c in b)


def test_the_race_catches_transactions_that_begin_at_the_read(hotel, sqlite_url):
    # The same file, opened the way SQLAlchemy's docs show for SAVEPOINT support: the driver's own
    # BEGIN off, a deferred BEGIN when SQLAlchemy starts the transaction (i.e. at the first read).
    deferred = open_database(sqlite_url)

    @event.listens_for(deferred.engine, "connect")
    def _no_driver_begin(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @event.listens_for(deferred.engine, "begin")
    def _begin_at_first_statement(connection):
        connection.exec_driver_sql("BEGIN")

    deferred.engine.dispose()  # the pool's connections predate the listener
    try:
        raised = _race(deferred, hotel)
    finally:
        deferred.dispose()
    assert set(raised) == {"B"}
    assert "database is locked" in str(raised["B"])
