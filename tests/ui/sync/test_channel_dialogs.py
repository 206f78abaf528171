"""Setting channels up on the Channels page offscreen: add, edit, map, unmap, remove."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select, update

from channelmgr.actor import Actor
from channelmgr.db.models import AuditEntry, Channel, ChannelMapping, Reservation
from ui import i18n
from ui.pages.channels import ChannelsPage
from ui.sync.indicator import SyncIndicator
from tests.ui.sync.test_channels_page import DEMO_CHANNEL_COUNT, DEMO_NAMES

LEFT = Qt.MouseButton.LeftButton
PASSWORD = "s3cret-Pa55"


@pytest.fixture
def page(qtbot, app_context):
    i18n.install_language("en")
    p = ChannelsPage(app_context)
    qtbot.addWidget(p)
    p.show()
    p.reload()
    qtbot.waitUntil(lambda: p.loaded and p.model.rowCount() == DEMO_CHANNEL_COUNT)
    return p


def _select(qtbot, page, name):
    row = next(i for i, r in enumerate(page.model.rows) if r.info.name == name)
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.selected_channel().info.name == name)


def _open(qtbot, page, button):
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: page.setup.dialog is not None and page.setup.dialog.isVisible())
    return page.setup.dialog


def _closed(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed dialogs are deleted later


def _fill_new_channel(dialog, endpoint="https://ota.example.com/ota"):
    dialog.display_name.setText("飞猪 Fliggy")
    dialog.name.setText("fliggy")
    dialog.endpoint.setText(endpoint)
    dialog.hotel_code.setText("ERHAI-FZ")
    dialog.username.setText("erhai")
    dialog.password.setText(PASSWORD)
    dialog.settings_form.buffer_rooms.setValue(1)
    dialog.settings_form.markup.setValue(12.5)
    dialog.settings_form.rounding.setCurrentIndex(dialog.settings_form.rounding.findData("end8"))
    dialog.settings_form.min_price.setText("199")


def _stored(page, name) -> Channel:
    with page.ctx.services.db.session() as s:
        channel = s.scalar(select(Channel).where(Channel.name == name))
        s.expunge_all()
        return channel


def test_add_channel_keeps_the_password_encrypted_and_never_shows_it(page, qtbot):
    changes = []
    page.ctx.events.data_changed.connect(changes.append)
    dialog = _open(qtbot, page, page.add_button)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    _fill_new_channel(dialog)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: _closed(dialog))
    qtbot.waitUntil(lambda: page.model.rowCount() == DEMO_CHANNEL_COUNT + 1)
    assert "channels" in changes

    stored = _stored(page, "fliggy")
    assert stored.display_name == "飞猪 Fliggy" and stored.hotel_code == "ERHAI-FZ"
    assert PASSWORD.encode() not in stored.secret_encrypted
    assert page.ctx.services.channels.vault.decrypt(stored.secret_encrypted) == PASSWORD
    settings = page.ctx.services.channels.get(page.ctx.property_id, "fliggy").settings
    assert (settings.buffer_rooms, str(settings.markup_percent), settings.rounding, settings.min_price_minor) == (
        1, "12.5", "end8", 19900)
    with page.ctx.services.db.session() as s:
        assert all(PASSWORD not in str(a.after) for a in s.scalars(select(AuditEntry)))

    _select(qtbot, page, "fliggy")
    edit = _open(qtbot, page, page.edit_button)
    assert edit.password.text() == "" and "keep" in edit.password.placeholderText()
    assert edit.name.isReadOnly() and edit.settings_form.min_price.text() == "199"
    edit.reject()


def test_a_bad_endpoint_shows_the_service_message_and_saves_nothing(page, qtbot):
    dialog = _open(qtbot, page, page.add_button)
    _fill_new_channel(dialog, endpoint="ftp://ota.example.com")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert dialog.problem.text().startswith("Endpoint refused")
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert [c.name for c in page.ctx.services.channels.list(page.ctx.property_id)] == DEMO_NAMES

    dialog.endpoint.setText("https://ota.example.com/ota")  # corrected in place: the typing is kept
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: _closed(dialog))
    qtbot.waitUntil(lambda: page.model.rowCount() == DEMO_CHANNEL_COUNT + 1)


def test_edit_keeps_the_stored_password_when_left_empty(page, qtbot):
    _select(qtbot, page, "ctrip")
    token_before = _stored(page, "ctrip").secret_encrypted
    row = page.model.row_of(page.selected_channel().info.id)
    dialog = _open(qtbot, page, page.edit_button)
    assert dialog.hotel_code.text() == "ERHAI-CTRIP"
    dialog.display_name.setText("携程")
    dialog.settings_form.markup.setValue(20)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: _closed(dialog))
    qtbot.waitUntil(lambda: page.model.index(row, 0).data() == "携程")
    stored = _stored(page, "ctrip")
    assert stored.secret_encrypted == token_before
    assert stored.settings["markup_percent"] == "20"


def test_map_a_rate_plan_then_unmap_it(page, qtbot, monkeypatch):
    _select(qtbot, page, "meituan")
    qtbot.waitUntil(lambda: page.mapping_model.rowCount() == 12)
    assert not page.unmap_button.isEnabled()
    dialog = _open(qtbot, page, page.map_button)
    qtbot.waitUntil(lambda: dialog.loaded)
    dialog.room_type.setCurrentIndex(dialog.room_type.findData("LKV"))
    assert not dialog.remote_rate.isEnabled()  # room only until a plan is picked
    dialog.rate_plan.setCurrentIndex(dialog.rate_plan.findData("BB"))
    dialog.remote_room.setText("MT1001")
    dialog.remote_rate.setText("MT-BB")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: _closed(dialog))
    qtbot.waitUntil(lambda: page.mapping_model.rowCount() == 13)
    rows = [(m.room_type.code, m.rate_plan and m.rate_plan.code, m.remote_rate) for m in page.mapping_model.rows]
    assert ("LKV", "BB", "MT-BB") in rows
    qtbot.waitUntil(lambda: page.warnings.count() == 5)  # LKV/BB is no longer unmapped

    row = rows.index(("LKV", "BB", "MT-BB"))
    page.mappings.selectRow(row)
    assert page.unmap_button.isEnabled()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.unmap_button, LEFT)
    qtbot.waitUntil(lambda: page.mapping_model.rowCount() == 12)
    assert asked == ["Stop sending LKV/BB to 美团民宿 Meituan?"]


def test_map_refusal_stays_in_the_dialog(page, qtbot):
    _select(qtbot, page, "meituan")
    dialog = _open(qtbot, page, page.map_button)
    qtbot.waitUntil(lambda: dialog.loaded)
    dialog.room_type.setCurrentIndex(dialog.room_type.findData("LKV"))
    dialog.remote_room.setText("MT1002")  # GTW's code
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert "already mapped from room type GTW" in dialog.problem.text()
    assert dialog.isVisible()


def test_remove_is_refused_while_the_channel_has_bookings(page, qtbot, monkeypatch):
    _select(qtbot, page, "ical:airbnb-loft")  # no booking of its own: one is given it
    channel_id = page.selected_channel().info.id
    with page.ctx.services.db.session() as s:
        first = s.scalar(select(Reservation.id).order_by(Reservation.id))
        s.execute(update(Reservation).where(Reservation.id == first).values(channel_id=channel_id))
    warned = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    qtbot.mouseClick(page.remove_button, LEFT)
    qtbot.waitUntil(lambda: warned != [])
    assert "has 1 reservation(s); disable it instead" in warned[0]
    assert page.model.rowCount() == DEMO_CHANNEL_COUNT


def test_remove_asks_then_removes(page, qtbot, monkeypatch):
    changes = []
    page.ctx.events.data_changed.connect(changes.append)
    indicator = SyncIndicator(page.ctx)
    qtbot.addWidget(indicator)
    qtbot.waitUntil(lambda: len(indicator.channels) == DEMO_CHANNEL_COUNT)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    _select(qtbot, page, "ical:airbnb-loft")  # the one demo channel with no booking
    channel_id = page.selected_channel().info.id
    qtbot.mouseClick(page.remove_button, LEFT)
    page.ctx.db_tasks.wait()
    assert len(page.ctx.services.channels.list(page.ctx.property_id)) == DEMO_CHANNEL_COUNT and changes == []

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.remove_button, LEFT)
    qtbot.waitUntil(lambda: page.model.rowCount() == DEMO_CHANNEL_COUNT - 1)
    assert [r.info.name for r in page.model.rows] == [n for n in DEMO_NAMES if n != "ical:airbnb-loft"] and changes == ["channels"]
    qtbot.waitUntil(lambda: len(indicator.channels) == DEMO_CHANNEL_COUNT - 1)  # the status bar follows
    with page.ctx.services.db.session() as s:
        assert s.scalar(select(ChannelMapping).where(ChannelMapping.channel_id == channel_id)) is None


def test_a_channex_hub_asks_for_an_api_key_not_a_login_and_starts_from_its_limits(page, qtbot):
    dialog = _open(qtbot, page, page.add_button)
    assert dialog.password_label.text() == "Password" and dialog.username.isEnabled()
    dialog.protocol.setCurrentText("channex")
    assert dialog.password_label.text() == "API key"
    assert not dialog.username.isEnabled()
    assert dialog.settings_form.requests_per_minute.value() == 10
    assert dialog.settings_form.items_per_request.value() == 1000
    dialog.display_name.setText("Trip.com hub")
    dialog.name.setText("trip-hub2")
    dialog.endpoint.setText("http://127.0.0.1:9/channex/P9")
    dialog.hotel_code.setText("P9")
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: _closed(dialog))
    qtbot.waitUntil(lambda: page.model.rowCount() == DEMO_CHANNEL_COUNT + 1)
    stored = _stored(page, "trip-hub2")
    assert (stored.protocol, stored.username, stored.hotel_code) == ("channex", "", "P9")
    assert page.ctx.services.channels.vault.decrypt(stored.secret_encrypted) == PASSWORD
    assert page.ctx.services.channels.get(page.ctx.property_id, "trip-hub2").settings.requests_per_minute == 10

    i18n.install_language("zh_CN")
    try:
        _select(qtbot, page, "trip-hub2")
        edit = _open(qtbot, page, page.edit_button)
        assert edit.password_label.text() == "API 密钥"
        edit.reject()
    finally:
        i18n.install_language("en")


def test_an_ical_feed_channel_is_edited_and_saved_without_a_login(page, qtbot):
    # it was refused with "The username is required": a feed has no login, no password, no hotel code
    _select(qtbot, page, "ical:airbnb-loft")
    row = page.model.row_of(page.selected_channel().info.id)
    dialog = _open(qtbot, page, page.edit_button)
    assert not dialog.username.isEnabled() and not dialog.password.isEnabled() and not dialog.hotel_code.isEnabled()
    assert "feed's address" in dialog.username.placeholderText()
    dialog.display_name.setText("Airbnb 爱彼迎")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: _closed(dialog))
    qtbot.waitUntil(lambda: page.model.index(row, 0).data() == "Airbnb 爱彼迎")
    assert _stored(page, "ical:airbnb-loft").endpoint.endswith("/ical/ERHAI-ABB/LFT.ics")
