"""Retrying a send: exponential backoff with jitter, honouring Retry-After, paced by a TokenBucket.

Retries here only smooth over blips inside one sync pass. They are not what makes sync reliable:
a result that is still RETRYABLE after the last attempt is simply not acknowledged, and the
reconciler sends the same difference again next pass. So the policy gives up early rather than
holding a channel's worker for minutes.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass, replace
from typing import Callable

from channelmgr.channels.send_result import Outcome, SendResult
from channelmgr.channels.opentravel_messages import OutgoingMessage
from channelmgr.channels.throttle import Pacer, TokenBucket

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 4
    base_delay: float = 1.0        # seconds before the first retry (before jitter)
    max_delay: float = 30.0        # cap on one backoff step
    max_retry_after: float = 120.0  # a channel asking for longer than this: give up, next pass retries

    def delay_before_retry(self, retry: int, retry_after: float | None, rng: random.Random) -> float | None:
        """Seconds to wait before retry number ``retry`` (1-based), or None to give up.

        A channel's Retry-After is obeyed exactly: it knows when its window reopens, and waiting
        longer only delays the owner's prices. Without it: "equal jitter" backoff — half the
        exponential step fixed, half random — so clients that failed together do not retry together.
        """
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        step = min(self.max_delay, self.base_delay * 2 ** (retry - 1))
        return step / 2 + rng.uniform(0, step / 2)


def send_with_retry(
    send: Callable[[OutgoingMessage], SendResult],
    message: OutgoingMessage,
    *,
    policy: RetryPolicy = RetryPolicy(),
    limiter: TokenBucket | Pacer | None = None,
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
) -> SendResult:
    """Send, retrying RETRYABLE outcomes per ``policy``; every attempt first takes a limiter token
    (from the message's own pace's bucket when ``limiter`` is a :class:`Pacer`).

    Returns the last result with ``attempts`` set. Sending the same message again is safe: ARI
    notifications are overlays (the last value wins), so a retry after a lost reply cannot double
    anything.
    """
    rng = rng or random.Random()
    attempt = 1
    while True:
        if isinstance(limiter, Pacer):
            limiter.acquire(message.pace)
        elif limiter is not None:
            limiter.acquire()
        result = replace(send(message), attempts=attempt)
        if result.outcome is not Outcome.RETRYABLE or attempt >= policy.max_attempts:
            return result
        delay = policy.delay_before_retry(attempt, result.retry_after, rng)
        if delay is None:
            log.warning("%s: channel asks to wait %.0fs; leaving it for the next pass",
                        message.name, result.retry_after or 0)
            return result
        log.info("%s attempt %d: %s; retrying in %.2fs", message.name, attempt, result.detail, delay)
        sleep(delay)
        attempt += 1
