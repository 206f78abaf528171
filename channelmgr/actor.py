"""Who is acting and why: every service call that changes data carries one (ARCHITECTURE rule 5).

``role`` is what signing in found (channelmgr.security.users.authenticate); the services check
the person's current role in the database (channelmgr.security.roles), so a role changed or an
account disabled by the administrator counts at once. ``None`` is a desk that did not sign in:
allowed only while the database has no accounts. ``system`` is the program itself (the demo
loader, the channels' booking pull), acting on behalf of a change someone was allowed to make.
"""

from __future__ import annotations

from dataclasses import dataclass

SYSTEM_ROLE = "system"


@dataclass(frozen=True)
class Actor:
    user: str
    cause: str = ""  # e.g. "bulk edit", "import calendar.xlsx", "booking ctrip#123"
    role: str | None = None

    def because(self, cause: str) -> "Actor":
        return Actor(self.user, cause, self.role)


SYSTEM = Actor("system", role=SYSTEM_ROLE)
