"""How the client classifies every HTTP outcome, with a stub session (no network needed)."""

from __future__ import annotations

from datetime import date

import pytest
import requests

from channelmgr.channels.send_result import Credentials, Outcome
from channelmgr.channels.opentravel_client import OpenTravelClient
from channelmgr.channels.opentravel_messages import build_inv_count_notif
from channelmgr.sync.ranges import AvailCell, coalesce

MESSAGE = build_inv_count_notif(
    "H1", coalesce([AvailCell("DBL", date(2026, 6, 1), 1), AvailCell("TWN", date(2026, 6, 1), 2)]), echo_token="tok"
)
OK_BODY = b'<OTA_HotelInvCountNotifRS xmlns="http://www.opentravel.org/OTA/2003/05"><Success/></OTA_HotelInvCountNotifRS>'


class StubSession:
    def __init__(self, status: int = 200, body: bytes = OK_BODY, headers=None, raises: Exception | None = None):
        self.status, self.body, self.headers, self.raises = status, body, headers or {}, raises
        self.calls: list[dict] = []

    def post(self, url, **kwargs):
        self.calls.append(dict(kwargs, url=url))
        if self.raises:
            raise self.raises
        response = requests.Response()
        response.status_code = self.status
        response._content = self.body
        response.headers.update(self.headers)
        response.reason = "stub"
        return response


def client_with(session, **kwargs) -> OpenTravelClient:
    return OpenTravelClient("https://ota.example/api/", Credentials("owner", "pw"), session=session, **kwargs)


def test_the_request_is_a_basic_auth_post_of_raw_xml_to_the_message_path():
    session = StubSession()
    result = client_with(session).send(MESSAGE)
    assert result.outcome is Outcome.OK and result.acknowledged == MESSAGE.ranges
    [call] = session.calls
    assert call["url"] == "https://ota.example/api/OTA_HotelInvCountNotif"
    assert call["data"] == MESSAGE.body
    assert call["headers"]["Content-Type"] == "text/xml; charset=utf-8"
    assert call["auth"] == ("owner", "pw")
    assert call["allow_redirects"] is False
    assert call["timeout"] == (5.0, 30.0)


@pytest.mark.parametrize(
    ("status", "outcome"),
    [(401, Outcome.FATAL), (403, Outcome.FATAL), (404, Outcome.FATAL), (400, Outcome.FATAL),
     (408, Outcome.RETRYABLE), (429, Outcome.RETRYABLE), (500, Outcome.RETRYABLE), (502, Outcome.RETRYABLE),
     (503, Outcome.RETRYABLE), (302, Outcome.FATAL)],
)
def test_http_statuses(status, outcome):
    result = client_with(StubSession(status=status, body=b"")).send(MESSAGE)
    assert result.outcome is outcome and result.http_status == status and result.acknowledged == ()


def test_retry_after_in_seconds_or_as_an_http_date():
    seconds = client_with(StubSession(429, b"", {"Retry-After": "7"})).send(MESSAGE)
    assert seconds.retry_after == 7.0
    now = 1_780_000_000.0  # fixed "now" for the HTTP-date form
    dated = client_with(StubSession(503, b"", {"Retry-After": "Thu, 28 May 2026 20:27:00 GMT"}),
                        clock=lambda: now).send(MESSAGE)
    assert dated.retry_after == pytest.approx(1_780_000_020.0 - now)
    junk = client_with(StubSession(503, b"", {"Retry-After": "soon"})).send(MESSAGE)
    assert junk.outcome is Outcome.RETRYABLE and junk.retry_after is None


@pytest.mark.parametrize(
    ("error", "outcome", "says"),
    [(requests.ConnectTimeout("slow"), Outcome.RETRYABLE, "timed out"),
     (requests.ConnectionError("reset"), Outcome.RETRYABLE, "connection failed"),
     (requests.exceptions.InvalidURL("bad"), Outcome.FATAL, "could not be sent")],
)
def test_transport_failures(error, outcome, says):
    result = client_with(StubSession(raises=error)).send(MESSAGE)
    assert result.outcome is outcome and says in result.detail and result.http_status is None


def test_partial_and_rejected_replies():
    partial = (b'<OTA_HotelInvCountNotifRS xmlns="http://www.opentravel.org/OTA/2003/05"><Errors>'
               b'<Error Code="402" RecordID="2" ShortText="unknown room"/></Errors></OTA_HotelInvCountNotifRS>')
    result = client_with(StubSession(body=partial)).send(MESSAGE)
    assert result.outcome is Outcome.PARTIAL
    assert result.acknowledged == MESSAGE.ranges[:1]
    assert "unknown room" in result.detail

    whole = partial.replace(b' RecordID="2"', b"")
    result = client_with(StubSession(body=whole)).send(MESSAGE)
    assert result.outcome is Outcome.REJECTED and result.acknowledged == ()


def test_an_authentication_error_inside_a_200_is_fatal():
    body = (b'<OTA_HotelInvCountNotifRS xmlns="http://www.opentravel.org/OTA/2003/05"><Errors>'
            b'<Error Type="4" Code="497" Status="NotProcessed" ShortText="Unauthorized"/></Errors>'
            b"</OTA_HotelInvCountNotifRS>")
    result = client_with(StubSession(body=body)).send(MESSAGE)
    assert result.outcome is Outcome.FATAL and "credentials" in result.detail and result.acknowledged == ()


def test_a_reply_for_another_message_is_not_acknowledged():
    wrong = OK_BODY.replace(b"InvCount", b"Avail")
    result = client_with(StubSession(body=wrong)).send(MESSAGE)
    assert result.outcome is Outcome.RETRYABLE and "expected OTA_HotelInvCountNotifRS" in result.detail


@pytest.mark.parametrize("endpoint", ["ftp://ota.example", "not a url", "https://u:p@ota.example/x"])
def test_unusable_endpoints_are_refused(endpoint):
    with pytest.raises(ValueError):
        OpenTravelClient(endpoint, Credentials("u", "p"))


def test_errors_refuse_a_message_that_carries_no_ranges():
    """A booking acknowledgement (or a content message) has no ranges for the errors to reject one by
    one: before the fix its <Errors> came back as OK, and the bookings were taken as acknowledged."""
    from channelmgr.channels.opentravel_reservations import build_notif_report

    report = build_notif_report("H1", ["R-1"])
    assert report.items == ()
    refused = (f'<{report.response_name} xmlns="http://www.opentravel.org/OTA/2003/05"><Errors>'
               '<Error Type="3" Code="450" ShortText="unknown reservation R-1"/></Errors>'
               f'</{report.response_name}>').encode()
    result = client_with(StubSession(body=refused)).send(report)
    assert result.outcome is Outcome.REJECTED and result.failure is not None
    assert "unknown reservation R-1" in result.detail and result.acknowledged == ()

    accepted = refused.replace(b'<Errors><Error Type="3" Code="450" ShortText="unknown reservation R-1"/></Errors>',
                               b"<Success/>")
    assert client_with(StubSession(body=accepted)).send(report).outcome is Outcome.OK
