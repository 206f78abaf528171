"""The desk shows what a channel's profile implies and what a push leaves out, in both languages."""

from __future__ import annotations

from PySide6.QtCore import Qt

from channelmgr.actor import Actor
from channelmgr.db.models import SyncLog
from channelmgr.sync.channel_settings import ChannelSettings
from channelmgr.sync.sync_log import NOTE_MESSAGE
from ui import i18n
from ui.sync.channel_settings_form import ChannelSettingsForm
from ui.sync.dry_run_dialog import DryRunDialog
from ui.sync.log_view import SyncLogView
from tests.ui.sync.test_channels_page import ota  # noqa: F401  (the demo's listings on a free port)

ACTOR = Actor("tester", "capabilities ui")


def _booking(app_context):
    channels = app_context.services.channels
    return channels, channels.channel_id(app_context.property_id, "booking")


def test_the_dry_run_dialog_states_what_the_channel_cannot_carry(qtbot, app_context):
    channels, channel_id = _booking(app_context)
    channels.update(ACTOR, channel_id, settings={"profile": "fliggy"})
    report = app_context.services.sync.dry_run(channel_id)
    assert "185 nights beyond its 180-day horizon not sent" in report.capabilities_line()
    try:
        i18n.install_language("en")
        dialog = DryRunDialog(report, "Booking.com", confirm=False)
        qtbot.addWidget(dialog)
        assert not dialog.capabilities.isHidden()
        assert dialog.capabilities.text().startswith("Booking.com: min stay sent as arrival-based")
        assert "185 night(s) beyond its 180-day horizon not sent" in dialog.capabilities.text()
        i18n.install_language("zh_CN")
        dialog = DryRunDialog(report, "Booking.com", confirm=False)
        qtbot.addWidget(dialog)
        assert dialog.capabilities.text().startswith("Booking.com：最少入住按入住日发送")
        assert "超出其 180 天可售期的 185 晚未发送" in dialog.capabilities.text()
    finally:
        i18n.install_language("en")


def test_a_channel_carrying_everything_gets_no_statement(qtbot, app_context):
    channels, channel_id = _booking(app_context)
    channels.update(ACTOR, channel_id, settings={"horizon_days": "30"})
    report = app_context.services.sync.dry_run(channel_id)
    dialog = DryRunDialog(report, "Booking.com", confirm=False)
    qtbot.addWidget(dialog)
    assert report.capabilities == () and dialog.capabilities.isHidden()


def test_the_settings_form_offers_the_profiles_and_says_what_each_implies(qtbot, app_context):
    i18n.install_language("en")
    form = ChannelSettingsForm()
    qtbot.addWidget(form)
    form.set_settings(ChannelSettings(supported_restrictions=frozenset({"stop_sell", "min_stay"})))
    assert form.profile.currentData() == "generic"
    assert "Restrictions it takes: Stop-sell, Minimum stay" in form.implied.text()
    assert "Your own settings override: Restrictions taken" in form.implied.text()

    form.profile.setCurrentIndex(form.profile.findData("fliggy"))
    implied = form.implied.text().splitlines()
    assert implied == ["Restrictions it takes: Stop-sell, Minimum stay",  # the owner's, kept
                       "Minimum stay counted from the arrival day: ours is translated",
                       "Takes 180 day(s) ahead at most", "One price per room and night", "No listing content",
                       "Your own settings override: Restrictions taken"]
    form.profile.setCurrentIndex(form.profile.findData("booking"))
    assert "Prices per number of guests: one price per room is sent" in form.implied.text()
    assert "Takes listing content" in form.implied.text()

    # Saved the way the channel dialog saves it: the service gets the profile as typed text.
    channels, channel_id = _booking(app_context)
    channels.update(ACTOR, channel_id, settings=form.typed_settings())
    stored = channels.get(app_context.property_id, "booking").settings
    assert stored.profile == "booking" and stored.occupancy_pricing and stored.content
    form.set_settings(stored)
    assert form.profile.currentData() == "booking"
    try:
        i18n.install_language("zh_CN")
        form = ChannelSettingsForm()
        qtbot.addWidget(form)
        form.set_settings(ChannelSettings(profile="fliggy"))
        assert form.profile.currentText() == "飞猪 Fliggy"
        assert "最多接收未来 180 天" in form.implied.text() and "可接收的限制：停售、最少入住、最多入住" in form.implied.text()
        # the overridden keys by name, not the stored key (the review saw 覆盖了：content)
        form.set_settings(ChannelSettings(profile="ctrip", content=True))
        assert "您自定的设置覆盖了：房源内容" in form.implied.text().splitlines()
        assert "content" not in form.implied.text()
    finally:
        i18n.install_language("en")


def test_the_sync_log_words_a_push_s_notes_in_the_desk_s_language(qtbot, app_context, ota):
    """A real push to the sandbox stores its notes as codes; the log page words them as the dry run
    does, in Chinese on a Chinese desk. A note stored before the codes is shown as it was written."""
    channels, channel_id = _booking(app_context)
    channels.update(ACTOR, channel_id, settings={"profile": "fliggy"})
    report = app_context.services.sync.push(channel_id, actor=ACTOR).result(timeout=60)
    assert report.requests_sent and report.capabilities
    with app_context.services.db.session() as s:  # as a release before revision 0008 wrote it
        s.add(SyncLog(channel_id=channel_id, message=NOTE_MESSAGE, cells=0, ranges=0, bytes=0, latency_ms=0,
                      attempts=0, result="note", http_status=None, acknowledged_cells=0,
                      error="booking: CTD not supported, 6 nights skipped"))
    try:
        i18n.install_language("zh_CN")
        view = SyncLogView(app_context)
        qtbot.addWidget(view)
        view.set_channels(channels.list(app_context.property_id))
        view.result.setCurrentIndex(view.result.findData("note"))
        qtbot.waitUntil(lambda: view.model.rowCount() == 2)
        error_column = len(view.model.columns) - 1
        # Newest first: the row added by hand after the push, then the push's own note.
        old, new = (view.model.index(row, error_column) for row in range(2))
        assert old.data() == "booking: CTD not supported, 6 nights skipped"  # as it was written
        label = channels.get(app_context.property_id, "booking").label
        assert new.data() == f"{label}：最少入住按入住日发送；超出其 180 天可售期的 185 晚未发送"
        assert new.data(Qt.ItemDataRole.ToolTipRole) == new.data()
        message = view.model.index(0, 2)
        assert message.data() == "渠道无法承载的内容" and message.data(Qt.ItemDataRole.ToolTipRole) == NOTE_MESSAGE
    finally:
        i18n.install_language("en")
