"""Each way a channel fails is told once, by kind, with the full technical text beside it."""

from __future__ import annotations

import pytest

from channelmgr.channels.errors import FailureKind
from channelmgr.channels.sandbox import FaultRule
from channelmgr.sync.failure_texts import failure_sentence


@pytest.mark.parametrize("fault, kind, technical", [
    (FaultRule("error"), FailureKind.SERVER_ERROR, "HTTP 500"),
    (FaultRule("rate_limit", seconds=0), FailureKind.RATE_LIMITED, "HTTP 429"),
    (FaultRule("reset"), FailureKind.CONNECTION_LOST, "connection failed"),
    (FaultRule("garbage"), FailureKind.BAD_REPLY, "unreadable reply"),
    (FaultRule("hostile"), FailureKind.BAD_REPLY, "hostile"),
])
def test_a_faulting_channel_is_classified(world, ota, fault, kind, technical):
    ota.set_faults([fault])
    report = world.push(retry_refused=False)
    assert report.failures and report.failures[0].kind is kind
    assert technical in report.failures[0].detail and report.errors[0] == report.failures[0].detail
    assert world.sync.statuses.get(world.channel_id).failures[0].kind is kind


def test_a_stopped_channel_is_connection_refused_and_said_in_chinese(world, ota):
    ota.stop()
    report = world.push(retry_refused=False)
    [failure] = report.failures
    assert failure.kind is FailureKind.CONNECTION_REFUSED and "ConnectionRefusedError" in failure.detail
    assert failure_sentence(failure.kind, "携程") == "无法连接到渠道服务器（携程）：请检查网络或渠道地址"


def test_a_push_is_answered_only_after_its_status_is_posted(world, monkeypatch):
    """Whoever waited for a pass (Push now, a test) finds the status board already telling of it —
    a stress run once read the board between the two and found nothing."""
    import time

    posted = world.sync.statuses.post

    def slow_post(report):
        time.sleep(0.3)  # the lane thread is slow to publish, as under load
        return posted(report)

    monkeypatch.setattr(world.sync.statuses, "post", slow_post)
    report = world.push()
    status = world.sync.statuses.get(world.channel_id)
    assert status is not None and status.pending_cells == report.pending_cells
