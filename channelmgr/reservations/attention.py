"""The needs-attention list: channel bookings the ledger could not store, with raw data and reason,
and stored ones a person should look at (no price, no guest name: a channel's glitch or a test).

An entry is resolved automatically when the channel delivers the booking again and it is stored
(e.g. after its room code was mapped), or by hand once the owner dealt with it (typed it in,
called the channel).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..actor import Actor
from ..db.base import utcnow
from ..db.models import Channel, NeedsAttention
from ..errors import NotFound
from ..inventory.refusals import Refusal
from ..security.audit import record
from .channel_booking import ChannelBooking
from .views import AttentionInfo

STORED_PREFIX = "stored, but "  # marks an entry about a booking that is in the ledger


def booking_concerns(booking: ChannelBooking) -> list[str]:
    """Why a booking the ledger stored still needs a person: each reason once, in a fixed order.

    A ¥0 or nameless booking is kept (it holds its room — never drop a booking) but it is usually
    a channel's glitch or a test booking, and nobody would notice it among the others.
    """
    if booking.cancelled:
        return []
    reasons = []
    if any(line.amount_minor <= 0 for line in booking.lines):
        reasons.append("the amount is 0")
    if not booking.guest_name.strip():
        reasons.append("there is no guest name")
    return reasons


def attention_list(s: Session, property_id: int, include_resolved: bool = False) -> list[AttentionInfo]:
    channel = aliased(Channel)
    query = (
        select(NeedsAttention, channel.name)
        .outerjoin(channel, channel.id == NeedsAttention.channel_id)
        .where(NeedsAttention.property_id == property_id)
        .order_by(NeedsAttention.received_at.desc(), NeedsAttention.id.desc())
    )
    if not include_resolved:
        query = query.where(NeedsAttention.status == "open")
    return [
        AttentionInfo(a.id, name, a.remote_id, a.revision, a.problem, a.raw, a.raw_text, a.status, a.received_at,
                      a.resolved_by)
        for a, name in s.execute(query)
    ]


def resolve_attention(s: Session, attention_id: int, note: str, actor: Actor) -> None:
    row = s.get(NeedsAttention, attention_id)
    if row is None:
        raise NotFound(f"No needs-attention entry {attention_id}")
    if row.status != "open":
        raise Refusal("already_resolved", f"Entry {attention_id} is already resolved ({row.resolved_by})",
                      id=attention_id)
    row.status, row.resolved_at = "resolved", utcnow()
    row.resolved_by = f"{actor.user}: {note}".strip(": ")[:50]
    record(s, actor, "resolve", "needs_attention", attention_id, {"status": "open"},
           {"status": "resolved", "note": note})
