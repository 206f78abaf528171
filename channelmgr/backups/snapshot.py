"""Copying an SQLite database page by page with the online backup API, and checking a copy.

``sqlite3.Connection.backup`` with ``pages=-1`` copies every page in one step inside one read
transaction: the copy is the database as of one commit, even while other connections (the sync
lanes, another desk) keep writing. A bare file copy of a WAL database can tear between the main
file and its ``-wal``.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError

SQLITE_MAGIC = b"SQLite format 3\x00"

# what a preview counts: (label, table); a table an older schema did not have counts as None
COUNTED = (("room_types", "room_type"), ("reservations", "reservation"), ("calendar_nights", "calendar_day"),
           ("channels", "channel"), ("users", "app_user"))


class BackupInvalid(UserError):
    """A file that is not a usable channelmgr backup; the message says which and why."""


@dataclass(frozen=True)
class Contents:
    """What a backup file holds, read without changing it."""

    revision: str
    counts: dict[str, int | None]
    newest_change: str | None  # "2026-12-06 10:31:02 owner update calendar" from the audit trail


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """The whole of ``source`` into a new SQLite file ``target`` (which must not exist yet)."""
    with closing(sqlite3.connect(target)) as dest:
        source.backup(dest, pages=-1)
        dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it


def read_contents(path: Path) -> Contents:
    """Check ``path`` is a whole, sound channelmgr database and say what it holds.

    Raises BackupInvalid for a file that is not SQLite, is truncated or corrupt, or has no
    channelmgr schema; nothing is written to the file (it is opened read-only).
    """
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as exc:
        raise BackupInvalid(f"Cannot read {path}: {exc.strerror or exc}", f"无法读取 {path}：{exc.strerror or exc}") from None
    if not head.startswith(SQLITE_MAGIC):
        raise BackupInvalid(f"{path} is not an SQLite database (it does not start with the SQLite header)",
                            f"{path} 不是 SQLite 数据库（文件头不对）")
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as con:
            problems = [row[0] for row in con.execute("PRAGMA integrity_check(5)")]
            if problems != ["ok"]:
                first, more = _first_problem(problems)
                raise BackupInvalid(f"{path} is damaged (integrity check: {first}{f'; {more} more' if more else ''})",
                                    f"{path} 已损坏（完整性检查：{first}{f'；另有 {more} 处' if more else ''}）")
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                raise BackupInvalid(f"{path} is an SQLite file but not a channelmgr database (no schema version)",
                                    f"{path} 是 SQLite 文件，但不是 channelmgr 数据库（没有结构版本）")
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None:
                raise BackupInvalid(f"{path} has an empty schema version", f"{path} 的结构版本为空")
            counts = {label: (con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if table in tables else None)
                      for label, table in COUNTED}
            newest = None
            if "audit_entry" in tables:
                last = con.execute("SELECT at, actor, action, entity FROM audit_entry "
                                   "ORDER BY at DESC, id DESC LIMIT 1").fetchone()
                if last is not None:
                    newest = f"{str(last[0])[:19]} {last[1]} {last[2]} {last[3]}"
            return Contents(revision=row[0], counts=counts, newest_change=newest)
    except sqlite3.DatabaseError as exc:  # truncated, "file is not a database", malformed pages
        raise BackupInvalid(f"{path} is damaged or truncated ({exc})", f"{path} 已损坏或不完整（{exc}）") from None


def _first_problem(problems: list[str]) -> tuple[str, int]:
    """SQLite's integrity report as one line for a person: its first finding and how many more.
    The report spans lines and starts with a "*** in database main ***" banner that says nothing."""
    lines = [line.strip() for problem in problems for line in problem.splitlines()
             if line.strip() and not line.strip().startswith("***")]
    return (lines[0] if lines else "failed"), max(0, len(lines) - 1)
