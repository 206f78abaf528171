"""Errors a channel adapter raises, and the kinds of failure a person is told about."""

from __future__ import annotations

import enum
import errno
import socket
import ssl
from dataclasses import dataclass


class ChannelError(Exception):
    """Base for everything a channel adapter reports as a failure of the channel, not of the user."""


class ProtocolError(ChannelError):
    """The channel's reply is not a message we can read: empty, HTML, truncated, wrong root…

    Nothing in such a reply is acknowledged; the difference stays and is sent again next pass.
    """


class HostileReplyError(ProtocolError):
    """A reply built to hurt (or to be read two ways): refused, and asking again will not help."""


class HostileXmlError(HostileReplyError):
    """The reply carries a DTD or entity declarations: never parsed, whatever it would expand to."""


class HostileJsonError(HostileReplyError):
    """The reply is JSON built to hurt or to be read two ways: too large, nested too deep, NaN or
    Infinity, a key twice. Unlike a proxy's HTML page, asking again will not make it readable."""


class FailureKind(str, enum.Enum):
    """Why talking to a channel failed, as a stable code: the UI and the CLI turn it into a sentence
    in the reader's language; the technical text travels beside it for the tooltip and the log."""

    CONNECTION_REFUSED = "connection_refused"  # nothing listens at the channel's address
    CONNECTION_LOST = "connection_lost"        # reset or closed mid-request
    TIMEOUT = "timeout"
    UNREACHABLE = "unreachable"                # name not found, no route, network down
    TLS = "tls"                                # certificate or handshake refused
    AUTH = "auth"                              # 401/403, or an authentication Error in a 200
    RATE_LIMITED = "rate_limited"              # 429
    SERVER_ERROR = "server_error"              # 5xx, 408, 425
    CHANNEL_REFUSED = "channel_refused"        # the channel's own <Errors>, or another 4xx
    BAD_REPLY = "bad_reply"                    # unreadable, truncated or hostile reply
    CONFIG = "config"                          # our side: no password, bad endpoint, mapping
    SECRET = "secret"                          # our side: the stored password does not open (key damaged, not ours)
    INTERNAL = "internal"                      # a bug or a database error on this machine


@dataclass(frozen=True)
class Failure:
    """One failure as the user will read it: ``kind`` picks the sentence, ``detail`` is the full text."""

    kind: FailureKind
    detail: str

    def __str__(self) -> str:
        return self.detail


def network_failure_kind(exc: BaseException) -> FailureKind:
    """The kind of a transport exception, judged on the whole cause chain (requests wraps urllib3,
    which wraps the socket error that says what really happened)."""
    chain = _chain(exc)
    names = {type(e).__name__ for e in chain}
    if any(isinstance(e, ssl.SSLError) for e in chain) or "SSLError" in names:
        return FailureKind.TLS
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return FailureKind.CONNECTION_REFUSED
    if any(isinstance(e, socket.gaierror) for e in chain) or "NameResolutionError" in names:
        return FailureKind.UNREACHABLE
    if any(isinstance(e, OSError) and e.errno in _UNREACHABLE_ERRNOS for e in chain):
        return FailureKind.UNREACHABLE
    if any(isinstance(e, (TimeoutError, socket.timeout)) for e in chain) or names & _TIMEOUT_NAMES:
        return FailureKind.TIMEOUT
    return FailureKind.CONNECTION_LOST


_UNREACHABLE_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN, errno.EADDRNOTAVAIL}
_TIMEOUT_NAMES = {"ConnectTimeout", "ReadTimeout", "Timeout", "ConnectTimeoutError", "ReadTimeoutError"}


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        # urllib3's MaxRetryError keeps the real error in .reason, not in the cause chain.
        reason = getattr(current, "reason", None)
        current = current.__cause__ or current.__context__ or (reason if isinstance(reason, BaseException) else None)
    for e in list(seen):
        for arg in e.args:
            if isinstance(arg, BaseException) and arg not in seen:
                seen.extend(_chain(arg))
    return seen
