"""The booking detail offscreen on the demo homestay: what an OTA booking leaves the homestay."""

import pytest
from sqlalchemy import select

from channelmgr.db.models import Property
from ui import i18n


@pytest.fixture
def panel(qtbot, app_context):
    from ui.reservations.detail_panel import ReservationDetailPanel

    widget = ReservationDetailPanel(app_context)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    i18n.install_language("en")


def demo_booking(services, guest: str):
    with services.db.session() as s:
        property_id = s.scalar(select(Property.id))
    return next(r for r in services.reservations.list(property_id) if r.guest_name == guest)


def test_an_ota_booking_shows_its_commission_and_net_beside_the_amount(panel, app_context):
    # 刘洋 booked on Ctrip for ¥1,356; the demo's Ctrip keeps 15 %, ¥203.40, rounded to the fen.
    liu = demo_booking(app_context.services, "刘洋")
    i18n.install_language("en")
    panel.show_booking(liu)
    assert panel.values["amount"].text() == "¥1,356 · Commission ¥203.40 · Net ¥1,152.60"
    i18n.install_language("zh_CN")
    panel.show_booking(liu)
    assert panel.values["amount"].text() == "¥1,356 · 佣金 ¥203.40 · 净收入 ¥1,152.60"


def test_a_desk_booking_shows_only_its_amount(panel, app_context):
    # Taken on the phone, no channel keeps anything: the amount is all there is to say.
    i18n.install_language("zh_CN")
    panel.show_booking(demo_booking(app_context.services, "王芳"))
    assert panel.values["amount"].text() == "¥1,764"
