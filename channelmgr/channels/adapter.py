"""One channel interface: the engine decides *what* to send, an adapter says *how* a channel carries it.

The sync engine (``channelmgr.sync.engine``) and the reservation pull
(``channelmgr.sync.reservation_pull``) never build a protocol message themselves. For a
channel's ``protocol`` they ask :func:`adapter_for` for a :class:`ChannelAdapter`, which

* says how many request items a range costs (``items_per_range``), so the planner packs
  requests within the channel's item limit without knowing the wire format;
* binds the channel's endpoint and credentials into a :class:`ChannelConnection` for one pass.

A connection turns ranges into requests, sends them and classifies the reply as a
:class:`~channelmgr.channels.opentravel_client.SendResult` (OK · PARTIAL · REJECTED · RETRYABLE ·
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
from typing import Any, Hashable, Protocol, Sequence

import requests

from channelmgr.channels.opentravel_client import Credentials, SendResult
from channelmgr.channels.opentravel_messages import OutgoingMessage
from channelmgr.sync.ranges import Range

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

    # Only when the adapter ``reads_back``:
    #   def read_back(self, start: date, end: date, keys: Sequence[ReadBackKey]) -> ReadBackValues
    # What the channel shows for ``keys`` on nights [start, end); raises ReadBackFailed.


class ChannelAdapter(Protocol):
    protocol: str
    # False: the channel reads our feed (iCal); the engine plans nothing for it. Default True.
    pushes: bool
    # True: the channel's bookings are its whole published calendar, read and applied by
    # channelmgr.ical.feed_poll (cancelled by disappearance), not undelivered changes to
    # acknowledge one by one. Default False.
    whole_feed: bool
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
    ) -> ChannelConnection: ...


# protocol → "module:attribute"; imported on first use so a protocol's code loads only when used.
_ADAPTERS = {
    "opentravel": "channelmgr.channels.opentravel_adapter:ADAPTER",
    "ical": "channelmgr.ical.channel_adapter:ADAPTER",
}

PROTOCOLS = tuple(_ADAPTERS)


def pushes(adapter: ChannelAdapter) -> bool:
    return getattr(adapter, "pushes", True)


def whole_feed(adapter: ChannelAdapter) -> bool:
    return getattr(adapter, "whole_feed", False)


def reads_back(adapter: ChannelAdapter) -> bool:
    return getattr(adapter, "reads_back", False)


def adapter_for(protocol: str) -> ChannelAdapter:
    try:
        target = _ADAPTERS[protocol]
    except KeyError:
        raise ValueError(f"unknown protocol {protocol!r}; supported: {', '.join(PROTOCOLS)}") from None
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)
