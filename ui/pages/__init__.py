"""Navigation pages, in the order the sidebar shows them."""

from .audit import AuditPage
from .calendar import CalendarPage
from .channels import ChannelsPage
from .dashboard import DashboardPage
from .prices import PricesPage
from .reports import ReportsPage
from .reservations import ReservationsPage
from .room_types import RoomTypesPage
from .settings import SettingsPage

PAGE_CLASSES = [
    DashboardPage,  # the first page: what the owner looks at every morning
    CalendarPage,
    RoomTypesPage,
    PricesPage,
    ChannelsPage,
    ReservationsPage,
    ReportsPage,
    SettingsPage,
    AuditPage,  # who changed what and when: every role may read it
]
