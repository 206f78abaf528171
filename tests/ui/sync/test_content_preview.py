"""The dry-run dialog says what listing content a push would send, in both languages."""

from __future__ import annotations

from channelmgr.actor import Actor
from channelmgr.catalog.attributes import by_key
from ui import i18n
from ui.roomtypes.language import catalog_language, label
from ui.sync.dry_run_dialog import DryRunDialog

ACTOR = Actor("tester", "content preview")


def _booking(app_context):
    channels = app_context.services.channels
    return channels, channels.channel_id(app_context.property_id, "booking")


def test_the_dialog_shows_the_content_line_and_what_is_not_carried(qtbot, app_context):
    channels, channel_id = _booking(app_context)
    report = app_context.services.sync.dry_run(channel_id, content_only=True)
    content = report.content
    assert content.taken  # the demo's Booking.com channel takes content and content.room_types == 5  # the demo leaves CQN unmapped on Booking.com
    try:
        i18n.install_language("en")
        dialog = DryRunDialog(report, "Booking.com", confirm=True)
        qtbot.addWidget(dialog)
        assert not dialog.content.isHidden()
        assert dialog.content.text().startswith(
            f"Content: 5 room type(s), {content.amenities} amenities, 0 photo(s), property details, "
            f"5 summary(ies), 5 floor area(s); {len(content.not_carried)} attribute(s) not carried")
        # Attribute labels follow the catalog language chosen in Settings, as in the room-type editor.
        assert label(by_key("smart_lock"), catalog_language()) in dialog.content.toolTip()
        assert label(by_key("wifi"), catalog_language()) not in dialog.content.toolTip()
        assert dialog.push_button is not None  # content to send is something to push
        assert any("CQN" in dialog.warnings.item(i).text() and "content" in dialog.warnings.item(i).text()
                   for i in range(dialog.warnings.count()))
        i18n.install_language("zh_CN")
        dialog = DryRunDialog(report, "Booking.com", confirm=False)
        qtbot.addWidget(dialog)
        assert dialog.content.text().startswith(f"房型内容：5 个房型，{content.amenities} 项设施，0 张照片，酒店信息，"
                                                "5 条简介，5 个面积")
    finally:
        i18n.install_language("en")


def test_a_channel_that_takes_no_content_is_told_so(qtbot, app_context):
    channels = app_context.services.channels
    report = app_context.services.sync.dry_run(channels.channel_id(app_context.property_id, "ctrip"))
    i18n.install_language("en")
    dialog = DryRunDialog(report, "Ctrip", confirm=False)
    qtbot.addWidget(dialog)
    assert dialog.content.text() == "Content: not taken by this channel (capability content is off), nothing sent"


def test_a_channel_waiting_only_for_content_says_so_not_zero_cells(qtbot):
    from channelmgr.sync.report import SyncState
    from ui.sync.texts import SyncTexts

    try:
        i18n.install_language("en")
        assert SyncTexts().state(SyncState.PENDING, 0, 2) == "Pending: 2 content part(s)"
        assert SyncTexts().state(SyncState.PENDING, 5, 2) == "Pending: 5 cell(s)"
        i18n.install_language("zh_CN")
        assert SyncTexts().state(SyncState.PENDING, 0, 2) == "待同步：2 项房型内容"
    finally:
        i18n.install_language("en")
