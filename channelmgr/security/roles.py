"""Roles and permissions, enforced once in the core services for the CLI and the UI alike.

Three roles (seeds/004: 管理員權限、操作權限、只讀權限):

- **administrator**: everything, including user accounts, channels with their credentials and
  mappings, and the property's settings;
- **operator**: the day's work — calendar, prices and rules, reservations, room types and rooms
  (the policy gives 產品發布、訂單處理 to the operators), imports, exports, sync, and making a
  backup into the folder the administrator chose (it protects the data's 完整性 and copies it
  nowhere new); restoring one, and the backup settings, stay with the administrator
  (管理員…負責整體管理和維護);
- **viewer**: reads and exports; changes nothing.

Each service method that changes something is marked ``@requires(Permission.X)``. The mark
finds the method's ``actor`` argument, looks the person up in the database (so a role changed or
an account disabled counts at once, even in a desk that signed in before), and on refusal writes
a ``refused`` audit entry in its own transaction and raises ``PermissionDenied`` before anything
was touched. A desk that did not sign in (``actor.role is None``) acts freely only while the
database has no accounts at all: that is a database made before accounts existed.
"""

from __future__ import annotations

import enum
import functools
import inspect
from typing import Callable, TypeVar

from sqlalchemy import select

from ..actor import SYSTEM_ROLE, Actor
from ..db.engine import Database
from ..db.models import User
from ..errors import UserError
from .audit import record


class Role(str, enum.Enum):
    ADMINISTRATOR = "administrator"
    OPERATOR = "operator"
    VIEWER = "viewer"


class Permission(str, enum.Enum):
    CALENDAR = "calendar"
    PRICES = "prices"
    RESERVATIONS = "reservations"
    ROOM_TYPES = "room_types"
    IMPORT = "import"
    EXPORT = "export"
    SYNC = "sync"
    CHANNELS = "channels"
    SETTINGS = "settings"
    USERS = "users"
    BACKUP = "backup"
    RESTORE = "restore"

    @property
    def description(self) -> str:
        return _WHAT[self][0]

    @property
    def description_zh(self) -> str:
        return _WHAT[self][1]


# what each permission lets someone do, as the refusal says it ("… may not change the calendar")
_WHAT = {
    Permission.CALENDAR: ("change the calendar (rooms to sell, closes, restrictions, room status)",
                          "修改房态日历（可售房、关房、限制、房间状态）"),
    Permission.PRICES: ("change prices or price rules", "修改价格或价格规则"),
    Permission.RESERVATIONS: ("change reservations", "修改预订"),
    Permission.ROOM_TYPES: ("change room types, rooms or photos", "修改房型、房间或照片"),
    Permission.IMPORT: ("import workbooks", "导入表格"),
    Permission.EXPORT: ("export", "导出"),
    Permission.SYNC: ("sync with the channels", "与渠道同步"),
    Permission.CHANNELS: ("change channels, their passwords or mappings", "修改渠道、渠道密码或映射"),
    Permission.SETTINGS: ("change settings", "修改设置"),
    Permission.USERS: ("manage user accounts", "管理用户账号"),
    Permission.BACKUP: ("make a backup of the database", "备份数据库"),
    Permission.RESTORE: ("restore the database from a backup", "从备份恢复数据库"),
}

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: frozenset(Permission),
    Role.OPERATOR: frozenset({Permission.CALENDAR, Permission.PRICES, Permission.RESERVATIONS,
                              Permission.ROOM_TYPES, Permission.IMPORT, Permission.EXPORT, Permission.SYNC,
                              Permission.BACKUP}),
    Role.VIEWER: frozenset({Permission.EXPORT}),
}

ROLE_NAMES_ZH = {Role.ADMINISTRATOR: "管理员", Role.OPERATOR: "操作员", Role.VIEWER: "只读"}


def may(role: str | Role | None, permission: Permission) -> bool:
    """What the UI asks to grey out a button; the services decide with ``check``."""
    if role == SYSTEM_ROLE:
        return True
    try:
        return permission in GRANTS[Role(role)]
    except ValueError:
        return False


def roles_allowed(permission: Permission) -> list[Role]:
    return [role for role in Role if permission in GRANTS[role]]


class PermissionDenied(UserError):
    """A refused action: nothing was changed, and the refusal is in the audit trail."""

    def __init__(self, actor: Actor, permission: Permission, role: str | None, reason: str, reason_zh: str):
        super().__init__(reason, reason_zh)
        self.actor, self.permission, self.role = actor, permission, role


def accounts_exist(db: Database) -> bool:
    with db.session() as s:
        return s.scalar(select(User.id).limit(1)) is not None


def check(db: Database, actor: Actor | None, permission: Permission) -> None:
    """Return if ``actor`` may do it; otherwise audit the refusal and raise ``PermissionDenied``."""
    if actor is None:
        raise TypeError("a service that changes data needs the acting user (actor)")
    if actor.role == SYSTEM_ROLE:
        return
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == actor.user)) if actor.role is not None else None
        if actor.role is None:
            if s.scalar(select(User.id).limit(1)) is None:
                return  # a database without accounts works as before they existed
            role = None
        else:
            role = user.role if user is not None and user.active else None
    if role is not None and may(role, permission):
        return
    _refuse(db, actor, permission, role, signed_in=actor.role is not None, known=user is not None)


def _refuse(db: Database, actor: Actor, permission: Permission, role: str | None, *, signed_in: bool,
            known: bool) -> None:
    what, what_zh = permission.description, permission.description_zh
    allowed = " or ".join(r.value for r in roles_allowed(permission))
    allowed_zh = "或".join(ROLE_NAMES_ZH[r] for r in roles_allowed(permission))
    if not signed_in:
        reason = f"Sign in first: this database has user accounts, and {actor.user!r} is not signed in to {what}"
        reason_zh = f"请先登录：此数据库已有用户账号，{actor.user} 未登录，不能{what_zh}"
    elif role is None:
        state = "is disabled" if known else "does not exist"
        reason = f"The account {actor.user!r} {state}; it may not {what}"
        reason_zh = f"账号 {actor.user} {'已停用' if known else '不存在'}，不能{what_zh}"
    else:
        reason = f"{actor.user!r} is a {role} and may not {what} (only {allowed})"
        reason_zh = f"{actor.user}（{ROLE_NAMES_ZH[Role(role)]}）不能{what_zh}（仅限{allowed_zh}）"
    with db.session() as s:  # its own transaction: the refused work was never started
        record(s, actor, "refused", "permission", permission.value, None,
               {"role": role, "may_not": what, "reason": reason})
    raise PermissionDenied(actor, permission, role, reason, reason_zh)


F = TypeVar("F", bound=Callable)


def requires(permission: Permission) -> Callable[[F], F]:
    """Mark a service method that changes data: ``@requires(Permission.CALENDAR)``.

    The method must take an ``actor`` argument and its object a ``db`` attribute; the check runs
    before the method body, so a refusal changes nothing.
    """

    def mark(method: F) -> F:
        signature = inspect.signature(method)
        if "actor" not in signature.parameters:
            raise TypeError(f"{method.__qualname__} is guarded but takes no actor")

        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            actor = signature.bind(self, *args, **kwargs).arguments.get("actor")
            check(self.db, actor, permission)
            return method(self, *args, **kwargs)

        guarded.permission = permission  # the role-matrix test lists the guarded entry points by this
        return guarded  # type: ignore[return-value]

    return mark
