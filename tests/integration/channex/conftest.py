"""The demo homestay, the sandbox as a Channex-style hub on a free 127.0.0.1 port, and a channel."""

from __future__ import annotations

from datetime import date

import pytest

from channelmgr.channels.sandbox import serve
from tests.support.sync_world import build_world, channex_listing

TODAY = date(2026, 6, 1)  # pinned, a Monday: the sandbox and the engine agree on "today"
PROPERTY = "P1"


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def hub():
    handle = serve(listings=[channex_listing(PROPERTY)], today=lambda: TODAY)
    yield handle
    handle.stop()


@pytest.fixture
def world(db, hub):
    w = build_world(db, hub, TODAY, hotel_code=PROPERTY, protocol="channex")
    yield w
    w.sync.shutdown()
