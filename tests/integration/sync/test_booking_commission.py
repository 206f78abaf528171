"""What an OTA keeps of a booking reaches the ledger, and the reports' net is gross minus it.

Real HTTP on 127.0.0.1: the sandbox listing charges 15 % (``commission_percent``) and sends it
with each booking — OpenTravel as RoomStay ``Commission`` / ``TotalCommissions``, the
Channex-style hub as ``ota_commission``. Before, every OTA booking was stored with no commission,
so the channel report showed a net equal to gross.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from channelmgr.channels.sandbox import serve
from channelmgr.db.models import Reservation
from channelmgr.inventory.service import InventoryService
from channelmgr.reports.scope import ReportScope
from channelmgr.reports.service import ReportService
from tests.support.actors import TEST_ACTOR
from tests.support.sync_world import build_world, channex_listing, channex_rate_plan, sandbox_listing

TODAY = date(2026, 6, 1)
STAY = (TODAY + timedelta(days=30), TODAY + timedelta(days=32))
PROTOCOLS = {
    "opentravel": (sandbox_listing, lambda room: "BAR"),
    "channex": (channex_listing, lambda room: channex_rate_plan(room, "BAR")),
}


@pytest.fixture(params=sorted(PROTOCOLS))
def world(request, db):
    listing, _rate = PROTOCOLS[request.param]
    ota = serve(listings=[listing("H1", commission_percent=15)], today=lambda: TODAY)
    w = build_world(db, ota, TODAY, hotel_code="H1", protocol=request.param)
    w.rate = _rate
    yield w
    w.sync.shutdown()
    ota.stop()


def book(world, room: str, amount_minor: int, **extra) -> str:
    return world.ota.book("H1", f"R-{room}", world.rate(room), *STAY, given_name="小明", surname="王",
                          amount_minor=amount_minor, **extra)


def stored(world) -> dict[str, tuple[int, int]]:
    with world.db.session() as s:
        return {r.remote_id: (r.amount_minor, r.commission_minor)
                for r in s.scalars(select(Reservation).where(Reservation.channel_id == world.channel_id))}


def test_the_ota_commission_is_stored_and_the_channel_report_nets_it_out(world):
    first = book(world, "FAM", 157600)              # 15 % of 1576.00 = 236.40
    second = book(world, "LKV", 117601)             # 15 % of 1176.01 = 176.4015 → 176.40
    third = book(world, "GTW", 85600, commission_minor=0)  # a direct-pay booking: the OTA keeps nothing
    report = world.sync.pull_reservations(world.channel_id, actor=TEST_ACTOR).result(timeout=60)
    assert (report.received, report.stored, report.errors) == (3, 3, ())
    assert stored(world) == {first: (157600, 23640), second: (117601, 17640), third: (85600, 0)}

    pid = InventoryService(world.db).property_id(None)
    channels = ReportService(world.db).channels(ReportScope(pid, *STAY, channel="sandbox"))
    [line] = [c for c in channels.channels if c.channel == "sandbox"]
    gross, commission = 157600 + 117601 + 85600, 23640 + 17640
    assert (line.figures.gross_minor, line.figures.commission_minor, line.figures.net_minor) == (
        gross, commission, gross - commission)

