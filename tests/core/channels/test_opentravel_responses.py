"""Reading replies and mapping their errors back to the ranges of the request."""

from __future__ import annotations

from datetime import date

import pytest

from channelmgr.channels.errors import ProtocolError
from channelmgr.channels.opentravel_messages import build_avail_notif, build_inv_count_notif
from channelmgr.channels.opentravel_responses import judge, parse_response
from channelmgr.sync.ranges import AvailCell, RestrictionCell, coalesce

NS = 'xmlns="http://www.opentravel.org/OTA/2003/05"'
DAY = date(2026, 6, 1)


def reply(inner: str, root: str = "OTA_HotelInvCountNotifRS", attrs: str = NS) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><{root} {attrs} Version="1.000">{inner}</{root}>'.encode()


def inventory_message(rooms=("A", "B", "C")):
    ranges = coalesce(AvailCell(room, DAY, 1) for room in rooms)
    return build_inv_count_notif("H1", ranges, echo_token="tok"), ranges


def test_success_with_warnings():
    response = parse_response(
        reply('<Success/><Warnings><Warning Type="11" Code="367" ShortText="price below floor"/></Warnings>'),
        expected="OTA_HotelInvCountNotifRS",
    )
    assert response.success and not response.errors
    assert [(w.code, w.text, w.severity) for w in response.warnings] == [("367", "price below floor", "warning")]
    message, ranges = inventory_message()
    verdict = judge(message, response)
    assert verdict.accepted == tuple(ranges) and not verdict.rejected
    assert verdict.warnings == response.warnings


def test_errors_with_record_id_reject_only_their_items():
    message, ranges = inventory_message()
    response = parse_response(reply(
        '<Errors><Error Type="3" Code="402" Status="NotProcessed" RecordID="2" ShortText="unknown room"/></Errors>'
    ))
    assert not response.success
    verdict = judge(message, response)
    assert verdict.accepted == (ranges[0], ranges[2])
    assert [r.range for r in verdict.rejected] == [ranges[1]]
    issue = verdict.rejected[0].issues[0]
    assert (issue.code, issue.status, issue.record_id, issue.type, issue.text) == (
        "402", "NotProcessed", "2", "3", "unknown room")
    assert not verdict.request_errors


def test_an_xpath_tag_also_names_the_item():
    message, ranges = inventory_message()
    response = parse_response(reply(
        '<Errors><Error Code="15" Tag="/OTA_HotelInvCountNotifRQ/Inventories/Inventory[3]/StatusApplicationControl">'
        "bad date</Error></Errors>"
    ))
    verdict = judge(message, response)
    assert [r.range for r in verdict.rejected] == [ranges[2]]
    assert verdict.rejected[0].issues[0].text == "bad date"  # element text when no ShortText


@pytest.mark.parametrize("error", [
    '<Error Code="392" ShortText="invalid hotel code"/>',             # names no item
    '<Error Code="402" RecordID="9" ShortText="no such item"/>',      # names an item we did not send
    '<Error Code="402" RecordID="abc" ShortText="unreadable id"/>',
])
def test_an_error_we_cannot_place_rejects_the_whole_request(error):
    message, ranges = inventory_message()
    verdict = judge(message, parse_response(reply(f"<Errors>{error}</Errors>")))
    assert verdict.accepted == ()
    assert [r.range for r in verdict.rejected] == list(ranges)
    assert len(verdict.request_errors) == 1


def test_one_failed_element_of_a_restriction_range_rejects_that_range():
    ranges = coalesce([RestrictionCell("DBL", "BAR", DAY), RestrictionCell("TWN", "BAR", DAY, cta=True)])
    message = build_avail_notif("H1", ranges, echo_token="tok")
    response = parse_response(reply('<Errors><Error Code="15" RecordID="5" ShortText="CTA not allowed"/></Errors>',
                                    root="OTA_HotelAvailNotifRS"))
    verdict = judge(message, response)
    assert verdict.accepted == (ranges[0],)
    assert [r.range for r in verdict.rejected] == [ranges[1]]


def test_success_and_errors_together_means_errors():
    response = parse_response(reply('<Success/><Errors><Error ShortText="x" RecordID="1"/></Errors>'))
    assert not response.success


def test_a_reply_without_namespace_is_read():
    response = parse_response(reply("<Success/>", attrs='EchoToken="tok"'))
    assert response.success and response.echo_token == "tok"


@pytest.mark.parametrize(
    ("body", "expected", "says"),
    [
        (reply("<Success/>"), "OTA_HotelAvailNotifRS", "expected OTA_HotelAvailNotifRS"),
        (reply(""), None, "neither Success nor Errors"),
        (reply("<Success/>", attrs='xmlns="urn:other"'), None, "namespace"),
        (reply("<Success/>", root="OTA_HotelInvCountNotifRQ"), None, "not an OpenTravel response"),
        (b"<html><body>Service Unavailable</body></html>", None, "HTML"),
    ],
)
def test_replies_that_are_not_what_we_asked_for(body, expected, says):
    with pytest.raises(ProtocolError, match=says):
        parse_response(body, expected=expected)


def test_a_reply_echoing_another_token_is_not_ours():
    message, _ = inventory_message()
    response = parse_response(reply("<Success/>", attrs=f'{NS} EchoToken="someone-else"'))
    with pytest.raises(ProtocolError, match="echoes token"):
        judge(message, response)
