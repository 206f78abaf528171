"""``channelmgr channel add|map|set|show|list`` and ``channelmgr sync --json`` against the sandbox."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from channelmgr.channels.sandbox import serve
from channelmgr.cli import main
from channelmgr.db.engine import open_database
from channelmgr.inventory.nights import local_today, utc_now
from tests.support.cli_demo import demo_url, run_cli  # noqa: F401  (demo_url: a fixture)
from tests.support.sync_world import PASSWORD, ROOM_CODES, ari_requests, sandbox_listing


@pytest.fixture
def ota():
    # The CLI runs on the real clock: the sandbox's today is the property's (Dali) today.
    today = local_today("Asia/Shanghai", utc_now())
    handle = serve(listings=[sandbox_listing()], today=lambda: today)
    yield handle
    handle.stop()


_run = run_cli


def test_channel_add_map_then_sync_json(demo_url, ota, monkeypatch, capsys):
    monkeypatch.setenv("OTA_PASSWORD", PASSWORD)
    code, out, err = _run(capsys, demo_url, "channel", "add", "h1", "--endpoint", ota.endpoint("H1"),
                          "--hotel-code", "H1", "--username", "owner", "--password-env", "OTA_PASSWORD",
                          "--set", "horizon_days=30", "--set", "requests_per_minute=60000")
    assert code == 0, err
    assert PASSWORD not in out
    for room in ROOM_CODES[:2]:
        assert _run(capsys, demo_url, "channel", "map", "h1", "--room-type", room,
                    "--remote-room", f"R-{room}")[0] == 0
        assert _run(capsys, demo_url, "channel", "map", "h1", "--room-type", room, "--rate-plan", "BAR",
                    "--remote-room", f"R-{room}", "--remote-rate", "BAR")[0] == 0

    code, out, _ = _run(capsys, demo_url, "sync", "--channel", "h1", "--dry-run", "--json")
    preview = json.loads(out)
    assert code == 1 and not preview["in_sync"]  # a dry run with differences: not in sync yet
    assert preview["channels"][0]["requests_planned"] == 3 and ota.counters("H1") == {}

    code, out, _ = _run(capsys, demo_url, "sync", "--json")
    result = json.loads(out)
    assert code == 0 and result["in_sync"]
    [report] = result["channels"]  # the demo channels are disabled: only h1 is synced
    assert report["channel"] == "h1" and report["state"] == "in_sync"
    assert report["cells_acknowledged"] == 30 * (2 + 2 + 2)
    warnings = {(w["code"], w["room_type"], w["rate_plan"]) for w in report["warnings"]}
    assert ("room_type_unmapped", "FAM", None) in warnings and ("rate_plan_unmapped", "LKV", "BB") in warnings
    state = ota.state("H1")
    assert {i["room"] for i in state["inventory"]} == {"R-LKV", "R-GTW"}
    assert len(state["rates"]) == 2 * 30

    code, out, _ = _run(capsys, demo_url, "channel", "show", "h1", "--json")
    shown = json.loads(out)
    assert len(shown["mappings"]) == 4 and shown["settings"]["horizon_days"] == 30
    assert PASSWORD not in out and "secret" not in out


def test_the_dry_run_speaks_chinese_by_default_and_lines_up(demo_url, ota, monkeypatch, capsys):
    from channelmgr.cli_parser import columns

    monkeypatch.setenv("OTA_PASSWORD", PASSWORD)
    monkeypatch.delenv("CHANNELMGR_LANG", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert _run(capsys, demo_url, "channel", "add", "h1", "--endpoint", ota.endpoint("H1"), "--hotel-code", "H1",
                "--username", "owner", "--password-env", "OTA_PASSWORD", "--set", "horizon_days=30")[0] == 0
    assert _run(capsys, demo_url, "channel", "map", "h1", "--room-type", "LKV", "--remote-room", "R-LKV")[0] == 0
    assert _run(capsys, demo_url, "channel", "map", "h1", "--room-type", "LKV", "--rate-plan", "BAR",
                "--remote-room", "R-LKV", "--remote-rate", "BAR")[0] == 0
    code, out, _ = _run(capsys, demo_url, "sync", "--channel", "h1", "--dry-run")
    lines = out.splitlines()
    assert lines[0].startswith("h1（试运行）：") and "个请求" in lines[0]
    groups = [line for line in lines if "→" in line and "晚" in line]
    assert {line.split()[0] for line in groups} == {"可售房", "限制", "价格"}
    # "可售房" and "限制" take different numbers of characters but the same columns: the arrows line up
    assert len({columns(line[:line.index("→")]) for line in groups}) == 1
    assert "提示：房型 GTW 未映射：不发送它的可售房、价格和限制" in out
    assert "warning" not in out and "night(s)" not in out


def test_sync_exits_non_zero_when_a_channel_is_not_in_sync(demo_url, ota, monkeypatch, capsys):
    monkeypatch.setenv("OTA_PASSWORD", "not-the-password")
    assert _run(capsys, demo_url, "channel", "add", "h1", "--endpoint", ota.endpoint("H1"),
                "--hotel-code", "H1", "--username", "owner", "--password-env", "OTA_PASSWORD")[0] == 0
    assert _run(capsys, demo_url, "channel", "map", "h1", "--room-type", "LKV", "--remote-room", "R-LKV")[0] == 0
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    code, out, _ = _run(capsys, demo_url, "sync")
    assert code == 1 and "NOT in sync" in out and "refused the login: check the user name and password" in out


def test_a_channel_that_asked_to_wait_is_not_pushed_by_the_next_run_and_it_says_until_when(
        demo_url, ota, monkeypatch, capsys):
    from channelmgr.channels.sandbox import FaultRule

    monkeypatch.setenv("OTA_PASSWORD", PASSWORD)
    assert _run(capsys, demo_url, "channel", "add", "h1", "--endpoint", ota.endpoint("H1"), "--hotel-code", "H1",
                "--username", "owner", "--password-env", "OTA_PASSWORD")[0] == 0
    assert _run(capsys, demo_url, "channel", "map", "h1", "--room-type", "LKV", "--remote-room", "R-LKV")[0] == 0
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    ota.set_faults([FaultRule("rate_limit", count=1, seconds=600)])
    code, out, _ = _run(capsys, demo_url, "sync", "--no-pull")
    assert code == 1 and "h1 asks to wait 600 s: next push at " in out
    ota.clear_faults()
    sent = ari_requests(ota, "H1")
    # Another run (a new process would be the same: the wait is in the database) sends nothing.
    code, out, _ = _run(capsys, demo_url, "sync", "--no-pull")
    assert code == 1 and "h1 asks to wait 600 s: next push at " in out and ari_requests(ota, "H1") == sent
    monkeypatch.setenv("CHANNELMGR_LANG", "zh")
    code, out, _ = _run(capsys, demo_url, "sync", "--dry-run", "--channel", "h1")
    assert "h1 要求 600 秒后再试，下次推送 " in out


def test_the_password_is_prompted_never_an_argument(demo_url, monkeypatch, capsys):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "typed-secret")
    code, _, err = _run(capsys, demo_url, "channel", "add", "h1", "--endpoint", "http://127.0.0.1:9/ota/H1",
                        "--hotel-code", "H1", "--username", "owner")
    assert code == 0, err
    with pytest.raises(SystemExit):
        main(["--db", demo_url, "channel", "add", "h2", "--endpoint", "http://x/ota", "--hotel-code", "H",
              "--username", "u", "--password", "visible"])
    code, _, err = _run(capsys, demo_url, "channel", "add", "h3", "--endpoint", "http://u:p@x/ota",
                        "--hotel-code", "H", "--username", "u", "--password-env", "NOPE_UNSET")
    assert code == 2 and "NOPE_UNSET" in err
    code, _, err = _run(capsys, demo_url, "channel", "set", "h1", "--set", "markup=5")
    assert code == 2 and "Unknown channel setting 'markup'" in err
    code, _, err = _run(capsys, demo_url, "channel", "map", "h1", "--room-type", "LKV", "--rate-plan", "BAR",
                        "--remote-room", "R")
    assert code == 2 and "together" in err


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_sync_watch_runs_passes_until_interrupted(demo_url, ota, monkeypatch, capsys, stop_signal):
    monkeypatch.setenv("OTA_PASSWORD", PASSWORD)
    assert _run(capsys, demo_url, "channel", "add", "h1", "--endpoint", ota.endpoint("H1"), "--hotel-code", "H1",
                "--username", "owner", "--password-env", "OTA_PASSWORD", "--set", "horizon_days=20",
                "--set", "requests_per_minute=60000")[0] == 0
    assert _run(capsys, demo_url, "channel", "map", "h1", "--room-type", "LKV", "--remote-room", "R-LKV")[0] == 0
    # The demo's own channels point at a sandbox that is not running: their retries and two-year
    # passes would only slow the stop under load, and this test is about h1.
    for name in ("booking", "ctrip", "meituan"):
        assert _run(capsys, demo_url, "channel", "set", name, "--disable")[0] == 0
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    # Started the way a non-interactive shell starts a background job (cron, CI): with SIGINT
    # inherited as ignored. Python then raises no KeyboardInterrupt, so the watch must install its
    # own handlers — the stress runs hung here exactly like this.
    child = subprocess.Popen([sys.executable, "-m", "channelmgr", "sync", "--watch", "--interval", "0.3",
                              "--db", demo_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        assert "h1: in_sync, 0 pending" in _line(child)
        assert ari_requests(ota, "H1") == 1  # 20 nights of one room: one request
        assert "h1: in_sync" in _line(child)  # the next periodic pass, with nothing to send
        assert ari_requests(ota, "H1") == 1
        assert ota.counters("H1")["message:OTA_Read"] >= 2  # each pass asked for new bookings first
    finally:
        child.send_signal(stop_signal)
        out, _err = child.communicate(timeout=30)
    assert child.returncode == 0 and "stopped" in out


def _line(child, timeout: float = 20.0) -> str:
    """The child's next output line; a hung child fails the test instead of hanging it."""
    ready, _, _ = select.select([child.stdout], [], [], timeout)
    assert ready, "no output from channelmgr sync --watch"
    return child.stdout.readline()


def test_sync_pulls_new_bookings_before_pushing(demo_url, ota, monkeypatch, capsys):
    from datetime import timedelta

    monkeypatch.setenv("OTA_PASSWORD", PASSWORD)
    assert _run(capsys, demo_url, "channel", "add", "h1", "--endpoint", ota.endpoint("H1"), "--hotel-code", "H1",
                "--username", "owner", "--password-env", "OTA_PASSWORD", "--set", "horizon_days=30",
                "--set", "requests_per_minute=60000")[0] == 0
    assert _run(capsys, demo_url, "channel", "map", "h1", "--room-type", "FAM", "--remote-room", "R-FAM")[0] == 0
    arrival = local_today("Asia/Shanghai", utc_now()) + timedelta(days=20)
    ota.book("H1", "R-FAM", "BAR", arrival, arrival + timedelta(days=1), given_name="Emily", surname="Carter")
    ota.book("H1", "R-NOPE", "BAR", arrival, arrival + timedelta(days=1), given_name="Lost", surname="Room")

    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    code, out, _ = _run(capsys, demo_url, "sync")
    [line] = out.splitlines()  # one line per channel: the pull and the push together
    assert "2 reservation(s) received (1 stored, 1 need attention)" in line
    assert code == 0 and line.startswith("h1: in sync")
    code, out, _ = _run(capsys, demo_url, "sync", "--json")
    [pull] = json.loads(out)["reservations"]
    assert (pull["received"], pull["stored"], pull["needs_attention"]) == (1, 0, 1)  # only the unmapped one again


def test_dry_run_and_push_state_what_the_channels_profile_leaves_out(demo_url, ota, monkeypatch, capsys):
    from datetime import timedelta

    from sqlalchemy import select

    from channelmgr.db.models import CalendarDay, RoomType

    monkeypatch.setenv("OTA_PASSWORD", PASSWORD)
    assert _run(capsys, demo_url, "channel", "add", "h1", "--endpoint", ota.endpoint("H1"), "--hotel-code", "H1",
                "--username", "owner", "--password-env", "OTA_PASSWORD", "--set", "horizon_days=30",
                "--set", "requests_per_minute=60000", "--set", "profile=fliggy",
                "--set", "max_horizon_days=20")[0] == 0
    assert _run(capsys, demo_url, "channel", "map", "h1", "--room-type", "LKV", "--remote-room", "R-LKV")[0] == 0
    assert _run(capsys, demo_url, "channel", "map", "h1", "--room-type", "LKV", "--rate-plan", "BAR",
                "--remote-room", "R-LKV", "--remote-rate", "BAR")[0] == 0
    db = open_database(demo_url)
    with db.session() as s:  # two nights closed to arrival: Fliggy takes no CTA
        lkv = s.scalar(select(RoomType.id).where(RoomType.code == "LKV"))
        today = local_today("Asia/Shanghai", utc_now())
        for days in (3, 4):
            night = today + timedelta(days=days)
            row = s.scalar(select(CalendarDay).where(CalendarDay.room_type_id == lkv, CalendarDay.night == night))
            if row is None:
                s.add(CalendarDay(room_type_id=lkv, night=night, closed_to_arrival=True))
            else:
                row.closed_to_arrival = True
    db.dispose()

    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    code, out, _ = _run(capsys, demo_url, "sync", "--channel", "h1", "--dry-run")
    line = out.splitlines()[1]
    assert line.startswith("  h1: min stay sent as arrival-based")
    assert "10 nights beyond its 20-day horizon not sent" in line and "CTA not supported, 2 nights skipped" in line
    assert ota.counters("H1") == {}
    monkeypatch.setenv("CHANNELMGR_LANG", "zh")
    code, out, _ = _run(capsys, demo_url, "sync", "--channel", "h1", "--dry-run")
    assert "h1：最少入住按入住日发送" in out and "超出其 20 天可售期的 10 晚未发送" in out
    assert "不支持禁止入住（CTA），2 晚未发送" in out

    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    code, out, _ = _run(capsys, demo_url, "sync", "--channel", "h1")
    assert code == 0 and out.splitlines()[0].startswith("h1: in sync")
    assert "10 nights beyond its 20-day horizon not sent" in out.splitlines()[1]
    assert max(r["night"] for r in ota.state("H1")["rates"]) < str(today + timedelta(days=20))


def test_channel_show_prints_the_capability_matrix_and_set_validates_the_profile(demo_url, monkeypatch, capsys):
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    assert _run(capsys, demo_url, "channel", "set", "booking", "--set", "profile=fliggy",
                "--set", "content=yes")[0] == 0
    code, out, _ = _run(capsys, demo_url, "channel", "show", "booking")
    assert code == 0 and "Capabilities (profile fliggy: 飞猪 Fliggy):" in out
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert rows["max_horizon_days"].split()[1:] == ["180", "profile"]
    assert rows["min_stay_basis"].split()[1:] == ["arrival", "profile"]
    assert rows["content"].split()[1:] == ["yes", "override", "(profile:", "no)"]
    assert "sent ahead: 180 of 365 days" in out
    code, out, _ = _run(capsys, demo_url, "channel", "show", "booking", "--json")
    shown = json.loads(out)
    assert shown["settings"]["profile"] == "fliggy"
    assert shown["capabilities"]["content"] == {"value": True, "profile": False, "overridden": True}
    assert shown["capabilities"]["supported_restrictions"]["value"] == ["stop_sell", "min_stay", "max_stay"]

    code, _, err = _run(capsys, demo_url, "channel", "set", "booking", "--set", "profile=expedia")
    assert code == 2 and "Unknown channel profile 'expedia'; choose from generic, meituan, ctrip, tujia, " \
                         "fliggy, airbnb, booking" in err
    monkeypatch.setenv("CHANNELMGR_LANG", "zh")
    code, _, err = _run(capsys, demo_url, "channel", "set", "booking", "--set", "min_stay_basis=checkout")
    assert code == 2 and "min_stay_basis must be one of through, arrival" in err
    code, out, _ = _run(capsys, demo_url, "channel", "show", "booking", "--json")
    assert json.loads(out)["settings"]["profile"] == "fliggy"  # the refusals changed nothing
