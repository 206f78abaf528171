import pytest

from channelmgr.reservations.service import ReservationService
from tests.support.ledger import CLOCK_NOW, build_ledger_hotel


@pytest.fixture
def hotel(db):
    return build_ledger_hotel(db)


@pytest.fixture
def ledger(db, hotel):
    return ReservationService(db, clock=lambda: CLOCK_NOW)
