"""The minimum stay a channel receives is the calendar's effective one, night by night.

Wired as the app wires it (``Services``): the demo's 国庆 rule asks for two nights, and a real
sandbox OTA on 127.0.0.1 must end up holding, on every room, rate and night of the horizon, the
minimum stay the calendar shows — 2 on the holiday nights, whatever the calendar itself says
elsewhere (a typed 3 on another night wins over no rule).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from channelmgr.actor import Actor
from channelmgr.channels.sandbox import serve
from channelmgr.db.models import Channel
from channelmgr.demo import load_demo
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
from channelmgr.inventory.nights import local_today, utc_now
from channelmgr.services import Services
from tests.support.sync_world import FAST_RETRY, add_sandbox_channel, sandbox_cells, sandbox_listing
from tests.support.actors import TEST_ACTOR

HORIZON = 366  # reaches the next 国庆 from any day of the year
ACTOR = Actor("tester", "rule min stay push")


@pytest.fixture
def app(db):
    today = local_today("Asia/Shanghai", utc_now())
    load_demo(db, today=today)
    with db.session() as s:
        s.execute(update(Channel).values(enabled=False))  # the demo's own channels point elsewhere
    ota = serve(listings=[sandbox_listing(horizon_days=HORIZON + 5)], today=lambda: today)
    services = Services(db)
    services.sync.engine.retry = FAST_RETRY
    channel_id = add_sandbox_channel(services.channels, ota, "sandbox", "H1", horizon_days=HORIZON)
    yield services, ota, channel_id, today
    services.close()
    ota.stop()


def test_pushed_min_stay_equals_the_calendars_effective_min_stay_on_every_night(app):
    services, ota, channel_id, today = app
    property_id = services.inventory.property_id(None)
    types = {rt.code: rt.id for rt in services.inventory.room_types(property_id)}
    typed_night = today + timedelta(days=20)
    services.calendar.bulk_edit.apply(BulkEditRequest(
        property_id, typed_night, typed_night, (types["LKV"],), Operation.MIN_STAY, 3), ACTOR)

    report = services.sync.push(channel_id, actor=TEST_ACTOR).result(timeout=120)
    assert report.errors == () and report.cells_acknowledged > 0

    snap = services.calendar.availability.snapshot(property_id, today, today + timedelta(days=HORIZON))
    effective = {(row.code, snap.night(i)): max(1, cell.effective_min_stay or 1)
                 for row, cells in zip(snap.rows, snap.cells) for i, cell in enumerate(cells)}
    # Every (room, rate, night) the channel holds, against the calendar's cell for that night
    # (remote rooms are "R-" + the room type code; the stay is the 4th restriction value).
    pushed = {(room.removeprefix("R-"), rate, night): value[3] for (kind, room, rate, night), value in
              sandbox_cells(ota.state("H1")).items() if kind == "restriction"}
    assert len(pushed) == len(types) * 2 * HORIZON
    mismatches = [(code, rate, night, stay, effective[(code, night)])
                  for (code, rate, night), stay in pushed.items() if stay != effective[(code, night)]]
    assert mismatches == []
    assert any(stay == 2 for stay in effective.values()), "the 国庆 rule should restrict some nights"
    assert pushed[("LKV", "BAR", typed_night)] == pushed[("LKV", "BB", typed_night)] == 3
