"""A channel password is never in the database file, the logs, the audit trail or a report."""

from __future__ import annotations

import logging
from pathlib import Path

from channelmgr.channels.sandbox import FaultRule
from channelmgr.db.models import AuditEntry, Channel, SyncLog
from channelmgr.security.vault import Vault
from tests.support.sync_world import ACTOR, PASSWORD


def _database_bytes(world) -> bytes:
    path = Path(world.db.engine.url.database)
    # SQLite in WAL mode keeps recent pages in the -wal file until a checkpoint: read both.
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_credentials_are_absent_from_the_sqlite_file_and_the_captured_logs(world, ota, caplog):
    caplog.set_level(logging.DEBUG)
    ota.set_faults([FaultRule("error", count=1), FaultRule("reset", count=1)])
    report = world.push()
    assert report.in_sync
    world.channels.update(ACTOR, world.channel_id, password="new-" + PASSWORD)
    world.channels.update(ACTOR, world.channel_id, password=PASSWORD)

    secret = PASSWORD.encode()
    assert secret not in _database_bytes(world)
    assert PASSWORD not in caplog.text and "owner:" not in caplog.text
    assert PASSWORD not in repr(report) and PASSWORD not in str(report.to_json())
    with world.db.session() as s:
        channel = s.get(Channel, world.channel_id)
        assert Vault().decrypt(channel.secret_encrypted) == PASSWORD  # stored, but only encrypted
        assert all(PASSWORD not in str(a.before) + str(a.after) for a in s.query(AuditEntry))
        assert all(PASSWORD not in row.error for row in s.query(SyncLog))
    assert PASSWORD not in repr(world.channels.get(_pid(world), "sandbox"))


def test_a_password_the_channel_echoes_back_is_scrubbed_from_the_log(world, ota):
    world.channels.map(ACTOR, world.channel_id, room_type="LKV", rate_plan="BAR",
                       remote_room="R-LKV", remote_rate=PASSWORD)  # the refusal text quotes the code
    report = world.push()
    assert report.cells_refused
    assert all(PASSWORD not in e for e in report.errors)
    with world.db.session() as s:
        errors = [row.error for row in s.query(SyncLog) if row.error]
    assert errors and all(PASSWORD not in e and "***" in e for e in errors)


def test_a_wrong_password_is_an_error_not_a_crash(world):
    world.channels.update(ACTOR, world.channel_id, password="wrong")
    report = world.push()
    assert report.state.value == "error" and "credentials" in report.errors[0]
    assert report.requests_sent == 1  # stops at the first refusal instead of trying every request
    world.channels.update(ACTOR, world.channel_id, password=PASSWORD)
    assert world.push().in_sync


def _pid(world) -> int:
    with world.db.session() as s:
        return s.get(Channel, world.channel_id).property_id
