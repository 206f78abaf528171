"""The drift audit over real HTTP: push to the sandbox, change the sandbox behind the app's back,
and the audit finds exactly that — then "push again" and "accept theirs" settle it."""

from __future__ import annotations

from datetime import timedelta

from channelmgr.sync.drift import AuditStatus
from channelmgr.sync.drift_audit import DriftAuditor


def _auditor(world) -> DriftAuditor:
    return DriftAuditor(world.sync.engine)


def test_an_audit_right_after_a_push_is_clean(world):
    assert world.push().in_sync
    report = _auditor(world).audit(world.channel_id)
    assert report.status is AuditStatus.CLEAN, report.differences[:3]
    assert report.cells_compared == len(world.desired()) > 0


def test_a_price_changed_on_the_channel_is_found_with_ours_and_theirs(world):
    world.push()
    night = world.today + timedelta(days=5)
    listing = world.ota.listing("H1")
    with listing.lock:
        ours = listing.prices[("R-GTW", "BAR", None, night)]
        listing.set_price("R-GTW", "BAR", None, [night], ours[0] + 1000, "CNY")
    report = _auditor(world).audit(world.channel_id)
    assert report.status is AuditStatus.DIFFERENCES
    [drift] = report.differences
    assert (drift.room_type, drift.rate_plan, drift.night, drift.field) == ("GTW", "BAR", night, "price")
    assert (drift.ours, drift.theirs) == (ours[0], ours[0] + 1000)
