"""``db.write_session()`` on SQLite: the driver's own transactions are off there (BEGIN IMMEDIATE is
ours), so check it is still one transaction: all or nothing, with working savepoints."""

import pytest
from sqlalchemy import text


def _rows(db) -> list[int]:
    with db.session() as s:
        return [x for (x,) in s.execute(text("SELECT x FROM t ORDER BY x"))]


def test_a_failed_write_session_leaves_nothing_and_savepoints_nest(db):
    with db.write_session() as s:
        s.execute(text("CREATE TABLE t (x INTEGER)"))  # transactional DDL
    with pytest.raises(RuntimeError):
        with db.write_session() as s:
            s.execute(text("INSERT INTO t VALUES (1)"))
            raise RuntimeError("the user action failed")
    assert _rows(db) == []  # not autocommitted statement by statement
    with db.write_session() as s:
        s.execute(text("INSERT INTO t VALUES (2)"))
        with pytest.raises(RuntimeError), s.begin_nested():
            s.execute(text("INSERT INTO t VALUES (3)"))
            raise RuntimeError("one step undone")
    assert _rows(db) == [2]


def test_write_session_holds_the_write_lock_from_its_first_read(db):
    with db.write_session() as s:
        s.execute(text("SELECT 1"))
        assert s.connection().connection.dbapi_connection.in_transaction
    with db.session() as s:  # a plain session's read opens no transaction: WAL readers never wait
        s.execute(text("SELECT 1"))
        assert not s.connection().connection.dbapi_connection.in_transaction
