"""The login dialog: right and wrong passwords, a locked account, the demo's hint, sign-in on start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from channelmgr.demo import load_demo
from channelmgr.security.signed_in import current
from channelmgr.security.users import MAX_FAILED_ATTEMPTS
from channelmgr.services import Services
from ui.login import sign_in_desk
from ui.login_dialog import LoginDialog


@pytest.fixture
def services(db):
    load_demo(db, accounts=True)
    services = Services(db)
    yield services
    services.close()


def _dialog(qtbot, services, **options) -> LoginDialog:
    dialog = LoginDialog(services.users, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _try(dialog, name, password):
    dialog.name.setText(name)
    dialog.password.setText(password)
    dialog.sign_in()


def test_right_password_signs_in_with_the_role(qtbot, services):
    dialog = _dialog(qtbot, services)
    _try(dialog, "desk", "demo-desk-1")
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert (dialog.actor.user, dialog.actor.role) == ("desk", "operator")


def test_wrong_password_stays_open_says_why_and_clears_the_field(qtbot, services):
    dialog = _dialog(qtbot, services)
    _try(dialog, "desk", "demo-desk-9")
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.error.isVisible() and "desk" in dialog.error.text() and "4" in dialog.error.text()
    assert dialog.password.text() == ""


def test_locked_account_is_said_and_the_right_password_does_not_open_it(qtbot, services):
    dialog = _dialog(qtbot, services)
    for _ in range(MAX_FAILED_ATTEMPTS):
        _try(dialog, "viewer", "wrong-pass-1")
    _try(dialog, "viewer", "demo-viewer-1")
    assert dialog.actor is None and dialog.isVisible()
    assert "锁定" in dialog.error.text() or "locked" in dialog.error.text()


def test_demo_database_says_so_and_prefills_owner(qtbot, services):
    from channelmgr.security.demo_accounts import demo_owner_password

    dialog = _dialog(qtbot, services, demo_password=demo_owner_password(services.db))
    assert dialog.demo_hint.isVisible() and "demo-owner-1" in dialog.demo_hint.text()
    assert dialog.name.text() == "owner"
    dialog.password.setText("demo-owner-1")  # what the owner types, reading the hint
    dialog.sign_in()
    assert dialog.actor.role == "administrator"


def test_no_hint_once_the_owner_changed_the_demo_password(services):
    from channelmgr.security.demo_accounts import demo_owner_password

    services.users.change_password("owner", "demo-owner-1", "my-own-pass-1")
    assert demo_owner_password(services.db) is None


def test_on_start_the_environment_signs_in_without_the_dialog(qapp, services, monkeypatch):
    monkeypatch.setenv("CHANNELMGR_USER", "viewer")
    monkeypatch.setenv("CHANNELMGR_PASSWORD", "demo-viewer-1")
    assert sign_in_desk(services)
    assert (current().user, current().role) == ("viewer", "viewer")


def test_on_start_a_wrong_environment_password_opens_the_dialog_with_the_reason(qapp, services, monkeypatch):
    monkeypatch.setenv("CHANNELMGR_USER", "desk")
    monkeypatch.setenv("CHANNELMGR_PASSWORD", "stale-pass-1")
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        seen["error"], seen["name"] = dialog.error.text(), dialog.name.text()
        _try(dialog, "desk", "demo-desk-1")

    QTimer.singleShot(0, answer)
    assert sign_in_desk(services)
    assert seen["name"] == "desk" and "desk" in seen["error"]
    assert current().user == "desk"


def test_quit_in_the_dialog_does_not_start_the_app(qapp, services, monkeypatch):
    monkeypatch.delenv("CHANNELMGR_USER")
    monkeypatch.delenv("CHANNELMGR_PASSWORD")
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert not sign_in_desk(services)
    assert current() is None


def test_a_database_without_accounts_asks_for_its_administrator_and_quit_stops(qapp, demo_services):
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        seen["name"] = dialog.objectName()
        dialog.reject()

    QTimer.singleShot(0, answer)
    assert not sign_in_desk(demo_services) and current() is None
    assert seen["name"] == "first_administrator_dialog" and not demo_services.users.any()
