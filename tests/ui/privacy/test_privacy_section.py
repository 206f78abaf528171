"""Settings › Privacy on a real demo database: the period saved, the preview count, Purge now after
its confirmation, an operator greyed with the reason; the daily purge of the desk on the database
thread. The demo's stays are all ahead of today, so the privacy service here lives 30 days later."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from channelmgr.db.models import Reservation
from channelmgr.demo import RESERVATIONS
from channelmgr.demo import load_demo
from channelmgr.inventory.nights import utc_now
from channelmgr.privacy.service import PURGED, PrivacyService
from channelmgr.security.signed_in import sign_in, sign_out
from channelmgr.services import Services
from ui import i18n
from ui.app import build_context

LATER = timedelta(days=30)


def _later(services: Services) -> None:
    services.privacy = PrivacyService(services.db, clock=lambda: utc_now() + LATER)


def _purged(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Reservation).where(Reservation.guest_name == PURGED))


@pytest.fixture
def page_as(qtbot, db):
    """The Settings page signed in as ``name`` (demo accounts), in Chinese."""
    load_demo(db, accounts=True)
    services = Services(db)
    _later(services)
    made = []

    def open_as(name: str, password: str):
        from ui.pages.settings import SettingsPage
        from ui.settings.privacy_section import PrivacySection

        sign_in(services.users.authenticate(name, password))
        ctx = build_context(services)
        page = SettingsPage(ctx)
        qtbot.addWidget(page)
        page.show()
        made.append(ctx)
        box = page.findChild(PrivacySection)
        qtbot.waitUntil(lambda: box.settings is not None and box.report is not None, timeout=10000)
        return box, ctx

    i18n.install_language("zh_CN")
    yield open_as
    for ctx in made:
        ctx.db_tasks.wait()
    sign_out()
    services.close()
    i18n.install_language("en")


def test_the_period_is_saved_and_the_preview_counts(qtbot, page_as, db):
    section, ctx = page_as("owner", "demo-owner-1")
    assert not section.enabled.isChecked()  # off by default: nothing is purged until chosen
    assert section.days.value() == 365
    assert section.report.reservations == 0
    assert "0" in section.preview_label.text()
    # 30 days on, 20 days after check-out: every stay but those leaving 11 days ahead or later
    section.days.setValue(20)
    expected = ctx.services.privacy.preview(ctx.property_id, 20).reservations
    assert 0 < expected < len(RESERVATIONS)
    qtbot.waitUntil(lambda: section.report is not None and section.report.cutoff
                    == ctx.services.privacy.preview(ctx.property_id, 20).cutoff, timeout=10000)
    assert section.report.reservations == expected
    assert str(expected) in section.preview_label.text() and "离店" in section.preview_label.text()
    section.enabled.setChecked(True)
    section.save_button.click()
    qtbot.waitUntil(lambda: section.status.text() == "隐私设置已保存。", timeout=10000)
    assert ctx.services.privacy.settings(ctx.property_id).purge_after_days == 20
    assert _purged(db) == 0  # saving the period purges nothing by itself
    section.enabled.setChecked(False)
    section.save_button.click()
    qtbot.waitUntil(lambda: ctx.services.privacy.settings(ctx.property_id).purge_after_days is None
                    and section.status.text() == "隐私设置已保存。", timeout=10000)


def test_purge_now_asks_then_purges(qtbot, page_as, db):
    section, ctx = page_as("owner", "demo-owner-1")
    section.days.setValue(1)
    qtbot.waitUntil(lambda: section.report is not None and section.report.reservations == len(RESERVATIONS), timeout=10000)
    section.purge_button.click()
    qtbot.waitUntil(lambda: section.confirm_box is not None and section.confirm_box.isVisible(), timeout=5000)
    assert str(len(RESERVATIONS)) in section.confirm_box.text()
    section.confirm_box.button(QMessageBox.StandardButton.Cancel).click()
    assert _purged(db) == 0  # cancelled: nothing changed
    section.purge_button.click()
    qtbot.waitUntil(lambda: section.confirm_box.isVisible(), timeout=5000)
    with qtbot.waitSignal(ctx.events.data_changed, timeout=10000) as changed:
        section.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    assert changed.args == ["reservations"]
    assert _purged(db) == len(RESERVATIONS)
    assert str(len(RESERVATIONS)) in section.status.text()
    qtbot.waitUntil(lambda: section.report is not None and section.report.reservations == 0, timeout=10000)


def test_an_operator_sees_the_preview_but_may_not_change_it(qtbot, page_as, db):
    section, _ctx = page_as("desk", "demo-desk-1")
    for widget in (section.enabled, section.days, section.purge_button, section.save_button):
        assert not widget.isEnabled()
        assert "desk" in widget.toolTip() and "不能" in widget.toolTip()
    assert section.preview_label.text()  # the count is read-only information


def test_the_daily_purge_runs_on_the_database_thread_once_a_day(qtbot, db):
    from channelmgr.actor import SYSTEM
    from ui.daily_purge import DailyPurge

    load_demo(db)
    services = Services(db)
    _later(services)
    ctx = build_context(services)
    daily = DailyPurge(ctx)
    with qtbot.waitSignal(daily.made, timeout=10000) as off:
        daily.start()
    assert off.args[0] is None and _purged(db) == 0  # no period set: nothing purged
    services.privacy.set_purge_after(SYSTEM, ctx.property_id, 1)
    with qtbot.waitSignal(daily.made, timeout=10000) as first:
        daily.check()
    assert first.args[0].reservations == len(RESERVATIONS) and _purged(db) == len(RESERVATIONS)
    with qtbot.waitSignal(daily.made, timeout=10000) as again:
        daily.check()
    assert again.args[0] is None  # once a property day
    daily.timer.stop()
    ctx.db_tasks.wait()
