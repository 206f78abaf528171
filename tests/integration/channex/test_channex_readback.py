"""Issue 12's drift audit on a Channex-style hub: what the hub shows, read back through its GET API
in the engine's storage keys, differs from the desired state exactly where the hub was changed
behind the app's back — and the audit finds it, and push again puts ours back."""

from __future__ import annotations

from datetime import timedelta

from channelmgr.channels.adapter import ReadBackFailed, adapter_for
from channelmgr.channels.errors import FailureKind
from channelmgr.channels.send_result import Credentials
from channelmgr.channels.sandbox import FaultRule
from channelmgr.sync.channels import load_channel_config
from channelmgr.sync.drift import AuditStatus
from tests.integration.channex.conftest import PROPERTY, TODAY
from tests.support.actors import TEST_ACTOR
from tests.support.sync_world import PASSWORD

WAIT = 30


def read_back(world, days: int = 60):
    with world.db.session() as s:
        channel = load_channel_config(s, world.channel_id)
    keys = {(kind, room, rate, 0) for kind, room, rate, _night in world.desired()}
    connection = adapter_for("channex").connect(channel.endpoint, channel.hotel_code, Credentials("", PASSWORD),
                                                session=None, timeout=(5, 10), settings=channel.settings,
                                                currency=channel.currency)
    shown = connection.read_back(TODAY, TODAY + timedelta(days=days), sorted(keys))
    return {(kind, room, rate, night): value for (kind, room, rate, _g), nights in shown.items()
            for night, value in nights.items()}


def test_the_read_back_equals_the_desired_state_after_a_push(world):
    assert world.push().in_sync
    assert read_back(world) == world.desired()


def test_a_difference_planted_on_the_hub_is_exactly_what_the_read_back_shows(world):
    assert world.push().in_sync
    night = TODAY + timedelta(days=12)
    listing = world.ota.listing(PROPERTY)
    with listing.lock:  # someone changed the extranet by hand
        listing.set_count("R-GTW", [night], 0)
        listing.set_price("R-LKV", "R-LKV-BAR", None, [night], 1, "CNY")
    cells = read_back(world)
    desired = world.desired()
    drift = {key for key in desired if cells.get(key) != desired[key]}
    assert drift == {("avail", "R-GTW", "", night), ("rate", "R-LKV", "R-LKV-BAR", night)}
    assert cells[("rate", "R-LKV", "R-LKV-BAR", night)] == (1, "CNY")


def test_a_hostile_read_back_is_refused_saying_so(world):
    assert world.push().in_sync
    world.ota.set_faults([FaultRule("hostile", count=1)])
    try:
        read_back(world)
    except ReadBackFailed as exc:
        assert exc.failure.kind is FailureKind.BAD_REPLY and "nested deeper than" in exc.failure.detail
    else:
        raise AssertionError("a hostile read-back was trusted")


def test_the_drift_audit_finds_a_planted_difference_on_the_hub_and_push_again_restores_ours(world):
    assert world.push().in_sync
    assert world.sync.drift.audit(world.channel_id).result(timeout=WAIT).status is AuditStatus.CLEAN
    night = TODAY + timedelta(days=7)
    listing = world.ota.listing(PROPERTY)
    with listing.lock:
        listing.set_count("R-GTW", [night], 0)
    report = world.sync.drift.audit(world.channel_id).result(timeout=WAIT)
    assert report.status is AuditStatus.DIFFERENCES
    [drift] = report.differences
    assert (drift.room_type, drift.night, drift.field, drift.theirs) == ("GTW", night, "availability", 0)
    pushed = world.sync.drift.push_again(world.channel_id, [drift], actor=TEST_ACTOR).result(timeout=WAIT)
    assert pushed.cells_acknowledged == 1
    assert world.sync.drift.audit(world.channel_id).result(timeout=WAIT).status is AuditStatus.CLEAN


def test_the_drift_audit_retries_a_429_on_the_hub_s_read_and_comes_back_clean(world):
    assert world.push().in_sync
    before = world.ota.counters(PROPERTY)
    world.ota.set_faults([FaultRule("rate_limit", count=1, seconds=0)])  # 429, Retry-After: 0
    report = world.sync.drift.audit(world.channel_id).result(timeout=WAIT)
    assert report.status is AuditStatus.CLEAN, report.failure
    assert report.cells_compared == len(world.desired())
    gets = {name: n - before.get(name, 0) for name, n in world.ota.counters(PROPERTY).items()
            if name.startswith(("fault:", "channex:GET"))}
    assert gets == {"fault:rate_limit": 1, "channex:GET availability": 2, "channex:GET restrictions": 1}
