"""``channelmgr channel audit`` against the sandbox: --json, the exit status, acting from the CLI,
and both languages."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from channelmgr.channels.sandbox import serve
from channelmgr.cli import main
from channelmgr.db.engine import open_database
from channelmgr.db.models import Channel, PriceOverride
from channelmgr.inventory.nights import local_today, utc_now
from channelmgr.money import format_minor
from tests.support.sync_world import PASSWORD, sandbox_listing

TODAY = local_today("Asia/Shanghai", utc_now())  # the CLI runs on the real clock


@pytest.fixture
def ota():
    handle = serve(listings=[sandbox_listing()], today=lambda: TODAY)
    yield handle
    handle.stop()


@pytest.fixture
def synced(sqlite_url, ota, monkeypatch, capsys):
    """The demo with its own channels off, and channel h1 on the sandbox: GTW/BAR mapped, pushed."""
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    db = open_database(sqlite_url)
    with db.session() as s:
        s.execute(update(Channel).values(enabled=False))
    db.dispose()
    monkeypatch.setenv("OTA_PASSWORD", PASSWORD)
    assert _run(capsys, sqlite_url, "channel", "add", "h1", "--endpoint", ota.endpoint("H1"), "--hotel-code", "H1",
                "--username", "owner", "--password-env", "OTA_PASSWORD", "--set", "horizon_days=20")[0] == 0
    for extra in ((), ("--rate-plan", "BAR", "--remote-rate", "BAR")):
        assert _run(capsys, sqlite_url, "channel", "map", "h1", "--room-type", "GTW", "--remote-room", "R-GTW",
                    *extra)[0] == 0
    assert _run(capsys, sqlite_url, "sync", "--channel", "h1")[0] == 0
    capsys.readouterr()
    return sqlite_url


def _run(capsys, db_url, *argv) -> tuple[int, str, str]:
    code = main(["--db", db_url, *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _plant_price(ota, day: date, delta: int) -> int:
    listing = ota.listing("H1")
    with listing.lock:
        amount, currency = listing.prices[("R-GTW", "BAR", None, day)]
        listing.set_price("R-GTW", "BAR", None, [day], amount + delta, currency)
    return amount


def test_a_clean_channel_exits_0_and_a_planted_difference_exits_1_with_it_in_the_json(synced, ota, capsys):
    code, out, _ = _run(capsys, synced, "channel", "audit", "--channel", "h1", "--json")
    assert code == 0, out
    assert json.loads(out)["channels"][0]["status"] == "clean"

    day = TODAY + timedelta(days=3)
    ours = _plant_price(ota, day, 500)
    code, out, _ = _run(capsys, synced, "channel", "audit", "--json")  # every enabled channel: h1 only
    result = json.loads(out)
    assert code == 1 and result["in_sync"] is False
    [channel] = result["channels"]
    assert channel["status"] == "differences"
    assert channel["differences"] == [{
        "channel": "h1", "room_type": "GTW", "rate_plan": "BAR", "remote_room": "R-GTW", "remote_rate": "BAR",
        "night": day.isoformat(), "field": "price", "ours": ours, "theirs": ours + 500, "shown": True,
        "pending": False}]


def test_push_again_from_the_cli_leaves_the_channel_clean(synced, ota, capsys):
    day = TODAY + timedelta(days=2)
    ours = _plant_price(ota, day, -700)
    code, out, _ = _run(capsys, synced, "channel", "audit", "--channel", "h1", "--push-again", "--night",
                        day.isoformat())
    assert code == 0, out
    assert "1 difference(s) pushed again" in out and "h1: shows what it should" in out
    with ota.listing("H1").lock:
        assert ota.listing("H1").prices[("R-GTW", "BAR", None, day)][0] == ours


def test_accept_theirs_from_the_cli_in_chinese(synced, ota, capsys, monkeypatch):
    monkeypatch.setenv("CHANNELMGR_LANG", "zh")
    day = TODAY + timedelta(days=4)
    ours = _plant_price(ota, day, 1200)
    code, out, _ = _run(capsys, synced, "channel", "audit")
    assert code == 1 and "h1：" in out and "处差异" in out and f"本店 {format_minor(ours)}，渠道 {format_minor(ours + 1200)}" in out
    code, out, _ = _run(capsys, synced, "channel", "audit", "--accept-theirs", "--room-type", "GTW",
                        "--field", "price")
    assert code == 0, out
    assert "已将 1 处差异采用到本店日历" in out and "与本店一致" in out
    db = open_database(synced)
    with db.session() as s:
        assert s.scalar(select(PriceOverride.price_minor).where(PriceOverride.night == day)) == ours + 1200
    db.dispose()


def test_a_channel_that_cannot_be_reached_exits_2_and_says_why(synced, ota, capsys):
    ota.stop()
    code, out, _ = _run(capsys, synced, "channel", "audit", "--channel", "h1")
    assert code == 2
    assert "h1: audit failed, nothing compared" in out and "detail:" in out


def test_a_bad_night_is_refused_with_a_clear_message(synced, capsys):
    with pytest.raises(SystemExit) as exit_:  # refused by argparse, before anything is read or changed
        main(["--db", synced, "channel", "audit", "--accept-theirs", "--night", "2026-13-01"])
    code, err = exit_.value.code, capsys.readouterr().err
    # the shared date parser's wording (channelmgr.dates.parse_date), as every other date option says it
    assert code != 0 and "argument --night: not a date (want YYYY-MM-DD): '2026-13-01'" in err


def test_the_dry_run_says_what_the_last_audit_found_until_it_is_settled(synced, ota, capsys, monkeypatch):
    # A changed cell the channel had confirmed is not in the push's difference: only the audit
    # knows, and the dry run says so (in both languages) until an audit finds it settled.
    zh = "提示：渠道核对发现 2 处差异：用 channelmgr channel audit --push-again 重新推送"
    en = "warning: the last drift audit found 2 difference(s): send ours again with channelmgr channel audit --push-again"
    _plant_price(ota, TODAY + timedelta(days=2), 300)
    _plant_price(ota, TODAY + timedelta(days=5), -300)
    code, out, _ = _run(capsys, synced, "sync", "--dry-run", "--channel", "h1")
    assert code == 0 and "drift audit" not in out  # not audited yet: nothing known
    assert _run(capsys, synced, "channel", "audit", "--channel", "h1")[0] == 1

    code, out, _ = _run(capsys, synced, "sync", "--dry-run", "--channel", "h1")
    assert code == 0 and en in out  # nothing to send: the differences are not the push's
    code, out, _ = _run(capsys, synced, "sync", "--dry-run", "--channel", "h1", "--json")
    [warning] = [w for w in json.loads(out)["channels"][0]["warnings"] if w["code"] == "drift_outstanding"]
    assert warning["detail"] == "2"
    monkeypatch.setenv("CHANNELMGR_LANG", "zh")
    assert zh in _run(capsys, synced, "sync", "--dry-run", "--channel", "h1")[1]

    assert _run(capsys, synced, "channel", "audit", "--channel", "h1", "--push-again")[0] == 0
    assert "渠道核对" not in _run(capsys, synced, "sync", "--dry-run", "--channel", "h1")[1]
