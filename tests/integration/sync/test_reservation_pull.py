"""Issue 8 end to end: a booking on one OTA lands in the ledger and closes the room on the others.

Real HTTP on 127.0.0.1: the sandbox OTA holds two listings, H1 (channel A, "sandbox") and H2
(channel B, "sandbox-b"), both mapped to every room type of the demo homestay. A guest books on
H1; the pull (OTA_ReadRQ → ledger → OTA_NotifReportRQ) stores it, and the next push shows
channel B one room fewer.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from channelmgr.channels.sandbox import FaultRule, serve
from channelmgr.inventory.service import InventoryService
from channelmgr.reservations.service import ReservationService
from tests.support.sync_world import add_sandbox_channel, build_world, nights, sandbox_listing
from tests.support.actors import TEST_ACTOR

TODAY = date(2026, 6, 1)
ROOM = "FAM"            # two rooms in the demo
REMOTE_ROOM = f"R-{ROOM}"
STAY = (TODAY + timedelta(days=40), TODAY + timedelta(days=42))  # [arrival, departure): two nights


@pytest.fixture
def ota():
    handle = serve(listings=[sandbox_listing("H1"), sandbox_listing("H2")], today=lambda: TODAY)
    yield handle
    handle.stop()


@pytest.fixture
def world(db, ota):
    w = build_world(db, ota, TODAY)
    w.channel_b = add_sandbox_channel(w.channels, ota, "sandbox-b", "H2")
    for channel_id in (w.channel_id, w.channel_b):
        assert w.sync.push(channel_id, actor=TEST_ACTOR).result(timeout=60).in_sync
    yield w
    w.sync.shutdown()


def shown_on(ota, hotel_code: str, room: str = REMOTE_ROOM, stay=STAY) -> list[int]:
    """Rooms to sell the listing shows for each night of the stay."""
    counts = {(i["room"], i["night"]): i["count"] for i in ota.state(hotel_code)["inventory"]}
    return [counts[(room, night.isoformat())] for night in nights(stay[0], (stay[1] - stay[0]).days)]


def book_on_a(world, room: str = REMOTE_ROOM, guest: str = "小明") -> str:
    return world.ota.book("H1", room, "BAR", *STAY, given_name=guest, surname="王", phone="+86 138 0000 0000",
                          amount_minor=157600)


def pull_a(world):
    return world.sync.pull_reservations(world.channel_id, actor=TEST_ACTOR).result(timeout=60)


def push_b(world):
    return world.sync.push(world.channel_b, actor=TEST_ACTOR).result(timeout=60)


def property_id(world) -> int:
    return InventoryService(world.db).property_id(None)


def ledger(world, remote_id: str):
    return [r for r in ReservationService(world.db).list(property_id(world)) if r.remote_id == remote_id]


def fill_all_but_one(world) -> int:
    """Book rooms on channel A until channel B shows one room left on every night of the stay;
    returns how many rooms the homestay had free."""
    free = min(shown_on(world.ota, "H2"))
    assert free >= 1, "the demo must have a free room of the type on those nights"
    for n in range(free - 1):
        book_on_a(world, guest=f"客{n}")
    if free > 1:
        assert pull_a(world).stored == free - 1
        push_b(world)
    assert min(shown_on(world.ota, "H2")) == 1
    return free


def test_the_last_room_booked_on_channel_a_closes_on_channel_b(world, ota):
    fill_all_but_one(world)
    remote_id = book_on_a(world)
    assert remote_id in ota.pending_bookings("H1")

    report = pull_a(world)
    assert (report.received, report.stored, report.acknowledged, report.errors) == (1, 1, 1, ())
    assert report.availability_changed

    [booking] = ledger(world, remote_id)
    assert (booking.channel, booking.room_type_code, booking.arrival, booking.departure) == ("sandbox", ROOM, *STAY)
    assert (booking.guest_name, booking.amount_minor, booking.status, booking.overbooked) == (
        "王小明", 157600, "confirmed", False)

    # Acknowledged: the sandbox does not deliver it again.
    assert ota.pending_bookings("H1") == []
    assert pull_a(world).received == 0

    assert push_b(world).in_sync
    assert shown_on(ota, "H2") == [0, 0]


def test_the_same_booking_delivered_twice_changes_nothing(world, ota):
    remote_id = book_on_a(world)
    assert pull_a(world).stored == 1
    push_b(world)
    shown = shown_on(ota, "H2")

    ota.redeliver("H1", remote_id)  # e.g. our acknowledgement was lost on the way
    again = pull_a(world)
    assert (again.received, again.stored, again.unchanged, again.acknowledged) == (1, 0, 1, 1)
    assert not again.availability_changed
    assert len(ledger(world, remote_id)) == 1
    report = push_b(world)
    assert report.requests_sent == 0 and shown_on(ota, "H2") == shown


def test_a_cancellation_on_the_ota_opens_the_room_on_the_other_channel(world, ota):
    fill_all_but_one(world)
    remote_id = book_on_a(world)
    pull_a(world)
    push_b(world)
    assert shown_on(ota, "H2") == [0, 0]

    ota.cancel("H1", remote_id)
    report = pull_a(world)
    assert (report.received, report.stored, report.acknowledged) == (1, 1, 1)
    assert [r.status for r in ledger(world, remote_id)] == ["cancelled"]
    push_b(world)
    assert shown_on(ota, "H2") == [1, 1]


def test_a_booking_for_an_unknown_room_code_waits_for_a_person_unacknowledged(world, ota):
    remote_id = book_on_a(world, room="R-RENAMED")
    report = pull_a(world)
    assert (report.received, report.needs_attention, report.stored, report.acknowledged) == (1, 1, 0, 0)
    assert ledger(world, remote_id) == []
    [entry] = [a for a in ReservationService(world.db).attention(property_id(world)) if a.remote_id == remote_id]
    assert "R-RENAMED" in entry.problem and entry.channel == "sandbox"
    # Not acknowledged: the OTA keeps offering it, and a second pull does not list it twice.
    assert ota.pending_bookings("H1") == [remote_id]
    assert pull_a(world).needs_attention == 1
    assert len([a for a in ReservationService(world.db).attention(property_id(world))
                if a.remote_id == remote_id]) == 1


def test_a_failing_ota_loses_nothing_and_the_next_pull_gets_the_booking(world, ota):
    remote_id = book_on_a(world)
    ota.set_faults([FaultRule("error", count=10)])  # more 500s than the pull's retries
    failed = pull_a(world)
    assert failed.errors and "500" in failed.errors[0]
    assert (failed.received, failed.acknowledged) == (0, 0)
    assert ledger(world, remote_id) == [] and ota.pending_bookings("H1") == [remote_id]

    ota.set_faults([FaultRule("hostile", count=1)])  # a billion-laughs reply: refused, nothing stored
    hostile = pull_a(world)
    assert hostile.errors and hostile.received == 0 and ota.pending_bookings("H1") == [remote_id]

    ota.clear_faults()
    report = pull_a(world)
    assert (report.received, report.stored, report.acknowledged, report.errors) == (1, 1, 1, ())
    assert len(ledger(world, remote_id)) == 1 and ota.pending_bookings("H1") == []


def test_the_scheduler_pulls_and_closes_the_room_everywhere_by_itself(world, ota):
    fill_all_but_one(world)
    world.sync.start(interval=0.3, first_pass_after=0.0)
    book_on_a(world)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and shown_on(ota, "H2") != [0, 0]:
        time.sleep(0.05)
    assert shown_on(ota, "H2") == [0, 0]
    assert ota.pending_bookings("H1") == []


def test_the_sandbox_books_over_http_and_refuses_a_full_night(world, ota):
    import requests

    free = fill_all_but_one(world)
    reply = requests.post(f"{ota.url}/api/book/H2", json={
        "room": REMOTE_ROOM, "rate": "BAR", "arrival": STAY[0].isoformat(), "departure": STAY[1].isoformat(),
        "given_name": "<b>Emily</b>", "surname": "Carter", "amount_minor": 100000}, timeout=5)
    assert reply.status_code == 201 and reply.json()["remote_id"] in ota.pending_bookings("H2")
    assert shown_on(ota, "H2") == [0, 0]  # the OTA closes what it sold at once
    full = requests.post(f"{ota.url}/api/book/H2", json={
        "room": REMOTE_ROOM, "rate": "BAR", "arrival": STAY[0].isoformat(), "departure": STAY[1].isoformat()},
        timeout=5)
    assert full.status_code == 409
    page = requests.get(f"{ota.url}/listing/H2", timeout=5).text
    assert "&lt;b&gt;Emily&lt;/b&gt;" in page and "<b>Emily" not in page
    assert free >= 1
