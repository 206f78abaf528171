"""Settings › Backups on a real demo database: Back up now, the preview before a restore, the
restore itself and a refused file — each waited on through the section's own task results."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from channelmgr.actor import SYSTEM
from channelmgr.demo import RESERVATIONS
from ui import i18n


@pytest.fixture
def section(qtbot, app_context):
    from ui.pages.settings import SettingsPage
    from ui.settings.backups_section import BackupsSection

    i18n.install_language("zh_CN")
    page = SettingsPage(app_context)
    qtbot.addWidget(page)
    page.resize(900, 900)
    page.show()
    box = page.findChild(BackupsSection)
    qtbot.waitUntil(lambda: box.settings is not None, timeout=5000)
    yield box
    i18n.install_language("en")


def test_shows_the_folder_and_backs_up_now(qtbot, section, app_context):
    backups = app_context.services.backups
    assert section.folder.text() == str(backups.folder())
    assert (section.keep_daily.value(), section.keep_weekly.value()) == (14, 8)
    assert section.last.text() == "还没有"
    section.back_up_button.click()
    qtbot.waitUntil(lambda: section.status.text().startswith("已备份到"), timeout=5000)
    [made] = backups.list()
    assert str(made.path) in section.status.text()
    qtbot.waitUntil(lambda: section.last.text().startswith(f"{made.at:%Y-%m-%d %H:%M}"), timeout=5000)


def test_retention_is_saved(qtbot, section, app_context):
    section.keep_daily.setValue(7)
    section.keep_weekly.setValue(4)
    section.save_button.click()
    qtbot.waitUntil(lambda: section.status.text() == "备份设置已保存。", timeout=5000)
    saved = app_context.services.backups.settings()
    assert (saved.keep_daily, saved.keep_weekly) == (7, 4)


def test_restore_shows_the_preview_then_restores_after_confirmation(qtbot, section, app_context):
    services = app_context.services
    made = services.backups.create(SYSTEM)
    pid = app_context.property_id
    old_phone = services.properties.details(pid).phone
    services.properties.update(SYSTEM, services.properties.details(pid).changed(phone="0872-1112222"))
    restored = []
    section.after_restore = restored.append
    section.preview_file(str(made.path))
    qtbot.waitUntil(lambda: section.preview_dialog is not None and section.preview_dialog.isVisible(), timeout=5000)
    dialog = section.preview_dialog
    assert dialog.counts["room_types"].text() == "6" and dialog.counts["reservations"].text() == str(len(RESERVATIONS))
    assert dialog.counts["users"].text() == "0"  # the demo without accounts
    assert not dialog.restore_button.isEnabled()  # not before the confirmation is ticked
    assert services.properties.details(pid).phone == "0872-1112222"  # nothing replaced by the preview
    dialog.confirm.setChecked(True)
    with qtbot.waitSignal(section.restored, timeout=10000) as done:
        dialog.restore_button.click()
    assert restored == [done.args[0]]
    assert services.properties.details(pid).phone == old_phone
    assert done.args[0].safety_backup.path.exists()


def test_a_file_that_is_no_backup_is_refused_in_the_section(qtbot, section, app_context, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database")
    section.preview_file(str(junk))
    qtbot.waitUntil(lambda: "不是 SQLite 数据库" in section.status.text(), timeout=5000)
    assert section.preview_dialog is None


def test_the_daily_backup_runs_on_the_database_thread(qtbot, app_context):
    from ui.daily_backup import DailyBackup

    daily = DailyBackup(app_context)
    with qtbot.waitSignal(daily.made, timeout=10000) as first:
        daily.start()
    assert first.args[0] is not None and first.args[0].path.exists()
    with qtbot.waitSignal(daily.made, timeout=10000) as second:
        daily.check()
    assert second.args[0] is None  # the last one is not a day old yet
    daily.timer.stop()


def test_the_last_backup_follows_the_daily_backup(qtbot, section, app_context):
    from ui.daily_backup import DailyBackup

    assert section.last.text() == "还没有"
    daily = DailyBackup(app_context)
    with qtbot.waitSignal(daily.made, timeout=10000) as made:
        daily.start()
    daily.timer.stop()
    at = made.args[0].at
    # no timer in the section: the daily backup's announcement makes it read the folder again
    qtbot.waitUntil(lambda: section.last.text().startswith(f"{at:%Y-%m-%d %H:%M}"), timeout=10000)
