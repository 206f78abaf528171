"""The login dialog: who is at this desk (shown on start once the database has accounts).

On a demo database it says so and pre-fills ``owner`` with the demo password written beside it,
so ``scripts/start`` still opens the demo in one step. A wrong password, a locked or disabled
account is said in the dialog, which stays open; every attempt is audited by the core.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from channelmgr.actor import Actor
from channelmgr.errors import UserError
from channelmgr.security.demo_accounts import DEMO_ACCOUNTS
from channelmgr.security.users import PasswordExpired, UserService

from .i18n import core_language
from .roomtypes.language import error_text


class LoginDialog(QDialog):
    def __init__(self, users: UserService, *, demo_password: str | None = None, user_name: str = "",
                 error: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.users = users
        self.actor: Actor | None = None
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("Sign in to channelmgr"))
        layout = QVBoxLayout(self)

        self.demo_hint = QLabel(self)
        self.demo_hint.setObjectName("demo_hint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setVisible(demo_password is not None)
        if demo_password is not None:
            owner, desk, viewer = DEMO_ACCOUNTS
            # Names and passwords never broken across lines ("demo-" / "desk-1" reads as two words).
            self.demo_hint.setTextFormat(Qt.TextFormat.RichText)
            self.demo_hint.setText(
                html.escape(self.tr("This is the demo database. Sign in as %1 with the password %2 (administrator); "
                                    "%3 / %4 is an operator, %5 / %6 may only read and export."))
                .replace("%1", _unbroken(owner[0])).replace("%2", _unbroken(owner[2]))
                .replace("%3", _unbroken(desk[0])).replace("%4", _unbroken(desk[2]))
                .replace("%5", _unbroken(viewer[0])).replace("%6", _unbroken(viewer[2])))
            user_name = user_name or owner[0]
        layout.addWidget(self.demo_hint)

        form = QFormLayout()
        self.name = QLineEdit(user_name, self)
        self.name.setObjectName("login_name")
        self.password = QLineEdit(self)
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)

        self.error = QLabel(error, self)
        self.error.setObjectName("login_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.setVisible(bool(error))
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if user_name else self.name).setFocus(Qt.FocusReason.OtherFocusReason)

    def sign_in(self) -> None:
        # scrypt takes about 0.1 s: the desk waits that long once, before the main window exists
        try:
            self.actor = self.users.authenticate(self.name.text().strip(), self.password.text(), cause="desktop")
        except PasswordExpired as exc:
            self.actor = self._renew(exc)
            if self.actor is None:
                self.show_error(error_text(exc, core_language()))
                return
        except UserError as exc:
            self.show_error(error_text(exc, core_language()))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()

    def _renew(self, expired: PasswordExpired) -> Actor | None:
        """The right password, expired: choose a new one now (the old one was just typed)."""
        from .security.password_forms import ChangePasswordDialog

        self.renew_dialog = ChangePasswordDialog(self.users, expired.name, old_password=self.password.text(),
                                                 expired=error_text(expired, core_language()), parent=self)
        if self.renew_dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.renew_dialog.actor

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)


def _unbroken(text: str) -> str:
    return f'<span style="white-space: nowrap">{html.escape(text)}</span>'
