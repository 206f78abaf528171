"""The sandbox answers OTA_HotelAvailGetRQ and OTA_HotelRatePlanRQ with what its listing shows:
pushed cells read back as the very cells pushed (occupancy prices and weekday patterns included),
and a read it cannot serve is refused with an OpenTravel error."""

from __future__ import annotations

from datetime import timedelta

import pytest
import requests

from channelmgr.channels.adapter import ReadBackFailed, adapter_for
from channelmgr.channels.errors import FailureKind
from channelmgr.channels.send_result import Credentials
from channelmgr.channels.opentravel_read_back import build_avail_get
from channelmgr.channels.opentravel_responses import parse_response
from channelmgr.sync.acked import storage_key
from channelmgr.sync.ranges import AvailCell
from tests.integration.sandbox.test_sandbox_push import desired_cells, push


def _connection(ota, listing, password=None):
    return adapter_for("opentravel").connect(ota.endpoint(listing.hotel_code), listing.hotel_code,
                                             Credentials(listing.username, password or listing.password),
                                             session=None, timeout=(2, 5))


def test_what_was_pushed_reads_back_as_the_same_cells(ota, client, h1, night):
    cells = desired_cells(night)
    push(client, h1.hotel_code, cells, weekday_patterns=True)
    expected: dict = {}
    for cell in cells:
        expected.setdefault(storage_key(cell), {})[cell.night] = cell.value
    shown = _connection(ota, h1).read_back(night(0), night(60), list(expected))
    assert shown == expected


def test_only_the_keys_asked_for_and_nights_in_the_window_come_back(ota, client, h1, night):
    push(client, h1.hotel_code, [AvailCell("DBL", night(i), 2) for i in range(10)]
         + [AvailCell("TWN", night(i), 1) for i in range(10)])
    shown = _connection(ota, h1).read_back(night(3), night(5), [("avail", "DBL", "", 0)])
    assert shown == {("avail", "DBL", "", 0): {night(3): (2,), night(4): (2,)}}


def test_a_read_with_bad_credentials_another_hotel_or_a_window_too_long_is_refused(ota, h1, h2, night):
    with pytest.raises(ReadBackFailed) as refused:
        _connection(ota, h1, password="wrong").read_back(night(0), night(5), [])
    assert refused.value.failure.kind is FailureKind.AUTH

    def post(hotel_path, body):
        return requests.post(f"{ota.endpoint(hotel_path)}/OTA_HotelAvailGet", data=body,
                             auth=(h1.username, h1.password), timeout=5)

    response = post(h1.hotel_code, build_avail_get(h2.hotel_code, night(0), night(5)).body)
    assert response.status_code == 200 and "is not this listing" in parse_response(response.content).errors[0].text
    response = post(h1.hotel_code, build_avail_get(h1.hotel_code, night(0), night(0) + timedelta(days=2000)).body)
    assert "at most 1100 nights" in parse_response(response.content).errors[0].text
    response = post(h1.hotel_code, b"<OTA_HotelAvailGetRQ")
    assert response.status_code == 400 and parse_response(response.content).errors
