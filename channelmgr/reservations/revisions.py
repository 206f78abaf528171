"""Revisions of a booking: how they are named, compared and fingerprinted.

A channel names a revision by a number ("3") or by the moment it was last modified
("2026-05-31T09:00:00+08:00", OpenTravel's LastModifyDateTime). Two names of the same kind are
ordered; names of different kinds cannot be, and then the one received later wins (the only
order left). The fingerprint of a booking's content tells a duplicate delivery (same revision,
same content: nothing to do) from a channel bug (same revision, different content: a person looks).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone
from typing import Any


def revision_of(booking: dict, content_hash: str | None = None) -> str:
    """The revision a parsed channel booking carries, or its fingerprint when it names none.

    ``content_hash``: the booking's fingerprint when the caller has it already (a feed's events
    name no revision, so each would otherwise be hashed twice)."""
    for key in ("revision", "modified", "created"):
        value = booking.get(key)
        if value not in (None, ""):
            return str(value)[:64]
    return "content:" + (content_hash or fingerprint(booking))[:24]


def _order_key(revision: str) -> tuple[str, Any] | None:
    text = revision.strip()
    if text.isdigit():
        return ("number", int(text))
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:  # a channel that omits the zone means its own, which we take as UTC
        moment = moment.replace(tzinfo=timezone.utc)
    return ("moment", moment)


def is_older(revision: str, than: str) -> bool:
    """True when ``revision`` is known to come before ``than``; unknown orders are not older."""
    mine, theirs = _order_key(revision), _order_key(than)
    if mine is None or theirs is None or mine[0] != theirs[0]:
        return False
    return mine[1] < theirs[1]


_AS_THEY_ARE = {str, int, float, bool}


def json_safe(value: Any) -> Any:
    """Dates as ISO text, tuples as lists: what a JSON column and a fingerprint can hold."""
    if value is None or type(value) in _AS_THEY_ARE:  # most of a booking: asked first
        return value
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


# One encoder for every fingerprint: json.dumps with options builds a new one per call, a good
# part of fingerprinting a small booking (an iCal feed's events are ten thousand of them).
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def fingerprint(booking: dict, *, is_json_safe: bool = False) -> str:
    """SHA-256 of the booking's canonical JSON: equal content, equal fingerprint.

    Pass ``is_json_safe`` when the booking already went through json_safe (saves a second walk).
    """
    safe = booking if is_json_safe else json_safe(booking)
    canonical = _CANONICAL.encode(safe)
    return hashlib.sha256(canonical.encode()).hexdigest()
