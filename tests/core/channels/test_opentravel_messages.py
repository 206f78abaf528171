"""OpenTravel 2015B builders: parse what they produce and check structure, order and values."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from lxml import etree

from channelmgr.channels.opentravel_messages import (
    DAY_FLAGS,
    OTA_NS,
    build_avail_notif,
    build_inv_count_notif,
    build_notif,
    build_rate_amount_notif,
    decimal_to_minor,
    minor_to_decimal,
)
from channelmgr.sync.ranges import AvailCell, Range, RateCell, RestrictionCell, coalesce

NS = {"o": OTA_NS}
STAMP = datetime(2026, 5, 20, 8, 30, tzinfo=timezone(timedelta(hours=8)))


def local_names(element) -> list[str]:
    return [etree.QName(child).localname for child in element]


def parse(message):
    return etree.fromstring(message.body)


def stay_nights(arrival: date, departure: date) -> list[date]:
    """A half-open stay [arrival, departure) as the nights it occupies."""
    return [arrival + timedelta(days=i) for i in range((departure - arrival).days)]


def test_inventory_message_structure_and_inclusive_end():
    # A stay arriving 1 June and leaving 4 June occupies the nights of 1, 2 and 3 June:
    # OpenTravel's End is the last night, 3 June — not the departure day.
    nights = stay_nights(date(2026, 6, 1), date(2026, 6, 4))
    ranges = coalesce(AvailCell("DBL", n, 0) for n in nights)
    message = build_inv_count_notif("H1001", ranges, echo_token="tok-1", timestamp=STAMP)
    root = parse(message)

    assert root.tag == f"{{{OTA_NS}}}OTA_HotelInvCountNotifRQ"
    assert root.nsmap[None] == OTA_NS
    assert (root.get("EchoToken"), root.get("TimeStamp"), root.get("Version")) == (
        "tok-1", "2026-05-20T08:30:00+08:00", "1.000")
    assert local_names(root) == ["Inventories"]
    inventories = root.find("o:Inventories", NS)
    assert inventories.get("HotelCode") == "H1001"
    inventory = inventories.find("o:Inventory", NS)
    assert local_names(inventory) == ["StatusApplicationControl", "InvCounts"]
    control = inventory.find("o:StatusApplicationControl", NS)
    assert dict(control.attrib) == {"Start": "2026-06-01", "End": "2026-06-03", "InvTypeCode": "DBL"}
    count = inventory.find("o:InvCounts/o:InvCount", NS)
    assert dict(count.attrib) == {"CountType": "2", "Count": "0"}
    assert message.path == "OTA_HotelInvCountNotif"
    assert message.response_name == "OTA_HotelInvCountNotifRS"
    assert message.items == tuple(ranges)
    assert message.body.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")


def test_avail_message_uses_three_numbered_elements_per_restriction_range():
    cell = RestrictionCell("DBL", "BAR", date(2026, 6, 1), stop_sell=True, cta=False, ctd=True, min_stay=2, max_stay=7)
    other = RestrictionCell("TWN", "BAR", date(2026, 6, 1))
    ranges = [Range(cell, date(2026, 6, 1), date(2026, 6, 10)), Range(other, date(2026, 6, 1), date(2026, 6, 1))]
    message = build_avail_notif("H1001", ranges, echo_token="t", timestamp=STAMP)
    container = parse(message).find("o:AvailStatusMessages", NS)
    assert container.get("HotelCode") == "H1001"
    messages = container.findall("o:AvailStatusMessage", NS)
    assert [m.get("LocatorID") for m in messages] == ["1", "2", "3", "4", "5", "6"]
    assert message.items == (ranges[0],) * 3 + (ranges[1],) * 3
    assert message.ranges == tuple(ranges)

    master, arrival, departure = messages[:3]
    assert local_names(master) == ["StatusApplicationControl", "LengthsOfStay", "RestrictionStatus"]
    assert dict(master.find("o:StatusApplicationControl", NS).attrib) == {
        "Start": "2026-06-01", "End": "2026-06-10", "InvTypeCode": "DBL", "RatePlanCode": "BAR"}
    assert [dict(s.attrib) for s in master.findall("o:LengthsOfStay/o:LengthOfStay", NS)] == [
        {"MinMaxMessageType": "SetMinLOS", "Time": "2", "TimeUnit": "Day"},
        {"MinMaxMessageType": "SetMaxLOS", "Time": "7", "TimeUnit": "Day"},
    ]
    assert dict(master.find("o:RestrictionStatus", NS).attrib) == {"Restriction": "Master", "Status": "Close"}
    assert local_names(arrival) == ["StatusApplicationControl", "RestrictionStatus"]
    assert dict(arrival.find("o:RestrictionStatus", NS).attrib) == {"Restriction": "Arrival", "Status": "Open"}
    assert dict(departure.find("o:RestrictionStatus", NS).attrib) == {"Restriction": "Departure", "Status": "Close"}

    open_master = messages[3]
    assert [s.get("MinMaxMessageType") for s in open_master.findall("o:LengthsOfStay/o:LengthOfStay", NS)] == [
        "SetMinLOS", "RemoveMaxLOS"]  # no maximum: remove any the channel had
    assert open_master.find("o:RestrictionStatus", NS).get("Status") == "Open"


def test_rate_message_amount_currency_guests_and_day_flags():
    start = date(2026, 6, 5)  # a Friday
    weekend = Range(RateCell("DBL", "BAR", start, 48800, "CNY", guests=2), start, date(2026, 6, 28),
                    frozenset({4, 5, 6}))
    plain = Range(RateCell("DBL", "NRF", date(2026, 6, 1), 5, "CNY"), date(2026, 6, 1), date(2026, 6, 1))
    message = build_rate_amount_notif("H1001", [weekend, plain], timestamp=STAMP)
    root = parse(message)
    container = root.find("o:RateAmountMessages", NS)
    first, second = container.findall("o:RateAmountMessage", NS)
    assert (first.get("LocatorID"), second.get("LocatorID")) == ("1", "2")
    assert local_names(first) == ["StatusApplicationControl", "Rates"]
    control = first.find("o:StatusApplicationControl", NS)
    flags = {flag: control.get(flag) for flag in DAY_FLAGS}
    assert flags == {"Mon": "false", "Tue": "false", "Weds": "false", "Thur": "false",
                     "Fri": "true", "Sat": "true", "Sun": "true"}
    amount = first.find("o:Rates/o:Rate/o:BaseByGuestAmts/o:BaseByGuestAmt", NS)
    assert dict(amount.attrib) == {"AmountAfterTax": "488.00", "CurrencyCode": "CNY", "NumberOfGuests": "2"}
    second_control = second.find("o:StatusApplicationControl", NS)
    assert not any(second_control.get(flag) for flag in DAY_FLAGS)  # all seven or none
    assert second.find(".//o:BaseByGuestAmt", NS).attrib == {"AmountAfterTax": "0.05", "CurrencyCode": "CNY"}
    assert len(root.get("EchoToken")) >= 16  # generated when not given


def test_build_notif_picks_the_builder_and_refuses_mixed_or_empty_input():
    avail = coalesce([AvailCell("DBL", date(2026, 6, 1), 1)])
    rate = coalesce([RateCell("DBL", "BAR", date(2026, 6, 1), 100, "CNY")])
    assert build_notif("H", avail).name == "OTA_HotelInvCountNotifRQ"
    assert build_notif("H", rate).name == "OTA_HotelRateAmountNotifRQ"
    with pytest.raises(ValueError):
        build_notif("H", avail + rate)
    with pytest.raises(ValueError):
        build_notif("H", [])
    with pytest.raises(ValueError):
        build_inv_count_notif("H", rate)
    with pytest.raises(ValueError):
        build_inv_count_notif("H", avail, timestamp=datetime(2026, 6, 1))  # naive
    with pytest.raises(ValueError):
        build_inv_count_notif("", avail)


def test_message_escapes_codes_instead_of_breaking_the_xml():
    cell = AvailCell('A&B"<x>', date(2026, 6, 1), 1)
    message = build_inv_count_notif('H<1>', [Range(cell, cell.night, cell.night)])
    root = parse(message)
    assert root.find("o:Inventories", NS).get("HotelCode") == "H<1>"
    assert root.find(".//o:StatusApplicationControl", NS).get("InvTypeCode") == 'A&B"<x>'


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [(38800, "CNY", "388.00"), (38850, "CNY", "388.50"), (5, "CNY", "0.05"), (0, "CNY", "0.00"),
     (1999, "JPY", "1999"), (123456789012, "CNY", "1234567890.12")],
)
def test_money_goes_to_decimal_text_and_back_exactly(minor, currency, text):
    assert minor_to_decimal(minor, currency) == text
    assert decimal_to_minor(text, currency) == minor


@pytest.mark.parametrize("text", ["388.005", "abc", "", "NaN", "1e400000000000"])
def test_decimal_to_minor_refuses_what_is_not_an_amount(text):
    with pytest.raises(ValueError):
        decimal_to_minor(text, "CNY")
