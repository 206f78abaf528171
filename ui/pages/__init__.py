"""Navigation pages, in the order the sidebar shows them."""

from .planned import CalendarPage, ChannelsPage, PricesPage, ReportsPage
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
