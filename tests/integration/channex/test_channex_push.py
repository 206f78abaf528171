"""Issue 12: a Channex-style hub kept in line by the same engine — pushed, read back, left alone.

Real HTTP on 127.0.0.1: the sandbox serves the listing as a Channex-style hub; what it shows is
read back through the hub's own GET endpoints (as a drift audit would), not from its memory.
"""

from __future__ import annotations

import dataclasses
import json
import time
from datetime import timedelta

import pytest
import requests
from sqlalchemy import func, select

from channelmgr.channels.errors import FailureKind
from channelmgr.channels.opentravel_messages import decimal_to_minor
from channelmgr.channels.sandbox import FaultRule, serve
from channelmgr.db.models import AckedState, CalendarDay, RoomType, SyncLog
from tests.integration.channex.conftest import PROPERTY, TODAY
from tests.support.sync_world import FAST_RETRY, PASSWORD, build_world, channex_listing, channex_rate_plan


def read_back(ota, endpoint: str, days: int = 60) -> dict:
    """What the hub shows over the horizon, through its read-back API."""
    reply = requests.get(
        f"{ota.channex_endpoint(PROPERTY)}/api/v1/{endpoint}",
        params={"filter[property_id]": PROPERTY, "filter[date][gte]": TODAY.isoformat(),
                "filter[date][lte]": (TODAY + timedelta(days=days - 1)).isoformat()},
        headers={"user-api-key": PASSWORD}, timeout=10)
    assert reply.status_code == 200, reply.text
    return reply.json()["data"]


def hub_cells(world) -> dict:
    """The hub's read-back in the engine's cell terms: (kind, remote room, remote rate, night) → value."""
    room_of = world.ota.listing(PROPERTY).config.rate_plans
    cells = {}
    for room, nights in read_back(world.ota, "availability").items():
        for night, count in nights.items():
            cells[("avail", room, "", night)] = (count,)
    for plan, nights in read_back(world.ota, "restrictions").items():
        for night, value in nights.items():
            if "rate" in value:
                cells[("rate", room_of[plan], plan, night)] = (decimal_to_minor(value["rate"], "CNY"), "CNY")
            if "closed_to_arrival" in value:
                min_stay = value.get("min_stay_through", value.get("min_stay_arrival"))
                cells[("restriction", room_of[plan], plan, night)] = (
                    value["stop_sell"], value["closed_to_arrival"], value["closed_to_departure"], min_stay,
                    value["max_stay"] or None)
    return cells


def desired_cells(world) -> dict:
    return {(kind, room, rate, night.isoformat()): value
            for (kind, room, rate, night), value in world.desired().items()}


def acked_count(world) -> int:
    with world.db.session() as s:
        return s.scalar(select(func.count()).select_from(AckedState).where(AckedState.channel_id == world.channel_id))


def type_id(world, code: str) -> int:
    with world.db.session() as s:
        return s.scalar(select(RoomType.id).where(RoomType.code == code))


def wait_until(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def test_a_pass_makes_the_hub_show_the_desired_state_and_a_second_sends_nothing(world):
    report = world.push()
    assert report.in_sync and not report.errors
    assert hub_cells(world) == desired_cells(world)
    counters = world.ota.counters(PROPERTY)
    # The minimum: every availability value fits one request, prices and restrictions share another.
    assert counters["channex:POST availability"] == 1 and counters["channex:POST restrictions"] == 1
    assert report.requests_sent == 2 and counters["items_refused"] == 0
    with world.db.session() as s:
        messages = sorted(s.scalars(select(SyncLog.message).where(SyncLog.channel_id == world.channel_id)))
    assert messages == ["POST availability", "POST restrictions"]

    sent_before = world.requests()
    again = world.push()
    assert again.in_sync and again.requests_sent == 0 and world.requests() == sent_before


def test_an_edit_sends_only_its_nights_and_the_hub_follows(world):
    assert world.push().in_sync
    n = lambda days: TODAY + timedelta(days=days)  # noqa: E731
    world.restrict_sample_nights("LKV")
    before = dict(world.ota.counters(PROPERTY))
    report = world.push()
    assert report.in_sync
    cells = hub_cells(world)
    assert cells == desired_cells(world)
    plan = channex_rate_plan("LKV", "BAR")
    assert cells[("restriction", "R-LKV", plan, n(3).isoformat())] == (True, False, False, 1, None)
    assert cells[("restriction", "R-LKV", plan, n(6).isoformat())] == (False, False, False, 2, 5)
    assert cells[("avail", "R-LKV", "", n(7).isoformat())] == (1,)
    after = world.ota.counters(PROPERTY)
    # 2 restriction ranges per night and plan (BAR, BB) over 4 nights + 1 availability night: a
    # handful of values, far from the first pass's thousands.
    applied = after["items_applied"] - before["items_applied"]
    assert 0 < applied <= 2 * 4 + 1 + 2  # the restriction nights of both plans, one availability value
    assert after["channex:POST availability"] - before["channex:POST availability"] == 1


@pytest.mark.parametrize("basis, field, other", [("arrival", "min_stay_arrival", "min_stay_through"),
                                                 ("through", "min_stay_through", "min_stay_arrival")])
def test_min_stay_travels_in_the_field_of_the_channels_min_stay_basis(world, basis, field, other):
    with world.db.session() as s:
        s.add(CalendarDay(room_type_id=type_id(world, "GTW"), night=TODAY + timedelta(days=8), min_stay=3))
    world.set_settings(min_stay_basis=basis)
    assert world.push().in_sync
    shown = read_back(world.ota, "restrictions")[channex_rate_plan("GTW", "BAR")]
    assert all(field in night and other not in night for night in shown.values())
    assert shown[(TODAY + timedelta(days=8)).isoformat()][field] == 3
    if basis == "arrival":
        # Arriving two nights before a 3-night minimum covers it: arrival-based, raised so no
        # stay sold breaks it (sync.min_stay_basis), where "through" leaves the night itself.
        assert shown[(TODAY + timedelta(days=7)).isoformat()][field] == 3
    else:
        assert shown[(TODAY + timedelta(days=7)).isoformat()][field] == 1
    assert hub_cells(world) == desired_cells(world)


def test_the_hubs_429_is_waited_out_and_every_value_arrives(db):
    # The hub allows 2 requests per pace a second; our channel would send far faster.
    listing = channex_listing(PROPERTY, requests_per_window=2, rate_window_seconds=1.0)
    hub = serve(listings=[listing], today=lambda: TODAY)
    world = build_world(db, hub, TODAY, hotel_code=PROPERTY, protocol="channex", max_items_per_request=3)
    try:
        first = world.push()
        assert first.requests_planned > 4  # three values a request: several per pace
        counters = world.ota.counters(PROPERTY)
        assert counters["rate_limited"] > 0  # the hub did say 429 with Retry-After
        # The pass (or the lane's follow-up passes) waited as told: nothing lost, nothing doubled.
        assert wait_until(lambda: hub_cells(world) == desired_cells(world), timeout=60)
        assert wait_until(lambda: world.push().requests_sent == 0, timeout=60)
        assert acked_count(world) == len(world.desired())
    finally:
        world.sync.shutdown()
        hub.stop()


def test_values_the_hub_warns_about_stay_pending_and_the_rest_is_acknowledged(db):
    plans = dict(channex_listing(PROPERTY).rate_plans)
    unknown = plans.pop(channex_rate_plan("LKV", "BB"))  # the hub does not know this rate plan
    assert unknown == "R-LKV"
    listing = dataclasses.replace(channex_listing(PROPERTY), rate_plans=plans, rates=frozenset(plans))
    hub = serve(listings=[listing], today=lambda: TODAY)
    world = build_world(db, hub, TODAY, hotel_code=PROPERTY, protocol="channex")
    try:
        report = world.push()
        desired = desired_cells(world)
        refused = {k for k in desired if k[2] == channex_rate_plan("LKV", "BB")}
        assert refused and not report.in_sync
        assert report.cells_refused == len(refused)
        assert any("unknown rate_plan_id 'R-LKV-BB'" in e for e in report.errors)
        # Everything else is on the hub and acknowledged; exactly the warned cells are not.
        assert hub_cells(world) == {k: v for k, v in desired.items() if k not in refused}
        assert acked_count(world) == len(desired) - len(refused)
        counters_before = dict(world.ota.counters(PROPERTY))
        again = world.push()  # a push by hand resends what was refused, and only that
        assert again.requests_sent == 1 and again.cells_refused == len(refused)
        counters = world.ota.counters(PROPERTY)
        assert counters["items_applied"] == counters_before["items_applied"]
    finally:
        world.sync.shutdown()
        hub.stop()


@pytest.mark.parametrize("fault, says", [
    ("hostile", "nested deeper than"),
    ("huge", "bytes, more than the"),
    ("garbage", "HTML or XML, not JSON"),
])
def test_a_hostile_huge_or_non_json_reply_is_refused_saying_so_and_nothing_is_acknowledged(world, fault, says):
    # As often as the pass tries (a proxy's page is worth asking again; hostile JSON is not).
    world.ota.set_faults([FaultRule(fault, count=FAST_RETRY.max_attempts)])
    report = world.push()
    assert not report.in_sync and report.cells_acknowledged == 0
    assert any(says in e for e in report.errors), report.errors
    assert {f.kind for f in report.failures} == {FailureKind.BAD_REPLY}
    assert acked_count(world) == 0 and world.remote() == {}  # the hub's own memory: nothing applied
    world.ota.clear_faults()
    assert wait_until(lambda: world.push().in_sync)
    assert hub_cells(world) == desired_cells(world)


def test_the_hub_refuses_a_wrong_api_key_and_the_channel_says_so(world):
    reply = requests.post(f"{world.ota.channex_endpoint(PROPERTY)}/api/v1/availability",
                          data=json.dumps({"values": []}), headers={"user-api-key": "wrong"}, timeout=10)
    assert reply.status_code == 401
    world.channels.update(world_actor(), world.channel_id, password="not-the-key")
    report = world.push()
    assert {f.kind for f in report.failures} == {FailureKind.AUTH}
    assert any("refused our API key" in e for e in report.errors)
    assert "not-the-key" not in " ".join(report.errors)
    assert acked_count(world) == 0


def world_actor():
    from tests.support.sync_world import ACTOR
    return ACTOR


def test_the_hubs_listing_page_shows_each_rate_plan_under_its_own_room_only(world):
    assert world.push().in_sync
    page = requests.get(f"{world.ota.url}/listing/{PROPERTY}?start={TODAY}&days=7", timeout=10).text
    assert "R-LKV · R-LKV-BAR price" in page and "R-LKV · R-GTW-BAR price" not in page
