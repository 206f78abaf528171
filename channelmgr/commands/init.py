"""``channelmgr init [--demo]``: create or upgrade the database, optionally with the demo homestay."""

from __future__ import annotations

from ..errors import UserError
from ..language import say


def register(sub) -> None:
    p = sub.add_parser("init", help=say("create or upgrade the database to the newest schema", "创建数据库，或升级到最新结构"))
    p.add_argument("--demo", action="store_true",
                   help=say("load the demo homestay (only into an empty database)", "载入演示民宿（仅限空数据库）"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    services = ctx.services()
    db = services.db
    safe_url = db.engine.url.render_as_string(hide_password=True)
    if args.demo:
        if not db.is_empty():
            raise UserError(f"{safe_url} already has data; the demo is only loaded into an empty database",
                            f"{safe_url} 已有数据；演示数据只装入空数据库")
        from ..demo import load_demo

        load_demo(db, accounts=True)
        print(say(f"Database ready with the demo homestay: {safe_url}", f"数据库已就绪，含演示民宿：{safe_url}"))
        _print_demo_accounts()
    else:
        print(say(f"Database ready: {safe_url}", f"数据库已就绪：{safe_url}"))
    return 0


def _print_demo_accounts() -> None:
    from ..security.demo_accounts import describe_demo_accounts

    print(say("Demo accounts (sign in with --user NAME and $CHANNELMGR_PASSWORD, or in the login dialog):",
              "演示账号（命令行用 --user 用户名 与 $CHANNELMGR_PASSWORD 登录，或在登录窗口登录）："))
    for line in describe_demo_accounts():
        print(f"  {line}")
