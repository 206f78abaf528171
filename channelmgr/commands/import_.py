"""``channelmgr import rooms|calendar FILE.xlsx [--dry-run]``: all-or-nothing workbook import.

Exit 0 only when everything was applied (or would be, with --dry-run); otherwise every problem
is printed as "sheet!cell: value — reason", with the path of the annotated copy, and exit 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..language import cli_language, say
from ..roomtypes.desk_user import desk_actor

EXIT_PROBLEMS = 1


def register(sub) -> None:
    p = sub.add_parser("import", help=say("read a room-types or calendar workbook back (all or nothing)",
                                          "导入房型或房态日历工作簿（要么全部导入，要么都不导入）"))
    p.add_argument("kind", choices=("rooms", "calendar"))
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.add_argument("--property", metavar="CODE")
    p.add_argument("--dry-run", action="store_true",
                   help=say("list what would change, write nothing", "试运行：列出会修改的内容，不写入"))
    p.add_argument("--force", action="store_true",
                   help=say("calendar: accept prices the fat-finger guard finds suspicious (a move of more than 50%%, …)",
                            "房态日历：接受像是输错的价格（变动超过 50%% 等）"))
    p.add_argument("--lang", choices=("zh", "en"),
                   help=say("language of the problem report (default: the CLI's)", "问题报告的语言（默认：命令行的语言）"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    actor = desk_actor("command line")
    if args.kind == "rooms":
        report = services.excel.import_rooms(pid, args.file, actor, dry_run=args.dry_run, lang=args.lang or cli_language())
    else:
        report = services.excel.import_calendar(pid, args.file, actor, dry_run=args.dry_run, lang=args.lang or cli_language(),
                                                force=args.force)
    stream = sys.stdout if report.ok else sys.stderr
    for line in report.summary_lines():
        print(line, file=stream)
    return 0 if report.ok else EXIT_PROBLEMS
