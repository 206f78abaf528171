"""The room-state calendar's services behind one object (``Services.calendar``).

They share the database, the clock (tests fix "today"), the nightly price function and the rules'
minimum stays: the seams where the pricing engine plugs in,
``CalendarServices(db, prices=engine_prices, rule_min_stays=engine_min_stays)``.
"""

from __future__ import annotations

from ..db.engine import Database
from ..reservations.service import ReservationService
from .availability import AvailabilityService
from .bulk_edit import BulkEditService
from .cell_details import CellDetailsService
from .front_desk import FrontDeskService
from .nights import Clock, utc_now
from .prices import NightlyPrices, RuleMinStays, no_rule_min_stays, override_or_base_prices
from .room_board import RoomBoardService


class CalendarServices:
    def __init__(self, db: Database, clock: Clock = utc_now, prices: NightlyPrices = override_or_base_prices,
                 rule_min_stays: RuleMinStays = no_rule_min_stays):
        self.availability = AvailabilityService(db, clock, prices, rule_min_stays)
        self.bulk_edit = BulkEditService(db, clock, prices)
        self.front_desk = FrontDeskService(db, clock, self.bulk_edit, ReservationService(db, clock), prices)
        self.room_board = RoomBoardService(db, clock, prices)
        self.details = CellDetailsService(db, clock, prices, rule_min_stays)
