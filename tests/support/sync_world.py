"""A demo homestay wired to a real sandbox OTA on 127.0.0.1, for sync tests and the sync benchmark.

``SyncWorld`` holds the database, a channel mapped to a sandbox listing (every room type and rate
plan of the demo), a ``SyncService`` on a pinned clock, and the two views the tests compare: what
the channel *should* show (the engine's desired state) and what the sandbox *does* show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Hashable

from sqlalchemy import update

from channelmgr.actor import Actor
from channelmgr.channels.retry import RetryPolicy
from channelmgr.channels.sandbox import ListingConfig, SandboxHandle
from channelmgr.db.engine import Database
from channelmgr.db.models import Channel
from channelmgr.demo import ROOM_TYPES, load_demo
from channelmgr.inventory.nights import property_today
from channelmgr.sync.acked import storage_key
from channelmgr.sync.channel_settings import ChannelSettings
from channelmgr.sync.channels import ChannelService, load_channel_config
from channelmgr.sync.desired import desired_state
from channelmgr.sync.service import SyncService
from tests.support.actors import TEST_ACTOR

ACTOR = Actor("tester", "sync test")
ROOM_CODES = [code for code, *_ in ROOM_TYPES]
PASSWORD = "pw-Sandbox-s3cret!"
FAST_RETRY = RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05, max_retry_after=2.0)
CellKey = tuple[str, str, str, date]  # kind, remote room, remote rate ("" for availability), night


def fixed_clock(day: date):
    """A clock at 10:00 in Dali on ``day`` (02:00 UTC), so the property's today is ``day``."""
    moment = datetime.combine(day, time(2, 0), tzinfo=timezone.utc)
    return lambda: moment


class MovableClock:
    """``fixed_clock`` that a test moves on by hand: waits measured by the clock pass at once."""

    def __init__(self, day: date):
        self.moment = datetime.combine(day, time(2, 0), tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


def sandbox_listing(hotel_code: str = "H1", horizon_days: int = 120, **extra) -> ListingConfig:
    return ListingConfig(hotel_code, "owner", PASSWORD, rooms={f"R-{code}" for code in ROOM_CODES},
                         rates={"BAR", "BB"}, horizon_days=horizon_days, **extra)


def channex_rate_plan(room_code: str, plan: str) -> str:
    """A Channex-style hub's rate plan id: each belongs to one room type."""
    return f"R-{room_code}-{plan}"


def channex_listing(hotel_code: str = "P1", horizon_days: int = 120, **extra) -> ListingConfig:
    """A sandbox listing served as a Channex-style hub (its password is the API key)."""
    plans = {channex_rate_plan(code, plan): f"R-{code}" for code in ROOM_CODES for plan in ("BAR", "BB")}
    return ListingConfig(hotel_code, "", PASSWORD, rooms={f"R-{code}" for code in ROOM_CODES}, rates=set(plans),
                         rate_plans=plans, horizon_days=horizon_days, **extra)


@dataclass
class SyncWorld:
    db: Database
    ota: SandboxHandle
    hotel_code: str
    channel_id: int
    sync: SyncService
    channels: ChannelService
    today: date
    clock: object = field(repr=False, default=None)

    def desired(self) -> dict[CellKey, tuple]:
        with self.db.session() as s:
            channel = load_channel_config(s, self.channel_id)
            state = desired_state(s, channel, property_today(s, channel.property_id, self.clock))
        cells = {}
        for prototype, values in state.series:
            kind, room, rate, _guests = storage_key(prototype)
            for night, value in values.items():
                cells[(kind, room, rate, night)] = tuple(value)
        return cells

    def remote(self) -> dict[CellKey, tuple]:
        return sandbox_cells(self.ota.state(self.hotel_code))

    def requests(self) -> int:
        """ARI requests the sandbox listing received (its counter, without building a state snapshot).

        Reservation pulls (OTA_Read, OTA_NotifReport), which the scheduler sends before each pass,
        and listing content, and the drift audit's reads (OTA_HotelAvailGet, OTA_HotelRatePlan), which it
        sends once a day, are left out: these tests count the ARI the push engine sends."""
        return ari_requests(self.ota, self.hotel_code)

    def push(self, **options):
        return self.sync.push(self.channel_id, actor=TEST_ACTOR, **options).result(timeout=60)

    def restrict_sample_nights(self, code: str = "LKV") -> None:
        """One of each restriction on the room type, on nights today+3 … today+7: stop-sell, CTA,
        CTD, min 2 / max 5, three rooms closed."""
        from channelmgr.db.models import CalendarDay, RoomType
        from sqlalchemy import select

        n = lambda days: self.today + timedelta(days=days)  # noqa: E731
        with self.db.session() as s:
            type_id = s.scalar(select(RoomType.id).where(RoomType.code == code))
            s.add_all([
                CalendarDay(room_type_id=type_id, night=n(3), stop_sell=True),
                CalendarDay(room_type_id=type_id, night=n(4), closed_to_arrival=True),
                CalendarDay(room_type_id=type_id, night=n(5), closed_to_departure=True),
                CalendarDay(room_type_id=type_id, night=n(6), min_stay=2, max_stay=5),
                CalendarDay(room_type_id=type_id, night=n(7), rooms_closed=3),
            ])

    def set_settings(self, **settings: object) -> None:
        self.channels.update(ACTOR, self.channel_id, settings={k: str(v) for k, v in settings.items()})


def ari_requests(ota: SandboxHandle, hotel_code: str) -> int:
    listing = ota.listing(hotel_code)
    with listing.lock:
        counters = listing.counters
        reads = ("message:OTA_Read", "message:OTA_NotifReport", "message:OTA_HotelAvailGet", "message:OTA_HotelRatePlan",
                 "message:OTA_HotelDescriptiveContentNotif")
        return (counters["requests"] - sum(counters[name] for name in reads)
                - sum(n for name, n in counters.items() if name.startswith("channex:") and "booking_revisions" in name))


def sandbox_cells(state: dict) -> dict[CellKey, tuple]:
    cells: dict[CellKey, tuple[Hashable, ...]] = {}
    for i in state["inventory"]:
        cells[("avail", i["room"], "", date.fromisoformat(i["night"]))] = (i["count"],)
    for r in state["rates"]:
        assert r["guests"] is None
        cells[("rate", r["room"], r["rate"], date.fromisoformat(r["night"]))] = (r["amount_minor"], r["currency"])
    for r in state["restrictions"]:
        cells[("restriction", r["room"], r["rate"], date.fromisoformat(r["night"]))] = (
            r["stop_sell"], r["cta"], r["ctd"], r["min_stay"], r["max_stay"])
    return cells


def build_world(
    db: Database, ota: SandboxHandle, today: date, *, hotel_code: str = "H1", retry: RetryPolicy = FAST_RETRY,
    clock=None, protocol: str = "opentravel", **settings: object,
) -> SyncWorld:
    """The demo homestay (its own demo channels switched off) plus one channel on the sandbox."""
    load_demo(db, today=today)
    with db.session() as s:
        s.execute(update(Channel).values(enabled=False))
    clock = clock or fixed_clock(today)
    channels = ChannelService(db)
    add = add_channex_channel if protocol == "channex" else add_sandbox_channel
    channel_id = add(channels, ota, "sandbox", hotel_code, **settings)
    sync = SyncService(db, clock=clock, retry=retry)
    return SyncWorld(db, ota, hotel_code, channel_id, sync, channels, today, clock)


def add_sandbox_channel(channels: ChannelService, ota: SandboxHandle, name: str, hotel_code: str,
                        **settings: object) -> int:
    """A channel on the sandbox listing ``hotel_code``, every room type and rate plan mapped."""
    defaults = dict(horizon_days=60, requests_per_minute=60000, max_items_per_request=100)
    info = channels.add(
        ACTOR, _property_id(channels.db), name=name, protocol="opentravel", endpoint=ota.endpoint(hotel_code),
        hotel_code=hotel_code, username="owner", password=PASSWORD, settings=ChannelSettings(**{**defaults, **settings}),
    )
    for code in ROOM_CODES:
        channels.map(ACTOR, info.id, room_type=code, remote_room=f"R-{code}")
        for plan in ("BAR", "BB"):
            channels.map(ACTOR, info.id, room_type=code, rate_plan=plan, remote_room=f"R-{code}", remote_rate=plan)
    return info.id


def add_channex_channel(channels: ChannelService, ota: SandboxHandle, name: str, property_id: str,
                        **settings: object) -> int:
    """A Channex-style channel on the sandbox hub ``property_id``, every room type and rate plan mapped
    (a rate plan to its room's own rate plan id)."""
    defaults = dict(horizon_days=60, requests_per_minute=60000)
    info = channels.add(
        ACTOR, _property_id(channels.db), name=name, protocol="channex", endpoint=ota.channex_endpoint(property_id),
        hotel_code=property_id, username="", password=PASSWORD,
        settings=ChannelSettings(**{"max_items_per_request": 1000, **defaults, **settings}),
    )
    for code in ROOM_CODES:
        channels.map(ACTOR, info.id, room_type=code, remote_room=f"R-{code}")
        for plan in ("BAR", "BB"):
            channels.map(ACTOR, info.id, room_type=code, rate_plan=plan, remote_room=f"R-{code}",
                         remote_rate=channex_rate_plan(code, plan))
    return info.id


def _property_id(db: Database) -> int:
    from channelmgr.inventory.service import InventoryService

    return InventoryService(db).property_id(None)


def nights(start: date, count: int) -> list[date]:
    return [start + timedelta(days=i) for i in range(count)]
