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


_OLD_NOTE = "sandbox: CTD not supported, 6 nights skipped"


def _a_database_at_0007_with_sync_log_rows(url: str) -> None:
    """The sync log as a release before 0008 left it: a request row and a capability note stored
    as one English line (no codes)."""
    from alembic import command
    from sqlalchemy import text

    engine = create_engine(url)
    try:
        command.upgrade(alembic_config(engine), "0007_content_ack")
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO property (id, code, name_zh, name_en, currency, timezone, address, phone, created_at) "
                "VALUES (1, 'P', '客栈', 'Inn', 'CNY', 'Asia/Shanghai', '', '', '2026-12-01 00:00:00')"))
            conn.execute(text(
                "INSERT INTO channel (id, property_id, name, display_name, protocol, endpoint, hotel_code, username, "
                "enabled, settings) VALUES (1, 1, 'sandbox', 'Sandbox', 'opentravel', 'http://127.0.0.1:9', 'H1', "
                "'owner', :yes, '{}')"), {"yes": True})
            for i, (message, result, error) in enumerate([("OTA_HotelAvailNotifRQ", "ok", ""),
                                                          ("capabilities", "note", _OLD_NOTE)]):
                conn.execute(text(
                    "INSERT INTO sync_log (id, at, channel_id, message, cells, ranges, bytes, latency_ms, attempts, "
                    "result, http_status, acknowledged_cells, error) VALUES (:id, :at, 1, :message, 0, 0, 0, 0, 1, "
                    ":result, NULL, 0, :error)"),
                    {"id": i + 1, "at": f"2026-12-01 00:00:0{i}", "message": message, "result": result, "error": error})
    finally:
        engine.dispose()


def _old_rows_are_kept_as_they_were(url: str) -> None:
    from channelmgr.sync.sync_log import read_entries

    _a_database_at_0007_with_sync_log_rows(url)
    db = open_database(url)  # upgrades to head: 0008 adds the notes' codes
    try:
        with db.session() as s:
            entries = read_entries(s, 1)
        assert [(e.result, e.error, e.notes) for e in entries] == [("note", _OLD_NOTE, ()), ("ok", "", ())]
    finally:
        db.dispose()
    _assert_at_head_and_matching(url)


def test_sync_log_rows_from_before_the_notes_codes_survive_the_upgrade_sqlite(sqlite_url):
    _old_rows_are_kept_as_they_were(sqlite_url)


@pytest.mark.postgres
def test_sync_log_rows_from_before_the_notes_codes_survive_the_upgrade_postgres(postgres_url):
    _old_rows_are_kept_as_they_were(postgres_url)
