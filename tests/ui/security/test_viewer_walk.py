"""A viewer walks every page and every action: nothing that changes data is enabled, each greyed
thing says why, and the core still refuses what the greying stands for. An operator sees the
administrator's things (settings, accounts, channels) greyed."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication

import pytest

from channelmgr.actor import Actor
from channelmgr.security.roles import Permission, PermissionDenied, check

from .test_role_gates import window_as  # noqa: F401  (the fixture)

# What a viewer may use: reading, moving around, exporting, a dry run (it sends nothing), a drift audit.
READ_ONLY = {
    "Export chart as PNG", "Export chart as PNG…", "Today", "◀ Earlier", "Later ▶", "Rooms board", "Show archived",
    "Edit…",  # room types: opens the editor to read; its Save is greyed (checked below)
    "Dry run", "Audit now",  # the drift audit reads the channel back; its Push again / Accept theirs are greyed
    "Raw data",  # a booking revision's JSON instead of its labelled lines
    "Nights from", "Show", "Export to Excel…", "From", "Sign-ins", "Occupancy", "Revenue", "Channels",
    "Booking pace", "&Quit", "&Refresh", "&Export to Excel…", "&Change password…", "&About channelmgr",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "",
}


def _settle(qtbot, window, page) -> None:
    qtbot.waitUntil(lambda: bool(getattr(page, "loaded", True)), timeout=20000)
    window.ctx.db_tasks.wait()
    QApplication.processEvents()


def _choose_first_rows(page) -> None:
    """Select something in every list, as a person would, so selection-enabled buttons show."""
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() and model.index(0, 0).isValid():
            view.setCurrentIndex(model.index(0, 0))


def _enabled_controls(page) -> list[tuple[str, object]]:
    found = [(b.text(), b) for b in page.findChildren(QAbstractButton) if b.isEnabled() and b.isVisibleTo(page)
             and b.objectName() != "qt_tableview_cornerbutton"]
    found += [(a.text(), a) for a in page.findChildren(QAction) if a.isEnabled()]
    return found


def _walk(qtbot, window) -> tuple[list[str], set[str]]:
    """Every page (the calendar's rooms board too): enabled controls outside READ_ONLY, and the
    permissions that greyed something."""
    not_read_only, refused = [], set()
    for page_id, page in window.pages.items():
        window.show_page(page_id)
        _settle(qtbot, window, page)
        _choose_first_rows(page)
        _settle(qtbot, window, page)
        if page_id == "calendar":
            page.tabs.setCurrentWidget(page.board)
            qtbot.waitUntil(lambda: page.board.board is not None, timeout=20000)
            QApplication.processEvents()
        not_read_only += [f"{page_id}: {text!r}" for text, _c in _enabled_controls(page) if text not in READ_ONLY]
        refused |= {c.property("refused_permission") for c in page.findChildren(QAbstractButton) + page.findChildren(QAction)
                    if c.property("refused_permission")}
    not_read_only += [f"window: {a.text()!r}" for a in window.actions() if a.isEnabled() and a.text() not in READ_ONLY
                      and not a.objectName().startswith("go.")]
    refused |= {a.property("refused_permission") for a in window.actions() if a.property("refused_permission")}
    return not_read_only, refused


def test_a_viewer_finds_nothing_enabled_that_changes_data(qtbot, window_as):
    window = window_as("viewer")
    not_read_only, refused = _walk(qtbot, window)
    assert not_read_only == []
    # every kind of change was greyed somewhere …
    assert refused >= {p.value for p in Permission if p is not Permission.EXPORT}
    # … with the reason, and the core refuses each of them to this viewer all the same
    board = window.pages["calendar"].board
    walk_in = board.walk_in_button
    assert "viewer" in walk_in.toolTip() and "may not" in walk_in.toolTip()
    viewer = Actor("viewer", "test", "viewer")
    for permission in refused:
        with pytest.raises(PermissionDenied):
            check(window.ctx.services.db, viewer, Permission(permission))


def test_a_viewer_cannot_edit_a_calendar_cell_inline_and_is_told_why(qtbot, window_as):
    window = window_as("viewer")
    calendar = window.pages["calendar"]
    window.show_page("calendar")
    _settle(qtbot, window, calendar)
    calendar.view.setCurrentIndex(calendar.model.index(0, 0))
    assert calendar.open_bulk_edit() is None  # what a double click or Enter on a cell does
    assert "may not change the calendar" in calendar.status.text()


def test_a_viewer_opens_the_room_type_editor_to_read_with_save_greyed(qtbot, window_as):
    window = window_as("viewer")
    page = window.pages["room_types"]
    window.show_page("room_types")
    _settle(qtbot, window, page)
    page.view.selectRow(0)
    page.edit_selected()  # what Edit… does: the record comes from the database thread
    qtbot.waitUntil(lambda: getattr(page, "editor", None) is not None, timeout=20000)
    editor = page.editor
    assert not editor.save_button.isEnabled() and editor.save_button.property("refused_permission") == "room_types"
    editor.close()


def test_an_operator_sees_the_administrators_things_greyed(qtbot, window_as):
    window = window_as("desk")
    settings = window.pages["settings"]
    window.show_page("settings")
    _settle(qtbot, window, settings)
    saves = [b for b in settings.findChildren(QAbstractButton) if b.text() == "Save"]
    assert saves and all(not b.isEnabled() and b.property("refused_permission") == "settings" for b in saves)
    assert not window.actions_["file.users"].isEnabled()
    calendar = window.pages["calendar"]
    assert calendar.actions_["calendar.bulk_edit"].isEnabled()  # the day's work stays open


def test_under_a_viewer_automatic_sync_keeps_running_but_a_push_by_hand_is_refused(qtbot, window_as):
    """seeds/004: sync runs for the property (the scheduler's passes only carry out changes someone
    was allowed to make); a viewer may not trigger one (只讀權限 … 不具備操作權限)."""
    window = window_as("viewer")
    sync = window.ctx.services.sync
    assert sync.scheduler_running  # the desk's automatic passes run under a viewer too
    channels = window.pages["channels"]
    assert not channels.push_button.isEnabled() and channels.push_button.property("refused_permission") == "sync"
    channel_ids = sync.enabled_channels()
    assert channel_ids  # the demo's channels
    with pytest.raises(PermissionDenied, match="may not sync"):
        sync.push(channel_ids[0], actor=Actor("viewer", "channels page", "viewer"))
