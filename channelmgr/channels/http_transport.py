"""Sending one request over HTTP and the verdicts that depend on the status code alone.

Every channel client (OpenTravel XML, Channex-style JSON) talks HTTP the same way: one keep-alive
``requests.Session``, (connect, read) timeouts, no redirects (a redirect would re-send our
credentials to who knows where), network failures turned into a RETRYABLE :class:`SendResult`
with the failure's kind, 401/403 into FATAL, 408/425/429/5xx into RETRYABLE honouring
``Retry-After``. What a 200 (or a protocol's own 4xx) means is the protocol's to read; this
module never looks at a body.

An endpoint that carries credentials in its URL is refused outright: credentials travel only in a
header, never in a URL that ends up in logs.
"""

from __future__ import annotations

import email.utils
import logging
import time
from typing import Callable, Mapping
from urllib.parse import urlsplit

import requests

from channelmgr.channels.errors import FailureKind, HostileReplyError, ProtocolError, network_failure_kind
from channelmgr.channels.opentravel_messages import OutgoingMessage
from channelmgr.channels.send_result import Outcome, SendResult

log = logging.getLogger(__name__)

AUTH_STATUSES = {401, 403}
RETRYABLE_STATUSES = {408, 425, 429}

Timeout = tuple[float, float]  # (connect, read) seconds


def checked_endpoint(endpoint: str) -> str:
    """The endpoint without a trailing slash; ``ValueError`` for one no client can use."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) endpoint: {endpoint!r}")
    if parts.username or parts.password:
        raise ValueError("the endpoint URL must not carry credentials; pass Credentials instead")
    return endpoint.rstrip("/")


class HttpTransport:
    """``exchange`` sends a message to ``{endpoint}/{message.path}`` and returns the response, or a
    :class:`SendResult` when none came (or the status alone decides)."""

    def __init__(self, endpoint: str, *, timeout: Timeout = (5.0, 30.0),
                 session: requests.Session | None = None, clock: Callable[[], float] = time.time) -> None:
        self.endpoint = checked_endpoint(endpoint)
        self.timeout = timeout
        self._session = session or requests.Session()
        self._clock = clock

    def url_for(self, message: OutgoingMessage) -> str:
        return f"{self.endpoint}/{message.path}"

    def send(self, message: OutgoingMessage, classify: Callable[[OutgoingMessage, requests.Response], SendResult],
             *, headers: Mapping[str, str], auth: tuple[str, str] | None = None) -> SendResult:
        """Exchange, then ``classify`` a response the status left to the protocol; logged."""
        started = time.monotonic()
        reply = self.exchange(message, headers=headers, auth=auth)
        result = reply if isinstance(reply, SendResult) else classify(message, reply)
        log_result(message, self.url_for(message), self.endpoint, result, started)
        return result

    def exchange(self, message: OutgoingMessage, *, headers: Mapping[str, str],
                 auth: tuple[str, str] | None = None) -> requests.Response | SendResult:
        try:
            send = getattr(self._session, message.http_method.lower())  # session.post / session.get
            response = send(self.url_for(message), data=message.body or None, headers=dict(headers), auth=auth,
                            timeout=self.timeout, allow_redirects=False)
        except requests.Timeout:
            return SendResult(Outcome.RETRYABLE, message, f"timed out after {self.timeout[1]:g}s",
                              kind=FailureKind.TIMEOUT)
        except requests.ConnectionError as exc:
            return SendResult(Outcome.RETRYABLE, message, f"connection failed: {cause(exc)}",
                              kind=network_failure_kind(exc))
        except requests.RequestException as exc:
            return SendResult(Outcome.FATAL, message, f"request could not be sent: {cause(exc)}",
                              kind=FailureKind.CONFIG)
        return self.status_verdict(message, response) or response

    def status_verdict(self, message: OutgoingMessage, response: requests.Response) -> SendResult | None:
        """FATAL for refused credentials, RETRYABLE for "later" statuses; None: read the body."""
        status = response.status_code
        if status in AUTH_STATUSES:
            return SendResult(Outcome.FATAL, message, f"HTTP {status}: the channel refused our credentials",
                              http_status=status, kind=FailureKind.AUTH)
        if status in RETRYABLE_STATUSES or status >= 500:
            kind = FailureKind.RATE_LIMITED if status == 429 else FailureKind.SERVER_ERROR
            return SendResult(Outcome.RETRYABLE, message, f"HTTP {status} {response.reason}",
                              http_status=status, retry_after=self.retry_after(response), kind=kind)
        return None

    def retry_after(self, response: requests.Response) -> float | None:
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


def refused_reply(message: OutgoingMessage, status: int, exc: ProtocolError) -> SendResult:
    """The verdict on a reply the protocol could not read: FATAL for a hostile one, RETRYABLE for
    the rest — often a proxy's page or a cut connection, and since nothing was acknowledged,
    asking again is safe and usually works."""
    if isinstance(exc, HostileReplyError):
        return SendResult(Outcome.FATAL, message, f"refused a hostile reply: {exc}", http_status=status,
                          kind=FailureKind.BAD_REPLY)
    return SendResult(Outcome.RETRYABLE, message, f"unreadable reply: {exc}", http_status=status,
                      kind=FailureKind.BAD_REPLY)


def log_result(message: OutgoingMessage, url: str, endpoint: str, result: SendResult, started: float) -> None:
    log.info(
        "%s %s → %s (%s) in %.2fs, %d items, echo %s",
        message.name, url, result.outcome.value, result.http_status or "-",
        time.monotonic() - started, len(message.items), message.echo_token,
    )
    if result.outcome is not Outcome.OK:
        log.warning("%s to %s: %s", message.name, endpoint, result.detail)


def cause(exc: BaseException) -> str:
    """The innermost reason (e.g. 'Connection reset by peer'), not requests' nested repr chain."""
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__
    return f"{type(exc).__name__}: {exc}"
