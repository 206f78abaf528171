"""Cells a channel refused, held back from automatic passes until something changes.

A refused item (unknown room code, a night beyond the listing's horizon…) is not acknowledged, so
it stays in the difference. Sending the very same value again every pass would only collect the
same refusal — once a minute, forever. So the lane remembers what was refused *with which value*;
automatic passes skip those cells until the desired value changes, the hold expires, the channel's
configuration changes, or the owner pushes by hand. They still count as pending, with the error.

Listing content is held the same way, per part (a room type, the property) with its fingerprint:
a refused room type is not resent by the scheduler until its content changes.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Callable, Hashable, Iterable

from ..channels.opentravel_responses import RejectedRange
from .acked import StorageKey, ValueCodec, storage_key
from .ranges import Range

DEFAULT_HOLD_SECONDS = 15 * 60


class ParkedRefusals:
    def __init__(self, hold_seconds: float = DEFAULT_HOLD_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.hold_seconds = hold_seconds
        self._clock = clock
        self._cells: dict[tuple[StorageKey, date], tuple[str, str, float]] = {}  # → (value, error, until)
        self._content: dict[str, tuple[str, str, float]] = {}  # content part → (fingerprint, error, until)
        self._fingerprint: Hashable = None

    def follow(self, fingerprint: Hashable) -> None:
        """Forget every refusal when the channel's configuration (listing, login, limits) changed."""
        if fingerprint != self._fingerprint:
            self._cells.clear()
            self._content.clear()
            self._fingerprint = fingerprint

    def park(self, rejected: Iterable[RejectedRange], codec: ValueCodec) -> None:
        until = self._clock() + self.hold_seconds
        for refusal in rejected:
            key = storage_key(refusal.range.cell)
            value = codec.encode(refusal.range.cell.value)
            error = "; ".join(dict.fromkeys(str(issue) for issue in refusal.issues)) or "refused"
            for night in refusal.range.nights():
                self._cells[(key, night)] = (value, error, until)

    def release(self, acknowledged: Iterable[Range]) -> None:
        if not self._cells:
            return
        for rng in acknowledged:
            key = storage_key(rng.cell)
            for night in rng.nights():
                self._cells.pop((key, night), None)

    def park_content(self, part: str, fingerprint: str, error: str) -> None:
        self._content[part] = (fingerprint, error, self._clock() + self.hold_seconds)

    def release_content(self, part: str) -> None:
        self._content.pop(part, None)

    def active_content(self) -> dict[str, str]:
        """``{content part: refused fingerprint}`` still on hold."""
        now = self._clock()
        for part in [p for p, (_f, _e, until) in self._content.items() if until <= now]:
            del self._content[part]
        return {part: fingerprint for part, (fingerprint, _e, _u) in self._content.items()}

    def active(self) -> dict[tuple[StorageKey, date], str]:
        """``{(key, night): refused value}`` still on hold."""
        now = self._clock()
        expired = [cell for cell, (_v, _e, until) in self._cells.items() if until <= now]
        for cell in expired:
            del self._cells[cell]
        return {cell: value for cell, (value, _e, _u) in self._cells.items()}

    def errors(self, limit: int = 5) -> list[str]:
        # Content first: one refusal per part, where a refused room code also refuses each of its
        # nights' cells, which alone would fill the limit and hide why the content was refused.
        held = [*self._content.values(), *self._cells.values()]
        return list(dict.fromkeys(error for _v, error, _u in held))[:limit]

    def clear(self) -> None:
        self._cells.clear()
        self._content.clear()

    def __len__(self) -> int:
        return len(self._cells)
