"""What sending one request came to, for every protocol: an :class:`Outcome` and its details.

``send`` of every channel client returns a :class:`SendResult` and never raises for anything the
network or the channel does; ``outcome`` tells the sync engine what to do next:

* ``OK``        — every range applied: acknowledge them all.
* ``PARTIAL``   — some items were refused (an HTTP 200 naming them): acknowledge ``accepted``.
* ``REJECTED``  — the channel read the request and refused all of it (bad codes, dates…): nothing to
  acknowledge; retrying the same bytes will not help, the user must fix a mapping or a value.
* ``RETRYABLE`` — 5xx, 408, 429, timeout, reset, or an unreadable reply: nothing acknowledged, try
  again later (``retry_after`` if the channel said when).
* ``FATAL``     — 401/403 (credentials), other 4xx, a hostile reply, a broken URL: stop and tell
  the user; retrying cannot succeed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from channelmgr.channels.errors import Failure, FailureKind
from channelmgr.channels.opentravel_messages import OutgoingMessage
from channelmgr.channels.opentravel_responses import OtaIssue, RejectedRange
from channelmgr.sync.ranges import Range


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


def first_issues(rejected: tuple[RejectedRange, ...], limit: int = 3) -> str:
    """The first few distinct issues of refused ranges, for a one-line detail."""
    return first_issues_of((i for r in rejected for i in r.issues), limit)


def first_issues_of(found, limit: int = 3) -> str:
    """The first few distinct issues, for a one-line detail (and how many more there were)."""
    issues = list(dict.fromkeys(str(i) for i in found))
    more = f" (+{len(issues) - limit} more)" if len(issues) > limit else ""
    return "; ".join(issues[:limit]) + more
