"""Passwords changed regularly, accounts reviewed regularly (seeds/004): expiry, history, review."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from channelmgr.cli import main
from channelmgr.db.base import utcnow
from channelmgr.db.models import AuditEntry, User
from channelmgr.errors import UserError
from channelmgr.security.roles import PermissionDenied
from channelmgr.security.users import PASSWORD_HISTORY, PasswordExpired, UserService

from .conftest import PASSWORDS


class Clock:
    def __init__(self):
        self.now = utcnow()

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def users(accounts, clock):
    return UserService(accounts.db, clock=clock)


def test_an_operators_password_expires_after_90_days_and_only_a_change_lets_in(users, clock):
    users.authenticate("desk", PASSWORDS["desk"])
    clock.now += timedelta(days=90)
    with pytest.raises(PasswordExpired, match="channelmgr user change-password desk"):
        users.authenticate("desk", PASSWORDS["desk"])
    with users.db.session() as s:
        reasons = [e.after for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "sign_in_refused"))]
    assert {"reason": "password expired"} in reasons
    users.change_password("desk", PASSWORDS["desk"], "new-desk-pass-2")
    assert users.authenticate("desk", "new-desk-pass-2").role == "operator"


def test_expired_but_wrong_password_is_still_a_wrong_password(users, clock):
    clock.now += timedelta(days=200)
    with pytest.raises(UserError, match="Wrong user name or password"):
        users.authenticate("owner", "not-the-pass-1")


def test_a_viewers_password_does_not_expire_and_the_setting_changes_the_period(users, clock, as_user):
    clock.now += timedelta(days=400)
    assert users.authenticate("viewer", PASSWORDS["viewer"]).role == "viewer"
    owner = as_user("owner")  # the accounts fixture's own service, with the real clock
    clock.now = utcnow() + timedelta(days=31)
    assert users.authenticate("owner", PASSWORDS["owner"]).role == "administrator"
    users.set_security_days(owner, password_max_age=30)
    with pytest.raises(PasswordExpired, match="every 30 days"):
        users.authenticate("owner", PASSWORDS["owner"])
    users.set_security_days(owner, password_max_age=0)
    assert users.authenticate("owner", PASSWORDS["owner"]).role == "administrator"


def test_only_an_administrator_sets_the_periods_and_bad_days_change_nothing(users, as_user):
    with pytest.raises(PermissionDenied):
        users.set_security_days(as_user("desk"), password_max_age=0)
    with pytest.raises(UserError, match="0 \\(never\\) to 3650"):
        users.set_security_days(as_user("owner"), password_max_age=30, review_after=-1)
    assert (users.password_max_age_days(), users.review_after_days()) == (90, 90)


def test_the_last_passwords_cannot_be_chosen_again(users):
    chain = [PASSWORDS["viewer"]] + [f"viewer-pass-{i}" for i in range(1, PASSWORD_HISTORY + 1)]
    for old, new in zip(chain, chain[1:]):
        users.change_password("viewer", old, new)
    for reused in chain[:-1]:
        with pytest.raises(UserError, match="last 4 passwords"):
            users.change_password("viewer", chain[-1], reused)
    users.change_password("viewer", chain[-1], "viewer-pass-new9")
    users.change_password("viewer", "viewer-pass-new9", chain[0])  # older than the last four: allowed
    assert users.authenticate("viewer", chain[0])


def test_review_flags_accounts_unused_for_90_days(users, clock):
    users.authenticate("owner", PASSWORDS["owner"])
    clock.now += timedelta(days=60)
    users.authenticate("desk", PASSWORDS["desk"])
    assert users.review() == []
    clock.now += timedelta(days=40)
    flagged = {a.name: a for a in users.review()}
    assert set(flagged) == {"owner", "viewer"}  # desk signed in 40 days ago
    assert flagged["owner"].days == 100 and flagged["owner"].last_login_at is not None
    assert flagged["viewer"].last_login_at is None  # never signed in: counted from its password


def test_cli_refuses_an_expired_password_with_the_command_and_changes_it(sqlite_url, monkeypatch, capsys):
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    from channelmgr.db.engine import open_database

    db = open_database(sqlite_url)
    with db.session() as s:  # the clock moved on: the password was set 91 days ago
        s.execute(update(User).where(User.username == "desk").values(
            password_changed_at=utcnow() - timedelta(days=91), last_login_at=utcnow() - timedelta(days=95)))
    db.dispose()
    monkeypatch.setenv("CHANNELMGR_USER", "desk")
    monkeypatch.setenv("CHANNELMGR_PASSWORD", PASSWORDS["desk"])
    capsys.readouterr()
    assert main(["--db", sqlite_url, "calendar", "show"]) != 0
    err = capsys.readouterr().err
    assert "has expired" in err and "channelmgr user change-password desk" in err
    monkeypatch.setenv("NEW_PASS", "desk-renewed-7")
    assert main(["--db", sqlite_url, "user", "change-password", "--password-env", "NEW_PASS"]) == 0
    monkeypatch.setenv("CHANNELMGR_PASSWORD", "desk-renewed-7")
    monkeypatch.setenv("CHANNELMGR_USER", "owner")
    monkeypatch.setenv("CHANNELMGR_PASSWORD", PASSWORDS["owner"])
    capsys.readouterr()
    assert main(["--db", sqlite_url, "user", "list"]) == 0
    listing = capsys.readouterr().out
    assert "UNUSED" not in listing  # desk just signed in to change the password; the others are recent
    assert main(["--db", sqlite_url, "user", "review"]) == 0
    assert "Every active account signed in within the last 90 days" in capsys.readouterr().out


def test_cli_review_lists_the_unused_accounts(sqlite_url, monkeypatch, capsys):
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    from channelmgr.db.engine import open_database

    db = open_database(sqlite_url)
    with db.session() as s:
        s.execute(update(User).where(User.username == "viewer").values(
            password_changed_at=utcnow() - timedelta(days=120)))
    db.dispose()
    monkeypatch.setenv("CHANNELMGR_USER", "owner")
    monkeypatch.setenv("CHANNELMGR_PASSWORD", PASSWORDS["owner"])
    capsys.readouterr()
    assert main(["--db", sqlite_url, "user", "review"]) == 0
    out = capsys.readouterr().out
    assert "viewer" in out and "never signed in" in out and "120 days" in out and "desk" not in out
    assert main(["--db", sqlite_url, "user", "list"]) == 0
    [line] = [l for l in capsys.readouterr().out.splitlines() if l.startswith("viewer")]
    assert "UNUSED 120 days" in line


def test_cli_without_accounts_works_and_says_how_to_add_the_first(sqlite_url, monkeypatch, capsys):
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    assert main(["--db", sqlite_url, "init"]) == 0
    assert main(["--db", sqlite_url, "user", "list"]) == 0
    assert "channelmgr user add NAME --role administrator --password-env VAR" in capsys.readouterr().out
