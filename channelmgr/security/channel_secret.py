"""Opening a channel's stored password at send time, and what happens when it cannot be opened.

A token that does not open (altered in the database, or encrypted with another desk's key) stops
that channel before anything is sent or acknowledged, with a message naming the channel and what
to do, and leaves a ``secret_unreadable`` entry in the audit trail (in its own transaction, the
values without any part of the token) so the owner sees when and for which channel it happened.
"""

from __future__ import annotations

from typing import Callable

from ..actor import SYSTEM
from ..channels.errors import Failure, FailureKind
from ..db.engine import Database
from ..errors import UserError
from .audit import record
from .vault import KeyDamaged, SecretUnreadable, Vault


def channel_password(db: Database, vault: Callable[[], Vault], channel) -> str:
    """The plaintext password of ``channel`` (a ChannelConfig), for this one send.

    ``vault`` makes (or returns) the desk's Vault: a damaged key file fails there, and is
    audited like an altered token.
    """
    if channel.secret_encrypted is None:
        raise UserError(f"Channel {channel.name} has no password; set one with `channelmgr channel set`",
                        zh=f"渠道 {channel.name} 没有密码；请用 `channelmgr channel set` 设置")
    try:
        return vault().decrypt(channel.secret_encrypted, channel.name)
    except (SecretUnreadable, KeyDamaged) as exc:
        problem = ("the secret key is damaged" if isinstance(exc, KeyDamaged)
                   else "the stored password does not open with this desk's key (altered key or token)")
        with db.session() as s:
            record(s, SYSTEM.because("sync"), "secret_unreadable", "channel", channel.name, None, {"problem": problem})
        raise


def password_failure(exc: UserError) -> Failure:
    """Why a channel could not be given its password, as the sync reports it: a key or token that
    does not open is its own kind (the owner must restore the key, not check the settings)."""
    kind = FailureKind.SECRET if isinstance(exc, (SecretUnreadable, KeyDamaged)) else FailureKind.CONFIG
    return Failure(kind, str(exc))
