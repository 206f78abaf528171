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
    p = sub.add_parser("audit", help="the audit trail: who changed what and when (filters, Excel export)")
    p.add_argument("--by", dest="who", metavar="USER", help="only the entries of this user")
    p.add_argument("--entity", metavar="KIND", help="calendar, price_rule, rate_plan, reservation, channel, user, …")
    p.add_argument("--id", dest="entity_id", metavar="ID", help="only this entity (e.g. the room type id of a calendar row)")
    p.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD", help="first day (UTC)")
    p.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD", help="last day (UTC), inclusive")
    p.add_argument("--search", metavar="TEXT", help="text in the cause, the id or the values")
    p.add_argument("--night", type=parse_date, metavar="YYYY-MM-DD", help="calendar: only changes of this night")
    p.add_argument("--limit", type=int, default=MAX_ROWS, metavar="N")
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", type=Path, metavar="FILE.xlsx", help="write the entries to a workbook")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="workbook headers")
    p.add_argument("--unmasked", action="store_true",
                   help="workbook: phone numbers in clear (administrator only; audited)")
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
            print(f"{r.at:%Y-%m-%d %H:%M:%S}  {r.user:<10} {r.action:<14} {r.entity}#{r.entity_id}  {r.change_text}{cause}")
    return 0
