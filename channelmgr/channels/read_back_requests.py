"""Sending a channel's read-back requests and keeping what was asked: shared by every adapter
that ``reads_back`` (OpenTravel's two reads, a Channex-style hub's two GETs).

``send`` is the caller's: the drift audit passes the same paced, retried send a push uses
(``channels.retry.send_with_retry`` with the channel's ``Pacer``), so an audit counts against the
channel's request limits and a 429 or a blip on a read is retried with back-off like a push — a
read-back is never a side door past the channel's limits. Without one, the connection's plain
``send`` (one attempt, unpaced) is used.
"""

from __future__ import annotations

from datetime import date
from typing import Callable, Iterable, Sequence

from channelmgr.channels.adapter import ReadBackFailed, ReadBackKey, ReadBackValues
from channelmgr.channels.errors import Failure, FailureKind, ProtocolError
from channelmgr.channels.opentravel_messages import OutgoingMessage
from channelmgr.channels.send_result import Outcome, SendResult

Send = Callable[[OutgoingMessage], SendResult]
Parse = Callable[[bytes], ReadBackValues]


def read_all(send: Send, reads: Iterable[tuple[OutgoingMessage, Parse]], keys: Sequence[ReadBackKey],
             start: date, end: date) -> ReadBackValues:
    """Send each read and parse its reply; keep only ``keys`` (a code the channel holds but we do
    not map is not reported as ours) and nights in [start, end). Raises ReadBackFailed — nothing
    compared — when a read fails or its reply cannot be trusted."""
    wanted = set(keys)
    shown: ReadBackValues = {}
    for message, parse in reads:
        result = send(message)
        if result.outcome is not Outcome.OK:
            raise ReadBackFailed(result.failure)
        try:
            values = parse(result.reply)
        except ProtocolError as exc:  # HostileXmlError too: refused, nothing compared
            raise ReadBackFailed(Failure(FailureKind.BAD_REPLY, f"{message.name}: {exc}")) from None
        for key, nights in values.items():
            kept = {night: value for night, value in nights.items() if start <= night < end}
            if key in wanted and kept:
                shown.setdefault(key, {}).update(kept)
    return shown
