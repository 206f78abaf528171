"""The demo database for command-line tests, its channels switched off, and one CLI run."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from channelmgr.cli import main
from channelmgr.db.engine import open_database
from channelmgr.db.models import Channel


def demo_with_channels_off(sqlite_url: str) -> str:
    """``channelmgr init --demo`` at ``sqlite_url``; the demo's own channels (pointing at :8765)
    are switched off, so a test's sandbox on its own port is all that syncs."""
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    db = open_database(sqlite_url)
    with db.session() as s:
        s.execute(update(Channel).values(enabled=False))
    db.dispose()
    return sqlite_url


def run_cli(capsys, db_url: str, *argv: str) -> tuple[int, str, str]:
    """``channelmgr --db URL ARGV…``: exit code, stdout, stderr."""
    code = main(["--db", db_url, *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def demo_url(sqlite_url, capsys):
    """A fixture: the demo database (channels off) at the test's SQLite URL, its output swallowed."""
    demo_with_channels_off(sqlite_url)
    capsys.readouterr()
    return sqlite_url
