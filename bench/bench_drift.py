"""The drift audit of 50 room types × 2 rate plans × 365 nights, excluding the network (issue 12).

The large property of bench_sync (50 room types of 3–8 rooms, bookings, weekend and season prices,
holiday minimum stays, repairs) on a real SQLite file, one channel mapping every room type and plan.
The channel's read-back is already in memory: the desired state with 1 % of the cells changed, as
if someone had edited them on the OTA's extranet.

Timed (best of 7, interleaved):

* ``drift_audit`` — the audit as it runs, read-back aside: ``DriftAuditor.audit`` with its
  ``_read_back`` answering from memory (channel, desired state from the database, acknowledged
  state, per-field compare, the run recorded in the sync log);
* ``drift_compare_only`` — ``drift.compare`` alone on the values already loaded;
* the floor — raw SQL fetching the rows the desired state is made of (calendar settings, price
  overrides, bookings in the window, the channel's acknowledged cells), through the same driver.

Prints ``METRIC name value unit`` lines; target: the audit under 1 s.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_sync import TMP, _bulk_map, _large_property  # noqa: E402  (sets the data dir too)
from sqlalchemy import select  # noqa: E402

from channelmgr.actor import Actor  # noqa: E402
from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.db.models import RatePlan, RoomType  # noqa: E402
from channelmgr.inventory.nights import local_today, property_today, utc_now  # noqa: E402
from channelmgr.sync.acked import ValueCodec, load_acked  # noqa: E402
from channelmgr.sync.channel_settings import ChannelSettings  # noqa: E402
from channelmgr.sync.channels import ChannelService, load_channel_config  # noqa: E402
from channelmgr.sync.desired import desired_state  # noqa: E402
from channelmgr.sync.drift import AuditStatus, compare, desired_values  # noqa: E402
from channelmgr.sync.drift_audit import DriftAuditor  # noqa: E402
from channelmgr.sync.engine import SyncEngine  # noqa: E402

ROOM_TYPES, HORIZON, RUNS = 50, 365, 7
CHANGED = 0.01


def metric(name: str, value: float, unit: str) -> None:
    print(f"METRIC {name} {value:.4g} {unit}", flush=True)


class InMemoryAuditor(DriftAuditor):
    """The real audit; only the channel's answer comes from memory instead of the network."""

    def __init__(self, engine, shown):
        super().__init__(engine)
        self.shown = shown

    def _read_back(self, channel, password, runtime, start, end, keys):
        return self.shown


def planted(values, rng: random.Random):
    """A copy of ``values`` with ~1 % of the cells changed (a count, a price or a min stay)."""
    shown = {}
    for key, nights in values.items():
        copy = dict(nights)
        for night in rng.sample(sorted(copy), max(1, int(len(copy) * CHANGED))):
            value = copy[night]
            if key[0] == "avail":
                copy[night] = (value[0] + 1,)
            elif key[0] == "rate":
                copy[night] = (value[0] + 1000, value[1])
            else:
                copy[night] = value[:3] + (value[3] + 1,) + value[4:]
        shown[key] = copy
    return shown


def floor_fetch(db, channel_id: int, property_id: int, start, end) -> float:
    queries = [
        ("SELECT d.room_type_id, d.night, d.rooms_closed, d.stop_sell, d.min_stay, d.max_stay, d.closed_to_arrival, "
         "d.closed_to_departure FROM calendar_day d JOIN room_type t ON t.id = d.room_type_id "
         "WHERE t.property_id = ? AND d.night >= ? AND d.night < ?", (property_id, start, end)),
        ("SELECT o.rate_plan_id, o.night, o.price_minor FROM price_override o JOIN rate_plan p ON p.id = o.rate_plan_id "
         "JOIN room_type t ON t.id = p.room_type_id WHERE t.property_id = ? AND o.night >= ? AND o.night < ?",
         (property_id, start, end)),
        ("SELECT room_type_id, arrival, departure, status FROM reservation "
         "WHERE property_id = ? AND arrival < ? AND departure > ?", (property_id, end, start)),
        ("SELECT kind, remote_room, remote_rate, guests, night, value FROM acked_state "
         "WHERE channel_id = ? AND night >= ? AND night < ?", (channel_id, start, end)),
    ]
    started = time.perf_counter()
    with db.engine.connect() as connection:
        for sql, params in queries:
            connection.exec_driver_sql(sql, tuple(p.isoformat() if hasattr(p, "isoformat") else p for p in params)
                                       ).fetchall()
    return time.perf_counter() - started


def main() -> None:
    today = local_today("Asia/Shanghai", utc_now())
    db = open_database(f"sqlite:///{TMP.name}/drift.sqlite3")
    codes = [f"T{i:02d}" for i in range(ROOM_TYPES)]
    _large_property(db, codes, today, HORIZON)
    channels = ChannelService(db)
    with db.session() as s:
        property_id = s.scalar(select(RoomType.property_id).limit(1))
        type_rows = s.execute(select(RoomType.id, RoomType.code)).all()
        plan_rows = s.execute(select(RatePlan.room_type_id, RatePlan.id, RatePlan.code)).all()
    info = channels.add(Actor("bench", "bench"), property_id, name="ota", protocol="opentravel",
                        endpoint="http://127.0.0.1:9/ota/BIG", hotel_code="BIG", username="u", password="pw-bench",
                        settings=ChannelSettings(horizon_days=HORIZON))
    _bulk_map(db, info.id, 0, type_rows, plan_rows)
    engine = SyncEngine(db)

    with db.session() as s:
        channel = load_channel_config(s, info.id)
        desired = desired_state(s, channel, property_today(s, property_id, engine.clock))
        acked = load_acked(s, info.id, desired.start, desired.end)
    shown = planted(desired_values(desired), random.Random(12))
    auditor = InMemoryAuditor(engine, shown)

    audit = compare_only = floor = float("inf")
    report = None
    for _ in range(RUNS):
        floor = min(floor, floor_fetch(db, info.id, property_id, desired.start, desired.end))
        started = time.perf_counter()
        report = auditor.audit(info.id)
        audit = min(audit, time.perf_counter() - started)
        started = time.perf_counter()
        found, compared = compare("ota", desired, shown, acked, ValueCodec())
        compare_only = min(compare_only, time.perf_counter() - started)
    assert report.status is AuditStatus.DIFFERENCES and len(report.differences) == len(found)
    print(f"# {ROOM_TYPES} room types × 2 plans × {HORIZON} nights: {report.cells_compared} cells compared, "
          f"{len(report.differences)} differences found")
    metric("drift_audit", audit * 1000, "ms")
    metric("drift_compare_only", compare_only * 1000, "ms")
    metric("drift_floor_sql_fetch", floor * 1000, "ms")
    metric("drift_audit_vs_floor", audit / floor, "x")
    db.dispose()


if __name__ == "__main__":
    main()
