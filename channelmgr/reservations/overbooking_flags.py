"""Keeping Reservation.overbooked true to the nights: set when a booking lands on a full night,
cleared once a cancellation, a no-show, a move or a modification frees what it lacked."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.models import Reservation
from ..inventory.availability import HOLDING_STATUSES
from ..security.audit import record
from .history import audit_view
from .occupancy import NightCounts


def clear_resolved_overbookings(session: Session, actor: Actor, room_type_id: int, first: date, last: date) -> int:
    """Unflag bookings of the type overlapping ``[first, last)`` that now fit every night.

    Call after the freeing change is in the session (autoflush makes the counts see it).
    Returns how many bookings lost the flag.
    """
    overlapping = (
        Reservation.room_type_id == room_type_id,
        Reservation.overbooked.is_(True),
        Reservation.status.in_(HOLDING_STATUSES),
        Reservation.arrival < last,
        Reservation.departure > first,
    )
    flagged = session.scalars(select(Reservation).where(*overlapping)).all()
    if not flagged:
        return 0
    start = min(r.arrival for r in flagged)
    end = max(r.departure for r in flagged)
    counts = NightCounts.load(session, flagged[0].property_id, start, end, [room_type_id])
    cleared = 0
    for r in flagged:
        if not counts.overbooked_nights(room_type_id, r.arrival, r.departure):
            before = audit_view(r)
            r.overbooked = False
            record(session, actor, "overbooking_resolved", "reservation", r.id, before, audit_view(r))
            cleared += 1
    return cleared
