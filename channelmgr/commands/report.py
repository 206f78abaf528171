"""``channelmgr report occupancy|revenue|channels|bookings|pace|target``: the owner's numbers.

Every report takes a period of nights, ``--from`` (the first night) and ``--to`` (the day after
the last night, as everywhere in channelmgr), and may narrow it to a room type and a channel.
``-o FILE.xlsx`` writes the report's workbook with its charts, the same one ``export report``
and the Reports page write. ``report target`` shows or sets the yearly revenue target.
"""

from __future__ import annotations

import json
from datetime import date

from ..cli_parser import pad_columns
from ..dates import parse_date
from ..errors import UserError
from ..language import say
from ..money import format_minor
from ..reservations.desk_bookings import DESK_SOURCE_NAMES

KINDS = ("occupancy", "revenue", "channels", "bookings", "pace", "target")
EXPORTABLE = ("occupancy", "revenue", "channels", "pace")


def register(sub) -> None:
    p = sub.add_parser("report", help=say("occupancy, ADR, RevPAR, channels, booking pace, revenue target",
                                          "报表：入住率、平均房价、RevPAR、渠道、预订进度、营收目标"))
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD", help=say("the first night", "首晚"))
    p.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD",
                   help=say("the day after the last night (exclusive, like a departure)", "最后一晚的次日（不含，同离店日期）"))
    p.add_argument("--property", metavar="CODE")
    p.add_argument("--room-type", metavar="CODE", help=say("only this room type", "只看该房型"))
    p.add_argument("--channel", metavar="NAME", help=say("only this channel (or desk source: phone, wechat, walk_in)",
                                                         "只看该渠道（或直订来源：phone、wechat、walk_in）"))
    p.add_argument("--as-of", type=parse_date, metavar="YYYY-MM-DD",
                   help=say("pace: the day seen from (default today)", "预订进度：以哪一天为准（默认今天）"))
    p.add_argument("--json", action="store_true", help=say("machine-readable output", "以 JSON 输出（供程序读取）"))
    p.add_argument("-o", "--output", metavar="FILE.xlsx",
                   help=say("write the report's workbook with its charts", "将报表连同图表写入工作簿"))
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=say("language of the workbook", "工作簿的语言"))
    target = p.add_argument_group(say("target", "营收目标"), say("report target: show, or set with --set",
                                                                "report target：查看营收目标，或用 --set 设定"))
    target.add_argument("--year", type=int, help=say("the target's year (default this year)", "目标所属年份（默认今年）"))
    target.add_argument("--set", dest="amount", metavar="YUAN",
                        help=say("set the yearly revenue target, in yuan", "设定年度营收目标（元）"))
    target.add_argument("--by", choices=("month", "season"), default="month",
                        help=say("how the year is split", "全年如何分配：按月或按季节"))
    target.add_argument("--season", action="append", default=[], metavar="NAME:MM-DD:MM-DD:PERCENT",
                        help=say("a season (first and last day) and its share of the year; repeat for each",
                                 "一个季节（首日和末日）及其占全年的比例；每个季节写一次"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    if args.kind == "target":
        return _target(args, services, pid)
    if not (args.start and args.end):
        raise UserError(f"report {args.kind} needs --from and --to (the first night and the day after the last)",
                        f"report {args.kind} 需要 --from 和 --to（首晚和最后一晚的次日）")
    if args.output:
        if args.kind not in EXPORTABLE:
            raise UserError(f"report {args.kind} has no workbook; -o works with {', '.join(EXPORTABLE)}",
                            f"report {args.kind} 没有工作簿；-o 适用于 {', '.join(EXPORTABLE)}")
        if not args.output.lower().endswith(".xlsx"):
            raise UserError(f"{args.output}: the file name must end in .xlsx", f"{args.output}：文件名必须以 .xlsx 结尾")
        result = services.excel.export_report(pid, args.output, args.start, args.end, args.lang, args.kind,
                                              args.room_type, args.channel)
        sheets = ", ".join(result.sheets)
        print(say(f"Wrote {result.path} ({result.rows} rows; sheets: {sheets})",
                  f"已写入 {result.path}（{result.rows} 行；工作表：{sheets}）"))
        return 0
    from ..reports.scope import ReportScope

    scope = ReportScope(pid, args.start, args.end, args.room_type, args.channel)
    report = services.reports.pace(scope, args.as_of) if args.kind == "pace" else getattr(services.reports, args.kind)(scope)
    if args.json:
        from ..reports.plain import plain

        print(json.dumps(plain(report), ensure_ascii=False, indent=2))
        return 0
    PRINTERS[args.kind](report)
    return 0


def _money(minor, currency="CNY") -> str:
    return "-" if minor is None else format_minor(minor, currency)


def _pct(value) -> str:
    return "-" if value is None else f"{value:.1%}"


def _heading(title: str, title_width: int, heads: list[str], widths) -> str:
    """A table's heading line, lined up by screen columns over the numbers below it (a Chinese
    word takes two columns a character)."""
    return pad_columns(title, title_width) + " " + " ".join(pad_columns(h, w, right=True) for h, w in zip(heads, widths))


def _print_figures_table(title: str, lines, currency: str) -> None:
    heads = say("nights room-n occ gross commission net ADR RevPAR", "间夜 可售 入住率 营收 佣金 净营收 平均房价 RevPAR").split()
    widths = (7, 7, 7, 12, 11, 12, 9, 9)
    print(_heading(title, 12, heads, widths))
    for label, f in lines:
        print(f"{pad_columns(label, 12)} {f.sold_nights:>7} {f.room_nights:>7} {_pct(f.occupancy):>7} {_money(f.gross_minor, currency):>12} "
              f"{_money(f.commission_minor, currency):>11} {_money(f.net_minor, currency):>12} "
              f"{_money(f.adr_minor, currency):>9} {_money(f.revpar_minor, currency):>9}")


def _print_occupancy(r) -> None:
    t = r.total
    print(say(f"{r.scope.start} – {r.scope.end} (exclusive), {r.rooms} rooms: occupancy {_pct(t.occupancy)}, "
              f"{t.sold_nights} of {t.room_nights} room-nights sold",
              f"{r.scope.start} – {r.scope.end}（不含末日），{r.rooms} 间房：入住率 {_pct(t.occupancy)}，"
              f"已售 {t.sold_nights} / {t.room_nights} 间夜"))
    _print_figures_table(say("room type", "房型"), [(line.code, line.figures) for line in r.room_types], r.currency)


def _print_revenue(r) -> None:
    _print_figures_table(say("month", "月份"), [(m.month, m.figures) for m in r.months] + [(say("total", "合计"), r.total)],
                         r.currency)


def _print_channels(r) -> None:
    heads = say("bookings nights gross commission net share cancel", "订单 间夜 营收 佣金 净营收 占比 取消率").split()
    print(_heading(say("channel", "渠道"), 14, heads, (8, 7, 12, 11, 12, 7, 7)))
    for line in r.channels:
        f = line.figures
        print(f"{pad_columns(_channel_name(line), 14)} {f.bookings:>8} {f.sold_nights:>7} {_money(f.gross_minor, r.currency):>12} "
              f"{_money(f.commission_minor, r.currency):>11} {_money(f.net_minor, r.currency):>12} "
              f"{_pct(line.share_of_gross):>7} {_pct(line.cancellation_rate):>7}")
    t = r.total
    print(f"{pad_columns(say('total', '合计'), 14)} {t.bookings:>8} {t.sold_nights:>7} {_money(t.gross_minor, r.currency):>12} "
          f"{_money(t.commission_minor, r.currency):>11} {_money(t.net_minor, r.currency):>12}")


def _channel_name(line) -> str:
    """The name the owner gave an OTA channel; a desk source (phone, WeChat…) in the CLI's language."""
    if line.is_ota:
        return line.label
    chinese, english = DESK_SOURCE_NAMES.get(line.channel, (line.channel, line.channel))
    return say(english, chinese)


def _print_bookings(r) -> None:
    stay = "-" if r.average_stay is None else f"{r.average_stay:.2f}"
    lead = "-" if r.average_lead_days is None else f"{r.average_lead_days:.1f}"
    print(say(f"arrivals {r.arrivals}: sold {r.sold}, cancelled {r.cancelled} ({_pct(r.cancellation_rate)}), "
              f"no-show {r.no_show} ({_pct(r.no_show_rate)})",
              f"到店订单 {r.arrivals}：入住 {r.sold}，取消 {r.cancelled}（{_pct(r.cancellation_rate)}），"
              f"未到店 {r.no_show}（{_pct(r.no_show_rate)}）"))
    print(say(f"average stay {stay} nights; average lead time {lead} days", f"平均入住 {stay} 晚；平均提前 {lead} 天预订"))
    print(say("stay (nights): ", "入住晚数：") + ", ".join(f"{b.label}: {b.bookings}" for b in r.stay_buckets))
    print(say("lead (days):   ", "提前天数：") + ", ".join(f"{b.label}: {b.bookings}" for b in r.lead_buckets))


def _print_pace(r) -> None:
    change = "-" if r.nights_change is None else f"{r.nights_change:+.1%}"
    c = r.currency
    print(say(f"{r.scope.start} – {r.scope.end} as of {r.as_of}: {r.nights} nights, {_money(r.gross_minor, c)} on the books",
              f"{r.scope.start} – {r.scope.end}，截至 {r.as_of}：已订 {r.nights} 间夜，{_money(r.gross_minor, c)}"))
    print(say(f"same time last year ({r.last_year_start} – {r.last_year_end}): {r.last_year_nights} nights, "
              f"{_money(r.last_year_gross_minor, c)} ({change}); last year's final: "
              f"{r.last_year_final_nights} nights, {_money(r.last_year_final_gross_minor, c)}",
              f"去年同期（{r.last_year_start} – {r.last_year_end}）：{r.last_year_nights} 间夜，"
              f"{_money(r.last_year_gross_minor, c)}（{change}）；去年最终：{r.last_year_final_nights} 间夜，"
              f"{_money(r.last_year_final_gross_minor, c)}"))


PRINTERS = {"occupancy": _print_occupancy, "revenue": _print_revenue, "channels": _print_channels,
            "bookings": _print_bookings, "pace": _print_pace}


def _target(args, services, pid: int) -> int:
    from ..reports.plain import plain
    from ..roomtypes.desk_user import desk_actor
    from ..reports.target import REST_OF_YEAR, RevenueTarget

    year = args.year or services.reports.today(pid).year
    if args.amount is not None:
        target = RevenueTarget(year, _yuan_to_minor(args.amount), args.by, seasons=tuple(_season(t) for t in args.season))
        services.reports.set_revenue_target(pid, target, desk_actor("command line: report target"))
    elif args.season or args.by != "month":
        raise UserError("--by and --season go with --set AMOUNT", "--by 和 --season 需与 --set 金额 一起使用")
    progress = services.reports.target_progress(pid, year)
    if progress is None:
        raise UserError(f"No revenue target for {year}; set one with: channelmgr report target --year {year} --set 1500000",
                        f"{year} 年还没有营收目标；设定：channelmgr report target --year {year} --set 1500000")
    if args.json:
        print(json.dumps(plain(progress), ensure_ascii=False, indent=2))
        return 0
    c, p = progress.currency, progress
    by = say(p.split, {"month": "按月", "season": "按季节"}[p.split])
    print(say(f"{year} target {_money(p.target_minor, c)} (by {p.split}); to date {_money(p.target_to_date_minor, c)}",
              f"{year} 年目标 {_money(p.target_minor, c)}（{by}）；截至今天应完成 {_money(p.target_to_date_minor, c)}"))
    nights = (say(f", {p.nights_needed} nights at ADR {_money(p.adr_minor, c)}",
                  f"，按平均房价 {_money(p.adr_minor, c)} 需 {p.nights_needed} 间夜") if p.nights_needed else "")
    print(say(f"actual {_money(p.actual_minor, c)}, on the books {_money(p.on_the_books_minor, c)}, still to sell "
              f"{_money(p.remaining_minor, c)} in {p.days_left} days ({_money(p.needed_per_day_minor, c)} a day{nights})",
              f"已入账 {_money(p.actual_minor, c)}，已预订 {_money(p.on_the_books_minor, c)}，还需 "
              f"{_money(p.remaining_minor, c)}，剩 {p.days_left} 天（每天 {_money(p.needed_per_day_minor, c)}{nights}）"))
    for part in p.parts:
        name = say(part.name, "其余时间") if part.name == REST_OF_YEAR else part.name
        print(say(f"  {name:<10} {part.first} – {part.end}  target {_money(part.target_minor, c):>12}  "
                  f"actual {_money(part.actual_minor, c):>12}  booked {_money(part.on_the_books_minor, c):>12}  {_pct(part.done):>7}",
                  f"  {name:<10} {part.first} – {part.end}  目标 {_money(part.target_minor, c):>12}  "
                  f"已入账 {_money(part.actual_minor, c):>12}  已预订 {_money(part.on_the_books_minor, c):>12}  {_pct(part.done):>7}"))
    return 0


def _yuan_to_minor(text: str) -> int:
    from decimal import Decimal, InvalidOperation

    try:
        value = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        raise UserError(f"--set {text!r}: not an amount in yuan (e.g. 1500000 or 1,500,000.00)",
                        f"--set {text!r}：不是以元为单位的金额（如 1500000 或 1,500,000.00）") from None
    if value != value.quantize(Decimal("0.01")):
        raise UserError(f"--set {text!r}: at most two decimals (fen)", f"--set {text!r}：最多两位小数（分）")
    return int(value * 100)


def _season(text: str):
    from ..reports.target import Season

    parts = text.split(":")
    if len(parts) != 4 or not parts[3].strip().isdigit():
        raise UserError(f"--season {text!r}: want NAME:MM-DD:MM-DD:PERCENT, e.g. 旺季:05-01:10-07:60",
                        f"--season {text!r}：格式应为 名称:MM-DD:MM-DD:占比，如 旺季:05-01:10-07:60")
    return Season(parts[0], parts[1], parts[2], int(parts[3]))
