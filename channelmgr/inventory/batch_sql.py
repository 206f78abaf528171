"""Bulk work at the speed of the database driver: one statement for tens of thousands of rows,
reading them back without result objects, and Python's cycle collector held meanwhile.

SQLAlchemy's executemany builds and converts every parameter of every row through generic
machinery, a few microseconds a row; a bulk edit of a year for 100 room types writes 36,500 rows,
which made that overhead several times the cost of the writes themselves. Here the statement is
compiled once for the connection's dialect, the rows are given column by column, each distinct
value is converted for the driver once (a year has 365 dates, a flag two values), and the rows go
straight to the driver's executemany, inside the session's transaction.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator, Mapping, Sequence

from sqlalchemy import JSON, Table, bindparam, insert
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.engine.interfaces import Compiled
from sqlalchemy.sql import Executable


def executemany(connection: Connection, statement: Executable, columns: Mapping[str, Sequence]) -> int:
    """Run ``statement`` once per row; ``columns`` maps every bind parameter name to its values.

    Returns the number of rows the database reports changed.
    """
    return _run(connection, statement.compile(dialect=connection.dialect), columns)


def _run(connection: Connection, compiled: Compiled, columns: Mapping[str, Sequence]) -> int:
    lengths = {len(values) for values in columns.values()}
    if len(lengths) != 1:
        raise ValueError(f"columns of different lengths: {sorted(lengths)}")
    if not lengths.pop():
        return 0
    dialect = connection.dialect
    names = list(compiled.positiontup) if compiled.positional else list(compiled.binds)
    prepared_columns = []
    for name in names:
        values = columns[name]
        impl = compiled.binds[name].type.dialect_impl(dialect)
        convert = impl.bind_processor(dialect)
        if convert is not None and isinstance(impl, JSON):
            # Documents are not hashable: each goes through JSON's own conversion, as SQLAlchemy
            # does. None is converted once: it becomes the same thing every time (JSON null, or
            # NULL under none_as_null), and a batch's audit rows have ten thousand of them.
            null = convert(None)
            values = [null if v is None else convert(v) for v in values]
        elif convert is not None:
            converted = {v: None if v is None else convert(v) for v in set(values)}
            values = [converted[v] for v in values]
        prepared_columns.append(values)
    rows = list(zip(*prepared_columns))
    if not compiled.positional:  # e.g. psycopg's %(name)s placeholders take a dict per row
        rows = [dict(zip(names, row)) for row in rows]
    return connection.exec_driver_sql(compiled.string, rows).rowcount


def insert_columns(connection: Connection, table: Table, columns: Mapping[str, Sequence]) -> int:
    """INSERT into ``table`` one row per position of ``columns`` (column name → its values).

    For the ledger's batches of new bookings and their history: ten thousand rows whose dates,
    times, ids and states repeat, so converting each distinct value once (executemany) saves most
    of SQLAlchemy's per-row work. Columns not named take their server-side default or NULL, not
    the Python-side defaults of the model: the caller gives those.
    """
    return _run(connection, _compiled_insert(table, tuple(columns), connection.dialect), columns)


@lru_cache(maxsize=64)
def _compiled_insert(table: Table, names: tuple[str, ...], dialect: Dialect) -> Compiled:
    # A batch of a feed writes the same three tables again and again: compiling the statement each
    # time was a few percent of an import. (Tables and dialects are few and live as long as the app.)
    return insert(table).values({name: bindparam(name) for name in names}).compile(dialect=dialect)


def fetch_rows(connection: Connection, statement: Executable, params: Mapping | None = None) -> list[tuple]:
    """All rows of ``statement`` as the driver returns them, without SQLAlchemy's result objects.

    For the few queries that return tens of thousands of rows of plain numbers and raw dates (see
    nights.raw_dates): SQLAlchemy's row objects cost about as much as the database itself there.
    Values come back untyped (SQLite gives 0/1 for booleans), so select only such columns; and no
    ``IN (list)`` conditions, whose parameters SQLAlchemy only expands while executing.

    ``params``: values of the statement's ``bindparam()``s. A statement built once with them (see
    availability._booked_query) is compiled once per dialect: an iCal feed's batch runs these
    queries for a few rows each, where compiling them was most of their time.
    """
    dialect = connection.dialect
    compiled = _compiled_select(statement, dialect)
    if compiled.literal_execute_params or compiled.post_compile_params:
        raise ValueError("fetch_rows takes no IN (list) conditions")
    values = {}
    for name, value in compiled.construct_params(params).items():
        convert = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
        values[name] = convert(value) if convert is not None and value is not None else value
    arguments = tuple(values[n] for n in compiled.positiontup) if compiled.positional else values
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(compiled.string, arguments)
        return cursor.fetchall()
    finally:
        cursor.close()


@lru_cache(maxsize=64)
def _compiled_select(statement: Executable, dialect: Dialect) -> Compiled:
    # Keyed by the statement object itself: a statement built for one call is a miss (compiled as
    # before, then dropped from the cache in time); one built once with bindparams is a hit.
    return statement.compile(dialect=dialect)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold Python's cycle collector for one bulk call (a year-long edit, a two-year snapshot).

    Such a call allocates a few hundred thousand small tuples, and every few hundred allocations
    may start a collection whose older generations walk the whole heap: measured, that doubled the
    time of a year-long edit of 100 room types, and took 15 % of a first import of iCal feeds.
    These calls make few or no reference cycles; what they leave, the collector finds when it runs
    again as usual afterwards. (Reference counting, which frees almost everything, is not
    affected.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
