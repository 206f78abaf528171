"""Signing in on the command line, once a database has user accounts.

The name comes from ``--user NAME`` or ``CHANNELMGR_USER``, the password from
``CHANNELMGR_PASSWORD`` or, in a terminal, a prompt (never an argument: it would sit in the shell
history and in ``ps``). With neither and no terminal (cron, a pipe, CI) the command stops with one
line instead of waiting for input that never comes. A database without accounts works as before.
``init`` (create/upgrade the schema) and ``gui`` (its own login dialog) do not sign in here.
"""

from __future__ import annotations

import getpass
import os
import sys

from .errors import UserError
from .security.signed_in import sign_in

USER_ENV = "CHANNELMGR_USER"
PASSWORD_ENV = "CHANNELMGR_PASSWORD"
NO_SIGN_IN = frozenset({"init", "gui"})


# changing an expired password signs in with it: the only command an expired password may run
EXPIRED_MAY_RUN = ("user", "change-password")


def sign_in_for_command(services, command: str | None, user_option: str | None, action: str | None = None) -> None:
    if command in NO_SIGN_IN or not services.users.any():
        return
    terminal = sys.stdin is not None and sys.stdin.isatty()
    name = user_option or os.environ.get(USER_ENV)
    if not name:
        if not terminal:
            raise UserError(f"This database has user accounts: sign in with --user NAME or ${USER_ENV} "
                            f"(the password in ${PASSWORD_ENV})")
        name = input("User: ").strip()
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not terminal:
            raise UserError(f"No password for {name!r}: set ${PASSWORD_ENV}, or run the command in a terminal "
                            "to be asked for it")
        password = getpass.getpass(f"Password for {name}: ")
    sign_in(services.users.authenticate(name, password, cause="command line",
                                        allow_expired=(command, action) == EXPIRED_MAY_RUN))


FIRST_ACCOUNT_HINT = ("This database has no user accounts yet, so nobody signs in; add the first administrator "
                      "with `channelmgr user add NAME --role administrator --password-env VAR`",
                      "此数据库还没有用户账号，无需登录；添加第一个管理员："
                      "`channelmgr user add 用户名 --role administrator --password-env 变量名`")
