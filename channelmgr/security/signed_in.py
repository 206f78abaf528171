"""Who signed in to this process: one person per desk window or per CLI command.

The front end signs in once (the login dialog, or ``--user`` on the command line) and every
``desk_actor(cause)`` after that acts as that person; the services still check the person's
role in the database on each change (channelmgr.security.roles).
"""

from __future__ import annotations

from ..actor import Actor

_current: Actor | None = None


def sign_in(actor: Actor) -> None:
    global _current
    _current = Actor(actor.user, "", actor.role)


def sign_out() -> None:
    global _current
    _current = None


def current() -> Actor | None:
    return _current
