"""OpenTravel 2015B behind the channel interface: OTA_Hotel…NotifRQ over HTTP Basic auth.

The messages are built by ``opentravel_messages`` / ``opentravel_reservations`` and the replies
judged by ``opentravel_client``; this module only binds them to :class:`ChannelAdapter`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Sequence

import requests

from channelmgr.channels.adapter import ReadBackKey, ReadBackValues, Timeout
from channelmgr.channels.http_transport import checked_endpoint
from channelmgr.channels.send_result import Credentials, SendResult
from channelmgr.channels.opentravel_client import OpenTravelClient
from channelmgr.channels.opentravel_content import build_property_content_notif, build_room_content_notif
from channelmgr.channels.opentravel_messages import OutgoingMessage, build_notif, elements_per_range
from channelmgr.channels.read_back_requests import Send, read_all
from channelmgr.channels.opentravel_read_back import (build_avail_get, build_rate_plan_get, parse_avail_get,
                                                      parse_rate_plan)
from channelmgr.channels.opentravel_reservations import build_notif_report, build_read_request, parse_res_retrieve
from channelmgr.sync.ranges import Range


class OpenTravelConnection:
    def __init__(self, client: OpenTravelClient, hotel_code: str):
        self.client = client
        self.hotel_code = hotel_code

    def availability_message(self, ranges: Sequence[Range]) -> OutgoingMessage:
        return build_notif(self.hotel_code, ranges)

    def send(self, message: OutgoingMessage) -> SendResult:
        return self.client.send(message)

    def reservations_request(self) -> OutgoingMessage:
        return build_read_request(self.hotel_code)

    def parse_reservations(self, reply: bytes) -> list[dict[str, Any]]:
        _response, parsed = parse_res_retrieve(reply)
        return parsed

    def acknowledgements(self, remote_ids: Sequence[str]) -> list[OutgoingMessage]:
        # One OTA_NotifReportRQ names them all.
        return [build_notif_report(self.hotel_code, remote_ids)]

    def content_message(self, part: Any) -> OutgoingMessage:
        # A room part has remote rooms; the property part has none (see sync.content_push).
        remote_rooms = getattr(part, "remote_rooms", None)
        if remote_rooms is not None:
            return build_room_content_notif(self.hotel_code, remote_rooms, part.content)
        return build_property_content_notif(self.hotel_code, part.content)

    def read_back(self, start: date, end: date, keys: Sequence[ReadBackKey], *,
                  send: Send | None = None) -> ReadBackValues:
        """Two reads (availability + restrictions, then prices), through ``send`` (the audit's
        paced, retried send; see read_back_requests)."""
        return read_all(send or self.send, (
            (build_avail_get(self.hotel_code, start, end), lambda reply: parse_avail_get(reply, start, end)),
            (build_rate_plan_get(self.hotel_code, start, end), lambda reply: parse_rate_plan(reply, start, end)),
        ), keys, start, end)


class OpenTravelAdapter:
    protocol = "opentravel"
    pushes = True
    whole_feed = False
    carries_content = True  # OTA_HotelDescriptiveContentNotifRQ
    reads_back = True  # OTA_HotelAvailGetRQ + OTA_HotelRatePlanRQ (opentravel_read_back)

    def items_per_range(self, rng: Range) -> int:
        return elements_per_range(rng)

    def check_endpoint(self, endpoint: str) -> None:
        checked_endpoint(endpoint)

    def connect(self, endpoint: str, hotel_code: str, credentials: Credentials, *,
                session: requests.Session | None, timeout: Timeout, settings=None,
                currency: str = "CNY") -> OpenTravelConnection:  # OpenTravel amounts carry their CurrencyCode
        return OpenTravelConnection(OpenTravelClient(endpoint, credentials, timeout=timeout, session=session),
                                    hotel_code)


ADAPTER = OpenTravelAdapter()
