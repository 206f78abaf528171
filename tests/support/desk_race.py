"""Two desks on one database, one held between its read and its write: the lost-update race.

Desk A runs a calendar write that plans from what it reads (a bulk edit) and is held at the step
between its plan and its write until desk B has either finished its own plan (the race is lost: B
planned from before A's commit) or is kept waiting by A's lock (what ``db.write_session()`` and
``hold_plan`` do); only then does A write and commit. B is the path under test.

No sleep orders the threads: A waits on B's "planned" event, and between looks asks the database
whether B waits (``sqlite_b_waits``, ``postgres_b_waits``). The WAIT only turns a broken race into a
failure instead of a hung suite.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from sqlalchemy import Connection, Engine, event, text

WAIT = 30  # seconds: only so that a broken race fails instead of hanging the suite
POLL = 0.01  # seconds between looks at whether B waits (the wait ends as soon as B's plan is done)


class DeskRace:
    """The two desks' meeting points, and what each thread saw."""

    def __init__(self, b_waits: Callable[["DeskRace"], bool]) -> None:
        self.b_waits = b_waits
        self.a_planned = threading.Event()
        self.b_planned = threading.Event()
        self.b_thread: threading.Thread | None = None
        self.b_statements: list[tuple[object, str]] = []  # (DB-API connection, SQL) B ran or began
        self.raised: dict[str, BaseException] = {}

    def between_plan_and_write(self, step: Callable) -> Callable:
        """``step`` (the call each desk makes between its plan and its write, e.g. the price
        guard) with the meeting point in front of it: A is held there, B says it got there."""

        def held(*args, **kwargs):
            if threading.current_thread().name == "A":
                self.a_planned.set()
                self._wait_for_b()
            elif threading.current_thread() is self.b_thread:
                self.b_planned.set()
            return step(*args, **kwargs)

        return held

    def run(self, a: Callable[[], Any], b: Callable[[], Any]) -> dict[str, Any]:
        """A and B on their own threads, B starting once A has planned; {"A": result, "B": result}."""
        results: dict[str, Any] = {}

        def desk(name: str, work: Callable[[], Any]) -> None:
            try:
                if name == "B":
                    assert self.a_planned.wait(WAIT), "desk A never planned"
                results[name] = work()
            except BaseException as exc:  # noqa: BLE001 - reported by the test, not swallowed
                self.raised[name] = exc
            finally:
                self.a_planned.set()  # a desk A that failed early must not leave B waiting for WAIT
                self.b_planned.set()

        a_thread = threading.Thread(target=desk, args=("A", a), name="A")
        self.b_thread = threading.Thread(target=desk, args=("B", b), name="B")
        event.listen(Engine, "before_cursor_execute", self._on_statement)
        try:
            for t in (a_thread, self.b_thread):
                t.start()
            for t in (a_thread, self.b_thread):
                t.join(WAIT)
        finally:
            event.remove(Engine, "before_cursor_execute", self._on_statement)
        assert not a_thread.is_alive() and not self.b_thread.is_alive(), "a desk hangs"
        assert self.raised == {}, f"a desk failed: {self.raised!r}"
        return results

    def _on_statement(self, conn, _cursor, statement, *_args) -> None:
        if threading.current_thread() is self.b_thread:
            self.b_statements.append((conn.connection.dbapi_connection, statement))

    def _wait_for_b(self) -> None:
        """Desk A, between plan and write: until B has planned too, or is kept waiting by A."""
        deadline = time.monotonic() + WAIT
        while not self.b_planned.wait(POLL):
            if self.b_waits(self):
                return
            assert time.monotonic() < deadline, "desk B neither planned nor waited for desk A"


def sqlite_b_waits(race: DeskRace) -> bool:
    # SQLite cannot show a connection waiting for its lock; what it can show is that B has asked
    # for it: BEGIN IMMEDIATE, the first statement of a write session, before B's plan reads. From
    # there on B can only read after A's commit. (The driver's own BEGIN, on a write, is not seen
    # here: it comes after the plan, which is the race.)
    return any(sql.upper().startswith("BEGIN") for _conn, sql in list(race.b_statements))


@contextmanager
def postgres_b_waits(engine: Engine) -> Iterator[Callable[[DeskRace], bool]]:
    """Whether B's server process is blocked on a lock (with the fix, A's room type rows: a week
    with no calendar rows yet has nothing FOR UPDATE alone could lock), seen from a third
    connection that looks at B from outside."""
    watcher: Connection = engine.connect()

    def b_waits(race: DeskRace) -> bool:
        pids = {conn.info.backend_pid for conn, _sql in list(race.b_statements)}
        if not pids:
            return False
        waiting = watcher.execute(
            text("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(:pids) AND wait_event_type = 'Lock'"),
            {"pids": list(pids)},
        ).scalar_one()
        watcher.rollback()  # a fresh snapshot of pg_stat_activity each look
        return waiting > 0

    try:
        yield b_waits
    finally:
        watcher.close()
