import pytest

from channelmgr.services import Services
from tests.core.calendar.builders import build_hotel


@pytest.fixture
def hotel(db):
    return build_hotel(db)


@pytest.fixture
def services(db, hotel):
    """The facade over the test hotel, with the calendar's clock fixed at TODAY."""
    services = Services(db)
    services.calendar = hotel.calendar
    return services
