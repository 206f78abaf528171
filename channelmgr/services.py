"""The facade the UI and the CLI both call. Services take and return plain dataclasses.

Each domain keeps its own service class in its folder; this only wires them to one database,
so a front end needs a single object.
"""

from __future__ import annotations

from .backups.service import BackupService
from .db.engine import Database, open_database
from .excel import ExcelService
from .inventory.calendar_services import CalendarServices
from .inventory.property_details import PropertyDetailsService
from .ical.service import IcalExportService, IcalImportService
from .inventory.service import InventoryService
from .pricing.service import PricingService
from .privacy.service import PrivacyService
from .reports.dashboard import DashboardService
from .reports.service import ReportService
from .reservations.service import ReservationService
from .roomtypes import PhotoService, RoomService, RoomTypeService
from .security.audit_trail import AuditTrail
from .security.users import UserService
from .sync.channels import ChannelService
from .sync.service import SyncService


class Services:
    def __init__(self, db: Database):
        self.db = db
        self.users = UserService(db)  # accounts; every change below checks the actor's role
        self.audit = AuditTrail(db)  # who changed what, when, why (read and export)
        self.backups = BackupService(db)  # SQLite backups: daily, by hand, preview and restore
        self.inventory = InventoryService(db)
        # Prices first: the calendar shows the engine's price (rules, holidays, overrides).
        self.pricing = PricingService(db)
        self.properties = PropertyDetailsService(db, on_change=self.pricing.forget)
        self.calendar = CalendarServices(db, prices=self.pricing.nightly_prices,
                                         rule_min_stays=self.pricing.nightly_min_stays)
        self.reservations = ReservationService(db)
        self.privacy = PrivacyService(db)  # guest data: purge after check-out, phones in clear only when audited
        self.ical = IcalExportService(db, self.calendar.availability)
        self.ical_import = IcalImportService(db)
        self.room_types = RoomTypeService(db)
        self.rooms = RoomService(db)
        self.photos = PhotoService(db, self.room_types)
        self.excel = ExcelService(self)
        self.channels = ChannelService(db)
        # Channels are sent the pricing engine's price: rules, holidays, overrides, channel markup.
        # …and the minimum stays the rules ask (国庆 ≥ 2 nights), merged with the calendar's own.
        self.sync = SyncService(db, prices=self.pricing.price_source,
                                rule_min_stays=self.pricing.rule_min_stay_source,
                                nightly_prices=self.pricing.nightly_prices)  # the drift audit's price guard
        # Reports only read; the dashboard's alerts come from the services that know them.
        self.reports = ReportService(db)
        self.dashboard = DashboardService(db, self.reports, self.reservations.list, self.reservations.overbookings,
                                          self.reservations.attention, self.room_types.list, self.channels.list,
                                          self.sync.statuses.get, self.sync.drift.last_runs)

    @classmethod
    def open(cls, url: str) -> "Services":
        return cls(open_database(url))

    def close(self) -> None:
        self.sync.shutdown()  # stop the channel lanes before the database goes away
        self.db.dispose()
