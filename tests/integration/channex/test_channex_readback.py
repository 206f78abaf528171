"""Issue 12's drift audit, its reading half: what the hub shows, read back through its GET API in
the engine's cell terms, differs from the desired state exactly where the hub was changed behind
the app's back."""

from __future__ import annotations

from datetime import timedelta

from channelmgr.channels.adapter import adapter_for
from channelmgr.channels.errors import FailureKind
from channelmgr.channels.opentravel_client import Credentials
from channelmgr.channels.sandbox import FaultRule
from channelmgr.sync.channels import load_channel_config
from tests.integration.channex.conftest import PROPERTY, TODAY
from tests.support.sync_world import PASSWORD


def read_back(world, days: int = 60):
    with world.db.session() as s:
        channel = load_channel_config(s, world.channel_id)
    room_of = {m.remote_rate: m.remote_room for m in world.channels.mappings(world.channel_id) if m.remote_rate}
    connection = adapter_for("channex").connect(channel.endpoint, channel.hotel_code, Credentials("", PASSWORD),
                                                session=None, timeout=(5, 10), settings=channel.settings)
    return connection.read_back(TODAY, TODAY + timedelta(days=days - 1), room_of, channel.currency)


def test_the_read_back_equals_the_desired_state_after_a_push(world):
    assert world.push().in_sync
    cells, failed = read_back(world)
    assert failed is None and cells == world.desired()


def test_a_difference_planted_on_the_hub_is_exactly_what_the_read_back_shows(world):
    assert world.push().in_sync
    night = TODAY + timedelta(days=12)
    listing = world.ota.listing(PROPERTY)
    with listing.lock:  # someone changed the extranet by hand
        listing.set_count("R-GTW", [night], 0)
        listing.set_price("R-LKV", "R-LKV-BAR", None, [night], 1, "CNY")
    cells, failed = read_back(world)
    desired = world.desired()
    drift = {key for key in desired if cells.get(key) != desired[key]}
    assert failed is None
    assert drift == {("avail", "R-GTW", "", night), ("rate", "R-LKV", "R-LKV-BAR", night)}
    assert cells[("rate", "R-LKV", "R-LKV-BAR", night)] == (1, "CNY")


def test_a_hostile_read_back_is_refused_saying_so(world):
    assert world.push().in_sync
    world.ota.set_faults([FaultRule("hostile", count=1)])
    cells, failed = read_back(world)
    assert cells == {} and failed.kind is FailureKind.BAD_REPLY and "nested deeper than" in failed.detail
