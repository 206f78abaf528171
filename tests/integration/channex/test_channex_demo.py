"""The demo's Channex-style channel ``trip-hub``: mapped, and in sync after one pass on the sandbox."""

from __future__ import annotations

from sqlalchemy import select

from channelmgr.actor import Actor
from channelmgr.channels.sandbox import serve
from channelmgr.db.models import Channel
from channelmgr.demo import load_demo
from channelmgr.inventory.nights import local_today, utc_now
from channelmgr.sync.channels import ChannelService
from channelmgr.sync.demo_channels import DEMO_HUBS, DEMO_SANDBOX_URL, demo_listings
from channelmgr.sync.service import SyncService
from tests.support.actors import TEST_ACTOR
from tests.support.sync_world import FAST_RETRY, sandbox_cells


def test_the_demo_hub_channel_is_mapped_and_in_sync_after_one_pass(db):
    today = local_today("Asia/Shanghai", utc_now())
    load_demo(db, today=today)
    hub = serve(listings=demo_listings(), today=lambda: today)  # the demo sandbox, on a free port
    channels = ChannelService(db)
    sync = SyncService(db, retry=FAST_RETRY)
    try:
        [demo] = DEMO_HUBS
        with db.session() as s:
            channel = s.scalars(select(Channel).where(Channel.name == demo.name)).one()
            channel_id, endpoint = channel.id, channel.endpoint
        assert channel.protocol == "channex" and endpoint == f"{DEMO_SANDBOX_URL}/channex/{demo.property_id}"
        channels.update(Actor("tester"), channel_id, endpoint=endpoint.replace(DEMO_SANDBOX_URL, hub.url))
        assert channels.warnings(channel_id) == []  # every room type and rate plan mapped

        report = sync.push(channel_id, actor=TEST_ACTOR).result(timeout=60)
        assert report.in_sync and not report.errors, report.errors
        # The whole year in one availability request and one for prices and restrictions: the
        # hub's 10 a minute per pace are never waited for.
        assert report.requests_sent == 2
        assert "min stay sent as arrival-based" in report.capabilities_line()
        shown = hub.state(demo.property_id)
        assert shown["counters"]["items_refused"] == 0
        assert len({r["room"] for r in shown["inventory"]}) == len(demo.rooms)
        assert {r["min_stay_basis"] for r in shown["restrictions"]} == {"arrival"}
        assert len(sandbox_cells(shown)) == report.cells_acknowledged
        assert sync.push(channel_id, actor=TEST_ACTOR).result(timeout=60).requests_sent == 0
    finally:
        sync.shutdown()
        hub.stop()
