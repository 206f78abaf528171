"""Backups of the SQLite database: make one (by hand or daily), list them, preview one, restore.

A backup is written to a temporary file in the backups folder with the online backup API
(snapshot.py), checked (``PRAGMA integrity_check``, a schema version present) and only then
renamed to ``channelmgr-YYYYMMDD-HHMMSS.sqlite3``; the retention policy then prunes the files of
that name pattern and never touches anything else in the folder. A restore checks the very bytes
it will restore (a private copy), backs up the current database first, copies the backup into the
live database with the same API (one transaction: other desks see the old or the new database,
never half of each), upgrades an older schema and records the restore in the audit trail; a
refused file changes nothing and is recorded too.

PostgreSQL databases are backed up with pg_dump / pg_restore (README.md, "Backups").
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from alembic.script import ScriptDirectory

from ..actor import Actor
from ..config import backups_dir
from ..db.engine import Database
from ..db.migrate import alembic_config, upgrade_to_head
from ..db.models import Setting
from ..errors import UserError
from ..security.audit import record
from ..security.roles import Permission, requires
from .retention import to_keep
from .snapshot import BackupInvalid, Contents, copy_database, read_contents

SETTING_KEY = "backups"
NAME = re.compile(r"^channelmgr-(\d{8}-\d{6})(?:-(\d+))?(-before-restore)?\.sqlite3$")
DUE_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class BackupSettings:
    folder: str = ""  # empty: backups/ in the data folder
    keep_daily: int = 14
    keep_weekly: int = 8


@dataclass(frozen=True)
class BackupFile:
    path: Path
    at: datetime  # from the name: when it was made (the desk's local time)
    size: int
    before_restore: bool = False
    seq: int = 1  # the second backup made in the same second is "-2"


@dataclass(frozen=True)
class Preview:
    file: BackupFile
    contents: Contents
    newer_schema: bool = False


@dataclass(frozen=True)
class Restored:
    preview: Preview
    safety_backup: BackupFile  # the database as it was just before


class BackupService:
    def __init__(self, db: Database, now: Callable[[], datetime] = datetime.now):
        self.db = db
        self.now = now  # the tests pass a clock to make a month of backups without waiting

    # settings ---------------------------------------------------------------------------
    def settings(self) -> BackupSettings:
        with self.db.session() as s:
            row = s.get(Setting, SETTING_KEY)
            stored = row.value if row is not None and isinstance(row.value, dict) else {}
        known = {k: v for k, v in stored.items() if k in BackupSettings.__dataclass_fields__}
        return BackupSettings(**known)

    def folder(self, settings: BackupSettings | None = None) -> Path:
        chosen = (settings or self.settings()).folder
        return Path(chosen).expanduser() if chosen else backups_dir()

    @requires(Permission.SETTINGS)
    def update_settings(self, settings: BackupSettings, actor: Actor) -> BackupSettings:
        settings = replace(settings, folder=settings.folder.strip())
        for field, value, least in (("keep_daily", settings.keep_daily, 1), ("keep_weekly", settings.keep_weekly, 0)):
            if not isinstance(value, int) or not least <= value <= 1000:
                raise UserError(f"Backups: {field} must be a whole number from {least} to 1000, not {value!r}",
                                f"备份：{'保留天数' if field == 'keep_daily' else '保留周数'}须为 {least}–1000 的整数，而不是 {value!r}")
        if settings.folder and Path(settings.folder).expanduser().exists() and not Path(settings.folder).expanduser().is_dir():
            raise UserError(f"Backups: {settings.folder} is a file, not a folder",
                            f"备份：{settings.folder} 是文件，不是文件夹")
        before = self.settings()
        with self.db.session() as s:
            row = s.get(Setting, SETTING_KEY)
            if row is None:
                s.add(Setting(key=SETTING_KEY, value=asdict(settings)))
            else:
                row.value = asdict(settings)
            record(s, actor, "update", "backup_settings", "", asdict(before), asdict(settings))
        return settings

    # listing ----------------------------------------------------------------------------
    def list(self) -> list[BackupFile]:
        """The backups this program made in the folder, newest first (other files are not ours)."""
        folder = self.folder()
        if not folder.is_dir():
            return []
        found = []
        for path in folder.iterdir():
            match = NAME.match(path.name)
            if match and path.is_file():
                at = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
                found.append(BackupFile(path, at, path.stat().st_size, bool(match.group(3)), int(match.group(2) or 1)))
        return sorted(found, key=lambda b: (b.at, b.seq), reverse=True)

    def last(self) -> BackupFile | None:
        backups = self.list()
        return backups[0] if backups else None

    def is_due(self) -> bool:
        last = self.last()
        return last is None or self.now() - last.at >= DUE_AFTER

    # making -----------------------------------------------------------------------------
    @requires(Permission.BACKUP)
    def create(self, actor: Actor) -> BackupFile:
        made = self._make()
        self._audit(actor, "backup", {"file": str(made.path), "size": made.size})
        self.prune()
        return made

    @requires(Permission.BACKUP)
    def create_if_due(self, actor: Actor) -> BackupFile | None:
        """The daily backup: made when the newest is a day old (or there is none)."""
        return self.create(actor) if self.is_due() else None

    def prune(self) -> list[Path]:
        """Delete our backups that the retention policy no longer keeps; return what went.

        Everything younger than a day stays too: "Back up now" before a risky change must not be
        pruned by the next backup of the same day."""
        settings = self.settings()
        backups = self.list()
        keep = to_keep(((b.at, b.path) for b in backups), settings.keep_daily, settings.keep_weekly)
        keep |= {b.path for b in backups if self.now() - b.at < DUE_AFTER}
        gone = [b.path for b in backups if b.path not in keep]
        for path in gone:
            path.unlink(missing_ok=True)
        return gone

    def _make(self, before_restore: bool = False) -> BackupFile:
        self._live_file()  # PostgreSQL and in-memory databases are refused with the way to go
        folder = self.folder()
        folder.mkdir(parents=True, exist_ok=True)
        at = self.now().replace(microsecond=0)
        target = self._free_name(folder, at, before_restore)
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=".channelmgr-", suffix=".part")
        os.close(fd)
        temp = Path(temp_name)
        temp.unlink()  # sqlite3 makes the file itself
        try:
            raw = self.db.engine.raw_connection()
            try:
                copy_database(raw.driver_connection, temp)
            finally:
                raw.close()
            read_contents(temp)  # integrity and schema version, before it may carry the name
            os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return BackupFile(target, at, target.stat().st_size, before_restore)

    @staticmethod
    def _free_name(folder: Path, at: datetime, before_restore: bool) -> Path:
        stem, tail = f"channelmgr-{at:%Y%m%d-%H%M%S}", "-before-restore" if before_restore else ""
        candidate, n = folder / f"{stem}{tail}.sqlite3", 1
        while candidate.exists():  # two backups in one second (a restore right after "Back up now")
            n += 1
            candidate = folder / f"{stem}-{n}{tail}.sqlite3"
        return candidate

    # preview and restore ----------------------------------------------------------------
    def preview(self, path: str | Path) -> Preview:
        """What ``path`` holds; BackupInvalid if it cannot be restored (and why)."""
        return self._inspect(Path(path), Path(path))

    @requires(Permission.RESTORE)
    def restore_preview(self, path: str | Path, actor: Actor) -> Preview:
        """The preview shown before a restore: a file refused here is an attempt in the audit trail."""
        try:
            return self._inspect(Path(path), Path(path))
        except BackupInvalid as refused:
            self._audit(actor, "restore_refused", {"file": str(path), "reason": str(refused)})
            raise

    @requires(Permission.RESTORE)
    def restore(self, path: str | Path, actor: Actor) -> Restored:
        path = Path(path)
        self._live_file()
        with tempfile.TemporaryDirectory(prefix="channelmgr-restore-") as tmp:
            staged = Path(tmp) / "restore.sqlite3"
            try:
                try:
                    shutil.copyfile(path, staged)  # what is checked is what is restored
                except OSError as exc:
                    raise BackupInvalid(f"Cannot read {path}: {exc.strerror or exc}",
                                        f"无法读取 {path}：{exc.strerror or exc}") from None
                preview = self._inspect(staged, path)
            except BackupInvalid as refused:
                self._audit(actor, "restore_refused", {"file": str(path), "reason": str(refused)})
                raise
            safety = self._make(before_restore=True)
            raw = self.db.engine.raw_connection()
            try:
                with closing(sqlite3.connect(staged)) as source:
                    source.backup(raw.driver_connection, pages=-1)
            finally:
                raw.close()
        self.db.engine.dispose()  # no pooled connection keeps a view of the old database
        upgrade_to_head(self.db.engine)  # a backup made by an older channelmgr
        self._audit(actor, "restore", {"file": str(path), "revision": preview.contents.revision,
                                       "counts": preview.contents.counts, "safety_backup": str(safety.path)})
        return Restored(preview, safety)

    def _inspect(self, readable: Path, shown: Path) -> Preview:
        contents = read_contents(readable)
        known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
        if contents.revision not in known:
            raise BackupInvalid(
                f"{shown} was made by a newer channelmgr (schema {contents.revision} is unknown to this version); "
                "update channelmgr to restore it",
                f"{shown} 由更新版本的 channelmgr 创建（结构版本 {contents.revision} 本版本不认识）；请先升级 channelmgr 再恢复")
        match = NAME.match(shown.name)
        at = (datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match
              else datetime.fromtimestamp(shown.stat().st_mtime).replace(microsecond=0))
        size = readable.stat().st_size
        return Preview(BackupFile(shown, at, size, bool(match and match.group(3))), contents)

    def _live_file(self) -> Path:
        if not self.db.is_sqlite:
            raise UserError(
                "This database is PostgreSQL: channelmgr backs up SQLite files only. Back it up with "
                "pg_dump (pg_dump -Fc -f channelmgr.dump URL) and restore with pg_restore (README.md, Backups)",
                "此数据库是 PostgreSQL：channelmgr 只备份 SQLite 文件。请用 pg_dump 备份"
                "（pg_dump -Fc -f channelmgr.dump URL），用 pg_restore 恢复（见 README.md「备份」）")
        name = self.db.engine.url.database
        if not name or name == ":memory:":
            raise UserError("An in-memory database has no file to back up", "内存数据库没有可备份的文件")
        return Path(name)

    def _audit(self, actor: Actor, action: str, after: dict) -> None:
        with self.db.session() as s:
            record(s, actor, action, "database", "", None, after)
