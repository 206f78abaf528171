"""First start of the desk on a database without accounts: the first administrator is created in a
dialog and signed in; the demo start still opens the login pre-filled with ``owner``; an expired
password is renewed in the desk; File → Change password…; the Users dialog flags unused accounts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from channelmgr.db.base import utcnow
from channelmgr.db.models import AuditEntry, User
from channelmgr.demo import load_demo
from channelmgr.security.signed_in import current, sign_in
from channelmgr.services import Services
from ui.login import sign_in_desk
from ui.security.password_forms import ChangePasswordDialog, FirstAdministratorDialog
from ui.security.users_dialog import UsersDialog


def _fill(dialog, password, again=None, name=None):
    if name is not None:
        dialog.name.setText(name)
    dialog.new_password.setText(password)
    dialog.again.setText(password if again is None else again)
    dialog.submit()


def _when_modal(steps):
    """Answer the modal dialog that ``sign_in_desk`` opens, once it is really open."""
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, answer)
            return
        steps(dialog, seen)

    QTimer.singleShot(0, answer)
    return seen


def test_first_start_creates_the_administrator_signs_in_and_audits(qapp, demo_services, monkeypatch):
    monkeypatch.delenv("CHANNELMGR_USER", raising=False)
    assert not demo_services.users.any()  # the demo homestay without its accounts

    def steps(dialog, seen):
        seen["title"], seen["policy"] = dialog.objectName(), dialog.policy.text()
        _fill(dialog, "short1", name="lin")
        seen["weak"] = dialog.error.text()
        _fill(dialog, "lin-admin-2024", again="lin-admin-2025", name="lin")
        seen["differ"] = dialog.error.text()
        _fill(dialog, "lin-admin-2024", name="lin")

    seen = _when_modal(steps)
    assert sign_in_desk(demo_services)
    assert seen["title"] == "first_administrator_dialog" and "8" in seen["policy"] and "90" in seen["policy"]
    assert "8" in seen["weak"] and "6" in seen["weak"]  # says what is missing
    assert seen["differ"]
    assert (current().user, current().role) == ("lin", "administrator")
    assert [(u.name, u.role) for u in demo_services.users.list()] == [("lin", "administrator")]
    with demo_services.db.session() as s:
        entries = [(e.actor, e.action, e.entity_id) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "user").order_by(AuditEntry.id))]
    assert entries == [("lin", "create", "lin"), ("lin", "sign_in", "lin")]


def test_a_second_first_administrator_is_refused(qtbot, demo_services):
    demo_services.users.add_first_administrator("lin", "lin-admin-2024")
    dialog = FirstAdministratorDialog(demo_services.users)
    qtbot.addWidget(dialog)
    _fill(dialog, "mallory-pass-1", name="mallory")
    assert dialog.actor is None and ("already has accounts" in dialog.error.text() or "已有账号" in dialog.error.text())
    assert [u.name for u in demo_services.users.list()] == ["lin"]


@pytest.fixture
def accounts(db):
    load_demo(db, accounts=True)
    services = Services(db)
    yield services
    services.close()


def test_demo_start_is_unchanged_login_prefilled_with_owner(qapp, accounts, monkeypatch):
    monkeypatch.delenv("CHANNELMGR_USER", raising=False)
    monkeypatch.delenv("CHANNELMGR_PASSWORD", raising=False)

    def steps(dialog, seen):
        seen["name"], seen["field"] = dialog.objectName(), dialog.name.text()
        dialog.password.setText("demo-owner-1")
        dialog.sign_in()

    seen = _when_modal(steps)
    assert sign_in_desk(accounts)
    assert seen == {"name": "login_dialog", "field": "owner"} and current().user == "owner"


def _age(services, name, days):
    with services.db.session() as s:  # as if the clock had moved on by that many days
        s.execute(update(User).where(User.username == name).values(password_changed_at=utcnow() - timedelta(days=days)))


def test_an_expired_password_is_renewed_in_the_desk_before_it_opens(qapp, accounts, monkeypatch):
    _age(accounts, "desk", 91)
    monkeypatch.setenv("CHANNELMGR_USER", "desk")
    monkeypatch.setenv("CHANNELMGR_PASSWORD", "demo-desk-1")

    def steps(dialog, seen):
        seen["name"], seen["intro"] = dialog.objectName(), dialog.intro.text()
        _fill(dialog, "demo-desk-1")  # the expired one again: refused
        seen["same"] = dialog.error.text()
        _fill(dialog, "desk-renewed-9")

    seen = _when_modal(steps)
    assert sign_in_desk(accounts)
    assert seen["name"] == "change_password_dialog" and ("expired" in seen["intro"] or "过期" in seen["intro"])
    assert seen["same"]
    assert current().user == "desk"
    assert accounts.users.authenticate("desk", "desk-renewed-9").role == "operator"


def test_a_password_reset_by_the_administrator_is_replaced_in_the_desk_before_it_opens(qapp, accounts, monkeypatch):
    from channelmgr.actor import Actor

    accounts.users.reset_password(Actor("owner", "test", "administrator"), "desk", "owner-chose-5")
    monkeypatch.setenv("CHANNELMGR_USER", "desk")
    monkeypatch.setenv("CHANNELMGR_PASSWORD", "owner-chose-5")

    def steps(dialog, seen):
        seen["name"], seen["intro"] = dialog.objectName(), dialog.intro.text()
        _fill(dialog, "desk-own-pass-6")

    seen = _when_modal(steps)
    assert sign_in_desk(accounts)
    assert seen["name"] == "change_password_dialog"
    assert "reset by an administrator" in seen["intro"] or "管理员重置" in seen["intro"]
    assert current().user == "desk"
    assert accounts.users.authenticate("desk", "desk-own-pass-6").role == "operator"  # no longer asked


def test_expired_in_the_login_dialog_then_cancel_stays_in_the_login(qtbot, accounts):
    from ui.login_dialog import LoginDialog

    _age(accounts, "owner", 120)
    dialog = LoginDialog(accounts.users)
    qtbot.addWidget(dialog)
    QTimer.singleShot(0, lambda: dialog.renew_dialog.reject())
    dialog.name.setText("owner")
    dialog.password.setText("demo-owner-1")
    dialog.sign_in()
    assert dialog.actor is None and ("expired" in dialog.error.text() or "过期" in dialog.error.text())


def test_change_password_from_the_file_menu(qtbot, accounts):
    from ui.app import build_context
    from ui.main_window import MainWindow

    sign_in(accounts.users.authenticate("viewer", "demo-viewer-1"))
    ctx = build_context(accounts)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        action = window.actions_["file.change_password"]
        assert action.isEnabled()  # a viewer changes its own password too
        action.trigger()
        dialog = window.change_password_dialog
        assert isinstance(dialog, ChangePasswordDialog)
        dialog.old_password.setText("wrong-old-1")
        _fill(dialog, "viewer-new-pass-3")
        assert dialog.isVisible() and dialog.error.text()
        dialog.old_password.setText("demo-viewer-1")
        _fill(dialog, "viewer-new-pass-3")
        assert not dialog.isVisible()
        assert accounts.users.authenticate("viewer", "viewer-new-pass-3")
    finally:
        window.close()
        ctx.db_tasks.wait()
        ctx.net_tasks.wait()


def test_users_dialog_flags_accounts_unused_for_90_days(qtbot, accounts):
    sign_in(accounts.users.authenticate("owner", "demo-owner-1"))
    _age(accounts, "viewer", 100)
    dialog = UsersDialog(accounts.users)
    qtbot.addWidget(dialog)
    column = dialog.model.columnCount() - 1
    flags = {dialog.rows[r].name: dialog.model.index(r, column).data() for r in range(dialog.model.rowCount())}
    assert "100" in flags["viewer"] and flags["owner"] == "" and flags["desk"] == ""
