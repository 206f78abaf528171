"""``channelmgr calendar show|edit``: the room-state calendar without a screen.

``show`` prints rooms left per room type and night; ``edit`` is the bulk edit (the same service the
desktop calls, with the same checks), with ``--dry-run`` to see how many cells would change.
"""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from ..dates import parse_date
from ..errors import UserError
from ..inventory.bulk_edit import BulkEditRequest, Operation
from ..inventory.nights import ALL_WEEKDAYS
from ..language import say
from ..roomtypes.desk_user import desk_actor

WEEKDAY_WORDS = {"weekends": frozenset({5, 6}), "weekdays": frozenset(range(5))}


def register(sub) -> None:
    p = sub.add_parser("calendar", help=say("the room-state calendar: show it, bulk-edit it", "房态日历：查看、批量修改"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    show = actions.add_parser("show", help=say("rooms left / rooms per room type and night", "每个房型每晚的剩余/总房数"))
    show.add_argument("--property", metavar="CODE")
    show.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD",
                      help=say("default: tonight", "默认：今晚"))
    show.add_argument("--days", type=_days, default=14, metavar="N",
                      help=say(f"1 to {MAX_SHOW_DAYS} nights (default 14)", f"1 到 {MAX_SHOW_DAYS} 晚（默认 14）"))
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)

    edit = actions.add_parser("edit", help=say("change nights of room types (all checks of the desktop apply)",
                                               "批量修改房型的房态和价格（校验与桌面版相同）"))
    edit.add_argument("--property", metavar="CODE")
    edit.add_argument("--from", dest="first", type=parse_date, required=True, metavar="YYYY-MM-DD")
    edit.add_argument("--to", dest="last", type=parse_date, required=True, metavar="YYYY-MM-DD",
                      help=say("last night, included", "最后一晚（含）"))
    edit.add_argument("--types", metavar="CODE,…", help=say("room type codes (default: all)", "房型代码（默认：全部）"))
    edit.add_argument("--weekdays", metavar="1,…,7", type=_weekdays, default=ALL_WEEKDAYS,
                      help=say("1 = Monday … 7 = Sunday, or 'weekends' / 'weekdays' (default: every day)",
                               "1 = 周一 … 7 = 周日，或 'weekends'（周末）/ 'weekdays'（工作日）（默认：每天）"))
    edit.add_argument("--plans", metavar="CODE,…",
                      help=say("rate plan codes, for --price and --clear-price", "价格计划代码，用于 --price 和 --clear-price"))
    edit.add_argument("--dry-run", action="store_true",
                      help=say("only say how many cells would change", "试运行：只显示会修改多少个格子"))
    edit.add_argument("--force", action="store_true",
                      help=say("write prices the fat-finger guard finds suspicious (a move of more than 50%%, …)",
                               "仍写入像是输错的价格（变动超过 50%% 等）"))
    what = edit.add_mutually_exclusive_group(required=True)
    what.add_argument("--open", action="store_true", help=say("stop-sell off", "开放售卖（取消停售）"))
    what.add_argument("--close", action="store_true", help=say("stop-sell on", "关房（停售）"))
    what.add_argument("--rooms-closed", type=int, metavar="N")
    what.add_argument("--min-stay", type=_limit, metavar="N|none")
    what.add_argument("--max-stay", type=_limit, metavar="N|none")
    what.add_argument("--cta", type=_on_off, metavar="on|off", help=say("closed to arrival", "禁止入住（CTA）"))
    what.add_argument("--ctd", type=_on_off, metavar="on|off", help=say("closed to departure", "禁止离店（CTD）"))
    what.add_argument("--price", type=_yuan, metavar="YUAN", help=say("e.g. 388 or 388.50", "价格（元），如 388 或 388.50"))
    what.add_argument("--clear-price", action="store_true", help=say("remove typed prices", "清除手动输入的价格"))
    edit.set_defaults(func=run_edit)


def run_show(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    availability = services.calendar.availability
    start = args.start or availability.today(pid)
    snap = availability.snapshot(pid, start, start + timedelta(days=args.days))
    if args.json:
        rows = [
            {"room_type": row.code, "nights": {day.night.isoformat(): {**cell._asdict(), "state": cell.state.value}
                                              for day, cell in zip(snap.days, cells)}}
            for row, cells in zip(snap.rows, snap.cells)
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max([len(row.code) for row in snap.rows] + [4])
    print(" " * width + "".join(f"{d.night.month:>3}/{d.night.day:<2}" for d in snap.days))
    for row, cells in zip(snap.rows, snap.cells):
        marks = "".join(f"{c.left:>3}/{c.total:<2}" if not c.stop_sell else "  stop" for c in cells)
        print(f"{row.code:<{width}}{marks}")
    return 0


def run_edit(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    types = services.inventory.room_types(pid)
    chosen = _room_types_by_code(types, args.types) if args.types else types
    op, value = _operation(args)
    plans = ()
    if op.is_price:
        if not args.plans:
            raise UserError("--price and --clear-price need --plans (e.g. --plans BAR)",
                            "--price 和 --clear-price 需要 --plans（例如 --plans BAR）")
        codes = set(args.plans.split(","))
        plans = tuple(p.id for rt in chosen for p in rt.rate_plans if p.code in codes)
        unknown = codes - {p.code for rt in chosen for p in rt.rate_plans}
        if unknown:
            raise UserError(f"No rate plan {', '.join(sorted(unknown))} in the chosen room types",
                            f"所选房型中没有价格计划 {', '.join(sorted(unknown))}")
    request = BulkEditRequest(pid, args.first, args.last, tuple(rt.id for rt in chosen), op, value, args.weekdays, plans)
    bulk = services.calendar.bulk_edit
    if args.dry_run:
        preview = bulk.preview(request)
        print(say(f"{preview.cells_changed} of {preview.cells_selected} cells would change (dry run: nothing written)",
                  f"{preview.cells_selected} 个格子中将有 {preview.cells_changed} 个改变（试运行：未写入）"))
        return 0
    changes = bulk.apply(request, desk_actor("command line: calendar edit"), force=args.force)
    print(say(f"{changes.cell_count} cells changed", f"已修改 {changes.cell_count} 个格子"))
    return 0


def _operation(args) -> tuple[Operation, object]:
    for flag, op in (("open", Operation.OPEN), ("close", Operation.CLOSE), ("clear_price", Operation.CLEAR_PRICE)):
        if getattr(args, flag):
            return op, None
    for flag, op in (
        ("rooms_closed", Operation.ROOMS_CLOSED),
        ("cta", Operation.CLOSED_TO_ARRIVAL),
        ("ctd", Operation.CLOSED_TO_DEPARTURE),
        ("price", Operation.PRICE),
    ):
        if getattr(args, flag) is not None:
            return op, getattr(args, flag)
    for flag, op in (("min_stay", Operation.MIN_STAY), ("max_stay", Operation.MAX_STAY)):
        value = getattr(args, flag)
        if value is not None:
            return op, None if value == "none" else value
    raise UserError("say what to change (--close, --min-stay, --price, …)", "请说明要改什么（--close、--min-stay、--price 等）")


def _room_types_by_code(items, codes: str):
    wanted = [c.strip() for c in codes.split(",") if c.strip()]
    by_code = {item.code: item for item in items}
    unknown = [c for c in wanted if c not in by_code]
    if unknown:
        raise UserError(f"No room type {', '.join(unknown)}; known: {', '.join(by_code)}",
                        f"没有房型 {', '.join(unknown)}；已有：{', '.join(by_code)}")
    return [by_code[c] for c in wanted]


def _weekdays(text: str) -> frozenset[int]:
    if text in WEEKDAY_WORDS:
        return WEEKDAY_WORDS[text]
    try:
        days = frozenset(int(part) - 1 for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(say(f"weekdays are 1 (Monday) to 7 (Sunday), comma-separated: {text!r}",
                                             f"星期用 1（周一）到 7（周日）表示，用逗号分隔：{text!r}")) from None
    if not days <= ALL_WEEKDAYS:
        raise argparse.ArgumentTypeError(say(f"weekdays are 1 (Monday) to 7 (Sunday): {text!r}",
                                             f"星期用 1（周一）到 7（周日）表示：{text!r}"))
    return days


MAX_SHOW_DAYS = 3 * 366


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say(f"a whole number of nights: {text!r}", f"应为整数晚数：{text!r}")) from None
    if not 1 <= days <= MAX_SHOW_DAYS:
        raise argparse.ArgumentTypeError(say(f"1 to {MAX_SHOW_DAYS} nights, not {days}",
                                             f"应为 1 到 {MAX_SHOW_DAYS} 晚，而不是 {days}"))
    return days


def _limit(text: str) -> int | str:
    if text == "none":
        return text
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say(f"a number of nights or 'none': {text!r}",
                                             f"应为晚数或 none：{text!r}")) from None


def _on_off(text: str) -> bool:
    if text not in ("on", "off"):
        raise argparse.ArgumentTypeError(say(f"on or off: {text!r}", f"应为 on 或 off：{text!r}"))
    return text == "on"


def _yuan(text: str) -> int:
    """'388' or '388.50' → fen, exactly (money is never a float)."""
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(say(f"not an amount: {text!r}", f"不是金额：{text!r}")) from None
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise argparse.ArgumentTypeError(say(f"at most two decimals (fen): {text!r}", f"金额最多两位小数（分）：{text!r}"))
    return int(fen)

