"""Opening a database: engine, session factory, and upgrade to the newest schema.

One short session per user action (``with db.session() as s:`` commits or rolls back), never
shared across threads; SQLite gets WAL (readers don't block the writer) and foreign keys.
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

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any exception."""
        with self.sessions.begin() as s:
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


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, and much faster on commit
    cur.execute("PRAGMA busy_timeout=5000")  # a second desk/process waits instead of failing
    cur.close()


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
    return Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
