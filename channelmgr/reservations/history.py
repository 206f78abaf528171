"""What the ledger writes beside each change: the revision history and the audit view."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.models import Reservation, ReservationRevision
from .views import RevisionInfo


def audit_view(r: Reservation) -> dict:
    """The fields an audit entry shows before → after (plain JSON)."""
    return {
        "guest": r.guest_name,
        "room_type_id": r.room_type_id,
        "room_id": r.room_id,
        "arrival": r.arrival.isoformat(),
        "departure": r.departure.isoformat(),
        "status": r.status.value,
        "amount_minor": r.amount_minor,
        "commission_minor": r.commission_minor,
        "currency": r.currency,
        "source": r.source,
        "remote_id": r.remote_id,
        "revision": r.revision,
        "overbooked": bool(r.overbooked),
    }


def add_desk_revision(session: Session, booking: Reservation, change: str, actor: Actor, *, first: bool = False,
                      at: datetime | None = None) -> None:
    """Record a change made at the desk in the booking's history, with the booking as it is now.

    A booking taken by hand counts its revisions 1, 2, 3…; a channel booking keeps the channel's
    revision name (its order decides which channel message is newer), so desk changes to it are
    labelled "desk" and never take part in that order.
    """
    if booking.channel_id is None:
        if not first:
            booking.revision = str(int(booking.revision) + 1) if booking.revision.isdigit() else "1"
        label = booking.revision
    else:
        label = "desk"
    session.add(
        ReservationRevision(
            property_id=booking.property_id,
            reservation=booking,
            revision=label,
            change=change,
            status=booking.status.value,
            actor=actor.user,
            payload=audit_view(booking),
            **({"received_at": at} if at is not None else {}),  # now, unless the caller knows when
        )
    )


def history_of(session: Session, booking: Reservation) -> tuple[RevisionInfo, ...]:
    """Every revision of the booking, oldest first: the channel's messages and the desk's changes."""
    conditions = [ReservationRevision.reservation_id == booking.id]
    if booking.channel_id is not None and booking.remote_booking_id:
        conditions.append(
            (ReservationRevision.channel_id == booking.channel_id)
            & (ReservationRevision.remote_id == booking.remote_booking_id)
        )
    rows = session.scalars(
        select(ReservationRevision).where(or_(*conditions)).order_by(ReservationRevision.received_at, ReservationRevision.id)
    )
    return tuple(RevisionInfo(r.revision, r.received_at, r.change, r.status, r.actor, r.payload) for r in rows)
