"""The desk shows what a channel's profile implies and what a push leaves out, in both languages."""

from __future__ import annotations

from channelmgr.actor import Actor
from channelmgr.sync.channel_settings import ChannelSettings
from ui import i18n
from ui.sync.channel_settings_form import ChannelSettingsForm
from ui.sync.dry_run_dialog import DryRunDialog

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
