"""The desired state of a channel, from the calendar, the bookings, the prices and its settings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from channelmgr.actor import Actor
from channelmgr.channels.opentravel_messages import elements_per_range
from channelmgr.db.models import (CalendarDay, Channel, ChannelMapping, PriceOverride, RatePlan, Room, RoomOutOfOrder,
                                  RoomType)
from channelmgr.demo import load_demo
from channelmgr.sync.acked import ValueCodec, storage_key
from channelmgr.sync.channels import ChannelService, load_channel_config
from channelmgr.sync.desired import desired_state
from channelmgr.sync.difference import difference, plan_requests
from channelmgr.sync.ranges import AvailCell, RateCell, minimum_requests

TODAY = date(2026, 6, 1)
ACTOR = Actor("owner", "test")


@pytest.fixture
def demo(db):
    load_demo(db, today=TODAY)
    channels = ChannelService(db)
    with db.session() as s:
        pid = s.scalar(select(Channel.property_id))
    return db, channels, pid


def _desired(db, name):
    with db.session() as s:
        channel_id = s.scalar(select(Channel.id).where(Channel.name == name))
        state = desired_state(s, load_channel_config(s, channel_id), TODAY)
    cells = {}
    for prototype, values in state.series:
        kind, room, rate, _ = storage_key(prototype)
        for night, value in values.items():
            cells[(kind, room, rate, night)] = value
    return state, cells


def _night(days):
    return TODAY + timedelta(days=days)


def _type_id(s, code):
    return s.scalar(select(RoomType.id).where(RoomType.code == code))


def test_rooms_to_sell_follow_bookings_repairs_closes_buffer_and_stop_sell(demo):
    db, channels, pid = demo
    with db.session() as s:
        lkv = _type_id(s, "LKV")
        room = s.scalars(select(Room).where(Room.room_type_id == lkv)).first()
        s.add(RoomOutOfOrder(room_id=room.id, start_date=_night(10), end_date=_night(12)))
        s.add(CalendarDay(room_type_id=lkv, night=_night(11), rooms_closed=2))
        s.add(CalendarDay(room_type_id=lkv, night=_night(20), stop_sell=True))
    _state, ctrip = _desired(db, "ctrip")
    avail = {night: value[0] for (kind, room, _r, night), value in ctrip.items() if kind == "avail" and room == "CT-LKV"}
    assert len(avail) == 365 and min(avail) == TODAY
    assert avail[TODAY] == 2            # 4 rooms, two guests tonight
    assert avail[_night(10)] == 3       # one room under repair
    assert avail[_night(11)] == 1       # under repair and two closed
    assert avail[_night(20)] == 0       # stop-sell
    assert avail[_night(30)] == 4
    _state, meituan = _desired(db, "meituan")  # buffer of one room on Meituan
    assert meituan[("avail", "MT1001", "", _night(30))] == (3,)
    assert meituan[("avail", "MT1001", "", _night(11))] == (0,)  # never below zero

    channels.update(ACTOR, channels.channel_id(pid, "ctrip"), settings={"stop_sell": "true"})
    _state, ctrip = _desired(db, "ctrip")
    assert {v for k, v in ctrip.items() if k[0] == "avail"} == {(0,)}
    assert all(v[0] for k, v in ctrip.items() if k[0] == "restriction")


def test_prices_go_through_overrides_derived_plans_markup_and_rounding(demo):
    db, channels, pid = demo
    with db.session() as s:
        lkv = _type_id(s, "LKV")
        bar = s.scalar(select(RatePlan.id).where(RatePlan.room_type_id == lkv, RatePlan.code == "BAR"))
        s.add(PriceOverride(rate_plan_id=bar, night=_night(5), price_minor=50000))
    _state, ctrip = _desired(db, "ctrip")  # +15 %, rounded up to a price ending in 8
    assert ctrip[("rate", "CT-LKV", "CT-BAR", TODAY)] == (67800, "CNY")  # 588 × 1.15 = 676.2 → 678
    assert ctrip[("rate", "CT-LKV", "CT-BB", TODAY)] == (72800, "CNY")   # (588 + 40) × 1.15 = 722.2 → 728
    assert ctrip[("rate", "CT-LKV", "CT-BAR", _night(5))] == (57800, "CNY")  # override 500 × 1.15 = 575 → 578
    assert ctrip[("rate", "CT-LKV", "CT-BB", _night(5))] == (62800, "CNY")  # (500 + 40) × 1.15 = 621 → 628
    channels.update(ACTOR, channels.channel_id(pid, "ctrip"), settings={"min_price_minor": "70000"})
    _state, ctrip = _desired(db, "ctrip")
    assert ctrip[("rate", "CT-LKV", "CT-BAR", TODAY)] == (70000, "CNY")  # the guard wins over rounding


def test_restrictions_the_channel_does_not_take_are_sent_neutral_and_reported(demo):
    db, _channels, _pid = demo
    with db.session() as s:
        gtw = _type_id(s, "GTW")
        s.add(CalendarDay(room_type_id=gtw, night=_night(3), closed_to_arrival=True, min_stay=2))
        s.add(CalendarDay(room_type_id=gtw, night=_night(4), min_stay=3, max_stay=2))
    state, meituan = _desired(db, "meituan")  # Meituan takes stop-sell and minimum stay only
    assert meituan[("restriction", "MT1002", "MT-STD", _night(3))] == (False, False, False, 2, None)
    codes = {(w.code, w.room_type, w.detail, w.nights) for w in state.warnings}
    assert ("restriction_unsupported", "GTW", "cta", 1) in codes
    assert ("restriction_unsupported", "GTW", "max_stay", 1) in codes
    state, ctrip = _desired(db, "ctrip")  # takes everything; max < min is sent as the minimum
    assert ctrip[("restriction", "CT-GTW", "CT-BAR", _night(3))] == (False, True, False, 2, None)
    assert ctrip[("restriction", "CT-GTW", "CT-BAR", _night(4))] == (False, False, False, 3, 3)
    assert [w.code for w in state.warnings] == ["stay_inverted"]


def test_conflicting_codes_and_missing_prices_are_warnings_not_crashes(demo):
    db, _channels, _pid = demo
    with db.session() as s:
        ctrip = s.scalar(select(Channel.id).where(Channel.name == "ctrip"))
        gtw = _type_id(s, "GTW")
        s.query(ChannelMapping).filter_by(channel_id=ctrip, room_type_id=gtw).update({"remote_room": "CT-LKV"})
        fam_bar = s.scalar(select(RatePlan).join(RoomType).where(RoomType.code == "FAM", RatePlan.code == "BAR"))
        fam_bar.base_price_minor = None
    state, cells = _desired(db, "ctrip")
    codes = {w.code for w in state.warnings}
    assert {"remote_conflict", "no_price"} <= codes
    assert not any(room == "CT-LKV" for _k, room, _r, _n in cells)  # neither of the two is sent
    assert not any(k[:3] in {("rate", "CT-FAM", "CT-BAR"), ("rate", "CT-FAM", "CT-BB")} for k in cells)
    assert ("restriction", "CT-FAM", "CT-BAR", TODAY) in cells  # restrictions do not need a price


def test_the_difference_is_what_was_not_acknowledged_packed_in_the_fewest_requests(demo):
    db, _channels, _pid = demo
    with db.session() as s:
        ctrip = load_channel_config(s, s.scalar(select(Channel.id).where(Channel.name == "ctrip")))
        state = desired_state(s, ctrip, TODAY)
    codec = ValueCodec()
    everything = difference(state, {}, codec)
    assert everything.cell_count == state.cell_count == 365 * (6 + 12 + 12)

    # Pretend the channel confirmed everything except a week of LKV prices and a changed count.
    acked: dict = {}
    for prototype, values in state.series:
        acked[storage_key(prototype)] = {night: codec.encode(value) for night, value in values.items()}
    week = [_night(i) for i in range(7, 14)]
    for night in week:
        del acked[("rate", "CT-LKV", "CT-BAR", 0)][night]
    acked[("avail", "CT-GTW", "", 0)][_night(40)] = "[9]"
    diff = difference(state, acked, codec)
    assert diff.cell_count == 8
    requests = plan_requests(diff, ctrip.settings, elements_per_range)
    assert [type(r[0].cell) for r in requests] == [AvailCell, RateCell]  # availability first
    cells = [c for request in requests for rng in request for c in rng.cells()]
    assert minimum_requests(cells, 100, items_per_range=elements_per_range) == len(requests) == 2

    parked = {(("rate", "CT-LKV", "CT-BAR", 0), night): codec.encode((67800, "CNY")) for night in week[:3]}
    held = difference(state, acked, codec, parked)
    assert held.parked == 3 and held.cell_count == 5
    groups = held.groups(state.origins)
    assert [(g.kind, g.room_type, g.rate_plan, g.cells) for g in groups] == [("avail", "GTW", None, 1),
                                                                           ("rate", "LKV", "BAR", 4)]
