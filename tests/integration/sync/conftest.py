"""The demo homestay, a sandbox OTA on a free 127.0.0.1 port, and a channel between them."""

from __future__ import annotations

from datetime import date

import pytest

from channelmgr.channels.sandbox import serve
from tests.support.sync_world import build_world, sandbox_listing

TODAY = date(2026, 6, 1)  # pinned, a Monday: the sandbox and the engine agree on "today"


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def ota():
    handle = serve(listings=[sandbox_listing()], today=lambda: TODAY)
    yield handle
    handle.stop()


@pytest.fixture
def world(db, ota):
    w = build_world(db, ota, TODAY)
    yield w
    w.sync.shutdown()
