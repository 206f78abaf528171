"""``channelmgr user add|list|review|policy|disable|enable|set-role|reset-password|change-password``.

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

from ..cli_login import FIRST_ACCOUNT_HINT
from ..cli_parser import pad_columns
from ..errors import UserError
from ..language import say
from ..roomtypes.desk_user import desk_actor
from ..security.roles import ROLE_NAMES_ZH, Role

ROLES = [r.value for r in Role]


def register(sub) -> None:
    p = sub.add_parser("user", help=say("user accounts: add, list, disable, reset or change a password",
                                        "用户账号：添加、列出、停用、重置或修改密码"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=say("add an account (administrators only; the first one must be one)",
                                             "添加账号（仅限管理员；第一个账号必须是管理员）"),
                             allow_abbrev=False)
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--display-name", default="", metavar="TEXT")
    _password_option(add, say("the new account's password", "新账号密码"))
    add.set_defaults(func=run_add)

    lst = actions.add_parser("list", help=say("accounts with role, state and last sign-in", "账号及其角色、状态和上次登录"))
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)

    review = actions.add_parser("review", help=say("active accounts unused for the review period (90 days by default)",
                                                   "复核期（默认 90 天）内未使用的启用账号"))
    review.set_defaults(func=run_review)

    policy = actions.add_parser("policy", help=say("show or set password expiry and the review period (days)",
                                                   "查看或设置密码有效期和账号复核期（天）"))
    policy.add_argument("--password-max-age", type=int, metavar="DAYS",
                        help=say("0: passwords never expire", "0：密码永不过期"))
    policy.add_argument("--review-after", type=int, metavar="DAYS", help=say("0: no account review", "0：不复核账号"))
    policy.set_defaults(func=run_policy)

    for verb, helptext, func in (("disable", say("stop an account from signing in", "禁止账号登录"), run_disable),
                                 ("enable", say("let a disabled account sign in again", "允许已停用的账号重新登录"),
                                  run_enable)):
        one = actions.add_parser(verb, help=helptext)
        one.add_argument("name", metavar="NAME")
        one.set_defaults(func=func)

    role = actions.add_parser("set-role", help=say("give an account another role", "更改账号的角色"))
    role.add_argument("name", metavar="NAME")
    role.add_argument("--role", required=True, choices=ROLES)
    role.set_defaults(func=run_set_role)

    reset = actions.add_parser("reset-password", help=say("set someone's password and end a lock-out (administrators)",
                                                          "设置他人的密码并解除锁定（管理员）"),
                               allow_abbrev=False)
    reset.add_argument("name", metavar="NAME")
    _password_option(reset, say("the new password", "新密码"))
    reset.set_defaults(func=run_reset)

    change = actions.add_parser("change-password", allow_abbrev=False,
                                help=say("change your own password (the old one from $CHANNELMGR_PASSWORD or asked)",
                                         "修改自己的密码（旧密码取自 $CHANNELMGR_PASSWORD，否则询问）"))
    change.add_argument("name", metavar="NAME", nargs="?", help=say("default: the signed-in user", "默认：当前登录的用户"))
    _password_option(change, say("the new password", "新密码"))
    change.set_defaults(func=run_change)


def _password_option(parser, what: str) -> None:
    """``what``: the password, already in the CLI's language."""
    parser.add_argument("--password-env", metavar="VAR",
                        help=say(f"environment variable holding {what}", f"存放{what}的环境变量名"))


def _new_password(env_var: str | None) -> str:
    if env_var:
        value = os.environ.get(env_var)
        if not value:
            raise UserError(f"Environment variable {env_var} is not set or empty", f"环境变量 {env_var} 未设置或为空")
        return value
    if not (sys.stdin is not None and sys.stdin.isatty()):
        raise UserError("No new password: give --password-env VAR, or run the command in a terminal to be asked",
                    "没有新密码：请用 --password-env 变量名，或在终端中运行以输入密码")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Again: ") != first:
        raise UserError("The two passwords differ; nothing was changed", "两次输入的密码不一致，未做任何修改")
    return first


def run_add(args, ctx) -> int:
    users = ctx.services().users
    info = users.add(desk_actor("command line"), args.name, args.role, _new_password(args.password_env),
                     args.display_name)
    print(say(f"Added {info.name} ({info.role})", f"已添加 {info.name}（{_role(info.role)}）"))
    return 0


def run_list(args, ctx) -> int:
    service = ctx.services().users
    users, unused = service.list(), {a.name: a for a in service.review()}
    if args.json:
        print(json.dumps([{**asdict(u), "unused_days": unused[u.name].days if u.name in unused else None}
                          for u in users], ensure_ascii=False, indent=2, default=str))
        return 0
    if not users:
        print(say(*FIRST_ACCOUNT_HINT))
    for u in users:
        print(_account_line(u, unused.get(u.name)))
    return 0


def _account_line(u, unused) -> str:
    if not u.active:
        state = say("disabled", "已停用")
    elif u.locked_until:
        state = say(f"locked until {u.locked_until:%Y-%m-%d %H:%M} UTC", f"锁定至 {u.locked_until:%Y-%m-%d %H:%M} UTC")
    else:
        state = say("active", "正常")
    last = f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else say("never", "从未")
    role = say(u.role, _role(u.role))
    flag = say(f"  UNUSED {unused.days} days", f"  未使用 {unused.days} 天") if unused else ""
    return say(f"{u.name:<16} {role:<14} {state:<30} last sign-in {last}{flag}",
               f"{u.name:<16} {pad_columns(role, 14)} {pad_columns(state, 30)} 上次登录 {last}{flag}")


def _role(role: str) -> str:
    return ROLE_NAMES_ZH[Role(role)] if role in ROLES else role


def run_review(args, ctx) -> int:
    service = ctx.services().users
    if not service.any():
        print(say(*FIRST_ACCOUNT_HINT))
        return 0
    days, unused = service.review_after_days(), service.review()
    if not days:
        print(say("The account review is turned off (channelmgr user policy --review-after DAYS)",
                  "账号审查已关闭（channelmgr user policy --review-after 天数）"))
        return 0
    if not unused:
        print(say(f"Every active account signed in within the last {days} days",
                  f"所有启用的账号在最近 {days} 天内都登录过"))
        return 0
    print(say(f"Accounts unused for {days} days or more (disable them, or check they are still needed):",
              f"超过 {days} 天未使用的账号（请停用，或确认仍然需要）："))
    for a in unused:
        last = f"{a.last_login_at:%Y-%m-%d}" if a.last_login_at else say("never signed in", "从未登录")
        print(f"  {a.name:<16} {a.role:<14} {last:<16} {say(f'{a.days} days', f'{a.days} 天')}")
    return 0


def run_policy(args, ctx) -> int:
    service = ctx.services().users
    if args.password_max_age is not None or args.review_after is not None:
        service.set_security_days(desk_actor("command line"), password_max_age=args.password_max_age,
                                  review_after=args.review_after)
    print(say(f"Passwords of administrators and operators expire after {service.password_max_age_days()} days "
              f"(0: never); accounts unused for {service.review_after_days()} days are flagged (0: never)",
              f"管理员和操作员的密码 {service.password_max_age_days()} 天后过期（0：不过期）；"
              f"{service.review_after_days()} 天未使用的账号会被标出（0：不标出）"))
    return 0


def run_disable(args, ctx) -> int:
    ctx.services().users.set_active(desk_actor("command line"), args.name, False)
    print(say(f"Disabled {args.name}", f"已停用 {args.name}"))
    return 0


def run_enable(args, ctx) -> int:
    ctx.services().users.set_active(desk_actor("command line"), args.name, True)
    print(say(f"Enabled {args.name}", f"已启用 {args.name}"))
    return 0


def run_set_role(args, ctx) -> int:
    info = ctx.services().users.set_role(desk_actor("command line"), args.name, args.role)
    print(say(f"{info.name} is now {info.role}", f"{info.name} 现在是{_role(info.role)}"))
    return 0


def run_reset(args, ctx) -> int:
    ctx.services().users.reset_password(desk_actor("command line"), args.name, _new_password(args.password_env))
    print(say(f"Password of {args.name} reset; {args.name} chooses a new one at the next sign-in",
              f"已重置 {args.name} 的密码；{args.name} 下次登录时须设置新密码"))
    return 0


def run_change(args, ctx) -> int:
    services = ctx.services()  # signs in: the old password is the one just used
    name = args.name or desk_actor("").user
    old = os.environ.get("CHANNELMGR_PASSWORD")
    if old is None:
        if not (sys.stdin is not None and sys.stdin.isatty()):
            raise UserError("No current password: set $CHANNELMGR_PASSWORD or run the command in a terminal",
                            "没有当前密码：请设置 $CHANNELMGR_PASSWORD，或在终端中运行")
        old = getpass.getpass(f"Current password for {name}: ")
    services.users.change_password(name, old, _new_password(args.password_env))
    print(say(f"Password of {name} changed", f"{name} 的密码已修改"))
    return 0
