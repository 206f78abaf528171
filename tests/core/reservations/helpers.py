from datetime import date, timedelta

from sqlalchemy import func, select

from channelmgr.db.models import AuditEntry, ReservationRevision
from channelmgr.reservations.occupancy import NightCounts
from tests.support.ledger import TODAY


def free_rooms(db, hotel, code: str, night: date) -> int:
    """Rooms of the type neither booked nor out of order that night, as the calendar counts them."""
    with db.session() as s:
        counts = NightCounts.load(s, hotel.property_id, min(night, TODAY), night + timedelta(days=30), [hotel.types[code]])
        return counts.free(hotel.types[code], night)


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def revisions(db) -> list[tuple[str, str, str]]:
    with db.session() as s:
        return [(r.remote_id, r.revision, r.change) for r in s.scalars(select(ReservationRevision).order_by(ReservationRevision.id))]


def audits(db) -> int:
    return count(db, AuditEntry)
