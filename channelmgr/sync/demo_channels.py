"""The demo homestay's channels, and the sandbox listings that make them work.

Three channels point at the sandbox OTA on ``http://127.0.0.1:8765`` (``channelmgr sandbox``), each
as an OTA would set it up: its own hotel code, login, remote room and rate codes, markup and limits.
Meituan leaves the breakfast plan unmapped and Booking.com one room type, so a newcomer sees what
the unmapped warnings look like. A fourth, ``trip-hub``, reaches Trip.com through a Channex-style
JSON hub (the sandbox's ``/channex/{property}`` routes): API key instead of a login, each rate
plan its room's own id, the hub's 10 + 10 requests a minute. A fifth, an iCal channel, reads the
calendar an Airbnb-like host publishes for the loft (the sandbox's feed of its own bookings) — the
kind of channel a single-unit listing on Airbnb, Tujia or Vrbo is. One table feeds both sides — the
channels loaded with the demo and the listings the sandbox serves — so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from ..channels.channex_adapter import ADAPTER as CHANNEX_ADAPTER
from ..channels.sandbox.listings import ListingConfig
from ..db.models import Channel, ChannelMapping, RoomType
from ..ical.channel_adapter import ADAPTER as ICAL_ADAPTER, feed_channel_name
from ..security.vault import Vault
from .channel_settings import ChannelSettings
from .channels import protocol_settings

DEMO_SANDBOX_URL = "http://127.0.0.1:8765"
DEMO_ROOM_TYPES = ("LKV", "GTW", "FAM", "LFT", "CQN", "RTS")
SANDBOX_HORIZON_DAYS = 400  # longer than the channels' 365: a desk in another time zone may be a day ahead


@dataclass(frozen=True)
class DemoChannel:
    name: str
    display_name: str
    hotel_code: str
    username: str
    password: str = field(repr=False)  # a demo login for the local sandbox, nothing real
    rooms: dict[str, str]              # local room type code → remote room code
    rates: dict[str, str]              # local rate plan code → remote rate code
    settings: ChannelSettings
    commission_percent: int = 0        # what the OTA keeps of each booking (its markup covers it)

    protocol = "opentravel"

    @property
    def endpoint(self) -> str:
        return f"{DEMO_SANDBOX_URL}/ota/{self.hotel_code}"

    @property
    def secret(self) -> str:
        return self.password

    def remote_rate(self, room_type: str, plan: str) -> str | None:
        return self.rates.get(plan)

    def listing(self) -> ListingConfig:
        remote_rooms = {self._remote_room(code) for code in DEMO_ROOM_TYPES}
        return ListingConfig(self.hotel_code, self.username, self.password, rooms=remote_rooms,
                             rates=set(self.rates.values()), horizon_days=SANDBOX_HORIZON_DAYS,
                             commission_percent=self.commission_percent)

    def _remote_room(self, local: str) -> str:
        # The listing knows every room of the house, mapped or not, as a real extranet would.
        return self.rooms.get(local) or f"{self.hotel_code}-{local}"


DEMO_CHANNELS = (
    DemoChannel(
        "ctrip", "携程 Ctrip", "ERHAI-CTRIP", "erhai_ctrip", "demo-ctrip-2026",
        rooms={code: f"CT-{code}" for code in DEMO_ROOM_TYPES},
        rates={"BAR": "CT-BAR", "BB": "CT-BB"},
        settings=ChannelSettings(markup_percent=15, rounding="end8", requests_per_minute=600),
        commission_percent=15,
    ),
    DemoChannel(
        "meituan", "美团民宿 Meituan", "ERHAI-MT", "erhai_mt", "demo-meituan-2026",
        rooms={code: f"MT{1001 + i}" for i, code in enumerate(DEMO_ROOM_TYPES)},
        rates={"BAR": "MT-STD"},  # breakfast plan left unmapped on purpose
        settings=ChannelSettings(markup_percent=10, rounding="yuan", buffer_rooms=1, requests_per_minute=600,
                                 supported_restrictions=frozenset({"stop_sell", "min_stay"})),
        commission_percent=10,
    ),
    DemoChannel(
        "booking", "Booking.com", "ERHAI-BDC", "erhai_bdc", "demo-booking-2026",
        rooms={code: f"BDC-{code}" for code in DEMO_ROOM_TYPES if code != "CQN"},  # CQN left unmapped
        rates={"BAR": "BAR", "BB": "BB"},
        # Booking.com takes listing content (OTA_HotelDescriptiveContentNotif): the demo shows it pushed.
        settings=ChannelSettings(markup_percent=18, rounding="end9", max_items_per_request=60,
                                 requests_per_minute=600, content=True),
        commission_percent=15,
    ),
)


@dataclass(frozen=True)
class DemoHub:
    """A Channex-style hub: a property id and an API key; rate plan ids belong to one room each."""

    name: str
    display_name: str
    property_id: str
    api_key: str = field(repr=False)   # a demo key for the local sandbox, nothing real
    rooms: dict[str, str]              # local room type code → the hub's room type id
    plans: tuple[str, ...]             # local rate plan codes mapped on every room
    settings: ChannelSettings
    commission_percent: int = 0

    protocol = CHANNEX_ADAPTER.protocol
    username = ""  # the API key alone identifies us

    @property
    def endpoint(self) -> str:
        return f"{DEMO_SANDBOX_URL}/channex/{self.property_id}"

    @property
    def hotel_code(self) -> str:
        return self.property_id

    @property
    def secret(self) -> str:
        return self.api_key

    def rate_plan_id(self, room_type: str, plan: str) -> str:
        return f"{self.rooms[room_type]}-{plan}"

    def remote_rate(self, room_type: str, plan: str) -> str | None:
        return self.rate_plan_id(room_type, plan) if plan in self.plans else None

    def listing(self) -> ListingConfig:
        plans = {self.rate_plan_id(code, plan): self.rooms[code] for code in self.rooms for plan in self.plans}
        limit = self.settings.requests_per_minute  # the hub enforces what the channel paces itself to
        return ListingConfig(self.property_id, "", self.api_key, rooms=set(self.rooms.values()), rates=set(plans),
                             rate_plans=plans, horizon_days=SANDBOX_HORIZON_DAYS,
                             max_items_per_request=self.settings.max_items_per_request,
                             requests_per_window=limit, rate_window_seconds=60.0,
                             commission_percent=self.commission_percent)


DEMO_HUBS = (
    DemoHub(
        "trip-hub", "Trip.com 携程国际 (Channex)", "ERHAI-HUB", "demo-hub-key-2026",
        rooms={code: f"TH-{code}" for code in DEMO_ROOM_TYPES}, plans=("BAR", "BB"),
        # The hub's limits (10 requests a minute per pace, 1000 values a request) on Ctrip's
        # capabilities: minimum stays go out arrival-based, as min_stay_arrival.
        settings=replace(protocol_settings(CHANNEX_ADAPTER.protocol).with_profile("ctrip"), markup_percent=12,
                         rounding="end8"),
        commission_percent=12,
    ),
)


@dataclass(frozen=True)
class DemoFeed:
    """An iCal channel: one room type's bookings as the host publishes them, polled by URL."""

    feed_name: str
    display_name: str
    hotel_code: str
    room_type: str

    @property
    def endpoint(self) -> str:
        return f"{DEMO_SANDBOX_URL}/ical/{self.hotel_code}/{self.room_type}.ics"

    def listing(self) -> ListingConfig:
        # Guests book this listing on the sandbox's booking API (the rate code is the OTA's own);
        # nothing is ever pushed to it, so it needs no channel login.
        return ListingConfig(self.hotel_code, "ical-host", "not-used", rooms={self.room_type}, rates={"ABB"},
                             horizon_days=SANDBOX_HORIZON_DAYS)


DEMO_FEEDS = (DemoFeed("airbnb-loft", "Airbnb 爱彼迎 (iCal)", "ERHAI-ABB", "LFT"),)

# The channels that sell (and take a commission), by name: the demo's OTA bookings name theirs.
DEMO_OTAS: dict[str, DemoChannel | DemoHub] = {demo.name: demo for demo in (*DEMO_CHANNELS, *DEMO_HUBS)}


def demo_listings() -> list[ListingConfig]:
    return ([channel.listing() for channel in DEMO_CHANNELS] + [hub.listing() for hub in DEMO_HUBS]
            + [feed.listing() for feed in DEMO_FEEDS])


def add_demo_channels(session: Session, property_id: int, room_types: dict[str, RoomType],
                      vault: Vault | None = None) -> dict[str, Channel]:
    """Add the demo channels and their mappings (passwords encrypted like any channel's); returns
    them by name, so the demo's OTA bookings can point at theirs."""
    vault = vault or Vault()
    added: dict[str, Channel] = {}
    # The OpenTravel channels, then the hub (as `channelmgr channel add NAME --protocol channex …`
    # sets one up): the same rows, each demo saying its protocol, login and codes.
    for demo in DEMO_OTAS.values():
        channel = Channel(
            property_id=property_id, name=demo.name, display_name=demo.display_name, protocol=demo.protocol,
            endpoint=demo.endpoint, hotel_code=demo.hotel_code, username=demo.username,
            secret_encrypted=vault.encrypt(demo.secret), enabled=True, settings=demo.settings.to_json(),
        )
        session.add(channel)
        session.flush()
        added[channel.name] = channel
        for local, remote_room in demo.rooms.items():
            room_type = room_types[local]
            session.add(ChannelMapping(channel_id=channel.id, room_type_id=room_type.id, remote_room=remote_room))
            for plan in room_type.rate_plans:
                remote_rate = demo.remote_rate(local, plan.code)
                if remote_rate is not None:
                    session.add(ChannelMapping(channel_id=channel.id, room_type_id=room_type.id, rate_plan_id=plan.id,
                                               remote_room=remote_room, remote_rate=remote_rate))
    for feed in DEMO_FEEDS:  # as `channelmgr ical import --url` sets one up
        channel = Channel(property_id=property_id, name=feed_channel_name(feed.feed_name),
                          display_name=feed.display_name, protocol=ICAL_ADAPTER.protocol, endpoint=feed.endpoint,
                          enabled=True)
        session.add(channel)
        session.flush()
        added[channel.name] = channel
        session.add(ChannelMapping(channel_id=channel.id, room_type_id=room_types[feed.room_type].id,
                                   remote_room=feed.room_type))
    return added
