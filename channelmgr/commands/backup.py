"""``channelmgr backup create|list|preview FILE|restore FILE [--yes]``: SQLite backups.

``create`` makes one now into the backups folder (administrators and operators) and prunes by the
retention policy; ``restore`` (administrators) shows the preview first and asks, unless ``--yes``.
A PostgreSQL database is refused with the pg_dump / pg_restore way (README.md, Backups).
"""

from __future__ import annotations

import sys

from ..errors import UserError
from ..language import say
from ..roomtypes.desk_user import desk_actor

COUNT_NAMES = {"room_types": ("room types", "房型"), "reservations": ("reservations", "预订"),
               "calendar_nights": ("calendar nights", "日历夜数"), "channels": ("channels", "渠道"),
               "users": ("users", "用户")}


def register(sub) -> None:
    p = sub.add_parser("backup", help=say("back up the SQLite database, list, preview or restore a backup",
                                          "备份 SQLite 数据库；列出、预览或恢复备份"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("create", help=say("make a backup now (then prune by the retention policy)",
                                          "立即备份（随后按保留策略清理旧备份）")).set_defaults(func=run_create)
    actions.add_parser("list", help=say("the backups in the backups folder, newest first",
                                        "备份文件夹中的备份，最新的在前")).set_defaults(func=run_list)
    preview = actions.add_parser("preview", help=say("what a backup holds, without restoring it", "查看备份的内容，不恢复"))
    preview.add_argument("file", metavar="FILE")
    preview.set_defaults(func=run_preview)
    restore = actions.add_parser("restore", help=say("replace the database by a backup (the current one is backed up first)",
                                                     "用备份替换数据库（先备份当前数据库）"))
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--yes", action="store_true", help=say("do not ask for confirmation", "不再询问确认"))
    restore.set_defaults(func=run_restore)


def run_create(args, ctx) -> int:
    made = ctx.services().backups.create(desk_actor("channelmgr backup create"))
    print(say(f"Backed up to {made.path} ({made.size:,} bytes)", f"已备份到 {made.path}（{made.size:,} 字节）"))
    return 0


def run_list(args, ctx) -> int:
    backups = ctx.services().backups
    found = backups.list()
    if not found:
        print(say(f"No backups yet in {backups.folder()}", f"{backups.folder()} 中还没有备份"))
    for b in found:
        print(f"{b.at:%Y-%m-%d %H:%M:%S}\t{b.size:>12,}\t{b.path}")
    return 0


def describe(preview) -> list[str]:
    c = preview.contents
    lines = [say(f"Backup:          {preview.file.path}", f"备份：      {preview.file.path}"),
             say(f"Made:            {preview.file.at:%Y-%m-%d %H:%M:%S}", f"时间：      {preview.file.at:%Y-%m-%d %H:%M:%S}"),
             say(f"Schema:          {c.revision}", f"结构版本：  {c.revision}")]
    for key, (en, zh) in COUNT_NAMES.items():
        value = c.counts.get(key)
        shown = "—" if value is None else f"{value:,}"
        lines.append(say(f"{en.capitalize() + ':':<17}{shown}", f"{zh + '：':<10}{shown}"))
    lines.append(say(f"Newest change:   {c.newest_change or '—'}", f"最近修改：  {c.newest_change or '—'}"))
    return lines


def run_preview(args, ctx) -> int:
    print("\n".join(describe(ctx.services().backups.preview(args.file))))
    return 0


def run_restore(args, ctx) -> int:
    services = ctx.services()
    actor = desk_actor(f"channelmgr backup restore {args.file}")
    preview = services.backups.restore_preview(args.file, actor)  # a bad file is refused (and audited) first
    print("\n".join(describe(preview)))
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("Restoring replaces the whole database: add --yes to confirm without a terminal",
                            "恢复会替换整个数据库：非终端下请加 --yes 确认")
        answer = input(say("Replace the current database with this backup? Type yes: ",
                           "用此备份替换当前数据库？请输入 yes："))
        if answer.strip().lower() != "yes":
            print(say("Nothing was restored.", "未恢复任何内容。"))
            return 1
    done = services.backups.restore(args.file, actor)
    print(say(f"Restored {args.file}; the database as it was is in {done.safety_backup.path}",
              f"已恢复 {args.file}；恢复前的数据库已备份到 {done.safety_backup.path}"))
    return 0
