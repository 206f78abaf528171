"""The command line signs in once accounts exist, and obeys the same role matrix as the services."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta

import pytest

from channelmgr.cli import main
from tests.support.today import property_today

PASSWORDS = {"owner": "demo-owner-1", "desk": "demo-desk-1", "viewer": "demo-viewer-1"}


@pytest.fixture
def demo_url(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    out = capsys.readouterr().out
    for line in ("owner (administrator), password demo-owner-1", "desk (operator), password demo-desk-1",
                 "viewer (viewer), password demo-viewer-1"):
        assert line in out
    return sqlite_url


def run_as(monkeypatch, capsys, name, *argv):
    """``main`` as that demo user; a trailing ``--db URL`` is moved first (sub-subcommands want it there)."""
    monkeypatch.setenv("CHANNELMGR_USER", name)
    monkeypatch.setenv("CHANNELMGR_PASSWORD", PASSWORDS[name])
    argv = list(argv)
    if len(argv) >= 2 and argv[-2] == "--db":
        argv = argv[-2:] + argv[:-2]
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_role_matrix(demo_url, monkeypatch, capsys, tmp_path):
    night = (property_today() + timedelta(days=20)).isoformat()
    code, out, _ = run_as(monkeypatch, capsys, "owner", "reservation", "list", "--json", "--db", demo_url)
    bookings = [b for b in json.loads(out) if b["status"] == "confirmed"]
    workbook = tmp_path / "calendar.xlsx"
    monkeypatch.setenv("NEW_USER_PASSWORD", "new-user-pw-1")
    # (what, allowed roles, argv (a {n} is the role's own index, so each allowed run changes something new))
    cases = [
        ("change the calendar", {"owner", "desk"},
         ["calendar", "edit", "--from", night, "--to", night, "--types", "LKV", "--close"]),
        ("change prices or price rules", {"owner", "desk"},
         ["price", "set-base", "--room-type", "LKV", "--rate-plan", "BAR", "--price", "{price}", "--force"]),
        ("change reservations", {"owner", "desk"}, ["reservation", "cancel", "{booking}"]),
        ("export", {"owner", "desk", "viewer"}, ["export", "calendar", "-o", str(workbook)]),
        ("import workbooks", {"owner", "desk"}, ["import", "calendar", str(workbook), "--dry-run"]),
        ("sync with the channels", {"owner", "desk"}, None),  # refused case only: the demo's channels are offline
        ("change channels, their passwords or mappings", {"owner"},
         ["channel", "set", "ctrip", "--display-name", "携程 {n}"]),
        ("change settings", {"owner"}, ["property", "set", "--phone", "0872-000000{n}"]),
        ("change settings", {"owner"}, ["report", "target", "--set", "80000{n}"]),  # as the signed-in user
        ("manage user accounts", {"owner"}, ["user", "add", "new{n}", "--role", "viewer", "--password-env",
                                             "NEW_USER_PASSWORD"]),
    ]
    for n, role in enumerate(["owner", "desk", "viewer"]):
        for what, allowed, argv in cases:
            if argv is None:
                if role in allowed:
                    continue
                argv = ["sync", "--no-pull"]
            filled = [a.replace("{n}", str(n)).replace("{price}", str(480 + n)).replace(
                "{booking}", str(bookings[n]["id"])) for a in argv]
            code, out, err = run_as(monkeypatch, capsys, role, *filled, "--db", demo_url)
            if role in allowed:
                assert code == 0, (role, what, err)
            else:
                assert code == 2 and f"may not {what}" in err and err.count("\n") == 1, (role, what, err)


def test_viewer_refusal_is_audited_and_changes_nothing(demo_url, monkeypatch, capsys):
    night = (property_today() + timedelta(days=20)).isoformat()
    _, before, _ = run_as(monkeypatch, capsys, "viewer", "calendar", "show", "--json", "--from", night,
                          "--days", "1", "--db", demo_url)
    code, _, err = run_as(monkeypatch, capsys, "viewer", "calendar", "edit", "--from", night, "--to", night,
                          "--close", "--db", demo_url)
    assert code == 2 and "'viewer' is a viewer and may not change the calendar" in err
    _, after, _ = run_as(monkeypatch, capsys, "viewer", "calendar", "show", "--json", "--from", night,
                         "--days", "1", "--db", demo_url)
    assert after == before
    from channelmgr.db.engine import open_database
    from channelmgr.db.models import AuditEntry
    from sqlalchemy import select

    db = open_database(demo_url)
    with db.session() as s:
        refused = s.scalars(select(AuditEntry).where(AuditEntry.action == "refused")).all()
    db.dispose()
    assert [(e.actor, e.entity_id) for e in refused] == [("viewer", "calendar")]


def test_wrong_password_is_one_line_and_counts(demo_url, monkeypatch, capsys):
    monkeypatch.setenv("CHANNELMGR_USER", "desk")
    monkeypatch.setenv("CHANNELMGR_PASSWORD", "not-the-one-1")
    assert main(["--db", demo_url, "info"]) == 2
    err = capsys.readouterr().err
    assert err == "channelmgr: error: Wrong user name or password for 'desk' (4 tries left before a 15-minute lock)\n"


def test_user_option_wins_over_the_environment(demo_url, monkeypatch, capsys):
    monkeypatch.setenv("CHANNELMGR_USER", "viewer")
    monkeypatch.setenv("CHANNELMGR_PASSWORD", "demo-desk-1")
    assert main(["--db", demo_url, "--user", "desk", "user", "list"]) == 0
    assert "desk" in capsys.readouterr().out


def test_no_user_and_no_terminal_is_a_one_line_refusal_not_a_hang(demo_url):
    env = {k: v for k, v in os.environ.items() if k not in ("CHANNELMGR_USER", "CHANNELMGR_PASSWORD")}
    out = subprocess.run([sys.executable, "-m", "channelmgr", "--db", demo_url, "info"], env=env,
                         stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        "channelmgr: error: This database has user accounts: sign in with --user NAME or $CHANNELMGR_USER "
        "(the password in $CHANNELMGR_PASSWORD)"]
    env["CHANNELMGR_USER"] = "desk"
    out = subprocess.run([sys.executable, "-m", "channelmgr", "--db", demo_url, "info"], env=env,
                         stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and out.stderr.splitlines() == [
        "channelmgr: error: No password for 'desk': set $CHANNELMGR_PASSWORD, or run the command in a terminal "
        "to be asked for it"]


def test_a_database_without_accounts_needs_no_sign_in(sqlite_url, monkeypatch, capsys):
    monkeypatch.delenv("CHANNELMGR_USER")
    monkeypatch.delenv("CHANNELMGR_PASSWORD")
    assert main(["--db", sqlite_url, "init"]) == 0
    assert main(["--db", sqlite_url, "user", "list"]) == 0
    # the first account is made without signing in, and must be an administrator
    monkeypatch.setenv("FIRST_PW", "first-admin-1")
    assert main(["--db", sqlite_url, "user", "add", "clerk", "--role", "viewer", "--password-env", "FIRST_PW"]) == 2
    assert "first account must be an administrator" in capsys.readouterr().err
    assert main(["--db", sqlite_url, "user", "add", "boss", "--role", "administrator", "--password-env", "FIRST_PW"]) == 0
    assert main(["--db", sqlite_url, "user", "list"]) == 2  # from now on everyone signs in
    assert "sign in with --user" in capsys.readouterr().err


def test_user_commands_disable_reset_change(demo_url, monkeypatch, capsys):
    monkeypatch.setenv("NEW_PW", "brand-new-pw-2")
    assert run_as(monkeypatch, capsys, "owner", "user", "disable", "viewer", "--db", demo_url)[0] == 0
    code, _, err = run_as(monkeypatch, capsys, "viewer", "info", "--db", demo_url)
    assert code == 2 and "'viewer' is disabled" in err
    assert run_as(monkeypatch, capsys, "owner", "user", "enable", "viewer", "--db", demo_url)[0] == 0
    code, out, _ = run_as(monkeypatch, capsys, "owner", "user", "reset-password", "desk", "--password-env", "NEW_PW",
                          "--db", demo_url)
    assert code == 0 and "chooses a new one at the next sign-in" in out
    monkeypatch.setenv("CHANNELMGR_USER", "desk")
    monkeypatch.setenv("CHANNELMGR_PASSWORD", "brand-new-pw-2")
    # the administrator's password lets desk run only `user change-password`
    capsys.readouterr()
    assert main(["--db", demo_url, "calendar", "show"]) != 0
    err = capsys.readouterr().err
    assert "reset by an administrator" in err and "channelmgr user change-password desk" in err
    monkeypatch.setenv("NEWER_PW", "newer-still-3")
    assert main(["--db", demo_url, "user", "change-password", "--password-env", "NEWER_PW"]) == 0
    monkeypatch.setenv("CHANNELMGR_PASSWORD", "newer-still-3")
    assert main(["--db", demo_url, "user", "list", "--json"]) == 0
    listed = {u["name"]: u for u in json.loads(capsys.readouterr().out.split("\n", 1)[1])}
    assert listed["viewer"]["active"] and listed["desk"]["role"] == "operator"
