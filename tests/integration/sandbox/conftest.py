"""A real sandbox OTA on 127.0.0.1 (a free port per test) and clients pointed at it.

Everything is handed out as fixtures (no ``from conftest import``), so the tests do not depend on
pytest's import mode or on other folders' conftest files.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from channelmgr.channels.send_result import Credentials
from channelmgr.channels.opentravel_client import OpenTravelClient
from channelmgr.channels.sandbox import ListingConfig, serve

TODAY = date(2026, 6, 1)  # pinned, a Monday: "past" and "horizon" must not depend on when CI runs


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def night():
    """night(3) is the night three days after the sandbox's today."""
    return lambda offset: TODAY + timedelta(days=offset)


@pytest.fixture
def h1() -> ListingConfig:
    return ListingConfig("H1001", "owner", "pw-H1001-secret", rooms={"DBL", "TWN"}, rates={"BAR", "NRF"},
                         horizon_days=60)


@pytest.fixture
def h2() -> ListingConfig:
    return ListingConfig("H2002", "agency", "pw-H2002-secret", rooms={"STD"}, rates={"BAR"}, horizon_days=30,
                         max_items_per_request=5)


@pytest.fixture
def ota(h1, h2):
    handle = serve(listings=[h1, h2], today=lambda: TODAY)
    yield handle
    handle.stop()


@pytest.fixture
def client(ota, h1):
    return OpenTravelClient(ota.endpoint(h1.hotel_code), Credentials(h1.username, h1.password), timeout=(2, 5))
