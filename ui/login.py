"""Signing in to the desk on start, once the database has accounts.

``CHANNELMGR_USER`` and ``CHANNELMGR_PASSWORD``, when both are set and right, sign in without the
dialog (a kiosk desk, the tests and benchmarks that start the app); otherwise the login dialog
asks, showing why those did not work. A database without accounts opens as before.
"""

from __future__ import annotations

import os

from channelmgr.cli_login import PASSWORD_ENV, USER_ENV
from channelmgr.errors import UserError
from channelmgr.security.demo_accounts import demo_owner_password
from channelmgr.security.signed_in import sign_in
from channelmgr.services import Services

from .login_dialog import LoginDialog, ui_lang
from .roomtypes.language import error_text


def sign_in_desk(services: Services) -> bool:
    """True when someone signed in (or nobody needs to); False when the person chose Quit."""
    users = services.users
    if not users.any():
        return True
    name, password, error = os.environ.get(USER_ENV, ""), os.environ.get(PASSWORD_ENV), ""
    if name and password is not None:
        try:
            sign_in(users.authenticate(name, password, cause="desktop"))
            return True
        except UserError as exc:
            error = error_text(exc, ui_lang())
    dialog = LoginDialog(users, demo_password=demo_owner_password(services.db), user_name=name, error=error)
    if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.actor is None:
        return False
    sign_in(dialog.actor)
    return True
