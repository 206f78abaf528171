"""Users… (administrators): the accounts with role, state and last sign-in; add, change the
role, reset a password, disable or enable. Every change goes through the core, which checks the
role again and audits it; a refusal (the last administrator, a weak password) is said here."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from channelmgr.errors import UserError
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.security.roles import ROLE_NAMES_ZH, Role
from channelmgr.security.users import UserInfo, UserService

from ..i18n import core_language
from ..models.record_table import Column, RecordTableModel
from ..roomtypes.language import error_text


class AccountForm(QDialog):
    """Name, role and password of a new account, or only the password (reset)."""

    def __init__(self, title: str, *, name: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.name = QLineEdit(name or "", self)
        self.name.setReadOnly(name is not None)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role_label(role.value), role.value)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("account_password")
        form.addRow(self.tr("User name"), self.name)
        if name is None:
            form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password (8+ characters, letters and digits)"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def role_label(role: str) -> str:
    return ROLE_NAMES_ZH.get(Role(role), role) if core_language() == "zh" else role


class UsersDialog(QDialog):
    def __init__(self, users: UserService, parent: QWidget | None = None):
        super().__init__(parent)
        self.users = users
        self.setObjectName("users_dialog")
        self.setWindowTitle(self.tr("Users"))
        self.model = RecordTableModel([
            Column(self.tr("User name"), lambda u: u.name),
            Column(self.tr("Role"), lambda u: role_label(u.role)),
            Column(self.tr("State"), self._state),
            Column(self.tr("Last sign-in (UTC)"), lambda u: f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else ""),
            Column(self.tr("Review"), self._review),
        ], self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        for text, slot in ((self.tr("Add…"), self.add), (self.tr("Reset password…"), self.reset),
                           (self.tr("Disable / enable"), self.toggle)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.role_box = QComboBox(self)
        for role in Role:
            self.role_box.addItem(role_label(role.value), role.value)
        set_role = QPushButton(self.tr("Set role"), self)
        set_role.clicked.connect(self.set_role)
        row.addWidget(self.role_box)
        row.addWidget(set_role)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.resize(640, 360)
        self.reload()

    def _state(self, u: UserInfo) -> str:
        if not u.active:
            return self.tr("disabled")
        return self.tr("locked") if u.locked_until else self.tr("active")

    def _review(self, u: UserInfo) -> str:
        """Flag an account unused for the review period (seeds/004: 定期對賬號權限進行審查)."""
        days = self.unused.get(u.name)
        return "" if days is None else self.tr("unused for %1 days").replace("%1", str(days))

    def reload(self) -> None:
        self.unused = {a.name: a.days for a in self.users.review()}
        self.rows = self.users.list()
        self.model.set_rows(self.rows)

    def selected(self) -> UserInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _do(self, change, done: str) -> bool:
        try:
            change()
        except UserError as exc:
            self.message.setText(error_text(exc, core_language()))
            return False
        self.message.setText(done)
        self.reload()
        return True

    def add(self, form: AccountForm | None = None) -> None:
        form = form or AccountForm(self.tr("Add a user"), parent=self)
        if form.exec() == QDialog.DialogCode.Accepted:
            name = form.name.text().strip()
            self._do(lambda: self.users.add(desk_actor("users dialog"), name, form.role.currentData(),
                                            form.password.text()), self.tr("Added %1").replace("%1", name))

    def reset(self, form: AccountForm | None = None) -> None:
        user = self.selected()
        if user is None:
            return
        form = form or AccountForm(self.tr("Reset the password"), name=user.name, parent=self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self._do(lambda: self.users.reset_password(desk_actor("users dialog"), user.name, form.password.text()),
                     self.tr("Password of %1 reset: %1 chooses a new one at the next sign-in")
                     .replace("%1", user.name))

    def toggle(self) -> None:
        user = self.selected()
        if user is not None:
            self._do(lambda: self.users.set_active(desk_actor("users dialog"), user.name, not user.active),
                     (self.tr("Disabled %1") if user.active else self.tr("Enabled %1")).replace("%1", user.name))

    def set_role(self) -> None:
        user = self.selected()
        if user is not None:
            self._do(lambda: self.users.set_role(desk_actor("users dialog"), user.name, self.role_box.currentData()),
                     self.tr("%1 is now %2").replace("%1", user.name).replace("%2", self.role_box.currentText()))
