"""``channelmgr user add|list|disable|enable|set-role|reset-password|change-password``: accounts.

Passwords are never command-line arguments: ``--password-env VAR`` reads one from an environment
variable, otherwise it is asked for (twice) in a terminal. Managing accounts needs an
administrator (checked by the service); changing one's own password needs only the old one.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from dataclasses import asdict

from ..errors import UserError
from ..roomtypes.desk_user import desk_actor
from ..security.roles import Role

ROLES = [r.value for r in Role]


def register(sub) -> None:
    p = sub.add_parser("user", help="user accounts: add, list, disable, reset or change a password")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add an account (administrators only; the first one must be one)",
                             allow_abbrev=False)
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--display-name", default="", metavar="TEXT")
    _password_option(add, "the new account's password")
    add.set_defaults(func=run_add)

    lst = actions.add_parser("list", help="accounts with role, state and last sign-in")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)

    for verb, helptext, func in (("disable", "stop an account from signing in", run_disable),
                                 ("enable", "let a disabled account sign in again", run_enable)):
        one = actions.add_parser(verb, help=helptext)
        one.add_argument("name", metavar="NAME")
        one.set_defaults(func=func)

    role = actions.add_parser("set-role", help="give an account another role")
    role.add_argument("name", metavar="NAME")
    role.add_argument("--role", required=True, choices=ROLES)
    role.set_defaults(func=run_set_role)

    reset = actions.add_parser("reset-password", help="set someone's password and end a lock-out (administrators)",
                               allow_abbrev=False)
    reset.add_argument("name", metavar="NAME")
    _password_option(reset, "the new password")
    reset.set_defaults(func=run_reset)

    change = actions.add_parser("change-password", help="change your own password (the old one from "
                                "$CHANNELMGR_PASSWORD or asked)", allow_abbrev=False)
    change.add_argument("name", metavar="NAME", nargs="?", help="default: the signed-in user")
    _password_option(change, "the new password")
    change.set_defaults(func=run_change)


def _password_option(parser, what: str) -> None:
    parser.add_argument("--password-env", metavar="VAR", help=f"environment variable holding {what}")


def _new_password(env_var: str | None) -> str:
    if env_var:
        value = os.environ.get(env_var)
        if not value:
            raise UserError(f"Environment variable {env_var} is not set or empty")
        return value
    if not (sys.stdin is not None and sys.stdin.isatty()):
        raise UserError("No new password: give --password-env VAR, or run the command in a terminal to be asked")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Again: ") != first:
        raise UserError("The two passwords differ; nothing was changed")
    return first


def run_add(args, ctx) -> int:
    users = ctx.services().users
    info = users.add(desk_actor("command line"), args.name, args.role, _new_password(args.password_env),
                     args.display_name)
    print(f"Added {info.name} ({info.role})")
    return 0


def run_list(args, ctx) -> int:
    users = ctx.services().users.list()
    if args.json:
        print(json.dumps([asdict(u) for u in users], ensure_ascii=False, indent=2, default=str))
        return 0
    for u in users:
        state = "disabled" if not u.active else (f"locked until {u.locked_until:%Y-%m-%d %H:%M} UTC"
                                                 if u.locked_until else "active")
        last = f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else "never"
        print(f"{u.name:<16} {u.role:<14} {state:<30} last sign-in {last}")
    return 0


def run_disable(args, ctx) -> int:
    ctx.services().users.set_active(desk_actor("command line"), args.name, False)
    print(f"Disabled {args.name}")
    return 0


def run_enable(args, ctx) -> int:
    ctx.services().users.set_active(desk_actor("command line"), args.name, True)
    print(f"Enabled {args.name}")
    return 0


def run_set_role(args, ctx) -> int:
    info = ctx.services().users.set_role(desk_actor("command line"), args.name, args.role)
    print(f"{info.name} is now {info.role}")
    return 0


def run_reset(args, ctx) -> int:
    ctx.services().users.reset_password(desk_actor("command line"), args.name, _new_password(args.password_env))
    print(f"Password of {args.name} reset")
    return 0


def run_change(args, ctx) -> int:
    services = ctx.services()  # signs in: the old password is the one just used
    name = args.name or desk_actor("").user
    old = os.environ.get("CHANNELMGR_PASSWORD")
    if old is None:
        if not (sys.stdin is not None and sys.stdin.isatty()):
            raise UserError("No current password: set $CHANNELMGR_PASSWORD or run the command in a terminal")
        old = getpass.getpass(f"Current password for {name}: ")
    services.users.change_password(name, old, _new_password(args.password_env))
    print(f"Password of {name} changed")
    return 0
