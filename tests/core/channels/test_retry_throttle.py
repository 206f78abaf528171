"""Backoff, Retry-After and the token bucket, with a fake clock: no test sleeps for real."""

from __future__ import annotations

import random
from datetime import date

import pytest

from channelmgr.channels.send_result import Outcome, SendResult
from channelmgr.channels.opentravel_messages import build_inv_count_notif
from channelmgr.channels.retry import RetryPolicy, send_with_retry
from channelmgr.channels.throttle import TokenBucket
from channelmgr.sync.ranges import AvailCell, coalesce


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


MESSAGE = build_inv_count_notif("H1", coalesce([AvailCell("DBL", date(2026, 6, 1), 1)]), echo_token="t")


def scripted(*results: tuple[Outcome, float | None]):
    calls = []

    def send(message):
        outcome, retry_after = results[len(calls)]
        calls.append(message)
        return SendResult(outcome, message, outcome.value, retry_after=retry_after)

    return send, calls


def test_retry_after_is_obeyed_exactly_and_an_unreasonable_one_gives_up():
    policy = RetryPolicy(max_retry_after=60)
    rng = random.Random(1)
    assert policy.delay_before_retry(1, 7.0, rng) == 7.0
    assert policy.delay_before_retry(3, 0.0, rng) == 0.0
    assert policy.delay_before_retry(1, 61.0, rng) is None


def test_backoff_grows_exponentially_with_bounded_jitter():
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0)
    rng = random.Random(42)
    for retry, step in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0), (9, 8.0)]:
        delays = {policy.delay_before_retry(retry, None, rng) for _ in range(50)}
        assert all(step / 2 <= d <= step for d in delays), (retry, delays)
        assert len(delays) > 1  # jittered, not lock-step


def test_send_with_retry_retries_retryable_and_honours_retry_after():
    fake = FakeTime()
    send, calls = scripted((Outcome.RETRYABLE, 3.0), (Outcome.RETRYABLE, None), (Outcome.OK, None))
    result = send_with_retry(send, MESSAGE, policy=RetryPolicy(base_delay=2.0), sleep=fake.sleep,
                             rng=random.Random(0))
    assert result.outcome is Outcome.OK and result.attempts == 3 and len(calls) == 3
    assert fake.sleeps[0] == 3.0
    assert 2.0 <= fake.sleeps[1] <= 4.0  # second retry: step 2 × base, half of it jittered


@pytest.mark.parametrize("final", [Outcome.FATAL, Outcome.REJECTED, Outcome.PARTIAL, Outcome.OK])
def test_other_outcomes_are_not_retried(final):
    fake = FakeTime()
    send, calls = scripted((final, None))
    result = send_with_retry(send, MESSAGE, sleep=fake.sleep)
    assert result.outcome is final and len(calls) == 1 and fake.sleeps == []


def test_send_with_retry_gives_up_after_max_attempts_or_a_long_retry_after():
    fake = FakeTime()
    send, calls = scripted(*[(Outcome.RETRYABLE, None)] * 3)
    result = send_with_retry(send, MESSAGE, policy=RetryPolicy(max_attempts=3), sleep=fake.sleep)
    assert result.outcome is Outcome.RETRYABLE and result.attempts == 3 and len(fake.sleeps) == 2

    send, calls = scripted((Outcome.RETRYABLE, 3600.0))
    result = send_with_retry(send, MESSAGE, sleep=fake.sleep)
    assert result.outcome is Outcome.RETRYABLE and len(calls) == 1


def test_every_attempt_takes_a_token():
    fake = FakeTime()
    bucket = TokenBucket(60, clock=fake.clock, sleep=fake.sleep)
    send, _ = scripted((Outcome.RETRYABLE, 0.0), (Outcome.OK, None))
    send_with_retry(send, MESSAGE, limiter=bucket, sleep=fake.sleep)
    assert fake.sleeps == [0.0, 1.0]  # retry-after 0, then the bucket spaces the second attempt


def test_token_bucket_spaces_requests_evenly():
    fake = FakeTime()
    bucket = TokenBucket(30, clock=fake.clock, sleep=fake.sleep)  # one every 2 s
    waits = [bucket.acquire() for _ in range(4)]
    assert waits == [0.0, 2.0, 2.0, 2.0]
    fake.now += 10  # idle time does not bank more than the bucket holds
    assert bucket.acquire() == 0.0
    assert bucket.acquire() == pytest.approx(2.0)


def test_token_bucket_burst_and_try_acquire():
    fake = FakeTime()
    bucket = TokenBucket(60, burst=3, clock=fake.clock, sleep=fake.sleep)
    assert [bucket.try_acquire() for _ in range(4)] == [True, True, True, False]
    fake.now += 1.0
    assert bucket.try_acquire() is True
    with pytest.raises(ValueError):
        TokenBucket(0)
    with pytest.raises(ValueError):
        TokenBucket(10, burst=0.5)


def test_token_bucket_never_exceeds_the_rate_in_any_minute():
    fake = FakeTime()
    bucket = TokenBucket(10, clock=fake.clock, sleep=fake.sleep)
    times = []
    for _ in range(40):
        bucket.acquire()
        times.append(fake.now)
    for t in times:
        assert sum(1 for u in times if t <= u < t + 60) <= 10


def test_a_pacer_keeps_one_bucket_per_pace_so_prices_never_delay_availability():
    from dataclasses import replace

    from channelmgr.channels.throttle import Pacer

    fake = FakeTime()
    pacer = Pacer(10, clock=fake.clock, sleep=fake.sleep)  # 10 a minute per pace: one every 6 s
    assert [pacer.acquire("restrictions") for _ in range(3)] == [0.0, 6.0, 6.0]
    # The availability bucket is untouched by the restriction requests before it.
    assert pacer.acquire("availability") == 0.0
    assert pacer.bucket("availability") is pacer.bucket("availability")
    assert pacer.bucket("") is not pacer.bucket("availability")

    send, calls = scripted((Outcome.OK, None))
    send_with_retry(send, replace(MESSAGE, pace="availability"), limiter=pacer, sleep=fake.sleep)
    assert fake.sleeps[-1] == pytest.approx(6.0)  # the message drew on its own pace's bucket
