"""Everything behind one calendar cell: the bookings of that night, the price of every rate plan,
and the last changes of the cell's settings (from the audit trail)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from ..db.engine import Database
from ..db.models import AuditEntry, PriceOverride, RatePlan, Reservation, Room, RoomType
from ..errors import NotFound
from .availability import HOLDING_STATUSES, CalendarCell, load_snapshot
from .changes import AUDIT_ENTITY
from .day_marks import DayMark
from .nights import ONE_DAY, Clock, property_today
from .prices import NightlyPrices, RuleMinStays, no_rule_min_stays

RECENT_CHANGES = 10
# Audit rows of a room type read to find the night's changes: each row holds a whole edit, so
# the newest few hundred are plenty and the read stays fast on a years-old audit trail.
AUDIT_ROWS_SCANNED = 300


@dataclass(frozen=True)
class NightBooking:
    reservation_id: int
    guest_name: str
    arrival: date
    departure: date
    status: str
    source: str
    room_number: str | None
    amount_minor: int


@dataclass(frozen=True)
class PlanPrice:
    rate_plan_id: int
    code: str
    name_zh: str
    name_en: str
    price_minor: int | None
    overridden: bool  # a price typed in the calendar for this night
    rule_min_stay: int | None = None  # the minimum stay the price rules ask of this plan that night


@dataclass(frozen=True)
class CellChange:
    at: datetime
    actor: str
    cause: str
    action: str
    before: dict  # {field: value}; price fields are "price:<rate plan id>"
    after: dict


@dataclass(frozen=True)
class CellDetails:
    room_type_id: int
    room_type_code: str
    room_type_name_zh: str
    room_type_name_en: str
    night: date
    day: DayMark
    currency: str
    cell: CalendarCell
    bookings: tuple[NightBooking, ...]
    prices: tuple[PlanPrice, ...]
    changes: tuple[CellChange, ...]


class CellDetailsService:
    def __init__(self, db: Database, clock: Clock, prices: NightlyPrices,
                 rule_min_stays: RuleMinStays = no_rule_min_stays):
        self.db = db
        self.clock = clock
        self.prices = prices
        self.rule_min_stays = rule_min_stays

    def details(self, room_type_id: int, night: date) -> CellDetails:
        with self.db.session() as s:
            room_type = s.get(RoomType, room_type_id)
            if room_type is None:
                raise NotFound(f"No room type with id {room_type_id}")
            today = property_today(s, room_type.property_id, self.clock)
            snap = load_snapshot(s, room_type.property_id, night, night + ONE_DAY, self.prices, today, [room_type_id],
                                 self.rule_min_stays)
            plans = s.scalars(
                select(RatePlan).where(RatePlan.room_type_id == room_type_id).order_by(RatePlan.sort_order, RatePlan.id)
            ).all()
            plan_prices = self.prices(s, [p.id for p in plans], night, night + ONE_DAY)
            plan_min_stays = self.rule_min_stays(s, [p.id for p in plans], night, night + ONE_DAY)
            overridden = set(
                s.scalars(
                    select(PriceOverride.rate_plan_id).where(
                        PriceOverride.rate_plan_id.in_([p.id for p in plans]), PriceOverride.night == night
                    )
                )
            )
            bookings = s.execute(
                select(Reservation, Room.number)
                .outerjoin(Room, Room.id == Reservation.room_id)
                .where(
                    Reservation.room_type_id == room_type_id,
                    Reservation.status.in_(HOLDING_STATUSES),
                    Reservation.arrival <= night,
                    Reservation.departure > night,
                )
                .order_by(Reservation.arrival, Reservation.id)
            ).all()
            return CellDetails(
                room_type_id=room_type_id,
                room_type_code=room_type.code,
                room_type_name_zh=room_type.name_zh,
                room_type_name_en=room_type.name_en,
                night=night,
                day=snap.days[0],
                currency=snap.currency,
                cell=snap.cell(0, 0),
                bookings=tuple(
                    NightBooking(r.id, r.guest_name, r.arrival, r.departure, r.status.value, r.source, number, r.amount_minor)
                    for r, number in bookings
                ),
                prices=tuple(
                    PlanPrice(p.id, p.code, p.name_zh, p.name_en, plan_prices[p.id][0], p.id in overridden,
                              (plan_min_stays.get(p.id) or [None])[0])
                    for p in plans
                ),
                changes=self._changes(s, room_type_id, night),
            )

    @staticmethod
    def _changes(s, room_type_id: int, night: date) -> tuple[CellChange, ...]:
        key = night.isoformat()
        entries = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == AUDIT_ENTITY, AuditEntry.entity_id == str(room_type_id))
            .order_by(AuditEntry.id.desc())
            .limit(AUDIT_ROWS_SCANNED)
        )
        found = []
        for entry in entries:
            # Stored as {field: {night: value}} (see changes._audit_payloads): keep this night's.
            after = {f: nights[key] for f, nights in (entry.after or {}).items() if key in nights}
            if not after:
                continue
            before = {f: nights.get(key) for f, nights in (entry.before or {}).items() if f in after}
            found.append(CellChange(entry.at, entry.actor, entry.cause, entry.action, before, after))
            if len(found) == RECENT_CHANGES:
                break
        return tuple(found)
