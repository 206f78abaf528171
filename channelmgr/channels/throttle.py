"""Per-channel request pacing: a token bucket with an injectable clock and sleep, and a Pacer that
keeps one bucket per pace (a hub that counts availability and restriction requests apart).

Channels publish limits as "N requests per minute". A bucket as deep as N would allow N at once and
N more as it refills, so up to ~2N inside one sliding minute — a strict channel answers 429. The
default depth is therefore 1: requests are spaced ``60 / N`` seconds apart, never more than N in any
minute. Pass a larger ``burst`` only for channels documented to count per fixed window.
"""

from __future__ import annotations

import threading
import time
from typing import Callable


class TokenBucket:
    """Thread-safe token bucket. ``acquire()`` blocks (via the injected ``sleep``) until a token is
    free and returns how long it waited; ``try_acquire()`` never waits."""

    def __init__(
        self,
        per_minute: float,
        *,
        burst: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if per_minute <= 0:
            raise ValueError("per_minute must be positive")
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self.per_second = per_minute / 60.0
        self.capacity = float(burst)
        self._clock = clock
        self._sleep = sleep
        self._tokens = self.capacity
        self._updated = clock()
        self._lock = threading.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.per_second)
        self._updated = now

    def try_acquire(self) -> bool:
        with self._lock:
            self._refill()
            if self._tokens >= 1:
                self._tokens -= 1
                return True
            return False

    def acquire(self) -> float:
        # Reserve the token under the lock (the balance may go negative: a queue of reservations),
        # then sleep outside it, so waiting threads are served in order without holding the lock.
        with self._lock:
            self._refill()
            self._tokens -= 1
            wait = 0.0 if self._tokens >= 0 else -self._tokens / self.per_second
        if wait > 0:
            self._sleep(wait)
        return wait


class Pacer:
    """One :class:`TokenBucket` per pace, all at the channel's ``per_minute``.

    Most channels count every request against one limit (pace ``""``). A Channex-style hub counts
    availability and price/restriction requests apart — 10 + 10 a minute per property — so a
    message names its pace (``OutgoingMessage.pace``) and draws on that bucket only: a burst of
    price updates never delays the availability request that closes the last room.
    """

    def __init__(self, per_minute: float, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if per_minute <= 0:
            raise ValueError("per_minute must be positive")
        self.per_minute = per_minute
        self._sleep = sleep
        self._clock = clock
        self._buckets: dict[str, TokenBucket] = {}
        self._lock = threading.Lock()

    def bucket(self, pace: str = "") -> TokenBucket:
        with self._lock:
            found = self._buckets.get(pace)
            if found is None:
                found = self._buckets[pace] = TokenBucket(self.per_minute, clock=self._clock, sleep=self._sleep)
            return found

    def acquire(self, pace: str = "") -> float:
        return self.bucket(pace).acquire()
