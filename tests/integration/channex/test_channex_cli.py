"""``channelmgr channel add NAME --protocol channex …`` then ``channelmgr sync`` against the sandbox hub."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from channelmgr.channels.sandbox import serve
from channelmgr.db.engine import open_database
from channelmgr.db.models import Channel
from channelmgr.inventory.nights import local_today, utc_now
from tests.support.cli_demo import demo_url, run_cli  # noqa: F401  (demo_url: a fixture)
from tests.support.sync_world import PASSWORD, channex_listing, channex_rate_plan


@pytest.fixture
def hub():
    today = local_today("Asia/Shanghai", utc_now())  # the CLI runs on the real clock
    handle = serve(listings=[channex_listing("P1")], today=lambda: today)
    yield handle
    handle.stop()


run = run_cli


def test_channel_add_protocol_channex_stores_the_api_key_and_the_hubs_limits(demo_url, hub, monkeypatch, capsys):
    monkeypatch.setenv("HUB_KEY", PASSWORD)
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    code, out, err = run(capsys, demo_url, "channel", "add", "trip", "--protocol", "channex",
                         "--endpoint", hub.channex_endpoint("P1"), "--hotel-code", "P1",
                         "--password-env", "HUB_KEY", "--set", "horizon_days=20")
    assert code == 0, err
    assert "Channel trip added (channex" in out and PASSWORD not in out
    db = open_database(demo_url)
    with db.session() as s:
        channel = s.scalars(select(Channel).where(Channel.name == "trip")).one()
        assert (channel.protocol, channel.hotel_code, channel.username) == ("channex", "P1", "")
        assert PASSWORD.encode() not in (channel.secret_encrypted or b"")  # in the vault, encrypted
        assert channel.settings["requests_per_minute"] == 10 and channel.settings["max_items_per_request"] == 1000
    db.dispose()

    code, out, _ = run(capsys, demo_url, "channel", "show", "trip")
    assert code == 0 and "API key stored" in out and "user " not in out.splitlines()[0]

    # Requests per minute back up for the test (10 a minute would take a minute); then map and sync.
    assert run(capsys, demo_url, "channel", "set", "trip", "--set", "requests_per_minute=60000")[0] == 0
    for room in ("LKV", "GTW"):
        assert run(capsys, demo_url, "channel", "map", "trip", "--room-type", room, "--remote-room", f"R-{room}")[0] == 0
        assert run(capsys, demo_url, "channel", "map", "trip", "--room-type", room, "--rate-plan", "BAR",
                   "--remote-room", f"R-{room}", "--remote-rate", channex_rate_plan(room, "BAR"))[0] == 0
    code, out, _ = run(capsys, demo_url, "sync", "--channel", "trip", "--json")
    [report] = json.loads(out)["channels"]
    assert code == 0 and report["state"] == "in_sync", report
    assert report["requests_sent"] == 2  # one availability request, one for prices and restrictions
    assert hub.counters("P1")["items_refused"] == 0
    assert {i["room"] for i in hub.state("P1")["inventory"]} == {"R-LKV", "R-GTW"}


def test_channel_add_channex_without_a_key_is_refused_in_the_clis_language(demo_url, hub, monkeypatch, capsys):
    monkeypatch.setenv("EMPTY_KEY", "")
    monkeypatch.setenv("CHANNELMGR_LANG", "zh")
    code, _out, err = run(capsys, demo_url, "channel", "add", "trip", "--protocol", "channex",
                          "--endpoint", hub.channex_endpoint("P1"), "--hotel-code", "P1", "--password-env", "EMPTY_KEY")
    assert code != 0 and "EMPTY_KEY" in err and "未设置" in err
