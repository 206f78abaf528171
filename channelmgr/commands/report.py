"""``channelmgr report occupancy|revenue|channels|bookings|pace|target``: the owner's numbers.

Every report takes a period of nights, ``--from`` (the first night) and ``--to`` (the day after
the last night, as everywhere in channelmgr), and may narrow it to a room type and a channel.
``-o FILE.xlsx`` writes the report's workbook with its charts, the same one ``export report``
and the Reports page write. ``report target`` shows or sets the yearly revenue target.
"""

from __future__ import annotations

import json
from datetime import date

from ..dates import parse_date
from ..errors import UserError
from ..money import format_minor

KINDS = ("occupancy", "revenue", "channels", "bookings", "pace", "target")
EXPORTABLE = ("occupancy", "revenue", "channels", "pace")


def register(sub) -> None:
    p = sub.add_parser("report", help="occupancy, ADR, RevPAR, channels, booking pace, revenue target")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD", help="the first night")
    p.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD",
                   help="the day after the last night (exclusive, like a departure)")
    p.add_argument("--property", metavar="CODE")
    p.add_argument("--room-type", metavar="CODE", help="only this room type")
    p.add_argument("--channel", metavar="NAME", help="only this channel (or desk source: phone, wechat, walk_in)")
    p.add_argument("--as-of", type=parse_date, metavar="YYYY-MM-DD", help="pace: the day seen from (default today)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("-o", "--output", metavar="FILE.xlsx", help="write the report's workbook with its charts")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the workbook")
    target = p.add_argument_group("target", "report target: show, or set with --set")
    target.add_argument("--year", type=int, help="the target's year (default this year)")
    target.add_argument("--set", dest="amount", metavar="YUAN", help="set the yearly revenue target, in yuan")
    target.add_argument("--by", choices=("month", "season"), default="month", help="how the year is split")
    target.add_argument("--season", action="append", default=[], metavar="NAME:MM-DD:MM-DD:PERCENT",
                        help="a season (first and last day) and its share of the year; repeat for each")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    if args.kind == "target":
        return _target(args, services, pid)
    if not (args.start and args.end):
        raise UserError(f"report {args.kind} needs --from and --to (the first night and the day after the last)")
    if args.output:
        if args.kind not in EXPORTABLE:
            raise UserError(f"report {args.kind} has no workbook; -o works with {', '.join(EXPORTABLE)}")
        if not args.output.lower().endswith(".xlsx"):
            raise UserError(f"{args.output}: the file name must end in .xlsx")
        result = services.excel.export_report(pid, args.output, args.start, args.end, args.lang, args.kind,
                                              args.room_type, args.channel)
        print(f"Wrote {result.path} ({result.rows} rows; sheets: {', '.join(result.sheets)})")
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


def _print_figures_table(title: str, lines, currency: str) -> None:
    print(f"{title:<12} {'nights':>7} {'room-n':>7} {'occ':>7} {'gross':>12} {'commission':>11} {'net':>12} {'ADR':>9} {'RevPAR':>9}")
    for label, f in lines:
        print(f"{label:<12} {f.sold_nights:>7} {f.room_nights:>7} {_pct(f.occupancy):>7} {_money(f.gross_minor, currency):>12} "
              f"{_money(f.commission_minor, currency):>11} {_money(f.net_minor, currency):>12} "
              f"{_money(f.adr_minor, currency):>9} {_money(f.revpar_minor, currency):>9}")


def _print_occupancy(r) -> None:
    print(f"{r.scope.start} – {r.scope.end} (exclusive), {r.rooms} rooms: occupancy {_pct(r.total.occupancy)}, "
          f"{r.total.sold_nights} of {r.total.room_nights} room-nights sold")
    _print_figures_table("room type", [(line.code, line.figures) for line in r.room_types], r.currency)


def _print_revenue(r) -> None:
    _print_figures_table("month", [(m.month, m.figures) for m in r.months] + [("total", r.total)], r.currency)


def _print_channels(r) -> None:
    print(f"{'channel':<14} {'bookings':>8} {'nights':>7} {'gross':>12} {'commission':>11} {'net':>12} {'share':>7} {'cancel':>7}")
    for line in r.channels:
        f = line.figures
        print(f"{line.channel:<14} {f.bookings:>8} {f.sold_nights:>7} {_money(f.gross_minor, r.currency):>12} "
              f"{_money(f.commission_minor, r.currency):>11} {_money(f.net_minor, r.currency):>12} "
              f"{_pct(line.share_of_gross):>7} {_pct(line.cancellation_rate):>7}")
    t = r.total
    print(f"{'total':<14} {t.bookings:>8} {t.sold_nights:>7} {_money(t.gross_minor, r.currency):>12} "
          f"{_money(t.commission_minor, r.currency):>11} {_money(t.net_minor, r.currency):>12}")


def _print_bookings(r) -> None:
    stay = "-" if r.average_stay is None else f"{r.average_stay:.2f}"
    lead = "-" if r.average_lead_days is None else f"{r.average_lead_days:.1f}"
    print(f"arrivals {r.arrivals}: sold {r.sold}, cancelled {r.cancelled} ({_pct(r.cancellation_rate)}), "
          f"no-show {r.no_show} ({_pct(r.no_show_rate)})")
    print(f"average stay {stay} nights; average lead time {lead} days")
    print("stay (nights): " + ", ".join(f"{b.label}: {b.bookings}" for b in r.stay_buckets))
    print("lead (days):   " + ", ".join(f"{b.label}: {b.bookings}" for b in r.lead_buckets))


def _print_pace(r) -> None:
    change = "-" if r.nights_change is None else f"{r.nights_change:+.1%}"
    print(f"{r.scope.start} – {r.scope.end} as of {r.as_of}: {r.nights} nights, {_money(r.gross_minor, r.currency)} on the books")
    print(f"same time last year ({r.last_year_start} – {r.last_year_end}): {r.last_year_nights} nights, "
          f"{_money(r.last_year_gross_minor, r.currency)} ({change}); last year's final: "
          f"{r.last_year_final_nights} nights, {_money(r.last_year_final_gross_minor, r.currency)}")


PRINTERS = {"occupancy": _print_occupancy, "revenue": _print_revenue, "channels": _print_channels,
            "bookings": _print_bookings, "pace": _print_pace}


def _target(args, services, pid: int) -> int:
    from ..actor import Actor
    from ..reports.plain import plain
    from ..reports.target import RevenueTarget

    year = args.year or services.reports.today(pid).year
    if args.amount is not None:
        target = RevenueTarget(year, _yuan_to_minor(args.amount), args.by, seasons=tuple(_season(t) for t in args.season))
        services.reports.set_revenue_target(pid, target, Actor("cli", "report target --set"))
    elif args.season or args.by != "month":
        raise UserError("--by and --season go with --set AMOUNT")
    progress = services.reports.target_progress(pid, year)
    if progress is None:
        raise UserError(f"No revenue target for {year}; set one with: channelmgr report target --year {year} --set 1500000")
    if args.json:
        print(json.dumps(plain(progress), ensure_ascii=False, indent=2))
        return 0
    c = progress.currency
    print(f"{year} target {_money(progress.target_minor, c)} (by {progress.split}); to date {_money(progress.target_to_date_minor, c)}")
    print(f"actual {_money(progress.actual_minor, c)}, on the books {_money(progress.on_the_books_minor, c)}, "
          f"still to sell {_money(progress.remaining_minor, c)} in {progress.days_left} days "
          f"({_money(progress.needed_per_day_minor, c)} a day"
          + (f", {progress.nights_needed} nights at ADR {_money(progress.adr_minor, c)})" if progress.nights_needed else ")"))
    for part in progress.parts:
        print(f"  {part.name:<10} {part.first} – {part.end}  target {_money(part.target_minor, c):>12}  "
              f"actual {_money(part.actual_minor, c):>12}  booked {_money(part.on_the_books_minor, c):>12}  {_pct(part.done):>7}")
    return 0


def _yuan_to_minor(text: str) -> int:
    from decimal import Decimal, InvalidOperation

    try:
        value = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        raise UserError(f"--set {text!r}: not an amount in yuan (e.g. 1500000 or 1,500,000.00)") from None
    if value != value.quantize(Decimal("0.01")):
        raise UserError(f"--set {text!r}: at most two decimals (fen)")
    return int(value * 100)


def _season(text: str):
    from ..reports.target import Season

    parts = text.split(":")
    if len(parts) != 4 or not parts[3].strip().isdigit():
        raise UserError(f"--season {text!r}: want NAME:MM-DD:MM-DD:PERCENT, e.g. 旺季:05-01:10-07:60")
    return Season(parts[0], parts[1], parts[2], int(parts[3]))
