"""Signing in to the desk on start, once the database has accounts.

``CHANNELMGR_USER`` and ``CHANNELMGR_PASSWORD``, when both are set and right, sign in without the
dialog (a kiosk desk, the tests and benchmarks that start the app); otherwise the login dialog
asks, showing why those did not work. A database without accounts asks for its first
administrator (who is then signed in); the CLI on such a database keeps working without. A
password that has expired is changed in a dialog before the desk opens.
"""

from __future__ import annotations

import os

from channelmgr.cli_login import PASSWORD_ENV, USER_ENV
from channelmgr.errors import UserError
from channelmgr.security.demo_accounts import demo_owner_password
from channelmgr.security.signed_in import sign_in
from channelmgr.security.users import PasswordExpired
from channelmgr.services import Services

from .i18n import core_language
from .login_dialog import LoginDialog
from .roomtypes.language import error_text


def sign_in_desk(services: Services) -> bool:
    """True when someone signed in (or nobody needs to); False when the person chose Quit."""
    from .security.password_forms import ChangePasswordDialog, FirstAdministratorDialog

    users = services.users
    if not users.any():
        first = FirstAdministratorDialog(users)
        return _signed_in(first)
    name, password, error = os.environ.get(USER_ENV, ""), os.environ.get(PASSWORD_ENV), ""
    if name and password is not None:
        try:
            sign_in(users.authenticate(name, password, cause="desktop"))
            return True
        except PasswordExpired as exc:
            return _signed_in(ChangePasswordDialog(users, name, old_password=password,
                                                   expired=error_text(exc, core_language())))
        except UserError as exc:
            error = error_text(exc, core_language())
    dialog = LoginDialog(users, demo_password=demo_owner_password(services.db), user_name=name, error=error)
    if not _signed_in(dialog):
        return False
    return True


def _signed_in(dialog) -> bool:
    """Run a dialog that ends with an ``actor`` (signed in) or a refusal to go on (Quit)."""
    if dialog.exec() != dialog.DialogCode.Accepted or dialog.actor is None:
        return False
    sign_in(dialog.actor)
    return True
