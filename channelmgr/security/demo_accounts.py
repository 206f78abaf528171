"""The demo database's three accounts, one per role, with passwords everyone knows.

``init --demo`` prints them, README names them, and the login dialog of a demo database shows
them: they exist so that trying the app needs no setup. Any real database gets its own.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.engine import Database
from ..db.models import User
from ..language import say
from .passwords import verify_password
from .roles import ROLE_NAMES_ZH, Role
from .users import add_account

DEMO_ACCOUNTS = (
    ("owner", "administrator", "demo-owner-1", "店主"),
    ("desk", "operator", "demo-desk-1", "前台"),
    ("viewer", "viewer", "demo-viewer-1", "只读"),
)


def add_demo_accounts(s: Session, actor: Actor) -> None:
    """In the demo loader's transaction: the demo is loaded all or nothing, accounts included."""
    for name, role, password, display in DEMO_ACCOUNTS:
        add_account(s, actor, name, role, password, display)


def demo_owner_password(db: Database) -> str | None:
    """The owner's demo password while it still opens the ``owner`` account, else None (the owner
    changed it: then the database is no longer an open demo and the dialog shows no hint)."""
    name, _role, password, _display = DEMO_ACCOUNTS[0]
    with db.session() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == name))
    return password if stored and verify_password(password, stored) else None


def describe_demo_accounts() -> list[str]:
    return [say(f"{name} ({role}), password {password}", f"{name}（{ROLE_NAMES_ZH[Role(role)]}），密码 {password}")
            for name, role, password, _display in DEMO_ACCOUNTS]
