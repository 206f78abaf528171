"""A night sold twice is announced to the desk once, without anyone opening the board."""

from datetime import date, timedelta

from channelmgr.db.models import Reservation, RoomType
from ui.main_window import MainWindow


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

    night = date.today() + timedelta(days=40)
    _oversell(demo_services.db, "GTW", night, "Late Guest")
    alert.check()
    qtbot.waitUntil(lambda: announced != [], timeout=3000)
    assert "Late Guest" in announced[0] and night.isoformat() in announced[0]
    assert counts[-1] >= 1

    alert.check()  # the same conflict again: counted, not announced twice
    qtbot.waitUntil(lambda: len(counts) >= 3, timeout=3000)
    assert len(announced) == 1
    window.close()
