"""A viewer sees what it may not do greyed out, with the reason; the owner sees it all enabled."""

from __future__ import annotations

import pytest

from channelmgr.demo import load_demo
from channelmgr.security.signed_in import sign_in, sign_out
from channelmgr.services import Services
from ui.app import build_context
from ui.main_window import MainWindow

PASSWORDS = {"owner": "demo-owner-1", "desk": "demo-desk-1", "viewer": "demo-viewer-1"}


@pytest.fixture
def window_as(qtbot, db):
    load_demo(db, accounts=True)
    services = Services(db)
    made = []

    def open_as(name: str) -> MainWindow:
        sign_in(services.users.authenticate(name, PASSWORDS[name]))
        ctx = build_context(services)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        made.append((window, ctx))
        return window

    yield open_as
    for window, ctx in made:
        window.close()
        ctx.db_tasks.wait()
        ctx.net_tasks.wait()
    sign_out()
    services.close()


def _actions(window):
    calendar, reservations = window.pages["calendar"], window.pages["reservations"]
    return {
        "file.import": window.actions_["file.import"],
        "file.export": window.actions_["file.export"],
        "calendar.bulk_edit": calendar.actions_["calendar.bulk_edit"],
        "calendar.copy_week": calendar.actions_["calendar.copy_week"],
        "frontdesk.walk_in": calendar.actions_["frontdesk.walk_in"],
        "reservations.new_booking": reservations.actions_["reservations.new_booking"],
    }


def test_viewer_sees_changes_disabled_with_the_reason(window_as):
    window = window_as("viewer")
    actions = _actions(window)
    assert actions.pop("file.export").isEnabled()  # a viewer may export
    for action_id, action in actions.items():
        assert not action.isEnabled(), action_id
        assert "viewer" in action.toolTip() and ("不能" in action.toolTip() or "may not" in action.toolTip())
    prices = window.pages["prices"]
    assert not prices.save_button.isEnabled() and not prices.add_button.isEnabled()
    channels = window.pages["channels"]
    assert not channels.add_button.isEnabled() and not channels.push_button.isEnabled()
    room_types = window.pages["room_types"]
    assert not room_types.new_button.isEnabled()
    room_types.new_button.setEnabled(True)  # a page re-enabling it (a selection made) does not undo the gate
    assert not room_types.new_button.isEnabled()


def test_operator_may_work_the_calendar_but_not_the_channels(window_as):
    from ui import i18n

    i18n.install_language("zh_CN")  # the desk's default language: the reason is in Chinese
    try:
        window = window_as("desk")
    finally:
        i18n.install_language("en")
    actions = _actions(window)
    assert all(a.isEnabled() or a.property("refused_permission") is None for a in actions.values())
    assert actions["calendar.bulk_edit"].property("refused_permission") is None
    channels = window.pages["channels"]
    assert not channels.add_button.isEnabled() and channels.add_button.toolTip() == (
        "当前登录：desk（操作员），不能修改渠道、渠道密码或映射")
    assert channels.push_button.property("refused_permission") is None


def test_owner_sees_nothing_gated(window_as):
    window = window_as("owner")
    assert all(a.property("refused_permission") is None for a in _actions(window).values())
    assert window.pages["channels"].add_button.property("refused_permission") is None
