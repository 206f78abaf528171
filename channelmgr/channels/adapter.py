"""One channel interface: the engine decides *what* to send, an adapter says *how* a channel carries it.

The sync engine (``channelmgr.sync.engine``) and the reservation pull
(``channelmgr.sync.reservation_pull``) never build a protocol message themselves. For a
channel's ``protocol`` they ask :func:`adapter_for` for a :class:`ChannelAdapter`, which

* says how many request items a range costs (``items_per_range``), so the planner packs
  requests within the channel's item limit without knowing the wire format, and (optionally,
  ``request_kind``) which ranges may share one request;
* binds the channel's endpoint and credentials into a :class:`ChannelConnection` for one pass.

A connection turns ranges into requests, sends them and classifies the reply as a
:class:`~channelmgr.channels.send_result.SendResult` (OK · PARTIAL · REJECTED · RETRYABLE ·
FATAL), so retries, pacing, acknowledgement and the sync log work the same for every protocol.
``OutgoingMessage`` is the request as the log sees it: a name, the bytes sent, and the ranges
behind it.

Adding a protocol means one module with an adapter and one line in ``_ADAPTERS``; nothing in the
engine changes.

Read-back (the drift audit, ``channelmgr.sync.drift``): an adapter whose channel can be asked what
it shows sets ``reads_back = True`` and its connection implements ``read_back``. The answer is plain
data, whatever the wire — ``{storage key: {night: value}}`` with the engine's own keys and value
tuples (see :data:`ReadBackValues`) — so a JSON hub's GET endpoints fill the same dict an
OpenTravel ``OTA_HotelAvailGetRQ`` does, and the audit compares without knowing either.
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Hashable, Protocol, Sequence

import requests

from channelmgr.channels.opentravel_messages import OutgoingMessage
from channelmgr.channels.send_result import Credentials, SendResult
from channelmgr.sync.ranges import Range

if TYPE_CHECKING:
    from channelmgr.sync.channel_settings import ChannelSettings

Timeout = tuple[float, float]  # (connect, read) seconds

# (kind, remote room, remote rate or "", guests or 0): channelmgr.sync.acked.storage_key of a cell.
ReadBackKey = tuple[str, str, str, int]
# What a channel shows, per key and night, as the cells' own value tuples:
#   ("avail", room, "", 0)            → (rooms to sell,)
#   ("rate", room, rate, guests)      → (amount in minor units, currency)
#   ("restriction", room, rate, 0)    → (stop_sell, cta, ctd, min_stay, max_stay or None)
# A night the channel shows nothing for is simply absent.
ReadBackValues = dict[ReadBackKey, dict[date, tuple[Hashable, ...]]]


class ReadBackFailed(Exception):
    """The channel could not be read back (network, credentials, a refused or unreadable reply).
    ``failure`` says why, as the sync log and the UI word it; nothing was compared."""

    def __init__(self, failure) -> None:  # channelmgr.channels.errors.Failure
        super().__init__(failure.detail)
        self.failure = failure


class ChannelConnection(Protocol):
    """One channel's wire for one pass, its credentials bound. ``send`` never raises for what the
    network or the channel does: that is the result's outcome."""

    def availability_message(self, ranges: Sequence[Range]) -> OutgoingMessage:
        """The request that carries one planned group of ranges (all of one cell type)."""

    def send(self, message: OutgoingMessage) -> SendResult: ...

    def reservations_request(self) -> OutgoingMessage:
        """The request that reads the bookings not yet acknowledged."""

    def parse_reservations(self, reply: bytes) -> list[dict[str, Any]]:
        """The reply's bookings as ``channel_booking.read_channel_booking`` dicts; raises
        ``ProtocolError`` (``HostileXmlError`` included) for a reply that cannot be trusted."""

    def acknowledgements(self, remote_ids: Sequence[str]) -> list[OutgoingMessage]:
        """The request(s) that tell the channel these bookings are stored."""

    def content_message(self, part: Any) -> OutgoingMessage:
        """The request that carries one listing-content part (``sync.content_push.RoomPart`` or
        ``PropertyPart``); only on adapters that ``carry_content``."""

    # Only when the adapter ``reads_back``:
    #   def read_back(self, start, end, keys, *, send=None) -> ReadBackValues  (send: the paced, retried
    #   send the audit passes; see read_back_requests)
    # What the channel shows for ``keys`` on nights [start, end); raises ReadBackFailed.


class ChannelAdapter(Protocol):
    protocol: str
    # False: the channel reads our feed (iCal); the engine plans nothing for it. Default True.
    pushes: bool
    # True: the channel's bookings are its whole published calendar, read and applied by
    # channelmgr.ical.feed_poll (cancelled by disappearance), not undelivered changes to
    # acknowledge one by one. Default False.
    whole_feed: bool
    # What the channel calls the secret it is given ("password", or "API key" for a hub that
    # takes a key and no user name); the CLI and the desk label it so. Default "password".
    secret_label: str
    # False: the channel takes no user name (an API key alone identifies us). Default True.
    needs_username: bool
    # Settings a new channel of this protocol starts from (its published limits), before the
    # owner's own: e.g. {"requests_per_minute": 10}. Default none.
    default_settings: dict
    # True: the protocol has a listing-content message (connections have ``content_message``);
    # whether a channel is sent content is its capability ``content``. Default False.
    carries_content: bool
    # True: the connection's ``read_back`` can ask the channel what it shows (the drift audit).
    # Default False: the audit says "cannot be read back", never "no difference".
    reads_back: bool

    def items_per_range(self, rng: Range) -> int:
        """What one range costs against the channel's ``max_items_per_request``."""

    def check_endpoint(self, endpoint: str) -> None:
        """Raise ``ValueError`` for an endpoint this protocol cannot use (said when it is entered)."""

    def connect(
        self,
        endpoint: str,
        hotel_code: str,
        credentials: Credentials,
        *,
        session: requests.Session | None,
        timeout: Timeout,
        settings: "ChannelSettings | None" = None,
        currency: str = "CNY",
    ) -> ChannelConnection:
        """``settings``: the channel's capabilities, for a wire that depends on them (which
        minimum-stay field a Channex-style value carries). ``currency``: the property's, for a
        wire whose prices name none (a Channex-style rate is a bare decimal)."""


# protocol → "module:attribute"; imported on first use so a protocol's code loads only when used.
_ADAPTERS = {
    "opentravel": "channelmgr.channels.opentravel_adapter:ADAPTER",
    "ical": "channelmgr.ical.channel_adapter:ADAPTER",
    "channex": "channelmgr.channels.channex_adapter:ADAPTER",
}

PROTOCOLS = tuple(_ADAPTERS)


def pushes(adapter: ChannelAdapter) -> bool:
    return getattr(adapter, "pushes", True)


def whole_feed(adapter: ChannelAdapter) -> bool:
    return getattr(adapter, "whole_feed", False)


def request_kind(adapter: ChannelAdapter) -> Callable[[Range], Hashable] | None:
    """Which ranges may share a request on this channel; None: those of one cell type."""
    return getattr(adapter, "request_kind", None)


def secret_label(adapter: ChannelAdapter) -> str:
    return getattr(adapter, "secret_label", "password")


def needs_username(adapter: ChannelAdapter) -> bool:
    return getattr(adapter, "needs_username", True)


def default_settings(adapter: ChannelAdapter) -> dict:
    return dict(getattr(adapter, "default_settings", {}))


def carries_content(adapter: ChannelAdapter) -> bool:
    return getattr(adapter, "carries_content", False)


def rates_name_their_room(adapter: ChannelAdapter) -> bool:
    """False: the channel names a rate by its own id alone (a Channex-style rate plan id belongs to
    one room type), so one rate id mapped under two rooms is a conflict, not two rates."""
    return getattr(adapter, "rates_name_their_room", True)


def reads_back(adapter: ChannelAdapter) -> bool:
    return getattr(adapter, "reads_back", False)


def adapter_for(protocol: str) -> ChannelAdapter:
    try:
        target = _ADAPTERS[protocol]
    except KeyError:
        raise ValueError(f"unknown protocol {protocol!r}; supported: {', '.join(PROTOCOLS)}") from None
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)
