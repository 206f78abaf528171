"""User accounts: add, list, sign in (with lock-out), change and reset passwords, disable.

Lock-out: after ``MAX_FAILED_ATTEMPTS`` (5) wrong passwords in a row the account is locked for
``LOCKOUT`` (15 minutes); a right password resets the count. Five tries leave room for typing
slips, and 15 minutes turn guessing into a handful of tries an hour; an administrator can end a
lock at once by resetting the password. While locked, the password is not even checked, so a
lock cannot be used to test guesses. Every sign-in, failure, lock and account change is audited.

An administrator cannot disable or demote the last active administrator: nobody could manage
the accounts afterwards.

Regular password changes and account reviews (seeds/004: 定期更換賬號密碼, 定期對賬號權限進行審查):
an administrator's or operator's password expires after ``security.password_max_age_days`` (a
setting, 90 days by default; 0 turns it off) — the right password then raises
``PasswordExpired`` instead of signing in, and only changing it lets the person in. A viewer's
password does not expire: it can change nothing. The last ``PASSWORD_HISTORY`` passwords cannot be
chosen again (each check costs one scrypt, ~0.1 s, on a password change only). ``review()`` lists
the active accounts not signed in for ``security.review_after_days`` (90 by default).
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
from ..db.models import Setting, User
from ..errors import NotFound, UserError
from .audit import record
from .passwords import check_policy, hash_password, verify_password
from .roles import Permission, Role, requires

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
NAME_MAX = 50
PASSWORD_HISTORY = 3
MAX_AGE_KEY = "security.password_max_age_days"
REVIEW_KEY = "security.review_after_days"
DEFAULT_DAYS = 90
EXPIRING_ROLES = (Role.ADMINISTRATOR.value, Role.OPERATOR.value)


class SignInFailed(UserError):
    """Wrong name or password, a locked or a disabled account: the message says which."""


class PasswordExpired(SignInFailed):
    """The right password, but too old: the person must choose a new one before signing in."""

    def __init__(self, name: str, changed_at: datetime | None, max_age_days: int):
        since = f"{changed_at:%Y-%m-%d}" if changed_at else "never"
        super().__init__(
            f"The password of {name!r} has expired (last changed {since}; passwords are changed every "
            f"{max_age_days} days): change it with `channelmgr user change-password {name}`",
            f"账号 {name} 的密码已过期（上次修改：{since}；密码每 {max_age_days} 天更换一次）："
            f"请运行 `channelmgr user change-password {name}` 修改密码")
        self.name = name


class PasswordResetByAdministrator(PasswordExpired):
    """The right password, but set by an administrator: the person chooses their own before signing
    in (the administrator knows the one they set), exactly as for an expired password."""

    def __init__(self, name: str):
        SignInFailed.__init__(
            self,
            f"The password of {name!r} was reset by an administrator: choose your own with "
            f"`channelmgr user change-password {name}`",
            f"账号 {name} 的密码已由管理员重置：请运行 `channelmgr user change-password {name}` 设置自己的密码")
        self.name = name


@dataclass(frozen=True)
class UnusedAccount:
    name: str
    role: str
    last_login_at: datetime | None
    days: int  # since the last sign-in, or since the password was set when never signed in


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

    def password_max_age_days(self) -> int:
        return self._days_setting(MAX_AGE_KEY)

    def review_after_days(self) -> int:
        return self._days_setting(REVIEW_KEY)

    def _days_setting(self, key: str) -> int:
        with self.db.session() as s:
            value = s.scalar(select(Setting.value).where(Setting.key == key))
        return DEFAULT_DAYS if value is None else int(value)

    @requires(Permission.SETTINGS)
    def set_security_days(self, actor: Actor, *, password_max_age: int | None = None,
                          review_after: int | None = None) -> None:
        """Set how often passwords expire and after how long an unused account is flagged (0: never)."""
        changes = {k: v for k, v in ((MAX_AGE_KEY, password_max_age), (REVIEW_KEY, review_after)) if v is not None}
        for key, days in changes.items():
            if not isinstance(days, int) or not 0 <= days <= 3650:
                raise UserError(f"{key}: give a number of days from 0 (never) to 3650, not {days!r}",
                                f"{key}：天数须为 0（不限）到 3650，而不是 {days!r}")
        with self.db.session() as s:
            for key, days in changes.items():
                row = s.get(Setting, key)
                before = row.value if row is not None else None
                if row is None:
                    s.add(Setting(key=key, value=days))
                else:
                    row.value = days
                record(s, actor, "update", "setting", key, {"days": before}, {"days": days})

    def review(self) -> list[UnusedAccount]:
        """Active accounts unused for ``review_after_days`` (never signed in counts from the password
        being set), longest unused first; empty when the review is turned off (0)."""
        days, now = self.review_after_days(), self.clock()
        if not days:
            return []
        unused = []
        for u in self.list():
            since = u.last_login_at or u.password_changed_at
            if u.active and since is not None and (now - since) >= timedelta(days=days):
                unused.append(UnusedAccount(u.name, u.role, u.last_login_at, (now - since).days))
        return sorted(unused, key=lambda a: -a.days)

    def unused_names(self) -> set[str]:
        return {a.name for a in self.review()}

    # --- signing in ------------------------------------------------------------------------------

    def authenticate(self, name: str, password: str, cause: str = "sign in", *,
                     allow_expired: bool = False) -> Actor:
        """The signed-in ``Actor`` (with the role), or ``SignInFailed`` — recorded either way.

        ``allow_expired``: only for changing an expired password, which needs the old one."""
        now = self.clock()
        max_age = self.password_max_age_days()
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
            elif not allow_expired and _reset_by_administrator(s, name):
                user.failed_attempts, user.locked_until = 0, None
                record(s, who, "sign_in_refused", "user", name, None, {"reason": "password reset by an administrator"})
                failure = PasswordResetByAdministrator(name)
            elif not allow_expired and _expired(user, now, max_age):
                user.failed_attempts, user.locked_until = 0, None
                record(s, who, "sign_in_refused", "user", name, None, {"reason": "password expired"})
                failure = PasswordExpired(name, user.password_changed_at, max_age)
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
        """An administrator sets someone's password (forgotten, or to end a lock-out at once); the
        person must choose their own at the next sign-in (``change_password``)."""
        check_policy(new_password)
        with self.db.session() as s:
            user = _find(s, name)
            self._set_password(user, new_password)
            _set_must_change(s, name, actor.user)
            record(s, actor, "reset_password", "user", name, None, {"password": "(reset)", "lock": "cleared"})
            return _info(user)

    def change_password(self, name: str, old_password: str, new_password: str) -> UserInfo:
        """Anyone changes their own password, proving the old one (a viewer too: it is their own)."""
        actor = self.authenticate(name, old_password, cause="change password", allow_expired=True)
        check_policy(new_password)
        if new_password == old_password:
            raise UserError("The new password must differ from the old one", "新密码须与旧密码不同")
        with self.db.session() as s:
            user = _find(s, name)
            if any(verify_password(new_password, old) for old in _history(s, name)):
                raise UserError(f"The new password must differ from the last {PASSWORD_HISTORY + 1} passwords",
                                f"新密码不能与最近 {PASSWORD_HISTORY + 1} 个密码相同")
            _remember(s, name, user.password_hash)
            self._set_password(user, new_password)
            _set_must_change(s, name, None)
            record(s, actor, "change_password", "user", name, None, {"password": "(changed)"})
            return _info(user)

    def add_first_administrator(self, name: str, password: str, display_name: str = "") -> Actor:
        """The first start of a database without accounts: its first administrator, signed in.
        Refused once any account exists (then only an administrator adds accounts)."""
        with self.db.session() as s:
            if s.scalar(select(User.id).limit(1)) is not None:
                raise UserError("This database already has accounts; an administrator adds new ones",
                                "此数据库已有账号，新账号须由管理员添加")
            add_account(s, Actor(name or "?", "first start", Role.ADMINISTRATOR.value), name,
                        Role.ADMINISTRATOR.value, password, display_name, self.clock())
        return self.authenticate(name, password, cause="first start")

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
        raise UserError(f"The first account must be an administrator, not a {role}", f"第一个账号必须是管理员，而不是 {role}")
    if s.scalar(select(User.id).where(User.username == name)) is not None:
        raise UserError(f"The user {name!r} already exists", f"用户 {name} 已存在")
    user = User(username=name, role=role, display_name=display_name, password_hash=hash_password(password),
                password_changed_at=now or utcnow())
    s.add(user)
    s.flush()
    record(s, actor, "create", "user", name, None, {"role": role, "display_name": display_name})
    return user


def _expired(user: User, now: datetime, max_age_days: int) -> bool:
    if not max_age_days or user.role not in EXPIRING_ROLES:
        return False
    return user.password_changed_at is None or now - user.password_changed_at >= timedelta(days=max_age_days)


def _history_key(name: str) -> str:
    return f"security.password_history.{name}"


def _history(s: Session, name: str) -> list[str]:
    return list(s.scalar(select(Setting.value).where(Setting.key == _history_key(name))) or [])


def _remember(s: Session, name: str, old_hash: str | None) -> None:
    """Keep the hashes of the last ``PASSWORD_HISTORY`` passwords before the current one."""
    if not old_hash:
        return
    kept = ([old_hash] + _history(s, name))[:PASSWORD_HISTORY]
    row = s.get(Setting, _history_key(name))
    if row is None:
        s.add(Setting(key=_history_key(name), value=kept))
    else:
        row.value = kept


def _must_change_key(name: str) -> str:
    return f"security.must_change.{name}"


def _reset_by_administrator(s: Session, name: str) -> bool:
    return s.get(Setting, _must_change_key(name)) is not None


def _set_must_change(s: Session, name: str, reset_by: str | None) -> None:
    """Flag (``reset_by`` the administrator) or clear the change of password due at the next sign-in."""
    row = s.get(Setting, _must_change_key(name))
    if reset_by is None:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(Setting(key=_must_change_key(name), value={"reset_by": reset_by}))
    else:
        row.value = {"reset_by": reset_by}


def _find(s: Session, name: str) -> User:
    user = s.scalar(select(User).where(User.username == name))
    if user is None:
        raise NotFound(f"No user {name!r}", f"没有用户 {name}")
    return user


def _keep_an_administrator(s: Session, user: User) -> None:
    others = s.scalar(select(func.count(User.id)).where(
        User.role == Role.ADMINISTRATOR.value, User.active, User.id != user.id))
    if not others:
        raise UserError(f"{user.username!r} is the last active administrator; add another one first",
                        f"{user.username} 是最后一个可用的管理员，请先添加另一个管理员")


def _valid_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > NAME_MAX or any(c.isspace() for c in name):
        raise UserError(f"A user name needs 1 to {NAME_MAX} characters without spaces, not {name!r}",
                        f"用户名须为 1 到 {NAME_MAX} 个字符且不含空格，而不是 {name!r}")
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
