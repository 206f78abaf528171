"""Opening a database: engine, session factory, and upgrade to the newest schema.

One short session per user action (``with db.session() as s:`` commits or rolls back), never
shared across threads; SQLite gets WAL (readers don't block the writer) and foreign keys.

A unit of work that plans its writes from what it reads (a bulk edit and its undo record) uses
``db.write_session()``: on SQLite its transaction starts with BEGIN IMMEDIATE, so the plan is read
under the database's write lock and no other desk can commit between the read and the write.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .migrate import upgrade_to_head


class DatabaseError(Exception):
    """A database that cannot be opened or upgraded; the message says which and why."""


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    write_engine: Engine | None = None  # SQLite file: the BEGIN IMMEDIATE engine (see write_session)
    write_sessions: sessionmaker[Session] | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any exception."""
        with self.sessions.begin() as s:
            yield s

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A transaction that holds the write lock from its first statement: for a unit of work
        that reads what it will write. Plain ``session()`` stays for everything else, so readers
        never wait for a writer (WAL) and a writer never waits for a reader.

        SQLite: the driver's default would run the reads outside any transaction and BEGIN only
        at the first write, so another desk could commit in between and the plan (and its undo
        record) would be stale: a lost update. Here the first statement is BEGIN IMMEDIATE, which
        waits (busy_timeout) for the single write lock. PostgreSQL: the same session as
        ``session()``; the caller row-locks what its plan depends on (e.g. hold_room_types),
        since a second writer cannot be kept out of the whole database there.

        The transaction (and so SQLite's lock) starts on entry, not at the first statement: a
        caller that takes a lock of its own inside the block (the pricing engine's) must not hold
        it while it waits here for another writer that wants that lock too.
        """
        with (self.write_sessions or self.sessions).begin() as s:
            s.connection()
            yield s

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def is_empty(self) -> bool:
        from .models import Property

        with self.sessions() as s:
            return s.query(Property.id).first() is None

    def dispose(self) -> None:
        self.engine.dispose()
        if self.write_engine is not None:
            self.write_engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, and much faster on commit
    cur.execute("PRAGMA busy_timeout=5000")  # a second desk/process waits instead of failing
    cur.close()


def _sqlite_no_driver_begin(dbapi_connection, _record) -> None:
    # SQLAlchemy's documented pysqlite recipe: switch off the driver's own transaction handling
    # (which BEGINs only before INSERT/UPDATE/DELETE), and emit BEGIN ourselves in "begin".
    dbapi_connection.isolation_level = None


def _sqlite_begin_immediate(connection) -> None:
    # IMMEDIATE: take the write lock now, before the unit of work reads anything; savepoints
    # (begin_nested) nest inside it as usual.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_write_engine(parsed) -> Engine:
    """A second engine on the same file whose every transaction begins with BEGIN IMMEDIATE.

    A separate engine (own small pool) rather than a per-session switch on the shared one: the
    plain engine keeps the driver's default mode, which the migrations and every reader and
    ordinary writer rely on (tests/core/calendar/test_sqlite_write_lock.py), and the recipe is
    applied whole, to every connection of this engine, as documented."""
    engine = create_engine(parsed)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "connect", _sqlite_no_driver_begin)
    event.listen(engine, "begin", _sqlite_begin_immediate)
    return engine


def create_db_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"Not a database URL: {url!r} ({exc})") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except NoSuchModuleError:
        raise DatabaseError(f"Unknown database kind {parsed.drivername!r} in {url!r}") from None
    except ModuleNotFoundError as exc:
        raise DatabaseError(f"No driver for {parsed.drivername}: {exc.name} is not installed") from None


def open_database(url: str, upgrade: bool = True) -> Database:
    """Open ``url`` and bring its schema to the newest migration (a new file starts empty)."""
    engine = create_db_engine(url)
    try:
        if upgrade:
            upgrade_to_head(engine)
        else:
            inspect(engine).get_table_names()  # fail early with a clear message
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseError(f"Cannot open database {engine.url.render_as_string(hide_password=True)}: {reason}") from None
    db = Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
    if db.is_sqlite and engine.url.database not in (None, "", ":memory:"):
        # (an in-memory database is one per engine: a second engine would see another, empty one)
        db.write_engine = _sqlite_write_engine(engine.url)
        db.write_sessions = sessionmaker(db.write_engine, expire_on_commit=False)
    return db
