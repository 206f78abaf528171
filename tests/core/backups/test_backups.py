"""Backups of the SQLite database: consistent while another thread writes, checked, pruned by the
retention policy (a clock is passed, nothing sleeps), previewed and restored; a bad file is
refused with nothing changed and the refusal is in the audit trail."""

from __future__ import annotations

import random
import sqlite3
import threading
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, inspect as sa_inspect, select, text

from channelmgr.actor import SYSTEM, Actor
from channelmgr.backups.service import BackupService, BackupSettings
from channelmgr.backups.snapshot import BackupInvalid, read_contents
from channelmgr.db.models import AuditEntry, CalendarDay, Channel, Reservation, RoomType, User
from channelmgr.demo import load_demo
from channelmgr.errors import UserError
from channelmgr.services import Services

ADMIN = Actor("owner", "test", "system")


class Clock:
    def __init__(self, at: datetime):
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def services(db):
    load_demo(db, accounts=True)
    s = Services(db)
    yield s
    s.close()


@pytest.fixture
def clock():
    return Clock(datetime(2026, 3, 1, 3, 0, 0))


@pytest.fixture
def backups(services, clock):
    return BackupService(services.db, now=clock)


def _rows(db):
    """Every row of every table but the audit trail (what a refused restore must leave alone)."""
    with db.session() as s:
        names = [t for t in sa_inspect(s.get_bind()).get_table_names() if t != "audit_entry"]
        return {t: sorted(map(repr, s.execute(text(f"SELECT * FROM {t}")).all())) for t in names}


def test_a_backup_is_a_checked_file_with_a_timestamped_name(backups, services, clock):
    made = backups.create(SYSTEM)
    assert made.path.name == "channelmgr-20260301-030000.sqlite3"
    assert made.path.parent == backups.folder() and backups.folder().parent.name == "data"  # the data folder
    assert [p.name for p in made.path.parent.iterdir()] == [made.path.name]  # no temporary left
    with closing(sqlite3.connect(made.path)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file, no -wal
    again = backups.create(SYSTEM)  # the same second: a second name, not an overwrite
    assert again.path.name == "channelmgr-20260301-030000-2.sqlite3"
    assert [b.path for b in backups.list()] == [again.path, made.path]


def test_backup_while_another_thread_writes_is_one_committed_state(backups, services):
    """The writer commits batches of 25 audit rows; a torn copy would hold a part of a batch."""
    db, batch, stop = services.db, 25, threading.Event()
    with db.session() as s:
        start = s.scalar(select(func.count()).select_from(AuditEntry))
    written = []

    def write() -> None:
        n = 0
        while not stop.is_set():
            with db.session() as s:
                s.execute(insert(AuditEntry), [{"actor": "writer", "action": "w", "entity": "test",
                                                "entity_id": str(n), "cause": "x" * 150} for _ in range(batch)])
            n += 1
            written.append(n)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        while len(written) < 3:  # the writer is really running before the first copy
            threading.Event().wait(0.001)
        made = [backups.create(SYSTEM) for _ in range(4)]
        committed_while = len(written)
    finally:
        stop.set()
        writer.join()
    seen = []
    for backup in made:
        read_contents(backup.path)  # integrity ok, schema version present
        with closing(sqlite3.connect(backup.path)) as con:
            rows = con.execute("SELECT count(*) FROM audit_entry WHERE actor = 'writer'").fetchone()[0]
            batches = con.execute("SELECT count(DISTINCT entity_id) FROM audit_entry WHERE actor = 'writer'").fetchone()[0]
        assert rows == batches * batch  # whole batches only
        seen.append(batches)
    assert seen == sorted(seen) and seen[-1] >= 3 and seen[0] <= committed_while
    assert start >= 0


def test_preview_counts_what_the_backup_holds(backups, services):
    with services.db.session() as s:
        newest = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        revision = s.scalar(text("SELECT version_num FROM alembic_version"))
    made = backups.create(SYSTEM)
    with services.db.session() as s:
        s.add(CalendarDay(room_type_id=s.scalar(select(RoomType.id).limit(1)), night=datetime(2026, 5, 1).date(),
                          rooms_closed=1))  # after the backup: not in its counts
        expected = {"room_types": s.scalar(select(func.count()).select_from(RoomType)),
                    "reservations": s.scalar(select(func.count()).select_from(Reservation)),
                    "calendar_nights": 0,
                    "channels": s.scalar(select(func.count()).select_from(Channel)),
                    "users": s.scalar(select(func.count()).select_from(User))}
    preview = backups.preview(made.path)
    assert preview.contents.counts == expected and expected["reservations"] > 0 and expected["users"] == 3
    assert preview.contents.revision == revision
    assert preview.file.at == datetime(2026, 3, 1, 3, 0, 0)
    assert preview.contents.newest_change.endswith(f"{newest.actor} {newest.action} {newest.entity}")


def test_restore_brings_back_the_backup_and_keeps_the_database_as_it_was(backups, services, clock):
    pid = services.inventory.property_id(None)
    old_phone = services.properties.details(pid).phone
    made = backups.create(SYSTEM)
    details = services.properties.details(pid)
    services.properties.update(SYSTEM, details.changed(phone="0872-9990000"))
    clock.at += timedelta(hours=2)
    done = backups.restore(made.path, ADMIN)
    assert services.properties.details(pid).phone == old_phone  # read back through the services
    assert done.safety_backup.before_restore and done.safety_backup.path.name.endswith("-before-restore.sqlite3")
    with closing(sqlite3.connect(done.safety_backup.path)) as con:
        assert con.execute("SELECT phone FROM property").fetchone() == ("0872-9990000",)
    with services.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "restore")).one()
    assert entry.actor == "owner" and entry.after["file"] == str(made.path)
    assert entry.after["safety_backup"] == str(done.safety_backup.path)


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page, len(data), page):  # every b-tree page's header, the first page kept
        data[offset:offset + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))


def _flip(path: Path) -> None:
    # One bit pattern inside every page after the schema: SQLite opens it and its integrity
    # report runs over several lines.
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    rnd = random.Random(5)
    for number in range(2, len(data) // page):
        data[number * page + rnd.randrange(100, page - 100)] ^= 0x55
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _random(path: Path) -> None:
    path.write_bytes(random.Random(13).randbytes(200_000))


def _newer(path: Path) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute("UPDATE alembic_version SET version_num = '0099_from_a_newer_version'")
        con.commit()


@pytest.mark.parametrize("spoil, says", [(_corrupt, "damaged"), (_flip, "damaged"), (_truncate, "damaged or truncated"),
                                         (_random, "not an SQLite database"), (_newer, "newer channelmgr")])
def test_a_bad_backup_is_refused_and_nothing_changes(backups, services, tmp_path, spoil, says):
    made = backups.create(SYSTEM)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(made.path.read_bytes())
    spoil(bad)
    before, listed = _rows(services.db), backups.list()
    with pytest.raises(BackupInvalid, match=says) as why:
        backups.preview(bad)
    assert "\n" not in str(why.value) and "***" not in str(why.value)  # one line a person reads, not SQLite's report
    with pytest.raises(BackupInvalid, match=says):
        backups.restore(bad, ADMIN)
    assert _rows(services.db) == before
    assert backups.list() == listed  # not even the safety backup: nothing was started
    with services.db.session() as s:
        refused = s.scalars(select(AuditEntry).where(AuditEntry.action == "restore_refused")).one()
    assert refused.after["file"] == str(bad) and says in refused.after["reason"]


def test_restore_preview_records_a_refused_attempt(backups, services, tmp_path):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database")
    with pytest.raises(BackupInvalid) as refused:
        backups.restore_preview(bad, ADMIN)
    assert refused.value.message("zh").endswith("不是 SQLite 数据库（文件头不对）")
    with services.db.session() as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "restore_refused")) == 1


def test_retention_keeps_14_daily_and_8_weekly_and_prunes_only_its_own_files(backups, clock):
    folder = backups.folder()
    folder.mkdir(parents=True)
    foreign = [folder / "notes.txt", folder / "channelmgr-my-copy.sqlite3"]
    for path in foreign:
        path.write_text("mine")
    first = clock.at
    for day in range(71):  # one at 03:00 every day for ten weeks, and a second one on Sundays
        clock.at = first + timedelta(days=day)
        backups.create(SYSTEM)
        if clock.at.isoweekday() == 7:
            clock.at += timedelta(hours=12)
            backups.create(SYSTEM)
    clock.at = first + timedelta(days=71)  # a day after the last: nothing is young enough to stay as such
    backups.prune()
    kept = sorted(b.at for b in backups.list())
    last_day = (first + timedelta(days=70)).date()
    daily = {last_day - timedelta(days=n) for n in range(14)}
    assert {at.date() for at in kept} >= daily
    assert len({at.isocalendar()[:2] for at in kept}) == 8
    # one per day kept (the newest of the day), one per older week: 14 days + the 6 weeks before them
    assert len(kept) == len(set(at.date() for at in kept)) == 14 + 6
    assert all(at.hour == 15 for at in kept if at.isoweekday() == 7)
    assert all(path.read_text() == "mine" for path in foreign)


def test_retention_settings_are_saved_checked_and_used(backups, services, clock, tmp_path):
    with pytest.raises(UserError, match="keep_daily must be a whole number from 1 to 1000"):
        backups.update_settings(BackupSettings(keep_daily=0), ADMIN)
    assert backups.settings() == BackupSettings()
    elsewhere = tmp_path / "usb"
    backups.update_settings(BackupSettings(folder=str(elsewhere), keep_daily=2, keep_weekly=0), ADMIN)
    for day in range(5):
        clock.at = datetime(2026, 3, 1 + day, 3)
        backups.create(SYSTEM)
    assert [b.at.day for b in backups.list()] == [5, 4]
    assert all(b.path.parent == elsewhere for b in backups.list())


def test_the_daily_backup_is_made_when_the_last_is_a_day_old(backups, clock):
    assert backups.create_if_due(SYSTEM) is not None
    clock.at += timedelta(hours=23, minutes=59)
    assert backups.create_if_due(SYSTEM) is None
    clock.at += timedelta(minutes=1)
    assert backups.create_if_due(SYSTEM) is not None and len(backups.list()) == 2


def test_a_postgresql_database_is_told_to_use_pg_dump(postgres_url):
    services = Services.open(postgres_url)
    try:
        with pytest.raises(UserError, match="pg_dump") as refused:
            services.backups.create(SYSTEM)
        assert "pg_restore" in str(refused.value) and "pg_dump" in refused.value.message("zh")
    finally:
        services.close()
