"""A Channex-style hub names a rate by its rate plan id alone: one id mapped under two room types is
a conflict (two values for one rate), said as a warning and sent for neither — not two rates."""

from __future__ import annotations

from tests.support.actors import TEST_ACTOR
from tests.support.sync_world import channex_rate_plan


def test_one_rate_id_under_two_room_types_is_a_conflict_sent_for_neither(world):
    shared = channex_rate_plan("GTW", "BAR")
    world.channels.map(TEST_ACTOR, world.channel_id, room_type="LKV", rate_plan="BB", remote_room="R-LKV",
                       remote_rate=shared)
    warnings = [w for w in world.channels.warnings(world.channel_id) if w.code == "remote_conflict"]
    assert [(w.detail, "GTW/BAR" in w.text and "LKV/BB" in w.text) for w in warnings] == [(shared, True)]
    sent_rates = {rate for kind, _room, rate, _night in world.desired() if kind != "avail"}
    assert shared not in sent_rates and channex_rate_plan("LKV", "BAR") in sent_rates  # the others still go
