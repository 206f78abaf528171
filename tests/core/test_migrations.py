"""Alembic migrations: an empty database reaches head and matches the models exactly."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from channelmgr.db.base import Base
from channelmgr.db.engine import open_database
from channelmgr.db.migrate import alembic_config


def _assert_at_head_and_matching(url: str) -> None:
    db = open_database(url)
    try:
        heads = ScriptDirectory.from_config(alembic_config()).get_heads()
        assert len(heads) == 1, f"migrations have several heads: {heads}"
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert ctx.get_current_revision() == heads[0]
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
        tables = set(inspect(db.engine).get_table_names())
        assert {"property", "room_type", "room", "rate_plan", "calendar_day", "reservation", "channel"} <= tables
    finally:
        db.dispose()


def test_empty_sqlite_upgrades_to_head_and_matches_models(sqlite_url):
    _assert_at_head_and_matching(sqlite_url)


def test_opening_twice_is_idempotent(sqlite_url):
    open_database(sqlite_url).dispose()
    _assert_at_head_and_matching(sqlite_url)


def test_sqlite_runs_with_wal_and_foreign_keys(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.postgres
def test_empty_postgres_upgrades_to_head_and_matches_models(postgres_url):
    _assert_at_head_and_matching(postgres_url)


def test_an_old_database_is_upgraded_on_open(sqlite_url):
    # A database left at the first revision (as an older release made it) reaches head on open.
    from alembic import command

    engine = create_engine(sqlite_url)
    first = ScriptDirectory.from_config(alembic_config()).get_base()
    command.upgrade(alembic_config(engine), first)
    engine.dispose()
    _assert_at_head_and_matching(sqlite_url)
