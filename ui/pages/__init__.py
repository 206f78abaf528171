"""Navigation pages, in the order the sidebar shows them."""

from .calendar import CalendarPage
from .channels import ChannelsPage
from .planned import ReportsPage
from .prices import PricesPage
from .reservations import ReservationsPage
from .room_types import RoomTypesPage
from .settings import SettingsPage

PAGE_CLASSES = [
    CalendarPage,
    RoomTypesPage,
    PricesPage,
    ChannelsPage,
    ReservationsPage,
    ReportsPage,
    SettingsPage,
]
