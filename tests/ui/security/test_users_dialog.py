"""Users… for administrators: add, reset, disable, set a role; refusals said in the dialog."""

from __future__ import annotations

import pytest

from channelmgr.demo import load_demo
from channelmgr.security.signed_in import sign_in, sign_out
from channelmgr.security.users import PasswordResetByAdministrator
from channelmgr.services import Services
from ui.security.users_dialog import AccountForm, UsersDialog


@pytest.fixture
def dialog(qtbot, db):
    load_demo(db, accounts=True)
    services = Services(db)
    sign_in(services.users.authenticate("owner", "demo-owner-1"))
    d = UsersDialog(services.users)
    qtbot.addWidget(d)
    yield d
    sign_out()
    services.close()


def _select(dialog, name):
    row = [u.name for u in dialog.rows].index(name)
    dialog.view.selectRow(row)


def _form(dialog, password, name=None, role=None):
    form = AccountForm("t", name=name, parent=dialog)
    if name is None:
        form.name.setText("clerk")
        form.role.setCurrentIndex(form.role.findData(role))
    form.password.setText(password)
    form.exec = lambda: AccountForm.DialogCode.Accepted  # as if OK was clicked
    return form


def test_lists_the_accounts(dialog):
    assert [u.name for u in dialog.rows] == ["desk", "owner", "viewer"]
    assert dialog.model.rowCount() == 3


def test_add_reset_disable_and_role(dialog):
    users = dialog.users
    dialog.add(_form(dialog, "weak", role="viewer"))
    assert "8" in dialog.message.text() and "clerk" not in [u.name for u in dialog.rows]
    dialog.add(_form(dialog, "clerk-pass-1", role="viewer"))
    assert "clerk" in [u.name for u in dialog.rows]
    assert users.authenticate("clerk", "clerk-pass-1").role == "viewer"
    _select(dialog, "clerk")
    dialog.reset(_form(dialog, "clerk-pass-2", name="clerk"))
    assert "clerk" in dialog.message.text()
    with pytest.raises(PasswordResetByAdministrator):  # clerk chooses its own before signing in
        users.authenticate("clerk", "clerk-pass-2")
    users.change_password("clerk", "clerk-pass-2", "clerk-own-3")
    assert users.authenticate("clerk", "clerk-own-3")
    _select(dialog, "clerk")
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("operator"))
    dialog.set_role()
    assert users.get("clerk").role == "operator"
    _select(dialog, "clerk")
    dialog.toggle()
    assert not users.get("clerk").active


def test_the_last_administrator_refusal_is_said(dialog):
    _select(dialog, "owner")
    dialog.toggle()
    assert "last active administrator" in dialog.message.text() or "管理员" in dialog.message.text()
    assert dialog.users.get("owner").active
