"""The ``channelmgr`` command line.

Every subcommand lives in its own module under ``channelmgr.commands`` and exposes
``register(subparsers)``; adding one is a new module plus one line in COMMANDS.
Only the module of the command being run is imported (the others pull in openpyxl, the sync
engine…): that keeps ``channelmgr`` (the desktop app) quick to start. ``--help`` loads them all.
User mistakes print one clear line and exit non-zero. No traceback ever reaches the terminal: a
file that cannot be written or read is named with the reason, a closed pipe (``… | head``) ends the
command quietly, and a real bug prints one line saying where its traceback was logged.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from datetime import datetime
from typing import Sequence

from . import __version__
from .cli_parser import LocalizedParser, error_prefix
from .config import data_dir, resolve_db_url
from .db.engine import DatabaseError
from .language import cli_language, say
from .os_errors import describe_os_error
from .errors import UserError

# command name → the module that registers it (in the order --help lists them)
COMMANDS = {
    "gui": "channelmgr.commands.gui",
    "init": "channelmgr.commands.init",
    "info": "channelmgr.commands.info",
    "property": "channelmgr.commands.property",
    "reservation": "channelmgr.commands.reservation",
    "calendar": "channelmgr.commands.calendar",
    "price": "channelmgr.commands.price",
    "report": "channelmgr.commands.report",
    "export": "channelmgr.commands.export",
    "ical": "channelmgr.commands.ical",
    "import": "channelmgr.commands.import_",
    "roomtype": "channelmgr.commands.roomtype",
    "room": "channelmgr.commands.room",
    "channel": "channelmgr.commands.channel",
    "sync": "channelmgr.commands.sync",
    "sandbox": "channelmgr.commands.sandbox",
    "user": "channelmgr.commands.user",
    "audit": "channelmgr.commands.audit",
    "privacy": "channelmgr.commands.privacy",
    "backup": "channelmgr.commands.backup",
}


class Context:
    """What a command needs from the outside: the database URL, opened on first use."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.db_url, self.db_is_default = resolve_db_url(getattr(args, "db", None))
        self._services = None

    def services(self, demo_if_empty: bool = False):
        if self._services is None:
            from .services import Services

            self._services = Services.open(self.db_url)
            if demo_if_empty and self._services.db.is_empty():
                from .demo import load_demo

                load_demo(self._services.db, accounts=True)
            from .cli_login import sign_in_for_command

            sign_in_for_command(self._services, getattr(self.args, "command", None), getattr(self.args, "user", None),
                                getattr(self.args, "action", None))
        return self._services

    def close(self) -> None:
        from .security.signed_in import sign_out

        sign_out()  # one command, one sign-in (tests run many commands in one process)
        if self._services is not None:
            self._services.close()


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=say("SQLAlchemy database URL (default: $CHANNELMGR_DB, else SQLite in the user data folder)",
                 "SQLAlchemy 数据库 URL（默认：$CHANNELMGR_DB，否则为用户数据文件夹中的 SQLite）"),
    )
    parser.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help=say("sign in as NAME (default: $CHANNELMGR_USER; password from $CHANNELMGR_PASSWORD or asked)",
                                 "以 NAME 登录（默认：$CHANNELMGR_USER；密码取自 $CHANNELMGR_PASSWORD，否则询问）"))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with ``only`` just that command registered (same parsing for it)."""
    parser = LocalizedParser(
        prog="channelmgr",
        description=say("Channel manager for homestays (民宿): rooms, calendar, prices, OTA channels.",
                        "民宿渠道管理：房型与房间、房态日历、价格、OTA 渠道。"),
    )
    parser.add_argument("--version", action="version", version=f"channelmgr {__version__}")
    _add_db_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(module).register(sub)
    # --db is accepted after the subcommand too ("channelmgr init --db URL").
    for subparser in sub.choices.values():
        _add_db_option(subparser)
    return parser


def _command_named(argv: Sequence[str]) -> str | None:
    """The command an argument list runs, without parsing it: the first word that is not an option
    (or the value of --db). None for --help/--version alone, or an unknown word (argparse says so)."""
    words = iter(argv)
    for word in words:
        if word in ("--db", "--user"):
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
        elif word in ("-h", "--help", "--version"):
            return None
    return "gui"  # plain `channelmgr` opens the desktop app


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(argv if argv is not None else sys.argv[1:])
    command = _command_named(argv)
    parser = build_parser(only=command)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    ctx = Context(args)
    try:
        code = int(args.func(args, ctx) or 0)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below, not at exit
        return code
    except UserError as exc:
        _refuse(exc.message(cli_language()))
        return 2
    except DatabaseError as exc:
        _refuse(str(exc))
        return 2
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except OSError as exc:  # a folder that does not exist, a file open in Excel, a full disk
        _refuse(describe_os_error(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug: the details go to a file for the report, one line to the person
        log = _log_traceback()
        print("channelmgr: " + say(f"internal error; details were written to {log}",
                                   f"内部错误，详情已写入 {log}"), file=sys.stderr)
        return 3
    finally:
        try:
            ctx.close()
        except Exception:
            _log_traceback()


def _refuse(text: str) -> None:
    print(f"channelmgr: {error_prefix(cli_language())}{text}", file=sys.stderr)


def _silence_stdout() -> None:
    """After the reader of our output went away (``| head``), point stdout at /dev/null so that
    Python's flush at exit does not raise again (the recipe of the ``signal`` module's docs)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (tests capture it)
        pass
    finally:
        os.close(devnull)


def _log_traceback() -> str:
    try:
        path = data_dir() / "errors.log"
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')} channelmgr {__version__}\n")
            log.write(traceback.format_exc())
        return str(path)
    except OSError:
        return "nowhere (the data folder cannot be written)"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
