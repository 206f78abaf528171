"""Backups: what the daily backup of the demo database and of a large one costs.

- backup: BackupService.create — the online backup API copy, PRAGMA integrity_check of the copy,
  the rename and the retention pass;
- floor: a bare file copy (shutil.copyfile) of the same database file, after a WAL checkpoint so
  that the file holds everything (which a copy of a live WAL database cannot promise);
- also the backup API copy alone, to show what the integrity check adds.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text  # noqa: E402

from channelmgr.actor import SYSTEM  # noqa: E402
from channelmgr.backups.service import BackupService, BackupSettings  # noqa: E402
from channelmgr.backups.snapshot import copy_database  # noqa: E402
from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.db.models import AuditEntry  # noqa: E402
from channelmgr.demo import load_demo  # noqa: E402


def median_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(name: str, db, folder: Path, repeat: int) -> None:
    clock = [datetime(2026, 1, 1, 3)]
    service = BackupService(db, now=lambda: clock[0])
    service.update_settings(BackupSettings(folder=str(folder / "backups")), SYSTEM)
    live = Path(db.engine.url.database)

    def backup():
        clock[0] += timedelta(days=1)
        service.create(SYSTEM)

    def api_only():
        target = folder / "api.sqlite3"
        target.unlink(missing_ok=True)
        raw = db.engine.raw_connection()
        try:
            copy_database(raw.driver_connection, target)
        finally:
            raw.close()

    with db.engine.connect() as con:
        con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size = live.stat().st_size
    copy = median_of(lambda: shutil.copyfile(live, folder / "copy.sqlite3"), repeat)
    api = median_of(api_only, repeat)
    made = median_of(backup, repeat)
    print(f"METRIC backup_{name}_size {size / 1e6:.1f} MB")
    print(f"METRIC backup_{name}_file_copy {copy * 1000:.1f} ms")
    print(f"METRIC backup_{name}_api_copy {api * 1000:.1f} ms")
    print(f"METRIC backup_{name}_create {made * 1000:.1f} ms")
    print(f"METRIC backup_{name}_ratio_create_vs_copy {made / copy:.1f} x")
    print(f"METRIC backup_{name}_ratio_api_vs_copy {api / copy:.1f} x")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = open_database(f"sqlite:///{folder / 'demo.sqlite3'}")
        load_demo(demo, accounts=True)
        measure("demo", demo, folder, repeat=7)
        demo.dispose()
        big = open_database(f"sqlite:///{folder / 'big.sqlite3'}")
        load_demo(big, accounts=True)
        with big.session() as s:  # a few years of an agency's audit trail
            for chunk in range(40):
                s.execute(insert(AuditEntry), [{"actor": "desk", "action": "update", "entity": "calendar",
                                                "entity_id": str(i), "cause": "bulk edit",
                                                "before": {"rooms_closed": 0, "note": "x" * 200},
                                                "after": {"rooms_closed": 1, "note": "y" * 200}}
                                               for i in range(5000)])
        measure("large", big, folder, repeat=3)
        big.dispose()


if __name__ == "__main__":
    main()
