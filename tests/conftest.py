"""Shared fixtures: a fresh SQLite database per test, and a real PostgreSQL server per run."""

from __future__ import annotations

import os

import pytest

from channelmgr.db.engine import open_database
from channelmgr.demo import load_demo
from channelmgr.security.signed_in import sign_out
from channelmgr.services import Services
from tests.support.postgres import PostgresServer, find_bin_dir


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    # No test may touch the real user data folder or pick up a developer's CHANNELMGR_DB.
    monkeypatch.setenv("CHANNELMGR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CHANNELMGR_DB", raising=False)
    # The CLI speaks Chinese unless asked otherwise; the tests read its English (one language for
    # every assertion, whatever the machine's LANG). tests/core/test_cli_language.py removes this
    # to check the Chinese default, and any test may set "zh" itself.
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    # `init --demo` makes accounts, and then every command signs in: tests act as the demo's
    # administrator unless they say otherwise (tests/core/security set their own or none).
    monkeypatch.setenv("CHANNELMGR_USER", "owner")
    monkeypatch.setenv("CHANNELMGR_PASSWORD", "demo-owner-1")
    sign_out()  # nobody stays signed in from the test before


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def db(sqlite_url):
    database = open_database(sqlite_url)
    yield database
    database.dispose()


@pytest.fixture
def demo_services(db) -> Services:
    load_demo(db)
    return Services(db)


@pytest.fixture(scope="session")
def postgres_server():
    bin_dir = find_bin_dir()
    if bin_dir is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) are not installed on this machine"
        if os.environ.get("CHANNELMGR_REQUIRE_POSTGRES"):  # CI: a skip would pass for a success
            pytest.fail(message)
        pytest.skip(message)
    server = PostgresServer(bin_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    return postgres_server.create_database()
