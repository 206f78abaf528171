"""OpenTravel over HTTP: POST raw XML with HTTP Basic auth, read the reply into a SendResult.

The HTTP side — timeouts, network failures, 401/403, 429/5xx and Retry-After — is
``http_transport``'s, shared with every protocol; what this module adds is OpenTravel's reading of
a reply: ``<Success/>``, ``<Warnings>``, ``<Errors>`` naming items (a 200 can refuse all or part),
and an authentication Error inside a 200 (many OTAs answer bad credentials that way). Outcomes
are described in ``send_result``.

Credentials travel only in the ``Authorization`` header; they are never logged, never put in an
exception message, and an endpoint URL that embeds them is refused outright.
"""

from __future__ import annotations

import logging
import time

import requests

from channelmgr.channels.errors import FailureKind, ProtocolError
from channelmgr.channels.http_transport import HttpTransport, refused_reply
from channelmgr.channels.opentravel_messages import OutgoingMessage
from channelmgr.channels.opentravel_responses import OtaIssue, judge, parse_response
# Re-exported: most callers know these from here, where they were born.
from channelmgr.channels.send_result import Credentials, Outcome, SendResult, first_issues, first_issues_of

log = logging.getLogger(__name__)

CONTENT_TYPE = "text/xml; charset=utf-8"
AUTH_ERROR_TYPES = {"4", "5", "6"}
AUTH_ERROR_CODE = "497"


class OpenTravelClient:
    """Posts messages to ``{endpoint}/{MessageName without RQ}`` with HTTP Basic auth."""

    def __init__(
        self,
        endpoint: str,
        credentials: Credentials,
        *,
        timeout: tuple[float, float] = (5.0, 30.0),  # (connect, read) seconds
        session: requests.Session | None = None,
        clock=time.time,
    ) -> None:
        self._http = HttpTransport(endpoint, timeout=timeout, session=session, clock=clock)
        self.endpoint = self._http.endpoint
        self._credentials = credentials

    def __repr__(self) -> str:
        return f"OpenTravelClient({self.endpoint!r}, user={self._credentials.username!r})"

    def url_for(self, message: OutgoingMessage) -> str:
        return self._http.url_for(message)

    def send(self, message: OutgoingMessage) -> SendResult:
        return self._http.send(message, self._classify,
                               headers={"Content-Type": CONTENT_TYPE, "Accept": "text/xml, application/xml"},
                               auth=(self._credentials.username, self._credentials.password))

    def _classify(self, message: OutgoingMessage, response: requests.Response) -> SendResult:
        status = response.status_code
        if status != 200:
            return SendResult(Outcome.FATAL, message, f"HTTP {status}: {_errors_in(response.content)}",
                              http_status=status, kind=FailureKind.CHANNEL_REFUSED)
        try:
            verdict = judge(message, parse_response(response.content, expected=message.response_name))
        except ProtocolError as exc:  # HostileXmlError included
            return refused_reply(message, status, exc)
        if any(_is_auth_error(e) for e in verdict.request_errors):
            # Many OTAs answer bad credentials with HTTP 200 and an Error, not with a 401.
            detail = "the channel refused our credentials: " + "; ".join(map(str, verdict.request_errors))
            return SendResult(Outcome.FATAL, message, detail, rejected=verdict.rejected, http_status=status,
                              kind=FailureKind.AUTH)
        if verdict.request_errors and not message.items:
            # A message without ranges (content, a read, a booking acknowledgement) has nothing for
            # the errors to reject item by item: its Errors refuse the whole of it.
            return SendResult(Outcome.REJECTED, message, "refused: " + first_issues_of(verdict.request_errors),
                              warnings=verdict.warnings, http_status=status, reply=response.content,
                              kind=FailureKind.CHANNEL_REFUSED)
        kind = FailureKind.CHANNEL_REFUSED if verdict.rejected else None
        if not verdict.rejected:
            outcome = Outcome.OK
            detail = f"{len(verdict.accepted)} ranges applied" if message.items else "accepted"
        elif verdict.accepted:
            outcome = Outcome.PARTIAL
            detail = f"{len(verdict.accepted)} applied, {len(verdict.rejected)} refused: " + first_issues(verdict.rejected)
        else:
            outcome = Outcome.REJECTED
            detail = f"all {len(verdict.rejected)} refused: " + first_issues(verdict.rejected)
        return SendResult(outcome, message, detail, verdict.accepted, verdict.rejected, verdict.warnings,
                          http_status=status, reply=response.content, kind=kind)


def _is_auth_error(issue: OtaIssue) -> bool:
    # OTA EWT 4/5/6: authentication, authentication timeout, authorization; ERR 497: authorization error.
    return issue.type in AUTH_ERROR_TYPES or issue.code == AUTH_ERROR_CODE


def _errors_in(body: bytes) -> str:
    try:
        response = parse_response(body)
    except ProtocolError:
        return "no OpenTravel errors in the reply"
    return "; ".join(str(e) for e in response.errors) or "no errors listed"
