"""Who is acting on this desk, for the permission check and the audit trail.

The person who signed in (channelmgr.security.signed_in), with the cause saying where the
change came from; before anyone signed in — a database without accounts — the operating-system
user, which the services accept only while no accounts exist.
"""

from __future__ import annotations

import getpass

from ..actor import Actor
from ..security.signed_in import current


def desk_actor(cause: str) -> Actor:
    signed_in = current()
    if signed_in is not None:
        return signed_in.because(cause)
    try:
        user = getpass.getuser()
    except Exception:  # some containers have no user name; the cause still says where it came from
        user = "unknown"
    return Actor(user, cause)
