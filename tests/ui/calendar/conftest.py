import pytest

from channelmgr.demo import load_demo
from channelmgr.inventory.calendar_services import CalendarServices
from channelmgr.services import Services
from tests.core.calendar.builders import NOW, TODAY

# How long a wait on the database thread's work may take before the test gives up. The waits are
# on the work (a condition); the deadline only ends a hung test, so it is generous: on a busy
# machine (2 cores, several suites) a page load took more than 5 s and the board more than 3 s.
WORK_DEADLINE_MS = 60000


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
    qtbot.waitUntil(lambda: p.loaded, timeout=WORK_DEADLINE_MS)
    return p
