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


def _labels(services):
    with services.db.session() as s:
        property_id = s.scalar(select(Property.id))
    return {c.name: c.label for c in services.channels.list(property_id)}


def test_the_source_names_the_channel_as_the_owner_did_and_labels_its_order_number(panel, app_context):
    # Screenshot review: the source read "ctrip · ERHAI-CTRIP-D0010" (the short name, an unnamed id).
    liu = demo_booking(app_context.services, "刘洋")
    labels = _labels(app_context.services)
    panel.channel_labels.set_labels(labels)
    i18n.install_language("zh_CN")
    panel.show_booking(liu)
    assert panel.values["source"].text() == f"{labels['ctrip']} · 订单号 {liu.remote_id}"
    assert labels["ctrip"] != "ctrip" and "携程" in labels["ctrip"]


def test_a_channel_revision_reads_as_labelled_lines_with_the_json_one_click_away(panel, app_context, qtbot):
    # Screenshot review: the revision showed the channel's JSON ("total_minor": 135600, English keys).
    liu = demo_booking(app_context.services, "刘洋")
    i18n.install_language("zh_CN")
    panel.show_booking(liu)
    qtbot.waitUntil(lambda: panel.content.toPlainText() != "")
    lines = panel.content.toPlainText().splitlines()
    assert "客人：刘洋" in lines and "状态：新订单" in lines
    assert f"入住：{liu.arrival.isoformat()}" in lines and f"离店：{liu.departure.isoformat()}" in lines
    assert f"间夜：{liu.nights}" in lines and "金额：¥1,356" in lines and "佣金：¥203.40" in lines
    assert f"订单号：{liu.remote_id}" in lines
    text = panel.content.toPlainText()
    assert "total_minor" not in text and "135600" not in text and "{" not in text
    assert panel.content.isVisibleTo(panel) and not panel.raw.isVisibleTo(panel)
    panel.raw_toggle.setChecked(True)  # support asks what exactly arrived
    assert panel.raw.isVisibleTo(panel) and not panel.content.isVisibleTo(panel)
    assert '"total_minor": 135600' in panel.raw.toPlainText()


def test_a_desk_revision_names_the_room_type_and_the_source(panel, app_context, qtbot):
    wang = demo_booking(app_context.services, "王芳")
    i18n.install_language("zh_CN")
    panel.show_booking(wang)
    qtbot.waitUntil(lambda: panel.content.toPlainText() != "")
    lines = panel.content.toPlainText().splitlines()
    assert f"房型：{wang.room_type_code}" in lines and "来源：电话" in lines and "金额：¥1,764" in lines
    assert "状态：已确认" in lines and not any("room_type_id" in line or "#" in line for line in lines)
