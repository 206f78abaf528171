"""A Channex-style JSON hub behind the channel interface (Ctrip/Trip.com, Booking.com, Airbnb,
Expedia reached through one connectivity hub).

The values are built by ``channex_messages``, replies judged by ``channex_client``, bookings read
and acknowledged by ``channex_bookings``; this module binds them to :class:`ChannelAdapter`. The
channel's hotel code is the hub's property id and its secret an API key (no user name).
"""

from __future__ import annotations

from typing import Any, Sequence

import requests

from datetime import date, timedelta

from channelmgr.channels import channex_bookings, channex_messages, channex_readback
from channelmgr.channels.read_back_requests import Send, read_all
from channelmgr.channels.adapter import ReadBackKey, ReadBackValues, Timeout
from channelmgr.channels.channex_client import ChannexClient
from channelmgr.channels.http_transport import checked_endpoint
from channelmgr.channels.opentravel_messages import OutgoingMessage
from channelmgr.channels.send_result import Credentials, SendResult
from channelmgr.sync.channel_profiles import OUR_MIN_STAY_BASIS
from channelmgr.sync.ranges import Range


class ChannexConnection:
    def __init__(self, client: ChannexClient, property_id: str, min_stay_basis: str, currency: str = "CNY"):
        self.client = client
        self.property_id = property_id
        self.min_stay_basis = min_stay_basis
        self.currency = currency  # the hub's rates are bare decimals in the property's currency
        # remote booking id → the revisions of it the last feed delivered: what acknowledging the
        # booking means to the hub (one POST per revision).
        self._revisions: dict[str, list[str]] = {}

    def availability_message(self, ranges: Sequence[Range]) -> OutgoingMessage:
        return channex_messages.build_values(self.property_id, ranges, min_stay_basis=self.min_stay_basis)

    def send(self, message: OutgoingMessage) -> SendResult:
        return self.client.send(message)

    def reservations_request(self) -> OutgoingMessage:
        return channex_bookings.feed_request(self.property_id)

    def parse_reservations(self, reply: bytes) -> list[dict[str, Any]]:
        revisions = channex_bookings.parse_feed(reply)
        self._revisions = {}
        for revision_id, booking in revisions:
            self._revisions.setdefault(booking.get("remote_id") or "", []).append(revision_id)
        return [booking for _revision_id, booking in revisions]

    def read_back(self, start: date, end: date, keys: Sequence[ReadBackKey], *,
                  send: Send | None = None) -> ReadBackValues:
        """What the hub shows for ``keys`` on nights [start, end), for the drift audit: its GET
        availability and restrictions through ``send`` (the audit's paced, retried send; see
        read_back_requests), in the engine's storage keys and value tuples. Raises
        ReadBackFailed (nothing compared) when either read fails or cannot be trusted."""
        # the hub names a restriction by its rate plan id alone: our mappings say whose room it is
        room_of = {rate: room for kind, room, rate, _guests in keys if kind != "avail" and rate}
        last = end - timedelta(days=1)
        return read_all(send or self.send, (
            (channex_readback.read_request(self.property_id, "availability", start, last),
             channex_readback.availability_cells),
            (channex_readback.read_request(self.property_id, "restrictions", start, last),
             lambda reply: channex_readback.restriction_cells(reply, room_of, self.currency)),
        ), keys, start, end)

    def acknowledgements(self, remote_ids: Sequence[str]) -> list[OutgoingMessage]:
        # One by one: each revision of each stored booking, nothing for a booking not stored.
        return [channex_bookings.ack_request(self.property_id, revision_id)
                for remote_id in remote_ids for revision_id in self._revisions.get(remote_id, ())]


class ChannexAdapter:
    protocol = "channex"
    pushes = True
    whole_feed = False
    secret_label = "API key"
    needs_username = False
    reads_back = True  # GET availability + GET restrictions (channex_readback)
    rates_name_their_room = False  # a restriction value names only its rate_plan_id
    # The hub's published limits: 10 availability + 10 price/restriction requests a minute per
    # property (one bucket per pace at this rate), up to 1000 values a request.
    default_settings = {"requests_per_minute": 10, "max_items_per_request": channex_messages.DEFAULT_MAX_VALUES}

    def items_per_range(self, rng: Range) -> int:
        return channex_messages.items_per_range(rng)

    def request_kind(self, rng: Range) -> str:
        return channex_messages.endpoint_of(rng)

    def check_endpoint(self, endpoint: str) -> None:
        checked_endpoint(endpoint)

    def connect(self, endpoint: str, hotel_code: str, credentials: Credentials, *,
                session: requests.Session | None, timeout: Timeout, settings=None,
                currency: str = "CNY") -> ChannexConnection:
        basis = settings.min_stay_basis if settings is not None else OUR_MIN_STAY_BASIS
        client = ChannexClient(endpoint, credentials.password, timeout=timeout, session=session)
        return ChannexConnection(client, hotel_code, basis, currency)


ADAPTER = ChannexAdapter()
