"""``channelmgr backup create|list|preview|restore``: by role, with clear refusals."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from channelmgr.cli import main
from channelmgr.config import backups_dir
from channelmgr.demo import RESERVATIONS

PASSWORDS = {"owner": "demo-owner-1", "desk": "demo-desk-1", "viewer": "demo-viewer-1"}


@pytest.fixture
def demo_url(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    return sqlite_url


def run_as(monkeypatch, capsys, name, *argv):
    monkeypatch.setenv("CHANNELMGR_USER", name)
    monkeypatch.setenv("CHANNELMGR_PASSWORD", PASSWORDS[name])
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _phone(url: str) -> str:
    with closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as con:
        return con.execute("SELECT phone FROM property").fetchone()[0]


def test_create_list_preview_restore(demo_url, monkeypatch, capsys):
    code, out, _ = run_as(monkeypatch, capsys, "desk", "--db", demo_url, "backup", "create")  # an operator may
    assert code == 0 and out.startswith(f"Backed up to {backups_dir()}")
    made = Path(out.split("Backed up to ")[1].split(" (")[0])
    code, out, _ = run_as(monkeypatch, capsys, "viewer", "--db", demo_url, "backup", "list")
    assert code == 0 and str(made) in out
    code, out, _ = run_as(monkeypatch, capsys, "viewer", "--db", demo_url, "backup", "preview", str(made))
    assert code == 0 and "Room types:      6" in out and f"Reservations:    {len(RESERVATIONS)}" in out and "Users:           3" in out
    old = _phone(demo_url)
    with closing(sqlite3.connect(demo_url.removeprefix("sqlite:///"))) as con:
        con.execute("UPDATE property SET phone = '000'")
        con.commit()
    code, _, err = run_as(monkeypatch, capsys, "desk", "--db", demo_url, "backup", "restore", str(made), "--yes")
    assert code == 2 and "'desk' is a operator and may not restore the database from a backup" in err
    assert _phone(demo_url) == "000"
    code, _, err = run_as(monkeypatch, capsys, "owner", "--db", demo_url, "backup", "restore", str(made))
    assert code == 2 and "add --yes" in err and _phone(demo_url) == "000"  # no terminal to ask
    code, out, _ = run_as(monkeypatch, capsys, "owner", "--db", demo_url, "backup", "restore", str(made), "--yes")
    assert code == 0 and "Restored" in out and "before-restore" in out
    assert _phone(demo_url) == old


def test_a_viewer_may_not_make_a_backup(demo_url, monkeypatch, capsys):
    code, _, err = run_as(monkeypatch, capsys, "viewer", "--db", demo_url, "backup", "create")
    assert code == 2 and "may not make a backup of the database (only administrator or operator)" in err
    assert not backups_dir().exists() or not any(backups_dir().iterdir())


def test_a_file_that_is_no_backup_is_refused_in_chinese(demo_url, monkeypatch, capsys, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00" * 4096)
    monkeypatch.setenv("CHANNELMGR_LANG", "zh")
    code, _, err = run_as(monkeypatch, capsys, "owner", "--db", demo_url, "backup", "restore", str(junk), "--yes")
    assert code == 2 and f"{junk} 不是 SQLite 数据库" in err
