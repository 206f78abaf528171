"""The two desk dialogs that set a password: the first administrator of a database without
accounts, and changing one's own password (from File → Change password…, or on sign-in once it
has expired). Both show the policy, ask the new password twice, and say a refusal of the core
(a weak or reused password, a wrong old one) in the dialog, which stays open."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from channelmgr.actor import Actor
from channelmgr.errors import UserError
from channelmgr.security.passwords import MIN_LENGTH
from channelmgr.security.users import UserService

from ..i18n import core_language
from ..roomtypes.language import error_text


class _PasswordDialog(QDialog):
    """A form with a policy line, the new password twice, an error line and OK / Cancel."""

    def __init__(self, users: UserService, parent: QWidget | None = None):
        super().__init__(parent)
        self.users = users
        self.actor: Actor | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.new_password = self._secret("new_password")
        self.again = self._secret("again_password")
        self.policy = QLabel(self.tr("The password needs at least %1 characters, with letters and digits; "
                                     "administrators and operators change it every %2 days.")
                             .replace("%1", str(MIN_LENGTH)).replace("%2", str(users.password_max_age_days())), self)
        self.policy.setObjectName("password_policy")
        self.policy.setWordWrap(True)
        layout.addWidget(self.policy)
        self.error = QLabel(self)
        self.error.setObjectName("password_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _secret(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def add_new_password_rows(self) -> None:
        self.form.addRow(self.tr("New password"), self.new_password)
        self.form.addRow(self.tr("New password again"), self.again)

    def submit(self) -> None:
        if self.new_password.text() != self.again.text():
            self.show_error(self.tr("The two passwords differ; type the same password twice."))
            return
        try:
            self.actor = self.apply(self.new_password.text())
        except UserError as exc:
            self.show_error(error_text(exc, core_language()))
            return
        self.accept()

    def apply(self, password: str) -> Actor:
        raise NotImplementedError

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.again.clear()


class FirstAdministratorDialog(_PasswordDialog):
    """A database without accounts, first start of the desk: who administers it."""

    def __init__(self, users: UserService, parent: QWidget | None = None):
        super().__init__(users, parent)
        self.setWindowTitle(self.tr("Welcome to channelmgr"))
        self.intro.setText(self.tr("This database has no user accounts yet. Create the administrator: this "
                                   "account manages the other accounts, the channels and the settings."))
        self.ok_button.setText(self.tr("Create and sign in"))
        self.cancel_button.setText(self.tr("Quit"))
        self.setObjectName("first_administrator_dialog")
        self.name = QLineEdit(self)
        self.name.setObjectName("admin_name")
        self.form.addRow(self.tr("User name"), self.name)
        self.add_new_password_rows()
        self.name.setFocus()

    def apply(self, password: str) -> Actor:
        return self.users.add_first_administrator(self.name.text().strip(), password)


class ChangePasswordDialog(_PasswordDialog):
    """One's own password: the old one proves it is the person; ``old_password`` given when the
    desk already knows it (it was just typed at sign-in and has expired)."""

    def __init__(self, users: UserService, name: str, *, old_password: str | None = None, expired: str = "",
                 parent: QWidget | None = None):
        super().__init__(users, parent)
        self.setWindowTitle(self.tr("Change password"))
        self.intro.setText(expired or self.tr("Change the password of %1.").replace("%1", name))
        self.ok_button.setText(self.tr("Change password"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.setObjectName("change_password_dialog")
        self.user_name = name
        self.old_password = self._secret("old_password")
        if old_password is None:
            self.form.addRow(self.tr("Current password"), self.old_password)
        else:
            self.old_password.setText(old_password)
        self.add_new_password_rows()
        (self.new_password if old_password is not None else self.old_password).setFocus()

    def apply(self, password: str) -> Actor:
        self.users.change_password(self.user_name, self.old_password.text(), password)
        return self.users.authenticate(self.user_name, password, cause="desktop")
