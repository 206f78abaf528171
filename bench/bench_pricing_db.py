"""Prices from the database: 100 room types × 3 plans × 730 nights × 5 channels (≈1.1 M prices).

A temporary SQLite file holds the property: BAR / BB (+¥30) / NR (−10%) per room type, the 26
rules of bench_pricing.py stored as price_rule rows (every kind, occupancy included), 500 manual
prices, 2 000 bookings (for the occupancy rules) and 5 channels with markup settings.

Prints
  METRIC price_db_load_compute_s        a fresh PricingService: read rows, build the engine,
                                        compute every price of the 730-night horizon
  METRIC price_db_floor_s               raw DB-API fetch of the same rows + a bare Python loop
                                        building the same 1.1 M-int structure
  METRIC price_db_load_compute_ratio_to_floor
  METRIC price_db_cached_read_ms        a 60-night price_grid once warm (the freshness check)
  METRIC price_db_stamp_floor_ms        raw DB-API fetch of the rows the freshness check reads
  METRIC price_db_rule_edit_ms          update_rule of a one-room-type rule through the service:
                                        guard over 365 nights, write + audit, commit — the
                                        cached grid is refreshed in place
  METRIC price_db_read_after_edit_ms    the next 730-night read (served by the refreshed grid)
  METRIC price_db_sync_pass_s           the sync seam asked for each of 300 plans on one channel
Medians of several runs. After timing, the edited service's prices are checked against a fresh
service's, so the in-place refresh is honest.

Run:  .venv/bin/python bench/bench_pricing_db.py
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from channelmgr.actor import Actor  # noqa: E402
from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.db.models import (  # noqa: E402
    Channel,
    PriceOverride,
    Property,
    RatePlan,
    Reservation,
    Room,
    RoomType,
)
from channelmgr.pricing.edits import PutRule  # noqa: E402
from channelmgr.pricing.rule_store import RuleSpec  # noqa: E402
from channelmgr.pricing.service import PricingService  # noqa: E402

TYPES = 100
AS_OF = date(2025, 1, 1)
HORIZON = 730
NOW = datetime(2024, 12, 31, 20, 0, tzinfo=timezone.utc)  # 04:00 on 1 Jan 2025 in Shanghai
RUNS = 5
ACTOR = Actor("bench", "bench")


def clock():
    return NOW


def rule_specs() -> list[RuleSpec]:
    """bench_pricing.build_rules, as stored rows."""
    yearly = {"yearly": True}
    specs = [
        RuleSpec("weekend", "weekend", "add", 8000),
        RuleSpec("sunday", "weekdays", "percent", "-5", {"days": [6]}),
        RuleSpec("summer", "season", "factor", "1.2", {"start": "2025-07-01", "end": "2025-08-31", **yearly}),
        RuleSpec("winter", "season", "percent", "-10", {"start": "2025-11-15", "end": "2025-03-10", **yearly}),
        RuleSpec("spring_festival", "holiday", "factor", "1.8", {"holidays": ["春节"]}, min_stay=2, priority=110),
        RuleSpec("national_day", "holiday", "factor", "1.5", {"holidays": ["国庆节"]}, min_stay=2, priority=110),
        RuleSpec("short_holidays", "holiday", "factor", "1.3", {"holidays": ["元旦", "清明节", "劳动节", "端午节"]}),
        RuleSpec("eve_of_holiday", "night_before_holiday", "add", 10000),
        RuleSpec("makeup_workday", "makeup_workday", "percent", "-5"),
        RuleSpec("last_minute", "last_minute", "percent", "-10", {"within_days": 2}, priority=120),
        RuleSpec("early_bird", "early_bird", "percent", "-5", {"at_least_days": 60}, valid_to=date(2025, 12, 31)),
        RuleSpec("busy", "occupancy", "percent", "15", {"sold_at_least": "0.8"}),
        RuleSpec("almost_full", "occupancy", "percent", "10", {"sold_at_least": "0.95"}, priority=105),
        RuleSpec("ctrip_spring_promo", "season", "percent", "-5", {"start": "2025-03-01", "end": "2025-04-30"},
                 channels=("ctrip",)),
        RuleSpec("breakfast_holiday_cost", "holiday", "add", 2000, rate_plans=("BB",)),
        RuleSpec("cny_fixed_villa", "holiday", "set", 188800, {"holidays": ["春节"]}, room_types=("RT099",),
                 stage="final"),
    ]
    for i in range(10):
        specs.append(RuleSpec(f"seaview_{i}", "season", "add", 20000,
                              {"start": "2025-06-15", "end": "2025-09-15", **yearly}, room_types=(f"RT{i * 7:03d}",)))
    return specs


CHANNELS = {
    "meituan": {"rounding": "yuan", "min_price_minor": 19800},
    "ctrip": {"markup_percent": "15", "rounding": "end8", "min_price_minor": 19800, "max_price_minor": 500000},
    "tujia": {"markup_percent": "8", "rounding": "yuan"},
    "fliggy": {"markup_percent": "10", "rounding": "end9"},
    "airbnb": {"markup_percent": "3", "fixed_adjust_minor": 500, "min_price_minor": 19800},
}


def build_database(path: Path):
    db = open_database(f"sqlite:///{path}")
    rng = random.Random(1)
    with db.session() as s:
        prop = Property(code="BENCH", name_zh="基准", currency="CNY", timezone="Asia/Shanghai")
        s.add(prop)
        s.flush()
        bars, types = [], []
        for i in range(TYPES):
            rt = RoomType(property_id=prop.id, code=f"RT{i:03d}", name_zh=f"房型{i}", sort_order=i)
            s.add(rt)
            s.flush()
            types.append(rt)
            bar = RatePlan(room_type_id=rt.id, code="BAR", name_zh="标准价", base_price_minor=rng.randrange(198, 988) * 100)
            s.add(bar)
            s.flush()
            bars.append(bar)
            s.add(RatePlan(room_type_id=rt.id, code="BB", name_zh="含早", parent_id=bar.id, derive_kind="amount",
                           derive_value="3000", sort_order=1,
                           settings={"occupancy": {"standard_guests": 2, "by_guest_count": {"1": -2000},
                                                   "extra_adult_minor": 6000}}))
            s.add(RatePlan(room_type_id=rt.id, code="NR", name_zh="不可取消", parent_id=bar.id, derive_kind="percent",
                           derive_value="-10", sort_order=2))
            for n in range(5):
                s.add(Room(property_id=prop.id, room_type_id=rt.id, number=f"{i:03d}-{n}"))
        for name, settings in CHANNELS.items():
            s.add(Channel(property_id=prop.id, name=name, protocol="opentravel", settings=settings))
        nights = [AS_OF + timedelta(days=i) for i in range(HORIZON)]
        seen = set()
        for _ in range(500):
            key = (rng.choice(bars).id, rng.choice(nights))
            if key not in seen:
                seen.add(key)
                s.add(PriceOverride(rate_plan_id=key[0], night=key[1], price_minor=rng.randrange(300, 900) * 100))
        for n in range(2000):
            arrival = rng.choice(nights)
            s.add(Reservation(property_id=prop.id, source="phone", room_type_id=rng.choice(types).id,
                              arrival=arrival, departure=arrival + timedelta(days=rng.randrange(1, 5)),
                              guest_name=f"guest {n}"))
        pid = prop.id
    setup = PricingService(db, clock=clock)
    setup.apply_changes(ACTOR, pid, [PutRule(spec) for spec in rule_specs()], force=True)
    return db, pid


def raw_fetch(path: Path, tables: tuple[str, ...]) -> float:
    started = time.perf_counter()
    connection = sqlite3.connect(path)
    for table in tables:
        connection.execute(f"SELECT * FROM {table}").fetchall()
    connection.close()
    return time.perf_counter() - started


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench_pricing_db_"))
    path = folder / "bench.sqlite3"
    db, pid = build_database(path)
    start, end = AS_OF, AS_OF + timedelta(days=HORIZON)

    loads, service = [], None
    for _ in range(RUNS):
        service = PricingService(db, clock=clock)
        started = time.perf_counter()
        service.price_grid(pid, start, end, "ctrip")
        loads.append(time.perf_counter() - started)
    grid = service._cache[pid].grid
    print(f"prices computed per load: {len(grid):,} ({len(grid.rows)} rows × {len(grid.nights)} nights)")

    floors = []
    all_tables = ("room_type", "rate_plan", "price_rule", "channel", "price_override", "reservation", "room")
    template = list(range(HORIZON))
    for _ in range(RUNS):
        fetched = raw_fetch(path, all_tables)
        started = time.perf_counter()
        structure = {key: [n for n in template] for key in grid.rows}
        floors.append(fetched + time.perf_counter() - started)
    assert len(structure) == len(grid.rows)

    cached = []
    for _ in range(RUNS * 4):
        started = time.perf_counter()
        service.price_grid(pid, start, start + timedelta(days=60))
        cached.append(time.perf_counter() - started)
    stamp_floor = [raw_fetch(path, ("room_type", "rate_plan", "price_rule", "channel")) for _ in range(RUNS * 4)]

    target = service.rule(pid, "seaview_3").spec
    edits, reads = [], []
    for run in range(RUNS * 2):
        started = time.perf_counter()
        service.update_rule(ACTOR, pid, target.with_changes(value=20000 + 1000 * (run + 1)), force=True)
        edits.append(time.perf_counter() - started)
        started = time.perf_counter()
        service.price_grid(pid, start, end, "ctrip")
        reads.append(time.perf_counter() - started)

    channel = SimpleNamespace(property_id=pid, name="ctrip")
    plans = [(f"RT{i:03d}", code) for i in range(TYPES) for code in ("BAR", "BB", "NR")]
    sync_nights = [AS_OF + timedelta(days=i) for i in range(365)]
    passes = []
    for _ in range(RUNS):
        started = time.perf_counter()
        with db.session() as s:
            for room_type, code in plans:
                service.price_source(s, channel, SimpleNamespace(code=room_type), SimpleNamespace(code=code), sync_nights)
        passes.append(time.perf_counter() - started)

    # Honesty: the edited, cached service agrees with a fresh one on every channel.
    fresh = PricingService(db, clock=clock)
    for name in ("direct", *CHANNELS):
        assert service.price_grid(pid, start, end, name) == fresh.price_grid(pid, start, end, name), name
    print("checks: in-place refreshed prices == a fresh service's, every channel")

    load_s, floor_s = statistics.median(loads), statistics.median(floors)
    print(f"METRIC price_db_load_compute_s {load_s:.3f} s")
    print(f"METRIC price_db_floor_s {floor_s:.3f} s")
    print(f"METRIC price_db_load_compute_ratio_to_floor {load_s / floor_s:.1f} x")
    print(f"METRIC price_db_cached_read_ms {statistics.median(cached) * 1000:.2f} ms")
    print(f"METRIC price_db_stamp_floor_ms {statistics.median(stamp_floor) * 1000:.2f} ms")
    print(f"METRIC price_db_rule_edit_ms {statistics.median(edits) * 1000:.1f} ms")
    print(f"METRIC price_db_read_after_edit_ms {statistics.median(reads) * 1000:.1f} ms")
    print(f"METRIC price_db_sync_pass_s {statistics.median(passes):.3f} s")
    db.dispose()


if __name__ == "__main__":
    main()
