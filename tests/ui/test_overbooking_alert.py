"""A night sold twice is announced to the desk once, without anyone opening the board."""

from datetime import date, timedelta

from channelmgr.db.models import Reservation, RoomType
from PySide6.QtCore import Qt

from ui import i18n
from ui.reservations.attention_view import AttentionView
from ui.main_window import MainWindow
from tests.support.today import property_today


def _oversell(db, code: str, night: date, guest: str) -> None:
    # As a channel booking for a full night is stored: kept, not refused (the ledger flags it).
    with db.session() as s:
        rt = s.query(RoomType).filter_by(code=code).one()
        extra = len(rt.rooms) + 1
        for n in range(extra):
            s.add(
                Reservation(
                    property_id=rt.property_id, source="channel" if n == extra - 1 else "phone",
                    room_type_id=rt.id, arrival=night, departure=night + timedelta(days=1),
                    guest_name=guest if n == extra - 1 else f"guest {n}", amount_minor=10000,
                )
            )


def test_a_new_overbooking_is_announced_once(qtbot, app_context, demo_services):
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    alert = window.overbooking_alert
    announced = []
    alert.announced.connect(announced.append)
    counts = []
    alert.changed.connect(counts.append)
    qtbot.waitUntil(lambda: counts != [], timeout=3000)  # the first check found the demo clean
    assert counts[-1] == 0 and announced == []

    night = property_today() + timedelta(days=40)
    _oversell(demo_services.db, "GTW", night, "Late Guest")
    alert.check()
    qtbot.waitUntil(lambda: announced != [], timeout=3000)
    assert "Late Guest" in announced[0] and night.isoformat() in announced[0]
    assert counts[-1] >= 1

    alert.check()  # the same conflict again: counted, not announced twice
    qtbot.waitUntil(lambda: len(counts) >= 3, timeout=3000)
    assert len(announced) == 1
    window.close()


# The demo's channels repointed at a real sandbox on a free port.
from tests.ui.sync.test_channels_page import ota  # noqa: E402,F401
from tests.support.actors import TEST_ACTOR


def test_every_new_channel_booking_is_announced_and_a_free_nameless_one_needs_attention(qtbot, app_context, ota):
    i18n.install_language("en")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    alert = window.overbooking_alert
    announced = []
    alert.announced.connect(announced.append)
    qtbot.waitUntil(lambda: alert._last_booking is not None, timeout=5000)  # existing bookings are not news
    assert announced == []

    services, pid = app_context.services, app_context.property_id
    ctrip = next(c for c in services.channels.list(pid) if c.name == "ctrip")
    mapping = next(m for m in services.channels.mappings(ctrip.id) if m.rate_plan is not None)
    arrival = property_today() + timedelta(days=30)
    ota.book(ctrip.hotel_code, mapping.remote_room, mapping.remote_rate, arrival, arrival + timedelta(days=2),
             amount_minor=0)  # ¥0 and no guest name, as some OTAs send a test booking
    report = services.sync.pull_reservations(ctrip.id, actor=TEST_ACTOR).result(timeout=30)
    assert report.stored == 1

    alert.check()
    qtbot.waitUntil(lambda: announced != [], timeout=5000)
    assert announced[0].startswith("New booking from 携程 Ctrip") and arrival.isoformat() in announced[0]
    assert "needs attention: no price, no guest name" in announced[0]
    assert window.status_message.message() == announced[0]
    [entry] = services.reservations.attention(pid)
    assert entry.problem == "stored, but the amount is 0; there is no guest name"

    i18n.install_language("zh_CN")  # the needs-attention list says it in the desk's language
    view = AttentionView(app_context)
    qtbot.addWidget(view)
    view.show_entries([entry])
    problem = view.model.index(0, 3)
    assert problem.data() == "已保存，但请核对：无价格, 无客人姓名"
    assert problem.data(Qt.ItemDataRole.ToolTipRole) == entry.problem
    i18n.install_language("en")

    window.close()
