"""User accounts: add, list, sign in (with lock-out), change and reset passwords, disable.

Lock-out: after ``MAX_FAILED_ATTEMPTS`` (5) wrong passwords in a row the account is locked for
``LOCKOUT`` (15 minutes); a right password resets the count. Five tries leave room for typing
slips, and 15 minutes turn guessing into a handful of tries an hour; an administrator can end a
lock at once by resetting the password. While locked, the password is not even checked, so a
lock cannot be used to test guesses. Every sign-in, failure, lock and account change is audited.

An administrator cannot disable or demote the last active administrator: nobody could manage
the accounts afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.base import utcnow
from ..db.engine import Database
from ..db.models import User
from ..errors import NotFound, UserError
from .audit import record
from .passwords import check_policy, hash_password, verify_password
from .roles import Permission, Role, requires

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
NAME_MAX = 50


class SignInFailed(UserError):
    """Wrong name or password, a locked or a disabled account: the message says which."""


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    role: str
    display_name: str
    active: bool
    locked_until: datetime | None
    failed_attempts: int
    password_changed_at: datetime | None
    last_login_at: datetime | None


class UserService:
    def __init__(self, db: Database, clock: Callable[[], datetime] = utcnow):
        self.db = db
        self.clock = clock

    # --- reading ---------------------------------------------------------------------------------

    def any(self) -> bool:
        """Whether the database has accounts (then every desk and command signs in)."""
        with self.db.session() as s:
            return s.scalar(select(User.id).limit(1)) is not None

    def list(self) -> list[UserInfo]:
        with self.db.session() as s:
            return [_info(u) for u in s.scalars(select(User).order_by(User.username))]

    def get(self, name: str) -> UserInfo:
        with self.db.session() as s:
            return _info(_find(s, name))

    # --- signing in ------------------------------------------------------------------------------

    def authenticate(self, name: str, password: str, cause: str = "sign in") -> Actor:
        """The signed-in ``Actor`` (with the role), or ``SignInFailed`` — recorded either way."""
        now = self.clock()
        failure: SignInFailed | None = None
        with self.db.session() as s:
            user = s.scalar(select(User).where(User.username == name))
            who = Actor(name, cause)
            if user is None:
                record(s, who, "sign_in_failed", "user", name, None, {"reason": "no such account"})
                failure = SignInFailed(f"Wrong user name or password for {name!r}", f"用户名或密码错误：{name}")
            elif not user.active:
                record(s, who, "sign_in_refused", "user", name, None, {"reason": "disabled"})
                failure = SignInFailed(f"The account {name!r} is disabled; ask an administrator",
                                       f"账号 {name} 已停用，请联系管理员")
            elif user.locked_until is not None and user.locked_until > now:
                record(s, who, "sign_in_refused", "user", name, None, {"reason": "locked"})
                failure = _locked(name, user.locked_until, now)
            elif not verify_password(password, user.password_hash):
                user.failed_attempts += 1
                before = {"failed_attempts": user.failed_attempts - 1}
                if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                    user.locked_until, user.failed_attempts = now + LOCKOUT, 0
                    record(s, who, "locked", "user", name, before, {"locked_until": user.locked_until.isoformat()})
                    failure = _locked(name, user.locked_until, now)
                else:
                    record(s, who, "sign_in_failed", "user", name, before, {"failed_attempts": user.failed_attempts})
                    left = MAX_FAILED_ATTEMPTS - user.failed_attempts
                    failure = SignInFailed(
                        f"Wrong user name or password for {name!r} ({left} tries left before a "
                        f"{_minutes(LOCKOUT)}-minute lock)",
                        f"用户名或密码错误：{name}（再错 {left} 次将锁定 {_minutes(LOCKOUT)} 分钟）")
            else:
                user.failed_attempts, user.locked_until, user.last_login_at = 0, None, now
                record(s, Actor(name, cause, user.role), "sign_in", "user", name, None, {"role": user.role})
                return Actor(user.username, "", user.role)
        raise failure  # after the commit: the failed attempt and its count are kept

    # --- changing (administrators, except one's own password) -------------------------------------

    @requires(Permission.USERS)
    def add(self, actor: Actor, name: str, role: str, password: str, display_name: str = "") -> UserInfo:
        with self.db.session() as s:
            return _info(add_account(s, actor, name, role, password, display_name, self.clock()))

    @requires(Permission.USERS)
    def set_role(self, actor: Actor, name: str, role: str) -> UserInfo:
        role = _valid_role(role)
        with self.db.session() as s:
            user = _find(s, name)
            if user.role == Role.ADMINISTRATOR.value and role != user.role:
                _keep_an_administrator(s, user)
            before, user.role = user.role, role
            record(s, actor, "update", "user", name, {"role": before}, {"role": role})
            return _info(user)

    @requires(Permission.USERS)
    def set_active(self, actor: Actor, name: str, active: bool) -> UserInfo:
        with self.db.session() as s:
            user = _find(s, name)
            if not active and user.role == Role.ADMINISTRATOR.value:
                _keep_an_administrator(s, user)
            before, user.active = user.active, active
            record(s, actor, "enable" if active else "disable", "user", name, {"active": before}, {"active": active})
            return _info(user)

    @requires(Permission.USERS)
    def reset_password(self, actor: Actor, name: str, new_password: str) -> UserInfo:
        """An administrator sets someone's password (forgotten, or to end a lock-out at once)."""
        check_policy(new_password)
        with self.db.session() as s:
            user = _find(s, name)
            self._set_password(user, new_password)
            record(s, actor, "reset_password", "user", name, None, {"password": "(reset)", "lock": "cleared"})
            return _info(user)

    def change_password(self, name: str, old_password: str, new_password: str) -> UserInfo:
        """Anyone changes their own password, proving the old one (a viewer too: it is their own)."""
        actor = self.authenticate(name, old_password, cause="change password")
        check_policy(new_password)
        if new_password == old_password:
            raise UserError("The new password must differ from the old one")
        with self.db.session() as s:
            user = _find(s, name)
            self._set_password(user, new_password)
            record(s, actor, "change_password", "user", name, None, {"password": "(changed)"})
            return _info(user)

    def _set_password(self, user: User, password: str) -> None:
        user.password_hash = hash_password(password)
        user.password_changed_at = self.clock()
        user.failed_attempts, user.locked_until = 0, None


def add_account(s: Session, actor: Actor, name: str, role: str, password: str, display_name: str = "",
                now: datetime | None = None) -> User:
    """Insert an account in the caller's transaction (``UserService.add``, the demo loader)."""
    name = _valid_name(name)
    role = _valid_role(role)
    check_policy(password)
    if s.scalar(select(User.id).limit(1)) is None and role != Role.ADMINISTRATOR.value:
        # the first account manages the others; a viewer first would lock everyone out of that
        raise UserError(f"The first account must be an administrator, not a {role}")
    if s.scalar(select(User.id).where(User.username == name)) is not None:
        raise UserError(f"The user {name!r} already exists")
    user = User(username=name, role=role, display_name=display_name, password_hash=hash_password(password),
                password_changed_at=now or utcnow())
    s.add(user)
    s.flush()
    record(s, actor, "create", "user", name, None, {"role": role, "display_name": display_name})
    return user


def _find(s: Session, name: str) -> User:
    user = s.scalar(select(User).where(User.username == name))
    if user is None:
        raise NotFound(f"No user {name!r}")
    return user


def _keep_an_administrator(s: Session, user: User) -> None:
    others = s.scalar(select(func.count(User.id)).where(
        User.role == Role.ADMINISTRATOR.value, User.active, User.id != user.id))
    if not others:
        raise UserError(f"{user.username!r} is the last active administrator; add another one first")


def _valid_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > NAME_MAX or any(c.isspace() for c in name):
        raise UserError(f"A user name needs 1 to {NAME_MAX} characters without spaces, not {name!r}")
    return name


def _valid_role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError:
        raise UserError(f"No role {role!r}; choose {', '.join(r.value for r in Role)}") from None


def _locked(name: str, until: datetime, now: datetime) -> SignInFailed:
    minutes = max(1, round((until - now).total_seconds() / 60))
    return SignInFailed(f"The account {name!r} is locked after {MAX_FAILED_ATTEMPTS} wrong passwords; "
                        f"try again in {minutes} minutes or ask an administrator to reset the password",
                        f"账号 {name} 因连续 {MAX_FAILED_ATTEMPTS} 次密码错误已锁定，请 {minutes} 分钟后再试或请管理员重置密码")


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.role, u.display_name or "", bool(u.active), u.locked_until,
                    u.failed_attempts or 0, u.password_changed_at, u.last_login_at)
