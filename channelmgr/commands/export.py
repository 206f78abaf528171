"""``channelmgr export rooms|calendar|reservations|report|extranet -o FILE.xlsx``: Excel workbooks."""

from __future__ import annotations

from pathlib import Path

from ..dates import parse_date
from ..errors import UserError
from ..language import say
from ..roomtypes.desk_user import desk_actor

KINDS = ("rooms", "calendar", "reservations", "report", "extranet")


def register(sub) -> None:
    p = sub.add_parser("export", help=say("write an Excel workbook (room types, calendar, reservations, report, OTA sheet)",
                                          "导出 Excel 工作簿（房型、房态日历、订单、报表、OTA 上传表）"))
    p.add_argument("kind", choices=KINDS)
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", type=Path)
    p.add_argument("--property", metavar="CODE")
    p.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD",
                   help=say("first night (calendar, extranet: default today)", "首晚（calendar、extranet：默认今天）"))
    p.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD",
                   help=say("end of the window, exclusive (calendar, extranet: default 90 nights)",
                            "截止日，不含当天（calendar、extranet：默认 90 晚）"))
    p.add_argument("--channel", metavar="NAME", help=say("extranet profile (meituan, tujia, ctrip) or reservation channel",
                                                         "OTA 后台表格式（meituan、tujia、ctrip）或订单渠道"))
    p.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help=say("language of labels and sheet names", "标签和工作表名称的语言"))
    p.add_argument("--unmasked", action="store_true",
                   help=say("reservations: phone numbers in clear (administrator only; audited)",
                            "订单：显示完整电话号码（仅管理员；记入审计）"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    if args.output.suffix.lower() != ".xlsx":
        raise UserError(f"{args.output}: the file name must end in .xlsx", f"{args.output}：文件名须以 .xlsx 结尾")
    if args.unmasked and args.kind != "reservations":
        raise UserError(f"--unmasked is for reservations; the {args.kind} export holds no phone numbers",
                        zh=f"--unmasked 仅用于订单导出；{args.kind} 导出不含电话号码")
    excel = ctx.services().excel
    pid = ctx.services().inventory.property_id(args.property)
    if args.kind == "rooms":
        result = excel.export_rooms(pid, args.output, args.lang)
    elif args.kind == "calendar":
        result = excel.export_calendar(pid, args.output, args.start, args.end, args.lang)
    elif args.kind == "reservations":
        result = excel.export_reservations(pid, args.output, args.start, args.end, args.channel, args.lang,
                                           unmasked_by=desk_actor("command line") if args.unmasked else None)
    elif args.kind == "report":
        if not (args.start and args.end):
            raise UserError("export report needs --from and --to", "export report 需要 --from 和 --to")
        result = excel.export_report(pid, args.output, args.start, args.end, args.lang)
    else:
        if not args.channel:
            raise UserError("export extranet needs --channel (e.g. meituan, tujia, ctrip)",
                            "export extranet 需要 --channel（例如 meituan、tujia、ctrip）")
        result = excel.export_extranet(pid, args.output, args.channel, args.start, args.end, args.lang)
    print(say(f"Wrote {result.path} ({result.rows} rows; sheets: {', '.join(result.sheets)})",
              f"已写入 {result.path}（{result.rows} 行；工作表：{'、'.join(result.sheets)}）"))
    return 0
