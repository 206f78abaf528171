"""The client and retry helper against a sandbox having a bad day: 500s, resets, 429s, junk."""

from __future__ import annotations

import base64
import logging
import random
import time

import pytest
import requests

from channelmgr.channels.send_result import Credentials, Outcome
from channelmgr.channels.opentravel_client import OpenTravelClient
from channelmgr.channels.opentravel_messages import build_notif
from channelmgr.channels.retry import RetryPolicy, send_with_retry
from channelmgr.channels.sandbox import FaultRule
from channelmgr.sync.ranges import AvailCell, coalesce


class FakeSleep:
    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def one_message(h1, night, offset=1, count=2):
    return build_notif(h1.hotel_code, coalesce([AvailCell("DBL", night(offset), count)]))


def test_random_500s_are_retried_until_everything_lands(ota, client, h1, night):
    ota.set_faults([FaultRule("error", ratio=0.4)], seed=7)
    sleep = FakeSleep()
    results = [
        send_with_retry(client.send, one_message(h1, night, i, i % 4), policy=RetryPolicy(max_attempts=12),
                        sleep=sleep, rng=random.Random(i))
        for i in range(20)
    ]
    assert all(r.outcome is Outcome.OK for r in results)
    counters = ota.counters(h1.hotel_code)
    errors = counters["fault:error"]
    assert 0 < errors < counters["requests"]
    assert counters["requests"] == 20 + errors == sum(r.attempts for r in results)
    assert len(sleep.waits) == errors
    assert len(ota.state(h1.hotel_code)["inventory"]) == 20


def test_the_error_ratio_is_repeatable_with_a_seed(ota, client, h1, night):
    def run() -> list[Outcome]:
        ota.set_faults([FaultRule("error", ratio=0.5)], seed=3)
        return [client.send(one_message(h1, night)).outcome for _ in range(12)]

    first = run()
    assert first == run()
    assert set(first) == {Outcome.OK, Outcome.RETRYABLE}


def test_connection_resets_are_retryable(ota, client, h1, night):
    ota.set_faults([FaultRule("reset", count=2)])
    sleep = FakeSleep()
    lone = client.send(one_message(h1, night))
    assert lone.outcome is Outcome.RETRYABLE and lone.http_status is None
    assert "connection" in lone.detail.lower()
    result = send_with_retry(client.send, one_message(h1, night), sleep=sleep, rng=random.Random(0))
    assert result.outcome is Outcome.OK and result.attempts == 2
    assert ota.counters(h1.hotel_code)["fault:reset"] == 2


def test_429_retry_after_is_honoured(ota, client, h1, night):
    ota.set_faults([FaultRule("rate_limit", count=2, seconds=2)])
    sleep = FakeSleep()
    result = send_with_retry(client.send, one_message(h1, night), sleep=sleep)
    assert result.outcome is Outcome.OK and result.attempts == 3
    assert sleep.waits == [2.0, 2.0]
    assert ota.counters(h1.hotel_code)["fault:rate_limit"] == 2


def test_garbage_reply_is_retryable_with_a_clear_reason(ota, client, h1, night):
    ota.set_faults([FaultRule("garbage", count=1)])
    result = client.send(one_message(h1, night))
    assert result.outcome is Outcome.RETRYABLE and result.http_status == 200
    assert "HTML page" in result.detail
    assert result.acknowledged == ()


def test_hostile_reply_is_refused_fast_and_fatal(ota, client, h1, night):
    ota.set_faults([FaultRule("hostile")])
    started = time.monotonic()
    result = client.send(one_message(h1, night))
    assert time.monotonic() - started < 2
    assert result.outcome is Outcome.FATAL and "hostile" in result.detail
    assert result.acknowledged == ()


def test_a_slow_channel_times_out_as_retryable(ota, h1, night):
    ota.set_faults([FaultRule("delay", seconds=0.6, count=1)])
    impatient = OpenTravelClient(ota.endpoint(h1.hotel_code), Credentials(h1.username, h1.password),
                                 timeout=(1, 0.2))
    assert impatient.send(one_message(h1, night)).outcome is Outcome.RETRYABLE
    assert impatient.send(one_message(h1, night)).outcome is Outcome.OK


def test_faults_can_be_switched_over_http(ota, client, h1, night):
    response = requests.post(f"{ota.url}/api/faults", json={"seed": 1, "rules": [{"kind": "error", "count": 1}]},
                             timeout=5)
    assert response.status_code == 200
    assert response.json()["rules"][0]["left"] == 1
    assert client.send(one_message(h1, night)).http_status == 500
    assert client.send(one_message(h1, night)).outcome is Outcome.OK
    assert requests.get(f"{ota.url}/api/faults", timeout=5).json()["rules"][0]["left"] == 0
    bad = requests.post(f"{ota.url}/api/faults", json={"rules": [{"kind": "meteor"}]}, timeout=5)
    assert bad.status_code == 400 and "meteor" in bad.json()["error"]


def test_credentials_never_reach_the_logs(ota, h1, night, caplog):
    caplog.set_level(logging.DEBUG)  # everything: ours, requests', urllib3's, the sandbox's
    good = OpenTravelClient(ota.endpoint(h1.hotel_code), Credentials(h1.username, h1.password))
    wrong = OpenTravelClient(ota.endpoint(h1.hotel_code), Credentials(h1.username, "pw-wrong-secret"))
    ota.set_faults([FaultRule("rate_limit", count=1, seconds=0), FaultRule("error", count=1)])
    send_with_retry(good.send, one_message(h1, night), sleep=FakeSleep())
    assert wrong.send(one_message(h1, night)).outcome is Outcome.FATAL
    text = caplog.text + repr(good) + repr(good._credentials)
    assert "OTA_HotelInvCountNotifRQ" in caplog.text  # the logging did happen
    for secret in (h1.password, "pw-wrong-secret"):
        assert secret not in text
        assert base64.b64encode(f"{h1.username}:{secret}".encode()).decode() not in text


def test_an_endpoint_with_credentials_inside_is_refused(h1):
    with pytest.raises(ValueError, match="must not carry credentials"):
        OpenTravelClient(f"http://{h1.username}:{h1.password}@127.0.0.1:1/ota/H1001", Credentials("a", "b"))
