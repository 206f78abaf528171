"""What the desk tells a guest on the phone before booking: rooms left for the stay, and its price.

A quote is advice, not a promise: ``book_at_desk`` decides again under the selling lock, so a
room sold by a channel in between is still refused there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from ..db.models import RatePlan
from ..errors import UserError
from ..inventory.availability import AvailabilityService, CalendarCell
from ..inventory.prices import stay_amount
from ..pricing.service import PricingService


@dataclass(frozen=True)
class DeskQuote:
    rooms_left: int  # rooms free on every night of the stay
    amount_minor: int | None  # the whole stay in fen; None when the plan cannot be priced
    currency: str
    price_problem: str = ""  # why there is no price, as the pricing service worded it


def rooms_free_at_desk(cell: CalendarCell) -> int:
    """Rooms the desk can still sell on a night.

    Not ``cell.left``: rooms closed to the channels (or stop-sell) are kept back *for* the desk,
    so, like ``book_at_desk``, only bookings and repairs count against the rooms that exist.
    """
    return max(0, cell.total - cell.booked - cell.out_of_order)


def quote_desk_stay(
    availability: AvailabilityService,
    pricing: PricingService,
    property_id: int,
    room_type_id: int,
    room_type_code: str,
    rate_plan_code: str | None,  # None: the type has no plan yet, so no price
    arrival: date,
    nights: int,
) -> DeskQuote:
    departure = arrival + timedelta(days=nights)
    snapshot = availability.snapshot(property_id, arrival, departure, [room_type_id])
    row = snapshot.row_of(room_type_id)
    cells = snapshot.cells[row] if row is not None else ()
    rooms_left = min((rooms_free_at_desk(cell) for cell in cells), default=0)
    if rate_plan_code is None:
        return DeskQuote(rooms_left, None, snapshot.currency)
    # The desk's own price ("direct" channel), night by night: rules and holidays included.
    with availability.db.session() as s:
        plan_id = s.scalar(select(RatePlan.id).where(RatePlan.room_type_id == room_type_id,
                                                     RatePlan.code == rate_plan_code))
        amount = None if plan_id is None else stay_amount(s, availability.prices, plan_id, arrival, departure)
    if amount is not None:
        return DeskQuote(rooms_left, amount, snapshot.currency)
    try:  # no price: the pricing service words why
        pricing.prices(property_id, room_type_code, rate_plan_code, None, arrival, departure)
    except UserError as problem:
        return DeskQuote(rooms_left, None, snapshot.currency, str(problem))
    return DeskQuote(rooms_left, None, snapshot.currency)
