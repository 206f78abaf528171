"""The needs-attention list: channel bookings the ledger could not store, with raw data and reason,
and stored ones a person should look at (no price, no guest name: a channel's glitch or a test).

An entry is resolved automatically when the channel delivers the booking again and it is stored
(e.g. after its room code was mapped), or by hand once the owner dealt with it (typed it in,
called the channel).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..actor import Actor
from ..db.base import utcnow
from ..db.models import Channel, NeedsAttention, Reservation
from ..errors import NotFound
from ..inventory.refusals import Refusal
from ..security.audit import record
from .channel_booking import ChannelBooking
from .views import AttentionInfo

STORED_PREFIX = "stored, but "  # marks an entry about a booking that is in the ledger
NO_PRICE = "the amount is 0"       # the reasons, fixed texts the desktop translates
NO_GUEST_NAME = "there is no guest name"


def booking_concerns(booking: ChannelBooking) -> list[str]:
    """Why a booking the ledger stored still needs a person: each reason once, in a fixed order.

    A ¥0 or nameless booking is kept (it holds its room — never drop a booking) but it is usually
    a channel's glitch or a test booking, and nobody would notice it among the others.
    """
    if booking.cancelled:
        return []
    reasons = []
    if any(line.amount_minor <= 0 for line in booking.lines):
        reasons.append(NO_PRICE)
    if not booking.guest_name.strip():
        reasons.append(NO_GUEST_NAME)
    return reasons


@dataclass(frozen=True)
class NewChannelBooking:
    """A channel booking the desk has not been told about yet."""

    id: int
    channel: str
    guest_name: str
    arrival: date
    departure: date
    amount_minor: int
    currency: str

    @property
    def no_price(self) -> bool:
        return self.amount_minor <= 0

    @property
    def no_name(self) -> bool:
        return not self.guest_name.strip()


def latest_channel_booking_id(s: Session, property_id: int) -> int:
    """Where "new" starts: bookings already in the ledger when the desk opened are not news."""
    return s.scalar(select(func.max(Reservation.id)).where(
        Reservation.property_id == property_id, Reservation.channel_id.is_not(None))) or 0


def channel_bookings_after(s: Session, property_id: int, after_id: int) -> list[NewChannelBooking]:
    """Channel bookings (one per room) stored after reservation ``after_id``, oldest first."""
    query = (
        select(Reservation, Channel.display_name, Channel.name)
        .join(Channel, Channel.id == Reservation.channel_id)
        .where(Reservation.property_id == property_id, Reservation.id > after_id)
        .order_by(Reservation.id)
    )
    return [NewChannelBooking(r.id, display or name, r.guest_name or "", r.arrival, r.departure,
                              r.amount_minor or 0, r.currency)
            for r, display, name in s.execute(query)]


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
        raise NotFound(f"No needs-attention entry {attention_id}", f"待处理列表中没有编号 {attention_id}")
    if row.status != "open":
        raise Refusal("already_resolved", f"Entry {attention_id} is already resolved ({row.resolved_by})",
                      id=attention_id)
    row.status, row.resolved_at = "resolved", utcnow()
    row.resolved_by = f"{actor.user}: {note}".strip(": ")[:50]
    record(s, actor, "resolve", "needs_attention", attention_id, {"status": "open"},
           {"status": "resolved", "note": note})
