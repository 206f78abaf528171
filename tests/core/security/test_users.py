"""Accounts: sign-in, lock-out, password change and reset, disable, the first administrator."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from channelmgr.actor import Actor
from channelmgr.db.models import AuditEntry, User
from channelmgr.errors import UserError
from channelmgr.security.passwords import WeakPassword
from channelmgr.security.roles import PermissionDenied
from channelmgr.security.users import (LOCKOUT, MAX_FAILED_ATTEMPTS, PasswordResetByAdministrator, SignInFailed,
                                       UserService)


def _audit(db, action):
    with db.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def test_demo_accounts_have_their_roles_and_no_plain_password(accounts):
    users = {u.name: u.role for u in accounts.users.list()}
    assert users == {"owner": "administrator", "desk": "operator", "viewer": "viewer"}
    with accounts.db.session() as s:
        hashes = list(s.scalars(select(User.password_hash)))
    assert all(h.startswith("scrypt$") and "demo-" not in h for h in hashes)


def test_right_password_signs_in_with_the_role_and_is_audited(accounts):
    actor = accounts.users.authenticate("desk", "demo-desk-1")
    assert (actor.user, actor.role) == ("desk", "operator")
    [entry] = _audit(accounts.db, "sign_in")
    assert entry.actor == "desk" and entry.after == {"role": "operator"}
    assert accounts.users.get("desk").last_login_at is not None


def test_wrong_password_and_unknown_name_are_refused_and_audited(accounts):
    with pytest.raises(SignInFailed, match="Wrong user name or password for 'desk' \\(4 tries left"):
        accounts.users.authenticate("desk", "demo-desk-2")
    with pytest.raises(SignInFailed, match="Wrong user name or password for 'nobody'"):
        accounts.users.authenticate("nobody", "whatever1")
    failed = _audit(accounts.db, "sign_in_failed")
    assert [(e.entity_id, e.after) for e in failed] == [("desk", {"failed_attempts": 1}),
                                                       ("nobody", {"reason": "no such account"})]


def test_lock_out_after_five_failures_even_for_the_right_password_then_ends(db):
    from channelmgr.demo import load_demo

    load_demo(db, accounts=True)
    now = [pytest.importorskip("datetime").datetime(2026, 12, 6, 9, 0)]
    users = UserService(db, clock=lambda: now[0])
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(SignInFailed, match="Wrong"):
            users.authenticate("viewer", "nope-1234")
    with pytest.raises(SignInFailed, match="locked after 5 wrong passwords; try again in 15 minutes"):
        users.authenticate("viewer", "nope-1234")
    with pytest.raises(SignInFailed, match="locked"):
        users.authenticate("viewer", "demo-viewer-1")  # the right password does not open a locked account
    assert [e.entity_id for e in _audit(db, "locked")] == ["viewer"]
    assert _audit(db, "sign_in_refused")[-1].after == {"reason": "locked"}
    now[0] += LOCKOUT + timedelta(seconds=1)
    assert users.authenticate("viewer", "demo-viewer-1").role == "viewer"
    assert users.get("viewer").failed_attempts == 0


def test_a_right_password_resets_the_failure_count(accounts):
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(SignInFailed):
            accounts.users.authenticate("desk", "wrong-111")
    accounts.users.authenticate("desk", "demo-desk-1")
    with pytest.raises(SignInFailed, match="4 tries left"):
        accounts.users.authenticate("desk", "wrong-111")


def test_admin_reset_ends_a_lock_and_sets_the_password(accounts, as_user):
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(SignInFailed):
            accounts.users.authenticate("desk", "wrong-111")
    accounts.users.reset_password(as_user("owner"), "desk", "fresh-pass-7")
    with pytest.raises(SignInFailed, match="Wrong"):
        accounts.users.authenticate("desk", "demo-desk-1")
    # the right password now, but the administrator's: desk chooses its own before signing in
    with pytest.raises(PasswordResetByAdministrator, match="reset by an administrator.*change-password desk"):
        accounts.users.authenticate("desk", "fresh-pass-7")
    accounts.users.change_password("desk", "fresh-pass-7", "own-desk-pass-8")
    assert accounts.users.authenticate("desk", "own-desk-pass-8").role == "operator"
    with accounts.db.session() as s:
        reasons = [e.after for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "sign_in_refused"))]
    assert {"reason": "password reset by an administrator"} in reasons
    [entry] = _audit(accounts.db, "reset_password")
    assert entry.actor == "owner" and entry.entity_id == "desk" and "fresh" not in str(entry.after)


def test_change_own_password_needs_the_old_one_and_the_policy(accounts):
    with pytest.raises(SignInFailed):
        accounts.users.change_password("viewer", "not-it-123", "newer-pass-1")
    with pytest.raises(WeakPassword, match="a digit"):
        accounts.users.change_password("viewer", "demo-viewer-1", "onlyletters")
    accounts.users.change_password("viewer", "demo-viewer-1", "newer-pass-1")
    assert accounts.users.authenticate("viewer", "newer-pass-1").role == "viewer"
    assert _audit(accounts.db, "change_password")[0].actor == "viewer"


def test_disabled_account_cannot_sign_in_and_its_open_session_is_refused(accounts, as_user):
    desk = as_user("desk")
    accounts.users.set_active(as_user("owner"), "desk", False)
    with pytest.raises(SignInFailed, match="'desk' is disabled"):
        accounts.users.authenticate("desk", "demo-desk-1")
    with pytest.raises(PermissionDenied, match="The account 'desk' is disabled"):
        accounts.reservations.cancel(1, desk)  # a desk signed in before the disable is refused at once


def test_only_administrators_manage_accounts(accounts, as_user):
    for name in ("desk", "viewer"):
        with pytest.raises(PermissionDenied, match=f"'{name}' is a .* and may not manage user accounts"):
            accounts.users.add(as_user(name), "intruder", "administrator", "break-in-1")
    assert "intruder" not in {u.name for u in accounts.users.list()}


def test_the_last_administrator_cannot_be_disabled_or_demoted(accounts, as_user):
    owner = as_user("owner")
    with pytest.raises(UserError, match="last active administrator"):
        accounts.users.set_active(owner, "owner", False)
    with pytest.raises(UserError, match="last active administrator"):
        accounts.users.set_role(owner, "owner", "viewer")
    accounts.users.add(owner, "boss2", "administrator", "second-boss-2")
    accounts.users.set_role(owner, "owner", "operator")
    assert accounts.users.get("owner").role == "operator"


def test_first_account_on_an_empty_database_must_be_an_administrator(db):
    users = UserService(db)
    nobody = Actor("installer", "first start")
    with pytest.raises(UserError, match="first account must be an administrator"):
        users.add(nobody, "clerk", "viewer", "clerk-pass-1")
    users.add(nobody, "boss", "administrator", "boss-pass-1")
    with pytest.raises(PermissionDenied, match="Sign in first"):
        users.add(nobody, "clerk", "viewer", "clerk-pass-1")  # now accounts exist: nobody is no one


def test_bad_names_roles_and_duplicates_are_refused(accounts, as_user):
    owner = as_user("owner")
    with pytest.raises(UserError, match="without spaces"):
        accounts.users.add(owner, "two words", "viewer", "pass-word-1")
    with pytest.raises(UserError, match="No role 'boss'"):
        accounts.users.add(owner, "x", "boss", "pass-word-1")
    with pytest.raises(UserError, match="already exists"):
        accounts.users.add(owner, "desk", "viewer", "pass-word-1")
