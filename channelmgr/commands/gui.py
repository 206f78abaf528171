"""``channelmgr gui`` (also plain ``channelmgr``): open the desktop app."""

from __future__ import annotations

import importlib

from ..language import say


def register(sub) -> None:
    p = sub.add_parser("gui", help=say("open the desktop app (the default command)", "打开桌面程序（默认命令）"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    # The CLI is the composition root: the desktop UI is loaded only when asked for, by name,
    # so that importing the core never pulls in Qt (tests/core/test_no_qt.py checks that).
    app = importlib.import_module("ui.app")
    return app.run_gui(ctx.db_url, demo_if_empty=ctx.db_is_default)
