"""HTTP transport for OpenTravel messages: POST raw XML, classify what happened.

``send`` never raises for anything the network or the channel does; it returns a
:class:`SendResult` whose ``outcome`` tells the sync engine what to do next:

* ``OK``        — every range applied: acknowledge them all.
* ``PARTIAL``   — some items were refused (HTTP 200 with errors naming them): acknowledge ``accepted``.
* ``REJECTED``  — the channel read the request and refused all of it (bad codes, dates…): nothing to
  acknowledge; retrying the same bytes will not help, the user must fix a mapping or a value.
* ``RETRYABLE`` — 5xx, 408, 429, timeout, reset, or an unreadable reply: nothing acknowledged, try
  again later (``retry_after`` if the channel said when).
* ``FATAL``     — 401/403 or an authentication Error in a 200 (credentials), other 4xx, a hostile
  reply, a broken URL: stop and tell the user; retrying cannot succeed.

Credentials travel only in the ``Authorization`` header; they are never logged, never put in an
exception message, and an endpoint URL that embeds them is refused outright.
"""

from __future__ import annotations

import email.utils
import enum
import logging
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests

from channelmgr.channels.errors import Failure, FailureKind, HostileXmlError, ProtocolError, network_failure_kind
from channelmgr.channels.opentravel_messages import OutgoingMessage
from channelmgr.channels.opentravel_responses import (
    OtaIssue,
    RejectedRange,
    judge,
    parse_response,
)
from channelmgr.sync.ranges import Range

log = logging.getLogger(__name__)

CONTENT_TYPE = "text/xml; charset=utf-8"
AUTH_STATUSES = {401, 403}
RETRYABLE_STATUSES = {408, 425, 429}
AUTH_ERROR_TYPES = {"4", "5", "6"}
AUTH_ERROR_CODE = "497"


class Outcome(enum.Enum):
    OK = "ok"
    PARTIAL = "partial"
    REJECTED = "rejected"
    RETRYABLE = "retryable"
    FATAL = "fatal"


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str = field(repr=False)  # repr() of a Credentials never shows the password


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    message: OutgoingMessage
    detail: str                                 # one line for the sync log and the UI
    accepted: tuple[Range, ...] = ()
    rejected: tuple[RejectedRange, ...] = ()
    warnings: tuple[OtaIssue, ...] = ()
    http_status: int | None = None
    retry_after: float | None = None            # seconds the channel asked us to wait
    attempts: int = 1
    reply: bytes = field(default=b"", repr=False)  # the 200 reply's body, for messages with a payload
    kind: FailureKind | None = None             # why it failed (None when OK), for the reader's sentence

    @property
    def failure(self) -> Failure | None:
        """The failure as a person reads it: the kind and "Message: full detail"; None when OK."""
        if self.outcome is Outcome.OK:
            return None
        return Failure(self.kind or FailureKind.CHANNEL_REFUSED, f"{self.message.name}: {self.detail}")

    @property
    def acknowledged(self) -> tuple[Range, ...]:
        """Ranges the channel confirmed: record these, and only these, as acknowledged state."""
        return self.accepted


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
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) endpoint: {endpoint!r}")
        if parts.username or parts.password:
            raise ValueError("the endpoint URL must not carry credentials; pass Credentials instead")
        self.endpoint = endpoint.rstrip("/")
        self._credentials = credentials
        self._timeout = timeout
        self._session = session or requests.Session()
        self._clock = clock

    def __repr__(self) -> str:
        return f"OpenTravelClient({self.endpoint!r}, user={self._credentials.username!r})"

    def url_for(self, message: OutgoingMessage) -> str:
        return f"{self.endpoint}/{message.path}"

    def send(self, message: OutgoingMessage) -> SendResult:
        url = self.url_for(message)
        started = time.monotonic()
        try:
            response = self._session.post(
                url,
                data=message.body,
                headers={"Content-Type": CONTENT_TYPE, "Accept": "text/xml, application/xml"},
                auth=(self._credentials.username, self._credentials.password),
                timeout=self._timeout,
                allow_redirects=False,  # a redirect would re-send our Basic auth to who knows where
            )
        except requests.Timeout:
            result = SendResult(Outcome.RETRYABLE, message, f"timed out after {self._timeout[1]:g}s",
                                kind=FailureKind.TIMEOUT)
        except requests.ConnectionError as exc:
            result = SendResult(Outcome.RETRYABLE, message, f"connection failed: {_cause(exc)}",
                                kind=network_failure_kind(exc))
        except requests.RequestException as exc:
            result = SendResult(Outcome.FATAL, message, f"request could not be sent: {_cause(exc)}",
                                kind=FailureKind.CONFIG)
        else:
            result = self._classify(message, response)
        log.info(
            "%s %s → %s (%s) in %.2fs, %d items, echo %s",
            message.name, url, result.outcome.value, result.http_status or "-",
            time.monotonic() - started, len(message.items), message.echo_token,
        )
        if result.outcome is not Outcome.OK:
            log.warning("%s to %s: %s", message.name, self.endpoint, result.detail)
        return result

    def _classify(self, message: OutgoingMessage, response: requests.Response) -> SendResult:
        status = response.status_code
        if status in AUTH_STATUSES:
            return SendResult(Outcome.FATAL, message, f"HTTP {status}: the channel refused our credentials",
                              http_status=status, kind=FailureKind.AUTH)
        if status in RETRYABLE_STATUSES or status >= 500:
            kind = FailureKind.RATE_LIMITED if status == 429 else FailureKind.SERVER_ERROR
            return SendResult(Outcome.RETRYABLE, message, f"HTTP {status} {response.reason}",
                              http_status=status, retry_after=self._retry_after(response), kind=kind)
        if status != 200:
            return SendResult(Outcome.FATAL, message, f"HTTP {status}: {_errors_in(response.content)}",
                              http_status=status, kind=FailureKind.CHANNEL_REFUSED)
        try:
            verdict = judge(message, parse_response(response.content, expected=message.response_name))
        except HostileXmlError as exc:
            return SendResult(Outcome.FATAL, message, f"refused a hostile reply: {exc}", http_status=status,
                              kind=FailureKind.BAD_REPLY)
        except ProtocolError as exc:
            # Often a proxy's HTML page or a cut connection; the data was not acknowledged, so
            # trying again is safe and usually works.
            return SendResult(Outcome.RETRYABLE, message, f"unreadable reply: {exc}", http_status=status,
                              kind=FailureKind.BAD_REPLY)
        if any(_is_auth_error(e) for e in verdict.request_errors):
            # Many OTAs answer bad credentials with HTTP 200 and an Error, not with a 401.
            detail = "the channel refused our credentials: " + "; ".join(map(str, verdict.request_errors))
            return SendResult(Outcome.FATAL, message, detail, rejected=verdict.rejected, http_status=status,
                              kind=FailureKind.AUTH)
        if verdict.request_errors and not message.items:
            # A message without ranges (content, a read, a booking acknowledgement) has nothing for
            # the errors to reject item by item: its Errors refuse the whole of it.
            return SendResult(Outcome.REJECTED, message, "refused: " + _first_issues_of(verdict.request_errors),
                              warnings=verdict.warnings, http_status=status, reply=response.content,
                              kind=FailureKind.CHANNEL_REFUSED)
        kind = FailureKind.CHANNEL_REFUSED if verdict.rejected else None
        if not verdict.rejected:
            outcome = Outcome.OK
            detail = f"{len(verdict.accepted)} ranges applied" if message.items else "accepted"
        elif verdict.accepted:
            outcome = Outcome.PARTIAL
            detail = f"{len(verdict.accepted)} applied, {len(verdict.rejected)} refused: " + _first_issues(verdict.rejected)
        else:
            outcome = Outcome.REJECTED
            detail = f"all {len(verdict.rejected)} refused: " + _first_issues(verdict.rejected)
        return SendResult(outcome, message, detail, verdict.accepted, verdict.rejected, verdict.warnings,
                          http_status=status, reply=response.content, kind=kind)

    def _retry_after(self, response: requests.Response) -> float | None:
        """Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
        value = response.headers.get("Retry-After")
        if not value:
            return None
        value = value.strip()
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, when.timestamp() - self._clock())


def _is_auth_error(issue: OtaIssue) -> bool:
    # OTA EWT 4/5/6: authentication, authentication timeout, authorization; ERR 497: authorization error.
    return issue.type in AUTH_ERROR_TYPES or issue.code == AUTH_ERROR_CODE


def _cause(exc: BaseException) -> str:
    """The innermost reason (e.g. 'Connection reset by peer'), not requests' nested repr chain."""
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__
    return f"{type(exc).__name__}: {exc}"


def _errors_in(body: bytes) -> str:
    try:
        response = parse_response(body)
    except ProtocolError:
        return "no OpenTravel errors in the reply"
    return "; ".join(str(e) for e in response.errors) or "no errors listed"


def _first_issues(rejected: tuple[RejectedRange, ...], limit: int = 3) -> str:
    return _first_issues_of([i for r in rejected for i in r.issues], limit)


def _first_issues_of(found, limit: int = 3) -> str:
    issues = list(dict.fromkeys(str(i) for i in found))
    more = f" (+{len(issues) - limit} more)" if len(issues) > limit else ""
    return "; ".join(issues[:limit]) + more
