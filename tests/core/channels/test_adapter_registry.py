"""The channel interface: every protocol the service accepts has an adapter that says so."""

from __future__ import annotations

import pytest

from channelmgr.channels.adapter import PROTOCOLS, adapter_for
from channelmgr.channels.send_result import Credentials
from channelmgr.sync.ranges import AvailCell, Range, RestrictionCell


def test_each_protocol_has_its_own_adapter():
    assert "opentravel" in PROTOCOLS
    for protocol in PROTOCOLS:
        assert adapter_for(protocol).protocol == protocol


def test_unknown_protocol_is_refused_naming_the_known_ones():
    with pytest.raises(ValueError, match="unknown protocol 'telex'.*opentravel"):
        adapter_for("telex")


def test_opentravel_adapter_costs_and_carries_ranges_as_before():
    from datetime import date

    adapter = adapter_for("opentravel")
    avail = Range(AvailCell("R1", date(2027, 1, 1), 2), date(2027, 1, 1), date(2027, 1, 3))
    restriction = Range(RestrictionCell("R1", "BAR", date(2027, 1, 1), min_stay=2), date(2027, 1, 1),
                        date(2027, 1, 3))
    assert adapter.items_per_range(avail) == 1
    assert adapter.items_per_range(restriction) == 3  # one range is three AvailStatusMessages
    connection = adapter.connect("http://127.0.0.1:9/ota", "H1", Credentials("u", "p"), session=None,
                                 timeout=(1.0, 1.0))
    message = connection.availability_message([avail])
    assert message.name == "OTA_HotelInvCountNotifRQ" and message.items == (avail,)
    assert [m.name for m in connection.acknowledgements(["A", "B"])] == ["OTA_NotifReportRQ"]


def test_ical_adapter_pushes_nothing_and_takes_a_feed_url_or_none():
    from channelmgr.channels.adapter import pushes, whole_feed

    adapter = adapter_for("ical")
    assert not pushes(adapter) and whole_feed(adapter)
    assert pushes(adapter_for("opentravel")) and not whole_feed(adapter_for("opentravel"))
    adapter.check_endpoint("")  # imported from a file
    adapter.check_endpoint("https://www.airbnb.com/calendar/ical/1.ics?s=x")
    with pytest.raises(ValueError, match="feed URL"):
        adapter.check_endpoint("ftp://example.org/cal.ics")


def test_opentravel_adapter_refuses_an_endpoint_with_credentials():
    with pytest.raises(ValueError, match="credentials"):
        adapter_for("opentravel").check_endpoint("http://user:pw@127.0.0.1/ota")
