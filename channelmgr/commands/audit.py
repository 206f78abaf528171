"""``channelmgr audit [--by USER] [--entity] [--from] [--to] [--search] [--night] [--json] [-o FILE.xlsx]``.

The audit trail, newest first: who changed what, when, before → after and why; every role may
read and export it.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from ..dates import parse_date
from ..errors import UserError
from ..language import say
from ..roomtypes.desk_user import desk_actor
from ..security.audit_trail import MAX_ROWS, AuditFilter


def register(sub) -> None:
    p = sub.add_parser("audit", help=say("the audit trail: who changed what and when (filters, Excel export)",
                                         "审计记录：谁在何时改了什么（可筛选，可导出 Excel）"))
    p.add_argument("--by", dest="who", metavar="USER", help=say("only the entries of this user", "只看该用户的记录"))
    p.add_argument("--entity", metavar="KIND", help=say("calendar, price_rule, rate_plan, reservation, channel, user, …",
                                                        "对象类型：calendar、price_rule、rate_plan、reservation、channel、user……"))
    p.add_argument("--id", dest="entity_id", metavar="ID",
                   help=say("only this entity (e.g. the room type id of a calendar row)", "只看该对象（如房态日历某一行的房型 id）"))
    p.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD",
                   help=say("first day (UTC)", "起始日（UTC）"))
    p.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD",
                   help=say("last day (UTC), inclusive", "截止日（UTC，含当天）"))
    p.add_argument("--search", metavar="TEXT", help=say("text in the cause, the id or the values", "在原因、id 或数值中查找文字"))
    p.add_argument("--night", type=parse_date, metavar="YYYY-MM-DD",
                   help=say("calendar: only changes of this night", "房态日历：只看这一晚的修改"))
    p.add_argument("--limit", type=int, default=MAX_ROWS, metavar="N")
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", type=Path, metavar="FILE.xlsx",
                   help=say("write the entries to a workbook", "将记录写入 Excel 工作簿"))
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=say("workbook headers", "工作簿表头的语言"))
    p.add_argument("--unmasked", action="store_true",
                   help=say("workbook: phone numbers in clear (administrator only; audited)",
                            "工作簿：显示完整电话号码（仅管理员；记入审计）"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    if args.output is not None and args.output.suffix.lower() != ".xlsx":
        raise UserError(f"The workbook must end in .xlsx: {args.output}", f"工作簿文件名须以 .xlsx 结尾：{args.output}")
    audit = ctx.services().audit
    rows = audit.query(AuditFilter(user=args.who, entity=args.entity, entity_id=args.entity_id, start=args.start,
                                   end=args.end, text=args.search, night=args.night, limit=args.limit))
    if args.output is not None:
        lines = audit.export(rows, args.output, args.lang,
                             unmasked_by=desk_actor("command line") if args.unmasked else None)
        print(say(f"Wrote {lines} change(s) of {len(rows)} entries to {args.output}",
                  f"已将 {len(rows)} 条记录中的 {lines} 项修改写入 {args.output}"))
    elif args.json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2, default=str))
    else:
        for r in rows:
            cause = f"  ({r.cause})" if r.cause else ""
            print(f"{r.local_at:%Y-%m-%d %H:%M:%S}  {r.user:<10} {r.action:<14} {r.entity}#{r.entity_id}  {r.change_text}{cause}")
    return 0
