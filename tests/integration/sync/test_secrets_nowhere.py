"""A planted channel password and API key are in no byte the program writes: the database and its
WAL, the log files, every export (each .xlsx unzipped), the audit export and the sync log's CSV —
after pushes with faults, a refused channel, an altered token and every kind of export."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import update

from channelmgr.channels.sandbox import FaultRule
from channelmgr.cli import main
from channelmgr.config import data_dir
from channelmgr.db.models import Channel
from channelmgr.security.audit_trail import AuditFilter, AuditTrail
from tests.support.sync_world import ACTOR, PASSWORD, add_sandbox_channel

API_KEY = "ak_live_PLANTED_7f3e9c1d2b8a4e6f"


@pytest.fixture
def log_file():
    """The program's log as a desk writes it (every level), in the data folder."""
    path = data_dir() / "channelmgr.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    handler.close()
    root.setLevel(old_level)
    for h in [h for h in root.handlers if str(getattr(h, "baseFilename", "")).startswith(str(data_dir()))]:
        root.removeHandler(h)  # the CLI's sync.log handler of this test's data folder
        h.close()


def _bytes_of(path: Path) -> list[tuple[str, bytes]]:
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return [(f"{path.name}:{name}", z.read(name)) for name in z.namelist()]
    return [(path.name, path.read_bytes())]


def test_the_planted_secrets_are_in_no_file_written(world, ota, log_file, tmp_path, monkeypatch):
    pid = world.channels.get(_pid(world), "sandbox").property_id
    # a second channel, mapped, whose password is an API key the sandbox does not accept
    hub_id = add_sandbox_channel(world.channels, ota, "hub", "H1", horizon_days=10)
    world.channels.update(ACTOR, hub_id, password=API_KEY)
    ota.set_faults([FaultRule("error", count=1), FaultRule("reset", count=1)])
    assert world.push().in_sync
    hub = world.channels.get(pid, "hub")
    assert world.sync.push(hub.id, actor=ACTOR).result(timeout=60).errors  # refused credentials
    world.sync.pull_reservations(world.channel_id, actor=ACTOR).result(timeout=60)
    world.channels.update(ACTOR, hub.id, password=API_KEY + "-old")
    world.channels.update(ACTOR, hub.id, password=API_KEY)
    # an altered token: refused, audited, logged — without the key
    with world.db.session() as s:
        token = s.get(Channel, hub.id).secret_encrypted
        s.execute(update(Channel).where(Channel.id == hub.id).values(secret_encrypted=token[:-4] + b"AAAA"))
    refused = world.sync.push(hub.id, actor=ACTOR).result(timeout=60)
    assert refused.requests_sent == 0 and "hub" in refused.errors[0] and _audited(world, "hub")

    url = world.db.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "out"
    out.mkdir()
    main(["--db", url, "sync", "--channel", "hub", "--no-pull"])  # the CLI's own sync.log
    start, end = world.today.isoformat(), (world.today.replace(day=28)).isoformat()
    for argv in (["export", "rooms", "-o", str(out / "rooms.xlsx")],
                 ["export", "calendar", "-o", str(out / "calendar.xlsx"), "--from", start, "--to", end],
                 ["export", "reservations", "-o", str(out / "reservations.xlsx")],
                 ["export", "reservations", "-o", str(out / "reservations-clear.xlsx"), "--unmasked"],
                 ["export", "report", "-o", str(out / "report.xlsx"), "--from", start, "--to", end],
                 ["export", "extranet", "--channel", "meituan", "-o", str(out / "meituan.xlsx"), "--from", start,
                  "--to", end],
                 ["audit", "-o", str(out / "audit.xlsx")],
                 ["audit", "-o", str(out / "audit-clear.xlsx"), "--unmasked"]):
        assert main(["--db", url, *argv]) == 0, argv
    world.sync.export_log(world.sync.log(pid), out / "sync-log.csv")
    world.sync.export_log(world.sync.log(pid), out / "sync-log-clear.csv", unmasked_by=ACTOR)

    db_path = Path(world.db.engine.url.database)
    files = [p for p in (db_path, Path(f"{db_path}-wal")) if p.exists()]
    files += sorted(data_dir().glob("*.log")) + sorted(out.iterdir())
    assert {p.name for p in files} >= {db_path.name, f"{db_path.name}-wal", "channelmgr.log", "sync.log",
                                       "reservations.xlsx", "audit.xlsx", "sync-log.csv"}
    assert log_file.stat().st_size > 0 and (data_dir() / "sync.log").stat().st_size > 0
    for name, content in (part for p in files for part in _bytes_of(p)):
        for secret in (PASSWORD, API_KEY):
            assert secret.encode() not in content, f"{secret} found in {name}"
            assert secret.encode("utf-16-le") not in content, f"{secret} (UTF-16) found in {name}"


def _audited(world, channel: str) -> bool:
    rows = AuditTrail(world.db).query(AuditFilter(entity_id=channel))
    return any(r.action == "secret_unreadable" for r in rows)


def _pid(world) -> int:
    with world.db.session() as s:
        return s.get(Channel, world.channel_id).property_id
