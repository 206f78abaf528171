"""Channels and mappings: encrypted credentials, audited changes, refused mistakes, forgotten state."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from channelmgr.actor import Actor
from channelmgr.db.models import AckedState, AuditEntry, Channel, Reservation
from channelmgr.demo import load_demo
from channelmgr.errors import NotFound, UserError
from channelmgr.security.vault import Vault
from channelmgr.sync.channel_settings import ChannelSettings
from channelmgr.sync.channels import ChannelService

ACTOR = Actor("owner", "test")
SECRET = "Pa55-w0rd-for-OTA"


@pytest.fixture
def channels(db):
    load_demo(db, today=date(2026, 6, 1))
    return ChannelService(db)


@pytest.fixture
def pid(channels):
    with channels.db.session() as s:
        return s.scalar(select(Channel.property_id))


def _add(channels, pid, name="ota", **extra):
    args = dict(name=name, protocol="opentravel", endpoint="https://ota.example/api/", hotel_code="H9",
                username="me", password=SECRET)
    return channels.add(ACTOR, pid, **{**args, **extra})


def _ack(channels, channel_id, room):
    with channels.db.session() as s:
        s.add(AckedState(channel_id=channel_id, kind="avail", remote_room=room, remote_rate="", guests=0,
                         night=date(2026, 6, 2), value="[1]"))


def _acked(channels, channel_id):
    with channels.db.session() as s:
        return s.query(AckedState).filter_by(channel_id=channel_id).count()


def test_the_demo_has_opentravel_channels_a_channex_hub_and_an_ical_one_with_mappings_and_encrypted_logins(
        channels, pid):
    infos = channels.list(pid)
    assert [c.name for c in infos] == ["booking", "ctrip", "ical:airbnb-loft", "meituan", "trip-hub"]
    pushed = [c for c in infos if c.protocol == "opentravel"]
    assert len(pushed) == 3
    assert all(c.has_password and c.enabled and c.endpoint.startswith("http://127.0.0.1:8765/ota/") for c in pushed)
    hub = next(c for c in infos if c.protocol == "channex")
    assert hub.has_password and hub.enabled and hub.username == ""  # an API key, no login
    assert hub.endpoint == "http://127.0.0.1:8765/channex/ERHAI-HUB" and hub.settings.requests_per_minute == 10
    feed = next(c for c in infos if c.protocol == "ical")
    assert feed.enabled and not feed.has_password and feed.endpoint == "http://127.0.0.1:8765/ical/ERHAI-ABB/LFT.ics"
    assert {c.name: c.mapping_count for c in infos} == {"booking": 15, "ctrip": 18, "ical:airbnb-loft": 1,
                                                        "meituan": 12, "trip-hub": 18}
    meituan = next(c for c in infos if c.name == "meituan")
    assert [w.code for w in channels.warnings(meituan.id)] == ["rate_plan_unmapped"] * 6


def test_a_password_is_stored_encrypted_and_never_audited(channels, pid):
    info = _add(channels, pid, settings=ChannelSettings(markup_percent=10))
    assert info.endpoint == "https://ota.example/api" and info.settings.markup_percent == 10
    assert "password" not in {f for f in info.__dataclass_fields__}
    channels.update(ACTOR, info.id, password="another-secret")
    with channels.db.session() as s:
        token = s.get(Channel, info.id).secret_encrypted
        audits = s.scalars(select(AuditEntry).where(AuditEntry.entity == "channel", AuditEntry.entity_id == "ota")).all()
    assert SECRET.encode() not in token and Vault().decrypt(token) == "another-secret"
    assert [a.action for a in audits] == ["create", "update"]
    assert audits[1].after["password"] == "changed"
    assert all("secret" not in repr(a.before) + repr(a.after) for a in audits)


@pytest.mark.parametrize("endpoint", ["ftp://ota.example/x", "https://user:pw@ota.example/x", "not a url"])
def test_endpoints_the_client_would_refuse_are_refused_now(channels, pid, endpoint):
    with pytest.raises(UserError, match="Endpoint refused"):
        _add(channels, pid, endpoint=endpoint)


def test_mistakes_are_refused(channels, pid):
    _add(channels, pid)
    with pytest.raises(UserError, match="already exists"):
        _add(channels, pid)
    with pytest.raises(UserError, match="Unknown protocol"):
        _add(channels, pid, name="x", protocol="carrier-pigeon")
    with pytest.raises(UserError, match="password"):
        _add(channels, pid, name="y", password="")
    ctrip = channels.channel_id(pid, "ctrip")
    with pytest.raises(UserError, match="already mapped from room type LKV"):
        channels.map(ACTOR, ctrip, room_type="GTW", remote_room="CT-LKV")
    with pytest.raises(UserError, match="already mapped"):
        channels.map(ACTOR, ctrip, room_type="LKV", rate_plan="BB", remote_room="CT-LKV", remote_rate="CT-BAR")
    with pytest.raises(NotFound, match="no rate plan 'XX'"):
        channels.map(ACTOR, ctrip, room_type="LKV", rate_plan="XX", remote_room="CT-LKV", remote_rate="Z")
    with pytest.raises(NotFound, match="No room type"):
        channels.map(ACTOR, ctrip, room_type="NOPE", remote_room="R")
    with pytest.raises(NotFound, match="not mapped"):
        channels.unmap(ACTOR, channels.channel_id(pid, "booking"), room_type="CQN")


def test_moving_a_listing_or_a_remote_code_forgets_what_it_acknowledged(channels, pid):
    ctrip = channels.channel_id(pid, "ctrip")
    _ack(channels, ctrip, "CT-LKV")
    _ack(channels, ctrip, "CT-GTW")
    channels.map(ACTOR, ctrip, room_type="LKV", remote_room="CT-LKV")  # unchanged codes: nothing forgotten
    assert _acked(channels, ctrip) == 2
    channels.map(ACTOR, ctrip, room_type="LKV", remote_room="CT-LKV-2")
    assert _acked(channels, ctrip) == 1
    channels.update(ACTOR, ctrip, settings={"markup_percent": "20"})  # same listing: kept
    assert _acked(channels, ctrip) == 1
    channels.update(ACTOR, ctrip, hotel_code="ERHAI-NEW")
    assert _acked(channels, ctrip) == 0


def test_a_channel_with_bookings_is_disabled_not_removed(channels, pid):
    ctrip = channels.channel_id(pid, "ctrip")
    with channels.db.session() as s:
        booking = s.scalars(select(Reservation)).first()
        booking.channel_id, booking.source, booking.remote_id = ctrip, "channel", "CT-1"
    with pytest.raises(UserError, match="disable it instead"):
        channels.remove(ACTOR, ctrip)
    channels.update(ACTOR, ctrip, enabled=False)
    assert not channels.get(pid, "ctrip").enabled
    # The demo's iCal channel has delivered no booking: it can go.
    channels.remove(ACTOR, channels.channel_id(pid, "ical:airbnb-loft"))
    assert [c.name for c in channels.list(pid)] == ["booking", "ctrip", "meituan", "trip-hub"]
