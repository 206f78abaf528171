"""What a channel's profile changes in its desired state, and the plain statement of it.

A hand-made calendar on the demo house (its own calendar restrictions cleared first): minimum
stays, closings to departure; the demo's Booking.com channel is switched between profiles the
way ``channelmgr channel set booking --set profile=…`` does it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select

from channelmgr.actor import Actor
from channelmgr.db.models import CalendarDay, Channel, RoomType
from channelmgr.demo import load_demo
from channelmgr.sync.acked import storage_key
from channelmgr.sync.capability_notes import CapabilityNote
from channelmgr.sync.channels import ChannelService, load_channel_config
from channelmgr.sync.desired import desired_state
from channelmgr.sync.min_stay_basis import arrival_min_stays

TODAY = date(2026, 6, 1)
ACTOR = Actor("owner", "test")


def night(days: int) -> date:
    return TODAY + timedelta(days=days)


@pytest.fixture
def house(db):
    """The demo with a calendar of our own: GTW min 3 nights on days 10–12 and CTD on days 20–23,
    FAM CTD on days 20–21; nothing else restricted."""
    load_demo(db, today=TODAY)
    with db.session() as s:
        s.execute(delete(CalendarDay))
        types = dict(s.execute(select(RoomType.code, RoomType.id)).all())
        for day in (10, 11, 12):
            s.add(CalendarDay(room_type_id=types["GTW"], night=night(day), min_stay=3))
        for day in (20, 21, 22, 23):
            s.add(CalendarDay(room_type_id=types["GTW"], night=night(day), closed_to_departure=True))
        for day in (20, 21):
            s.add(CalendarDay(room_type_id=types["FAM"], night=night(day), closed_to_departure=True))
        channel_id = s.scalar(select(Channel.id).where(Channel.name == "booking"))
    return db, ChannelService(db), channel_id


def desired(db, channel_id):
    with db.session() as s:
        state = desired_state(s, load_channel_config(s, channel_id), TODAY)
    cells = {}
    for prototype, values in state.series:
        kind, room, rate, _ = storage_key(prototype)
        for day, value in values.items():
            cells[(kind, room, rate, day)] = value
    return state, cells


def min_stays(cells, room="BDC-GTW", rate="BAR"):
    return {day: value[3] for (kind, r, p, day), value in cells.items() if kind == "restriction"
            and (r, p) == (room, rate)}


def test_arrival_based_minimums_never_sell_a_stay_the_calendar_forbids():
    # 国庆-like: three nights at 3. Arriving the night before, 2 nights would cover the first of
    # them: the arrival minimum becomes 3 (and a 1-night stay there is refused: the price of it).
    assert arrival_min_stays([1, 3, 3, 3, 1]) == [3, 3, 3, 3, 1]
    # A weekend at 2 (Fri, Sat): arriving Thursday, every length already honours it.
    assert arrival_min_stays([1, 2, 2, 1]) == [1, 2, 2, 1]
    # Far ahead, a high minimum reaches back: 3 or 4 nights from day 0 would cover day 2.
    assert arrival_min_stays([1, 1, 5]) == [5, 5, 5]
    assert arrival_min_stays([1, 1, 1]) == [1, 1, 1] and arrival_min_stays([]) == []


def test_generic_profile_sends_the_calendar_as_before_and_says_nothing(house):
    db, _channels, channel_id = house
    state, cells = desired(db, channel_id)
    stays = min_stays(cells)
    assert [stays[night(d)] for d in (8, 9, 10, 11, 12, 13)] == [1, 1, 3, 3, 3, 1]
    assert cells[("restriction", "BDC-GTW", "BAR", night(20))][2] is True  # CTD sent
    assert state.notes == [] and state.end == night(365)


def test_airbnb_gets_arrival_based_minimums_and_no_ctd_with_the_nights_counted(house):
    db, channels, channel_id = house
    channels.update(ACTOR, channel_id, settings={"profile": "airbnb"})
    state, cells = desired(db, channel_id)
    stays = min_stays(cells)
    # Arriving on day 9, a 2-night stay would cover day 10 (min 3): raised to 3. Day 8 stays 1.
    assert [stays[night(d)] for d in (8, 9, 10, 11, 12, 13)] == [1, 3, 3, 3, 3, 1]
    assert min_stays(cells, rate="BB") == stays  # every plan of the room type alike
    assert not any(value[2] for key, value in cells.items() if key[0] == "restriction")  # no CTD sent
    assert state.notes == [CapabilityNote("min_stay_translated", 1, "arrival"),
                           CapabilityNote("restriction_unsupported", 6, "ctd")]  # GTW 4 + FAM 2 nights
    report_line = "; ".join(note.text() for note in state.notes)
    assert report_line == ("min stay sent as arrival-based (raised on 1 night so no stay sold breaks a later "
                           "night's minimum); CTD not supported, 6 nights skipped")


def test_fliggy_is_sent_180_days_and_the_rest_is_said(house):
    db, channels, channel_id = house
    channels.update(ACTOR, channel_id, settings={"profile": "fliggy"})
    state, cells = desired(db, channel_id)
    nights_sent = {key[3] for key in cells}
    assert min(nights_sent) == TODAY and max(nights_sent) == night(179) and state.end == night(180)
    beyond = [n for n in state.notes if n.code == "beyond_horizon"]
    assert beyond == [CapabilityNote("beyond_horizon", 185, limit=180)]
    assert beyond[0].text() == "185 nights beyond its 180-day horizon not sent"
    assert beyond[0].text("zh") == "超出其 180 天可售期的 185 晚未发送"
    # The owner may send less than Fliggy takes: then nothing is beyond, nothing said.
    channels.update(ACTOR, channel_id, settings={"horizon_days": "90"})
    state, _cells = desired(db, channel_id)
    assert state.end == night(90) and not [n for n in state.notes if n.code == "beyond_horizon"]


def test_booking_takes_everything_through_and_is_told_of_one_price_per_room(house):
    db, channels, channel_id = house
    channels.update(ACTOR, channel_id, settings={"profile": "booking"})
    state, cells = desired(db, channel_id)
    assert [min_stays(cells)[night(d)] for d in (9, 10)] == [1, 3]  # through, as we mean it
    assert [n.code for n in state.notes] == ["occupancy_single_price"]


def test_a_channel_taking_no_restriction_still_counts_what_it_misses(house):
    db, channels, channel_id = house
    channels.update(ACTOR, channel_id, settings={"supported_restrictions": ""})
    state, cells = desired(db, channel_id)
    assert not [key for key in cells if key[0] == "restriction"]
    assert {(n.detail, n.nights) for n in state.notes} == {("ctd", 6), ("min_stay", 3)}


def test_per_person_prices_are_not_sent_as_per_room_ones(house):
    db, channels, channel_id = house
    channels.update(ACTOR, channel_id, settings={"price_unit": "person_night"})
    state, cells = desired(db, channel_id)
    assert not [key for key in cells if key[0] == "rate"] and [key for key in cells if key[0] == "avail"]
    assert [n.text() for n in state.notes] == ["prices not sent: the channel reads prices per person, ours are per room"]
