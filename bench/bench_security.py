"""Users, roles, audit: what signing in, the permission check and the audit page cost.

- sign-in: one scrypt hash (N=2**15, r=8, p=1) — the floor is the same scrypt call on its own;
- the permission check on every change: one SELECT of the person's role — floor: that SELECT in
  raw SQL on the same engine;
- the audit page: 5,000 newest of 20,000 entries, flattened per field — floor: the raw fetch with
  the JSON values parsed.
"""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text  # noqa: E402

from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.db.models import AuditEntry  # noqa: E402
from channelmgr.demo import load_demo  # noqa: E402
from channelmgr.security.audit_trail import AuditFilter, AuditTrail  # noqa: E402
from channelmgr.security.roles import Permission, check  # noqa: E402
from channelmgr.security.users import UserService  # noqa: E402


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def metric(name: str, value: float, unit: str) -> None:
    print(f"METRIC {name} {value:.3f} {unit}", flush=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CHANNELMGR_DATA_DIR"] = tmp
        db = open_database(f"sqlite:///{tmp}/bench.sqlite3")
        load_demo(db, accounts=True)
        users = UserService(db)

        sign_in = best(lambda: users.authenticate("desk", "demo-desk-1"), 5)
        salt = os.urandom(16)
        scrypt = best(lambda: hashlib.scrypt(b"demo-desk-1", salt=salt, n=2**15, r=8, p=1,
                                             maxmem=64 * 1024 * 1024, dklen=32), 5)
        metric("sign_in_ms", sign_in * 1000, "ms")
        metric("sign_in_floor_scrypt_ms", scrypt * 1000, "ms")
        metric("sign_in_ratio", sign_in / scrypt, "x")

        desk = users.authenticate("desk", "demo-desk-1")
        n = 2000
        guarded = best(lambda: [check(db, desk, Permission.CALENDAR) for _ in range(n)], 3) / n
        with db.engine.connect() as conn:
            raw = best(lambda: [conn.execute(text("SELECT role, active FROM app_user WHERE username = :u"),
                                             {"u": "desk"}).first() for _ in range(n)], 3) / n
        metric("permission_check_us", guarded * 1e6, "us")
        metric("permission_check_floor_raw_select_us", raw * 1e6, "us")
        metric("permission_check_ratio", guarded / raw, "x")

        rows = [dict(actor=f"user{i % 7}", cause="bench", action="update", entity="calendar", entity_id=str(i % 50),
                     before={"min_stay": {"2026-07-01": 1, "2026-07-02": 1}},
                     after={"min_stay": {"2026-07-01": 2, "2026-07-02": 3}}) for i in range(20000)]
        with db.session() as s:
            s.execute(insert(AuditEntry), rows)
        trail = AuditTrail(db)
        page = best(lambda: trail.query(AuditFilter(limit=5000)), 3)
        with db.engine.connect() as conn:
            # the same rows with their JSON values parsed (what any reader of the trail needs)
            fetch = best(lambda: [(r, json.loads(r.before), json.loads(r.after)) for r in conn.execute(text(
                "SELECT id, at, actor, cause, action, entity, entity_id, before, after FROM audit_entry "
                "ORDER BY id DESC LIMIT 5000")).all()], 3)
        metric("audit_page_5000_of_20000_ms", page * 1000, "ms")
        metric("audit_page_floor_raw_fetch_ms", fetch * 1000, "ms")
        metric("audit_page_ratio", page / fetch, "x")
        found = best(lambda: trail.query(AuditFilter(text="user3")), 3)
        metric("audit_text_search_ms", found * 1000, "ms")
        db.dispose()


if __name__ == "__main__":
    main()
