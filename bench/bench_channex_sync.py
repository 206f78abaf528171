"""Channex-style sync figures, against the sandbox hub on 127.0.0.1 and a real SQLite file.

1. Requests per full sync of the demo homestay (6 room types × 2 plans, 365 nights; as loaded,
   and "priced daily": a BAR price typed for every night, a few closures and minimum stays, so the
   values run into thousands) through the Channex-style adapter, at several item limits (values
   per request), vs the minimum: for each
   endpoint, ceil(values / limit), where the values are the full desired state coalesced into
   ranges — computed here from the cells (``ranges.minimum_requests`` with the adapter's
   ``request_kind``), independently of the engine's planner. Target ratio 1.0.
2. Full-sync time (desired state, difference, values, HTTP, replies judged, acknowledgements
   recorded) vs the floor: the same request bodies, built beforehand, POSTed bare to the same hub
   with a plain ``requests.Session``. Pacing is off for this (requests_per_minute very high): the
   hub's real 10 + 10 a minute would measure the clock, not us.

Prints ``METRIC name value unit`` lines.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, time as dtime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TMP = tempfile.TemporaryDirectory()
os.environ["CHANNELMGR_DATA_DIR"] = TMP.name  # the vault key of this run, not the user's

import requests  # noqa: E402
from sqlalchemy import select  # noqa: E402

from channelmgr.channels.adapter import adapter_for, request_kind  # noqa: E402
from channelmgr.channels.channex_messages import endpoint_of  # noqa: E402
from channelmgr.channels.send_result import Credentials  # noqa: E402
from channelmgr.channels.sandbox import serve  # noqa: E402
from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.db.models import CalendarDay, PriceOverride, RatePlan, RoomType  # noqa: E402
from channelmgr.sync.acked import ValueCodec  # noqa: E402
from channelmgr.sync.channels import load_channel_config  # noqa: E402
from channelmgr.sync.desired import desired_state  # noqa: E402
from channelmgr.sync.difference import difference, plan_requests  # noqa: E402
from channelmgr.sync.engine import ChannelRuntime, SyncEngine  # noqa: E402
from channelmgr.sync.ranges import coalesce_series, minimum_requests  # noqa: E402
from tests.support.sync_world import PASSWORD, build_world, channex_listing  # noqa: E402

TODAY = date(2026, 6, 1)
HORIZON = 365
LIMITS = (10, 50, 200, 1000)
REPEATS = 5


def metric(name: str, value: float, unit: str) -> None:
    print(f"METRIC {name} {value:.4g} {unit}", flush=True)


def clock() -> datetime:
    return datetime.combine(TODAY, dtime(2, 0), tzinfo=timezone.utc)  # 10:00 in Dali


def price_daily(db) -> None:
    """A BAR price for every night (seeded), and now and then a closed room or a minimum stay."""
    rng = random.Random(12)
    with db.session() as s:
        for plan in s.scalars(select(RatePlan).where(RatePlan.code == "BAR")):
            base = plan.base_price_minor or 40000
            s.add_all(PriceOverride(rate_plan_id=plan.id, night=TODAY + timedelta(days=i),
                                    price_minor=base + 1000 * rng.randrange(-5, 12)) for i in range(HORIZON))
        for room_type in s.scalars(select(RoomType)):
            for i in rng.sample(range(HORIZON), 25):
                s.add(CalendarDay(room_type_id=room_type.id, night=TODAY + timedelta(days=i),
                                  rooms_closed=1 if i % 2 else 0, min_stay=2 if i % 3 == 0 else None))


def requests_vs_minimum(scenario: str) -> None:
    adapter = adapter_for("channex")
    for limit in LIMITS:
        db = open_database(f"sqlite:///{TMP.name}/{scenario}{limit}.sqlite3")
        hub = serve(listings=[channex_listing("P1", horizon_days=HORIZON + 5)], today=lambda: TODAY)
        world = build_world(db, hub, TODAY, hotel_code="P1", protocol="channex", clock=clock,
                            horizon_days=HORIZON, max_items_per_request=limit)
        if scenario == "priced_daily":
            price_daily(db)
        engine = SyncEngine(db, clock=clock)
        runtime = ChannelRuntime()
        with db.session() as s:
            channel = load_channel_config(s, world.channel_id)
            desired = desired_state(s, channel, TODAY)
        cells = [prototype.with_value(night, value) for prototype, values in desired.series
                 for night, value in values.items()]
        values = coalesce_series(desired.series, weekday_patterns=channel.settings.weekday_patterns)
        per_endpoint = {name: sum(1 for r in values if endpoint_of(r) == name) for name in ("availability", "restrictions")}
        minimum = minimum_requests(cells, limit, items_per_range=adapter.items_per_range, weekday_patterns=True,
                                   request_kind=request_kind(adapter))
        report = engine.run_pass(world.channel_id, runtime, full=True)
        assert report.in_sync, report.errors
        counters = hub.counters("P1")
        sent = counters["channex:POST availability"] + counters["channex:POST restrictions"]
        assert sent == report.requests_sent and counters["items_refused"] == 0
        name = f"channex_{scenario}_full"
        if limit == LIMITS[0]:
            metric(f"{name}_cells", len(cells), "cells")
            metric(f"{name}_values_availability", per_endpoint["availability"], "values")
            metric(f"{name}_values_restrictions", per_endpoint["restrictions"], "values")
        metric(f"{name}_requests_limit{limit}", sent, "requests")
        metric(f"{name}_requests_minimum_limit{limit}", minimum, "requests")
        metric(f"{name}_requests_vs_minimum_limit{limit}", sent / minimum, "ratio")
        runtime.close()
        world.sync.shutdown()
        hub.stop()
        db.dispose()


def full_sync_vs_bare_posts(limit: int = 1000) -> None:
    db = open_database(f"sqlite:///{TMP.name}/timing.sqlite3")
    hub = serve(listings=[channex_listing("P1", horizon_days=HORIZON + 5)], today=lambda: TODAY)
    world = build_world(db, hub, TODAY, hotel_code="P1", protocol="channex", clock=clock,
                        horizon_days=HORIZON, max_items_per_request=limit)
    price_daily(db)
    engine = SyncEngine(db, clock=clock)
    runtime = ChannelRuntime()
    engine.run_pass(world.channel_id, runtime, full=True)  # warm: connections, caches, the hub's state

    with db.session() as s:  # the very bodies a full sync sends, built outside the floor's clock
        channel = load_channel_config(s, world.channel_id)
        desired = desired_state(s, channel, TODAY)
    adapter = adapter_for("channex")
    groups = plan_requests(difference(desired, {}, ValueCodec()), channel.settings, adapter.items_per_range,
                           request_kind(adapter))
    connection = adapter.connect(channel.endpoint, channel.hotel_code, Credentials("", PASSWORD), session=None,
                                 timeout=(5, 30), settings=channel.settings)
    bodies = [(connection.client.url_for(m), m.body) for m in map(connection.availability_message, groups)]

    full, floor = [], []
    session = requests.Session()
    headers = {"user-api-key": PASSWORD, "Content-Type": "application/json"}
    for _ in range(REPEATS):
        started = time.perf_counter()
        report = engine.run_pass(world.channel_id, runtime, full=True)
        full.append(time.perf_counter() - started)
        assert report.in_sync and report.requests_sent == len(bodies), (report.errors, len(bodies))
        started = time.perf_counter()
        for url, body in bodies:
            reply = session.post(url, data=body, headers=headers, timeout=30)
            assert reply.status_code == 200
        floor.append(time.perf_counter() - started)
    full_p50, floor_p50 = statistics.median(full), statistics.median(floor)
    metric("channex_priced_daily_full_sync_requests", len(bodies), "requests")
    metric("channex_priced_daily_full_sync_bytes", sum(len(b) for _u, b in bodies), "bytes")
    metric("channex_priced_daily_full_sync_p50", 1000 * full_p50, "ms")
    metric("channex_priced_daily_bare_post_floor_p50", 1000 * floor_p50, "ms")
    metric("channex_priced_daily_full_sync_vs_bare_post_floor", full_p50 / floor_p50, "ratio")
    runtime.close()
    world.sync.shutdown()
    hub.stop()
    db.dispose()


if __name__ == "__main__":
    requests_vs_minimum("demo")
    requests_vs_minimum("priced_daily")
    full_sync_vs_bare_posts()
