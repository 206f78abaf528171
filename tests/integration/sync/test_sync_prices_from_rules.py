"""Channels are sent the pricing engine's price: rules (weekends, holidays…) and the channel's markup."""

from datetime import timedelta

from channelmgr.pricing.service import PricingService
from channelmgr.sync.service import SyncService
from tests.support.sync_world import FAST_RETRY, _property_id


def test_pushed_rates_are_the_rule_based_prices_of_the_channel(world, today):
    pricing = PricingService(world.db, clock=world.clock)
    world.sync.shutdown()
    world.sync = SyncService(world.db, clock=world.clock, retry=FAST_RETRY, prices=pricing.price_source)
    report = world.push()
    assert report.errors == () and report.cells_acknowledged > 0

    nights = [today + timedelta(days=i) for i in range(14)]
    property_id = _property_id(world.db)
    expected = pricing.channel_prices(property_id, "sandbox", "LKV", "BAR", nights)
    remote = world.remote()
    sent = {night: remote[("rate", "R-LKV", "BAR", night)] for night in nights}
    assert {night: value[0] for night, value in sent.items()} == expected
    # The demo's weekend rule makes Friday and Saturday nights dearer than the Monday before them.
    friday = next(n for n in nights if n.weekday() == 4)
    assert expected[friday] > expected[today]
