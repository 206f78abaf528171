import pytest

from channelmgr.demo import load_demo
from channelmgr.inventory.calendar_services import CalendarServices
from channelmgr.services import Services
from tests.core.calendar.builders import NOW, TODAY


@pytest.fixture
def calendar_context(db):
    """The demo homestay around a fixed TODAY, with the calendar's clock fixed to match."""
    from ui.app import build_context

    load_demo(db, today=TODAY)
    services = Services(db)
    services.calendar = CalendarServices(db, clock=lambda: NOW)
    ctx = build_context(services)
    yield ctx
    ctx.db_tasks.wait()
    ctx.net_tasks.wait()


@pytest.fixture
def page(qtbot, calendar_context):
    from ui.pages.calendar import CalendarPage

    p = CalendarPage(calendar_context)
    qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    qtbot.waitExposed(p)
    p.reload()
    qtbot.waitUntil(lambda: p.loaded, timeout=5000)
    return p
