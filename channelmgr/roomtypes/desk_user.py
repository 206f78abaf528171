"""Who is acting on this computer, for the audit trail, until users log in.

channelmgr has no login yet, so the command line and the desktop record the operating-system
user, with the cause saying where the change came from.
"""

from __future__ import annotations

import getpass

from ..actor import Actor


def desk_actor(cause: str) -> Actor:
    try:
        user = getpass.getuser()
    except Exception:  # some containers have no user name; the cause still says where it came from
        user = "unknown"
    return Actor(user, cause)
