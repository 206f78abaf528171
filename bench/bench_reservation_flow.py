"""Booking on channel A → closed on channels B–E, on loopback, through the real code paths.

Five sandbox listings (H1 = channel A, H2–H5 = channels B–E) on 127.0.0.1, the demo homestay in
a SQLite file. Each sample: a guest books one night of a room type on H1; the clock starts; the
app pulls A (OTA_ReadRQ → ledger → OTA_NotifReportRQ) and pushes B–E in their parallel lanes; the
clock stops when all four listings show one room fewer for that night. That is three network round
trips in sequence at the least (read, report, the pushes side by side), so the floor printed
beside it — one bare HTTP round trip of a one-range notification to the same sandbox — is a third
of the best possible.

In the app the pull is started by the scheduler's periodic pass, so a booking waits up to the
poll interval before this begins; that wait is policy, not work, and is not measured here.

Prints ``METRIC name value unit`` lines.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import wait
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TMP = tempfile.TemporaryDirectory()
os.environ["CHANNELMGR_DATA_DIR"] = TMP.name  # the vault key of this run, not the user's

from channelmgr.channels.send_result import Credentials  # noqa: E402
from channelmgr.channels.opentravel_client import OpenTravelClient  # noqa: E402
from channelmgr.channels.opentravel_messages import build_notif  # noqa: E402
from channelmgr.channels.sandbox import serve  # noqa: E402
from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.sync.ranges import AvailCell, Range  # noqa: E402
from tests.support.sync_world import (PASSWORD, ROOM_CODES, add_sandbox_channel, build_world,  # noqa: E402
                                      sandbox_listing)

TODAY = date(2026, 1, 5)
OTHERS = ("H2", "H3", "H4", "H5")


def metric(name: str, value: float, unit: str) -> None:
    print(f"METRIC {name} {value:.4g} {unit}", flush=True)


def _p95(values) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main(samples: int = 20) -> None:
    db = open_database(f"sqlite:///{TMP.name}/flow.sqlite3")
    ota = serve(listings=[sandbox_listing(code) for code in ("H1", *OTHERS)], today=lambda: TODAY)
    world = build_world(db, ota, TODAY)
    others = [add_sandbox_channel(world.channels, ota, f"sandbox-{code.lower()}", code) for code in OTHERS]
    channel_ids = [world.channel_id, *others]
    for future in [world.sync.push(cid) for cid in channel_ids]:
        assert future.result(timeout=120).in_sync
    rng = random.Random(8)
    listings = [ota.listing(code) for code in OTHERS]

    def shown(listing, room: str, night: date) -> int | None:
        with listing.lock:
            return listing.counts.get((room, night))

    flow, pull_only = [], []
    while len(flow) < samples:
        room = f"R-{rng.choice(ROOM_CODES)}"
        night = TODAY + timedelta(days=rng.randrange(1, 55))
        before = shown(listings[0], room, night)
        if not before:
            continue  # sold out already: pick another night
        ota.book("H1", room, "BAR", night, night + timedelta(days=1), given_name="Bench", surname=str(len(flow)),
                 amount_minor=50000)
        started = time.perf_counter()
        pulled = world.sync.pull_reservations(world.channel_id).result(timeout=60)
        assert pulled.stored == 1 and pulled.acknowledged == 1, pulled
        pull_only.append(time.perf_counter() - started)
        wait([world.sync.push(cid) for cid in others], timeout=60)
        while any(shown(listing, room, night) != before - 1 for listing in listings):
            time.sleep(0.0005)  # a push already resolved; this only guards the measurement
        flow.append(time.perf_counter() - started)
    world.sync.shutdown()

    client = OpenTravelClient(ota.endpoint("H2"), Credentials("owner", PASSWORD))
    floor = []
    for i in range(samples):
        night = TODAY + timedelta(days=1 + i)
        message = build_notif("H2", [Range(AvailCell("R-LKV", night, 1), night, night)])
        started = time.perf_counter()
        client.send(message)
        floor.append(time.perf_counter() - started)
    ota.stop()
    db.dispose()

    p50, p95, floor_p50 = statistics.median(flow), _p95(flow), statistics.median(floor)
    metric("reservation_flow_samples", samples, "bookings")
    metric("reservation_flow_book_to_closed_on_4_channels_p50", 1000 * p50, "ms")
    metric("reservation_flow_book_to_closed_on_4_channels_p95", 1000 * p95, "ms")
    # Where the time goes: the pull (read, store, report) vs the four pushes that follow.
    metric("reservation_flow_pull_store_ack_p50", 1000 * statistics.median(pull_only), "ms")
    metric("reservation_flow_push_4_channels_p50", 1000 * statistics.median(
        [total - pull for total, pull in zip(flow, pull_only)]), "ms")
    metric("reservation_flow_http_round_trip_floor_p50", 1000 * floor_p50, "ms")
    metric("reservation_flow_p50_vs_floor", p50 / floor_p50, "ratio")
    metric("reservation_flow_p50_vs_3_round_trips", p50 / (3 * floor_p50), "ratio")


if __name__ == "__main__":
    main()
