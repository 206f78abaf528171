"""Sync engine figures, against the sandbox OTA on 127.0.0.1 and a real SQLite file.

1. Requests for a simulated year at the demo homestay (6 room types × 2 plans, 365-night horizon,
   ~4 bookings a day, cancellations, monthly weekend prices, seasons, holidays, closures; a pass
   after each event, as the scheduler does): sent vs the minimum after coalescing each pass's
   difference (``ranges.minimum_requests``, computed independently of the engine's planner), and
   vs naive replays — one request per changed cell (night × room/rate × kind) and one per changed
   night and message type.
2. Edit → channel acknowledged, on loopback: through the scheduler (debounced, as in the app) and
   by a direct push; floor = one bare HTTP round trip of a one-range notification to the sandbox.
3. Full resync of 50 room types × 2 rate plans × 730 nights to 5 sandbox channels: compute +
   serialize (desired state, difference, coalesce, pack, XML) and end to end (sent, acknowledged,
   recorded), channels in parallel lanes.

Prints ``METRIC name value unit`` lines.
"""

from __future__ import annotations

import json
import math
import os
import random
import statistics
import subprocess
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

from channelmgr.actor import Actor  # noqa: E402
from channelmgr.channels.send_result import Credentials  # noqa: E402
from channelmgr.channels.opentravel_client import OpenTravelClient  # noqa: E402
from channelmgr.channels.opentravel_messages import build_notif, elements_per_range  # noqa: E402
from channelmgr.channels.adapter import adapter_for  # noqa: E402
from channelmgr.channels.sandbox import ListingConfig, serve  # noqa: E402
from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.inventory.nights import local_today, utc_now  # noqa: E402
from channelmgr.db.models import (CalendarDay, PriceOverride, Property, RatePlan, Reservation,  # noqa: E402
                                  Room, RoomType)
from channelmgr.sync.acked import ValueCodec, load_acked, storage_key  # noqa: E402
from channelmgr.sync.channel_settings import ChannelSettings  # noqa: E402
from channelmgr.sync.channels import ChannelService, load_channel_config  # noqa: E402
from channelmgr.sync.desired import desired_state  # noqa: E402
from channelmgr.sync.difference import difference, plan_requests  # noqa: E402
from channelmgr.sync.engine import ChannelRuntime, SyncEngine  # noqa: E402
from channelmgr.sync.ranges import Range, RateCell, minimum_requests  # noqa: E402
from channelmgr.sync.service import SyncService  # noqa: E402
from tests.support.sync_world import ROOM_CODES, build_world, sandbox_listing  # noqa: E402
from bench.children import start_child  # noqa: E402

START = date(2026, 1, 5)
ACTOR = Actor("bench", "bench")
MAX_ITEMS = 100


def metric(name: str, value: float, unit: str) -> None:
    print(f"METRIC {name} {value:.4g} {unit}", flush=True)


class Clock:
    """The property's today, moved by the simulation; the sandbox reads the same day."""

    def __init__(self, day: date):
        self.day = day

    def __call__(self) -> datetime:
        return datetime.combine(self.day, dtime(2, 0), tzinfo=timezone.utc)  # 10:00 in Dali


# --- 1. a year of edits ---------------------------------------------------------------------------

def year_of_edits() -> None:
    clock = Clock(START)
    db = open_database(f"sqlite:///{TMP.name}/year.sqlite3")
    ota = serve(listings=[sandbox_listing(horizon_days=370)], today=lambda: clock.day)
    world = build_world(db, ota, START, clock=clock, horizon_days=365, max_items_per_request=MAX_ITEMS)
    engine = SyncEngine(db, clock=clock)
    runtime = ChannelRuntime()
    rng = random.Random(2026)
    with db.session() as s:
        types = {rt.code: (rt.id, len(rt.rooms)) for rt in s.scalars(select(RoomType))}
        plans = {(p.room_type_id, p.code): p.id for p in s.scalars(select(RatePlan))}
        base = {p.id: p.base_price_minor for p in s.scalars(select(RatePlan)) if p.base_price_minor}
    booked: dict[tuple[int, date], int] = {}
    counters: dict[str, dict[str, int]] = {}
    pass_seconds: list[float] = []

    def sync_pass(category: str) -> None:
        cells, minimum, nights_kinds = _independent_minimum(db, world.channel_id, clock.day)
        started = time.perf_counter()
        report = engine.run_pass(world.channel_id, runtime)
        pass_seconds.append(time.perf_counter() - started)
        assert report.in_sync, report.errors
        counter = counters.setdefault(category, dict.fromkeys(
            ("passes", "cells", "sent", "minimum", "per_night_and_kind"), 0))
        counter["passes"] += 1
        counter["cells"] += cells
        counter["sent"] += report.requests_sent
        counter["minimum"] += minimum
        counter["per_night_and_kind"] += nights_kinds

    sync_pass("initial")
    started = time.perf_counter()
    bookings: list[tuple[int, date]] = []
    for day_number in range(365):
        clock.day = START + timedelta(days=day_number)
        sync_pass("horizon")  # the first periodic pass of the day: the new last night of the horizon
        for _ in range(_poisson(rng, 4.0)):  # bookings, mostly within 3 weeks
            code = rng.choice(ROOM_CODES)
            type_id, rooms = types[code]
            arrival = clock.day + timedelta(days=min(330, int(rng.expovariate(1 / 18))))
            nights = rng.choice([1, 1, 2, 2, 2, 3, 4])
            stay = [arrival + timedelta(days=i) for i in range(nights)]
            if all(booked.get((type_id, n), 0) < rooms for n in stay):
                for n in stay:
                    booked[(type_id, n)] = booked.get((type_id, n), 0) + 1
                with db.session() as s:
                    booking = Reservation(property_id=1, source="channel", room_type_id=type_id, arrival=arrival,
                                          departure=arrival + timedelta(days=nights), guest_name="guest")
                    s.add(booking)
                    s.flush()
                    bookings.append((booking.id, arrival))
                sync_pass("booking")
        bookings = [(booking_id, arrival) for booking_id, arrival in bookings if arrival > clock.day]
        if bookings and rng.random() < 0.35:  # a cancellation of a future stay
            booking_id, _arrival = bookings.pop(rng.randrange(len(bookings)))
            with db.session() as s:
                booking = s.get(Reservation, booking_id)
                booking.status = "cancelled"
                for i in range((booking.departure - booking.arrival).days):
                    booked[(booking.room_type_id, booking.arrival + timedelta(days=i))] -= 1
            sync_pass("cancellation")
        if clock.day.day == 1:  # weekend prices for the month after next, every plan
            month = (clock.day.replace(day=28) + timedelta(days=40)).replace(day=1)
            _price_nights(db, plans, base, [month + timedelta(days=i) for i in range(31)
                                            if (month + timedelta(days=i)).weekday() in (4, 5)], 1.2)
            sync_pass("owner")
        if day_number % 90 == 10:  # a season: 60 nights a month ahead
            season = [clock.day + timedelta(days=30 + i) for i in range(60)]
            _price_nights(db, plans, base, season, rng.choice([0.85, 1.1, 1.25]))
            sync_pass("owner")
        if day_number % 52 == 20:  # a holiday: 4 nights, minimum stay 2, prices up
            holiday = [clock.day + timedelta(days=45 + i) for i in range(4)]
            with db.session() as s:
                for type_id, _rooms in types.values():
                    for n in holiday:
                        s.merge(CalendarDay(room_type_id=type_id, night=n, min_stay=2))
            _price_nights(db, plans, base, holiday, 1.5)
            sync_pass("owner")
        if day_number % 30 == 15:  # a room closed for repairs, 2 nights; a stop-sell night
            type_id, _rooms = types[rng.choice(ROOM_CODES)]
            with db.session() as s:
                for i in range(2):
                    s.merge(CalendarDay(room_type_id=type_id, night=clock.day + timedelta(days=7 + i), rooms_closed=1))
                s.merge(CalendarDay(room_type_id=type_id, night=clock.day + timedelta(days=20), stop_sell=True))
            sync_pass("owner")
    elapsed = time.perf_counter() - started
    runtime.close()
    ota.stop()
    db.dispose()

    edits = {key: sum(c[key] for name, c in counters.items() if name != "initial")
             for key in ("passes", "cells", "sent", "minimum", "per_night_and_kind")}
    metric("sync_year_passes", edits["passes"], "passes")
    metric("sync_year_cells_changed", edits["cells"], "cells")
    metric("sync_year_requests_sent", edits["sent"], "requests")
    metric("sync_year_requests_minimum", edits["minimum"], "requests")
    metric("sync_year_sent_vs_minimum", edits["sent"] / edits["minimum"], "ratio")
    metric("sync_year_naive_one_per_cell", edits["cells"], "requests")
    metric("sync_year_fewer_than_one_per_cell", edits["cells"] / edits["sent"], "x")
    metric("sync_year_naive_one_per_night_and_kind", edits["per_night_and_kind"], "requests")
    metric("sync_year_fewer_than_one_per_night_and_kind", edits["per_night_and_kind"] / edits["sent"], "x")
    for name, c in sorted(counters.items()):
        metric(f"sync_year_{name}_passes", c["passes"], "passes")
        metric(f"sync_year_{name}_requests", c["sent"], "requests")
        metric(f"sync_year_{name}_fewer_than_one_per_cell", c["cells"] / max(1, c["sent"]), "x")
    everything = {key: edits[key] + counters["initial"][key] for key in edits}
    metric("sync_year_with_initial_push_fewer_than_one_per_cell", everything["cells"] / everything["sent"], "x")
    metric("sync_year_pass_p50", 1000 * statistics.median(pass_seconds), "ms")
    metric("sync_year_simulation", elapsed, "s")


def _independent_minimum(db, channel_id: int, today: date) -> tuple[int, int, int]:
    """(changed cells, minimum requests to carry them, changed (night, message kind) pairs)."""
    with db.session() as s:
        channel = load_channel_config(s, channel_id)
        desired = desired_state(s, channel, today)
        acked = load_acked(s, channel_id, desired.start, desired.end)
    diff = difference(desired, acked, ValueCodec())
    cells = [prototype.with_value(night, value) for prototype, values in diff.series for night, value in values.items()]
    minimum = minimum_requests(cells, MAX_ITEMS, items_per_range=elements_per_range, weekday_patterns=True)
    return len(cells), minimum, len({(storage_key(c)[0], c.night) for c in cells})


def _price_nights(db, plans, base, nights, factor) -> None:
    with db.session() as s:
        for (type_id, code), plan_id in plans.items():
            if code != "BAR":
                continue
            for night in nights:
                s.merge(PriceOverride(rate_plan_id=plan_id, night=night, price_minor=round(base[plan_id] * factor, -2)))


def _poisson(rng: random.Random, mean: float) -> int:
    count, total = 0, rng.expovariate(1)
    while total < mean:
        count += 1
        total += rng.expovariate(1)
    return count


# --- 2. edit → acknowledged --------------------------------------------------------------------

def edit_latency(samples: int = 40) -> None:
    today = START
    db = open_database(f"sqlite:///{TMP.name}/latency.sqlite3")
    ota = serve(listings=[sandbox_listing(horizon_days=370)], today=lambda: today)
    world = build_world(db, ota, today, horizon_days=365)
    world.push()
    listing = ota.listing("H1")
    with db.session() as s:
        plans = [(p.id, rt.code) for p, rt in s.execute(select(RatePlan, RoomType).join(RoomType)
                                                           .where(RatePlan.code == "BAR"))]
    rng = random.Random(7)

    def edit_and_wait(trigger) -> float:
        plan_id, code = rng.choice(plans)
        night = today + timedelta(days=rng.randrange(1, 300))
        price = rng.randrange(300, 900) * 100
        with db.session() as s:
            s.merge(PriceOverride(rate_plan_id=plan_id, night=night, price_minor=price))
        started = time.perf_counter()
        trigger()
        key = (f"R-{code}", "BAR", None, night)
        while True:
            with listing.lock:
                if listing.prices.get(key, (None,))[0] == price:
                    return time.perf_counter() - started
            time.sleep(0.0005)

    world.sync.start(interval=3600, first_pass_after=3600)
    scheduled = [edit_and_wait(world.sync.notify_changed) for _ in range(samples)]
    direct = [edit_and_wait(lambda: world.sync.push(world.channel_id)) for _ in range(samples)]
    world.sync.shutdown()

    client = OpenTravelClient(ota.endpoint("H1"), Credentials("owner", "pw-Sandbox-s3cret!"))
    message = build_notif("H1", [Range(RateCell("R-LKV", "BAR", today, 50000, "CNY"), today, today)])
    floor = []
    for _ in range(samples):
        started = time.perf_counter()
        client.send(message)
        floor.append(time.perf_counter() - started)
    ota.stop()
    db.dispose()

    floor_p50 = statistics.median(floor)
    for name, values in (("scheduled", scheduled), ("direct_push", direct)):
        p50, p95 = statistics.median(values), _p95(values)
        metric(f"sync_edit_to_ack_{name}_p50", 1000 * p50, "ms")
        metric(f"sync_edit_to_ack_{name}_p95", 1000 * p95, "ms")
        metric(f"sync_edit_to_ack_{name}_p50_vs_floor", p50 / floor_p50, "ratio")
    metric("sync_http_round_trip_floor_p50", 1000 * floor_p50, "ms")


def _p95(values) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


# --- 3. a large full resync ----------------------------------------------------------------------

def large_full_resync(room_types: int = 50, horizon: int = 730, channels: int = 5) -> None:
    # The OTA runs in its own process, as a real one runs on its own machine: in this process its
    # XML parsing would compete with the engine for the GIL and the figure would measure both.
    today = local_today("Asia/Shanghai", utc_now())
    clock = Clock(today)
    db = open_database(f"sqlite:///{TMP.name}/large.sqlite3")
    codes = [f"T{i:02d}" for i in range(room_types)]
    _large_property(db, codes, today, horizon)
    listings = [ListingConfig(f"BIG{c}", f"user{c}", f"pw-big-{c}", rooms={f"C{c}-{code}" for code in codes},
                              rates={"BAR", "BB"}, horizon_days=horizon + 2) for c in range(channels)]
    sandbox, url = _sandbox_process(listings)
    service = ChannelService(db)
    channel_ids = []
    with db.session() as s:
        type_rows = s.execute(select(RoomType.id, RoomType.code)).all()
        plan_rows = s.execute(select(RatePlan.room_type_id, RatePlan.id, RatePlan.code)).all()
    for c, listing in enumerate(listings):
        settings = ChannelSettings(horizon_days=horizon, requests_per_minute=600000, max_items_per_request=MAX_ITEMS,
                                   markup_percent=10 + c, rounding=["none", "yuan", "end8", "end9", "none"][c],
                                   buffer_rooms=c % 2)
        info = service.add(ACTOR, 1, name=f"big{c}", protocol="opentravel",
                           endpoint=f"{url}/ota/{listing.hotel_code}", hotel_code=listing.hotel_code,
                           username=listing.username, password=listing.password, settings=settings)
        channel_ids.append(info.id)
        _bulk_map(db, info.id, c, type_rows, plan_rows)

    stages = {"desired": [], "plan": [], "xml": [], "total": []}
    for _ in range(3):
        spent = dict.fromkeys(stages, 0.0)
        requests_, cells, body = 0, 0, 0
        for channel_id in channel_ids:
            t0 = time.perf_counter()
            with db.session() as s:
                channel = load_channel_config(s, channel_id)
                desired = desired_state(s, channel, today)
            t1 = time.perf_counter()
            diff = difference(desired, {}, ValueCodec())
            planned = plan_requests(diff, channel.settings, adapter_for(channel.protocol).items_per_range)
            t2 = time.perf_counter()
            for group in planned:
                body += len(build_notif(channel.hotel_code, group).body)
            t3 = time.perf_counter()
            spent["desired"] += t1 - t0
            spent["plan"] += t2 - t1
            spent["xml"] += t3 - t2
            requests_ += len(planned)
            cells += diff.cell_count
        spent["total"] = spent["desired"] + spent["plan"] + spent["xml"]
        for stage, value in spent.items():
            stages[stage].append(value)
    metric("sync_full_cells", cells, "cells")
    metric("sync_full_requests", requests_, "requests")
    metric("sync_full_bytes", body, "bytes")
    metric("sync_full_compute_serialize", statistics.median(stages["total"]), "s")
    for stage in ("desired", "plan", "xml"):
        metric(f"sync_full_compute_serialize_{stage}", statistics.median(stages[stage]), "s")

    sync = SyncService(db, clock=clock)
    started = time.perf_counter()
    reports = [f.result() for f in [sync.full_resync(cid) for cid in channel_ids]]
    end_to_end = time.perf_counter() - started
    assert all(r.in_sync for r in reports), [r.errors for r in reports]
    shown = sum(len(requests.get(f"{url}/api/state/{listing.hotel_code}", timeout=60).json()["rates"])
                for listing in listings)
    sync.shutdown()
    sandbox.terminate()
    sandbox.wait(10)
    db.dispose()
    metric("sync_full_end_to_end", end_to_end, "s")
    metric("sync_full_end_to_end_cells_per_s", cells / end_to_end, "cells/s")
    metric("sync_full_rates_on_sandboxes", shown, "cells")


def _sandbox_process(listings) -> tuple[subprocess.Popen, str]:
    config = Path(TMP.name) / "listings.json"
    config.write_text(json.dumps({"listings": [
        {"hotel_code": l.hotel_code, "username": l.username, "password": l.password, "rooms": sorted(l.rooms),
         "rates": sorted(l.rates), "horizon_days": l.horizon_days} for l in listings]}))
    process = start_child([sys.executable, "-m", "channelmgr.channels.sandbox", "--port", "0",
                           "--config", str(config)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    first = process.stdout.readline()  # "Sandbox OTA at http://127.0.0.1:PORT/  (Ctrl-C to stop)"
    return process, first.split()[3].rstrip("/")


def _large_property(db, codes, today, horizon) -> None:
    """50 room types of 3–8 rooms, as a large house looks two years out: bookings thick in the next
    weeks and thinning with lead time, weekend prices typed for the whole horizon, two seasons a
    year, holidays with a minimum stay, now and then a room closed for repairs."""
    rng = random.Random(50)
    holidays = [today + timedelta(days=d) for start in range(20, horizon - 7, 52) for d in range(start, start + 4)]
    seasons = [(today + timedelta(days=start), 60) for start in range(60, horizon - 60, 180)]
    with db.session() as s:
        prop = Property(code="BIG", name_zh="大酒店", currency="CNY")
        s.add(prop)
        s.flush()
        for order, code in enumerate(codes):
            rooms = rng.randrange(3, 9)
            rt = RoomType(property_id=prop.id, code=code, name_zh=code, sort_order=order, attributes={})
            price = rng.randrange(250, 1200) * 100
            bar = RatePlan(code="BAR", name_zh="标准价", base_price_minor=price)
            rt.rate_plans = [bar, RatePlan(code="BB", name_zh="含早", derive_kind="percent", derive_value="12",
                                           sort_order=1)]
            s.add(rt)
            s.flush()
            rt.rate_plans[1].parent_id = bar.id
            s.add_all(Room(property_id=prop.id, room_type_id=rt.id, number=f"{code}-{n}") for n in range(rooms))
            overrides = {}
            for i in range(horizon):
                night = today + timedelta(days=i)
                if night.weekday() in (4, 5):
                    overrides[night] = price + 8000
            for first, days in seasons:
                for i in range(days):
                    overrides[first + timedelta(days=i)] = price + 15000
            s.add_all(PriceOverride(rate_plan_id=bar.id, night=n, price_minor=p) for n, p in overrides.items())
            s.add_all(CalendarDay(room_type_id=rt.id, night=n, min_stay=2) for n in holidays)
            for _ in range(4):  # repairs in the next months
                first = today + timedelta(days=rng.randrange(0, 120))
                s.merge(CalendarDay(room_type_id=rt.id, night=first, rooms_closed=1))
            for _room in range(rooms):  # occupancy ~80 % tonight, ~5 % a year out
                day = 0
                while day < horizon:
                    if rng.random() < 0.75 * math.exp(-day / 45) + 0.05:
                        nights = rng.randrange(1, 5)
                        s.add(Reservation(property_id=prop.id, source="channel", room_type_id=rt.id,
                                          arrival=today + timedelta(days=day),
                                          departure=today + timedelta(days=day + nights), guest_name="g"))
                        day += nights
                    else:
                        day += 1


def _bulk_map(db, channel_id, c, type_rows, plan_rows) -> None:
    from channelmgr.db.models import ChannelMapping

    with db.session() as s:
        for type_id, code in type_rows:
            s.add(ChannelMapping(channel_id=channel_id, room_type_id=type_id, remote_room=f"C{c}-{code}"))
        codes = dict(type_rows)
        for type_id, plan_id, plan_code in plan_rows:
            s.add(ChannelMapping(channel_id=channel_id, room_type_id=type_id, rate_plan_id=plan_id,
                                 remote_room=f"C{c}-{codes[type_id]}", remote_rate=plan_code))


def main() -> None:
    large_full_resync()
    edit_latency()
    year_of_edits()


if __name__ == "__main__":
    main()
