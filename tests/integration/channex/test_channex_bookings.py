"""Issue 12: bookings from a Channex-style hub — the revisions feed into the ledger, each revision
acknowledged on its own, and only once its booking is stored.

Real HTTP on 127.0.0.1 against the sandbox hub; guests book through the sandbox's booking desk (the
same one the OpenTravel listings use). A database that refuses to store is a real SQLite trigger,
not a patched function.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from channelmgr.channels.errors import FailureKind
from channelmgr.channels.sandbox import FaultRule
from channelmgr.inventory.service import InventoryService
from channelmgr.reservations.service import ReservationService
from tests.integration.channex.conftest import PROPERTY, TODAY
from tests.support.actors import TEST_ACTOR
from tests.support.sync_world import channex_rate_plan

STAY = (TODAY + timedelta(days=20), TODAY + timedelta(days=22))


def book(world, guest: str = "小明", room: str = "FAM") -> str:
    return world.ota.book(PROPERTY, f"R-{room}", channex_rate_plan(room, "BAR"), *STAY, given_name=guest,
                          surname="王", phone="+86 138 0000 0000", amount_minor=157600)


def pull(world):
    return world.sync.pull_reservations(world.channel_id, actor=TEST_ACTOR).result(timeout=60)


def ledger(world, remote_id: str):
    pid = InventoryService(world.db).property_id(None)
    return [r for r in ReservationService(world.db).list(pid) if r.remote_id == remote_id]


def acks(world) -> int:
    return world.ota.counters(PROPERTY).get("channex:POST booking_revisions/ack", 0)


def test_bookings_reach_the_ledger_and_each_revision_is_acknowledged_alone(world):
    first, second = book(world, "小明"), book(world, "小红", room="LKV")
    report = pull(world)
    assert (report.received, report.stored, report.acknowledged, report.errors) == (2, 2, 2, ())
    assert acks(world) == 2  # one POST …/{revision}/ack per booking revision, not one for all
    [booking] = ledger(world, first)
    assert (booking.room_type_code, booking.arrival, booking.departure) == ("FAM", *STAY)
    assert (booking.guest_name, booking.amount_minor, booking.status) == ("王小明", 157600, "confirmed")
    assert ledger(world, second)[0].room_type_code == "LKV"
    assert world.ota.pending_bookings(PROPERTY) == []
    assert pull(world).received == 0  # acknowledged: not in the feed again

    world.ota.cancel(PROPERTY, first)
    cancelled = pull(world)
    assert (cancelled.received, cancelled.stored, cancelled.acknowledged) == (1, 1, 1)
    assert [r.status for r in ledger(world, first)] == ["cancelled"]
    assert acks(world) == 3


def test_a_booking_that_cannot_be_stored_stays_unacknowledged_and_comes_again(world):
    stored = book(world, "小明")
    unmapped = world.ota.book(PROPERTY, "R-RENAMED", "RP-UNKNOWN", *STAY, given_name="Emily", surname="Carter")
    report = pull(world)
    assert (report.received, report.stored, report.needs_attention, report.acknowledged) == (2, 1, 1, 1)
    assert acks(world) == 1
    assert ledger(world, stored) and ledger(world, unmapped) == []
    # The hub keeps offering it; nothing is dropped.
    assert world.ota.pending_bookings(PROPERTY) == [unmapped]
    again = pull(world)
    assert (again.received, again.needs_attention, again.acknowledged) == (1, 1, 0)


def test_when_the_database_refuses_nothing_is_acknowledged_and_the_next_pull_stores_it(world):
    remote_id = book(world, "坏")
    with world.db.engine.begin() as conn:  # the ledger refuses this guest: a real database error
        conn.execute(text("CREATE TRIGGER refuse_guest BEFORE INSERT ON reservation WHEN NEW.guest_name LIKE '%坏%' "
                          "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"))
    refused = pull(world)
    assert (refused.received, refused.failed, refused.acknowledged) == (1, 1, 0)
    assert acks(world) == 0 and world.ota.pending_bookings(PROPERTY) == [remote_id]
    with world.db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER refuse_guest"))
    stored = pull(world)
    assert (stored.received, stored.stored, stored.acknowledged) == (1, 1, 1)
    assert ledger(world, remote_id) and world.ota.pending_bookings(PROPERTY) == []


def test_a_hostile_feed_is_refused_saying_so_with_nothing_stored_or_acknowledged(world):
    remote_id = book(world)
    world.ota.set_faults([FaultRule("hostile", count=1)])
    report = pull(world)
    assert report.received == 0 and report.acknowledged == 0
    assert {f.kind for f in report.failures} == {FailureKind.BAD_REPLY}
    assert "nested deeper than" in report.errors[0]
    assert ledger(world, remote_id) == [] and world.ota.pending_bookings(PROPERTY) == [remote_id]
    world.ota.clear_faults()
    assert pull(world).stored == 1


def test_a_booking_on_the_hub_closes_the_room_there_after_the_next_push(world):
    assert world.push().in_sync
    before = world.remote()[("avail", "R-FAM", "", STAY[0])][0]
    book(world)
    assert pull(world).availability_changed
    # The ledger now holds the stay: the engine wants one room fewer there and says so to the hub.
    assert world.desired()[("avail", "R-FAM", "", STAY[0])] == (before - 1,)
    pushed = world.push()
    assert pushed.in_sync and pushed.requests_sent == 1
    assert world.remote()[("avail", "R-FAM", "", STAY[0])][0] == before - 1
