"""Reading OTA_HotelAvailGetRS / OTA_HotelRatePlanRS: values as the engine's cells, and a reply
that cannot be trusted refused with the element that is wrong."""

from __future__ import annotations

from datetime import date

import pytest

from channelmgr.channels.errors import HostileXmlError, ProtocolError
from channelmgr.channels.opentravel_read_back import (build_avail_get, build_rate_plan_get, parse_avail_get,
                                                      parse_rate_plan)

START, END = date(2026, 6, 1), date(2026, 6, 5)  # nights 1–4 June
NS = 'xmlns="http://www.opentravel.org/OTA/2003/05"'


def _avail(body: str) -> bytes:
    return (f'<OTA_HotelAvailGetRS {NS} Version="1.0"><Success/><AvailStatusMessages HotelCode="H1">{body}'
            '</AvailStatusMessages></OTA_HotelAvailGetRS>').encode()


def _rates(body: str) -> bytes:
    return (f'<OTA_HotelRatePlanRS {NS} Version="1.0"><Success/><RatePlans HotelCode="H1">{body}'
            '</RatePlans></OTA_HotelRatePlanRS>').encode()


def test_the_requests_ask_for_the_window_with_an_inclusive_end():
    body = build_avail_get("H1", START, END).body.decode()
    assert 'HotelCode="H1"' in body and 'Start="2026-06-01" End="2026-06-04"' in body
    assert build_rate_plan_get("H1", START, END).path == "OTA_HotelRatePlan"


def test_counts_and_restrictions_become_cells_clipped_to_the_window():
    values = parse_avail_get(_avail(
        '<AvailStatusMessage BookingLimit="3"><StatusApplicationControl Start="2026-05-01" End="2026-06-02" '
        'InvTypeCode="DBL"/></AvailStatusMessage>'
        '<AvailStatusMessage><StatusApplicationControl Start="2026-06-03" End="2026-06-03" InvTypeCode="DBL" '
        'RatePlanCode="BAR"/><LengthsOfStay><LengthOfStay MinMaxMessageType="SetMinLOS" Time="2"/></LengthsOfStay>'
        '<RestrictionStatus Restriction="Master" Status="Open"/></AvailStatusMessage>'
        '<AvailStatusMessage><StatusApplicationControl Start="2026-06-03" End="2026-06-03" InvTypeCode="DBL" '
        'RatePlanCode="BAR"/><RestrictionStatus Restriction="Departure" Status="Close"/></AvailStatusMessage>'), START, END)
    assert values == {
        ("avail", "DBL", "", 0): {date(2026, 6, 1): (3,), date(2026, 6, 2): (3,)},
        ("restriction", "DBL", "BAR", 0): {date(2026, 6, 3): (False, False, True, 2, None)},
    }


def test_prices_become_cells_with_their_occupancy():
    values = parse_rate_plan(_rates(
        '<RatePlan RatePlanCode="BAR"><Rates><Rate InvTypeCode="DBL" Start="2026-06-04" End="2026-06-30">'
        '<BaseByGuestAmts><BaseByGuestAmt AmountAfterTax="388.00" CurrencyCode="CNY"/>'
        '<BaseByGuestAmt AmountAfterTax="300" CurrencyCode="CNY" NumberOfGuests="1"/></BaseByGuestAmts>'
        '</Rate></Rates></RatePlan>'), START, END)
    assert values == {("rate", "DBL", "BAR", 0): {date(2026, 6, 4): (38800, "CNY")},
                      ("rate", "DBL", "BAR", 1): {date(2026, 6, 4): (30000, "CNY")}}


@pytest.mark.parametrize("body, says", [
    ('<AvailStatusMessage BookingLimit="-1"><StatusApplicationControl Start="2026-06-01" End="2026-06-01" '
     'InvTypeCode="DBL"/></AvailStatusMessage>', "AvailStatusMessage 1 BookingLimit -1 is out of range"),
    ('<AvailStatusMessage BookingLimit="2"><StatusApplicationControl Start="2026-06-31" End="2026-07-01" '
     'InvTypeCode="DBL"/></AvailStatusMessage>', "AvailStatusMessage 1: Start '2026-06-31'"),
    ('<AvailStatusMessage BookingLimit="2"><StatusApplicationControl Start="2026-06-03" End="2026-06-01" '
     'InvTypeCode="DBL"/></AvailStatusMessage>', "End 2026-06-01 is before Start 2026-06-03"),
    ('<AvailStatusMessage><StatusApplicationControl Start="2026-06-01" End="2026-06-01" InvTypeCode="DBL" '
     'RatePlanCode="BAR"/><RestrictionStatus Restriction="Sideways" Status="Close"/></AvailStatusMessage>',
     "is not Master/Arrival/Departure"),
    ('<AvailStatusMessage BookingLimit="2"/>', "AvailStatusMessage 1: no StatusApplicationControl"),
])
def test_a_bad_availability_reply_is_refused_naming_the_element(body, says):
    with pytest.raises(ProtocolError, match=None) as raised:
        parse_avail_get(_avail(body), START, END)
    assert says in str(raised.value)


def test_a_bad_price_a_refusal_and_a_hostile_reply_are_refused():
    with pytest.raises(ProtocolError, match="AmountAfterTax 'lots'"):
        parse_rate_plan(_rates('<RatePlan RatePlanCode="BAR"><Rates><Rate InvTypeCode="DBL" Start="2026-06-01" '
                               'End="2026-06-01"><BaseByGuestAmts><BaseByGuestAmt AmountAfterTax="lots" '
                               'CurrencyCode="CNY"/></BaseByGuestAmts></Rate></Rates></RatePlan>'), START, END)
    refused = (f'<OTA_HotelRatePlanRS {NS}><Errors><Error Type="3" Code="392" ShortText="no such hotel"/></Errors>'
               '</OTA_HotelRatePlanRS>').encode()
    with pytest.raises(ProtocolError, match="the channel refused the read: .*no such hotel"):
        parse_rate_plan(refused, START, END)
    hostile = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><OTA_HotelAvailGetRS ' + NS.encode()
               + b'><Success/>&a;</OTA_HotelAvailGetRS>')
    with pytest.raises(HostileXmlError):
        parse_avail_get(hostile, START, END)
