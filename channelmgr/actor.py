"""Who is acting and why: every service call that changes data carries one (ARCHITECTURE rule 5)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    user: str
    cause: str = ""  # e.g. "bulk edit", "import calendar.xlsx", "booking ctrip#123"

    def because(self, cause: str) -> "Actor":
        return Actor(self.user, cause)


SYSTEM = Actor("system")
