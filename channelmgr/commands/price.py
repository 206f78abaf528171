"""``channelmgr price show|explain|set-base|rule …``: prices from the rules, and the rules.

Nights are half-open like stays: ``--from 2026-10-01 --to 2026-10-08`` shows seven nights.
Prices are typed in yuan (``--price 388``, ``--add -50``) and stored in fen. Changes that move a
price more than the property's fat-finger limit are refused until repeated with ``--force``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from datetime import date
from decimal import Decimal, InvalidOperation

from ..dates import parse_date
from ..language import cli_language, say
from ..money import format_minor
from ..pricing.rule_store import RULE_KINDS, RuleSpec
from ..roomtypes.desk_user import desk_actor

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


# -- argument types ------------------------------------------------------------------------------


def parse_yuan(text: str) -> int:
    """'388' or '388.50' or '-50' → fen."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise argparse.ArgumentTypeError(say(f"not an amount in yuan: {text!r}", f"不是以元为单位的金额：{text!r}")) from None
    fen = value * 100
    if not fen.is_finite() or fen != fen.to_integral_value():
        raise argparse.ArgumentTypeError(say(f"an amount in yuan has at most two decimals: {text!r}",
                                             f"金额最多两位小数：{text!r}"))
    return int(fen)


def parse_decimal(text: str) -> str:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise argparse.ArgumentTypeError(say(f"not a number: {text!r}", f"不是数字：{text!r}")) from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(say(f"not a finite number: {text!r}", f"不是有限的数字：{text!r}"))
    return format(value.normalize(), "f")


def parse_weekdays(text: str) -> list[int]:
    """'fri,sat' or '5,6' (1 = Monday … 7 = Sunday) → [4, 5]."""
    days = []
    for part in (p.strip().lower() for p in text.split(",") if p.strip()):
        if part[:3] in WEEKDAYS:
            days.append(WEEKDAYS.index(part[:3]))
        elif part.isdigit() and 1 <= int(part) <= 7:
            days.append(int(part) - 1)
        else:
            raise argparse.ArgumentTypeError(say(f"not a weekday (mon…sun or 1…7): {part!r}",
                                                 f"不是星期（mon…sun 或 1…7）：{part!r}"))
    return sorted(set(days))


def parse_names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


# -- the parser ----------------------------------------------------------------------------------


def register(sub) -> None:
    p = sub.add_parser("price", help=say("prices from rate plans, rules and channel markups", "价格：由价格计划、价格规则和渠道加价算出"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    show = actions.add_parser("show",
                              help=say("computed prices per night, [--from, --to)", "[--from, --to) 内每晚算出的价格"))
    _property(show)
    show.add_argument("--room-type", metavar="CODE", required=True)
    show.add_argument("--rate-plan", metavar="CODE",
                      help=say("default: every plan of the room type", "默认：该房型的所有价格计划"))
    show.add_argument("--channel", metavar="NAME",
                      help=say('default: "direct", the desk\'s own price', '默认："direct"，即直销价'))
    show.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD", required=True)
    show.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD", required=True,
                      help=say("the first night not shown (like a departure date)", "不再显示的第一晚（同离店日期）"))
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)

    explain = actions.add_parser("explain",
                                 help=say("every step from the base price to one night's price", "从基础价到某一晚价格的每一步"))
    _property(explain)
    explain.add_argument("--room-type", metavar="CODE", required=True)
    explain.add_argument("--rate-plan", metavar="CODE", required=True)
    explain.add_argument("--channel", metavar="NAME", help=say('default: "direct"', '默认："direct"'))
    explain.add_argument("--date", type=parse_date, metavar="YYYY-MM-DD", required=True)
    explain.add_argument("--json", action="store_true")
    explain.set_defaults(func=run_explain)

    base = actions.add_parser("set-base", help=say("a root plan's base price (refused on a big move without --force)",
                                                   "设置根价格计划的基础价（变动过大时须加 --force）"))
    _property(base)
    base.add_argument("--room-type", metavar="CODE", required=True)
    base.add_argument("--rate-plan", metavar="CODE", required=True)
    base.add_argument("--price", type=parse_yuan, metavar="YUAN", required=True)
    base.add_argument("--force", action="store_true", help=say("apply even if prices move a lot", "价格变动很大也照样执行"))
    base.set_defaults(func=run_set_base)

    _register_rules(actions)


def _property(parser) -> None:
    parser.add_argument("--property", metavar="CODE")


def _register_rules(actions) -> None:
    rule = actions.add_parser("rule", help=say("price rules: list, add, set, enable, disable, remove",
                                               "价格规则：列出、添加、修改、启用、停用、删除"))
    rules = rule.add_subparsers(dest="rule_action", metavar="ACTION", required=True)

    lst = rules.add_parser("list", help=say("rules in the order they apply", "按生效顺序列出规则"))
    _property(lst)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_rule_list)

    add = rules.add_parser("add", help=say("a new rule, e.g. add 周末 --kind weekend --add 80",
                                           "新建规则，如 add 周末 --kind weekend --add 80"))
    add.add_argument("name", metavar="NAME")
    add.add_argument("--kind", choices=list(RULE_KINDS), required=True)
    _rule_options(add, adding=True)
    add.set_defaults(func=run_rule_add)

    change = rules.add_parser("set", help=say("change a rule (only the options given)", "修改规则（只改给出的选项）"))
    change.add_argument("rule", metavar="NAME|ID")
    change.add_argument("--name", dest="new_name", metavar="NAME", help=say("rename the rule", "重命名规则"))
    _rule_options(change, adding=False)
    change.set_defaults(func=run_rule_set)

    for action, help_text in (("enable", say("apply the rule again", "重新启用规则")),
                              ("disable", say("stop applying the rule", "停用规则")),
                              ("remove", say("delete the rule", "删除规则"))):
        parser = rules.add_parser(action, help=help_text)
        parser.add_argument("rule", metavar="NAME|ID")
        _property(parser)
        parser.add_argument("--force", action="store_true",
                            help=say("apply even if prices move a lot", "价格变动很大也照样执行"))
        parser.set_defaults(func=run_rule_toggle if action != "remove" else run_rule_remove, enable=action == "enable")


def _rule_options(parser, adding: bool) -> None:
    _property(parser)
    how = parser.add_mutually_exclusive_group(required=adding)
    how.add_argument("--add", type=parse_yuan, metavar="YUAN",
                     help=say("± amount, e.g. 80 or -50", "± 金额（元），如 80 或 -50"))
    how.add_argument("--percent", type=parse_decimal, metavar="P",
                     help=say("± percent, e.g. 15 or -10", "± 百分比，如 15 或 -10"))
    how.add_argument("--factor", type=parse_decimal, metavar="F", help=say("× factor, e.g. 1.5", "× 系数，如 1.5"))
    how.add_argument("--set", dest="set_to", type=parse_yuan, metavar="YUAN", help=say("= a fixed price", "= 固定价格"))
    parser.add_argument("--days", type=parse_weekdays, metavar="DAYS",
                        help=say("weekdays: fri,sat or 5,6", "星期：fri,sat 或 5,6"))
    parser.add_argument("--start", type=parse_date, metavar="YYYY-MM-DD", help=say("season: first night", "季节：首晚"))
    parser.add_argument("--end", type=parse_date, metavar="YYYY-MM-DD",
                        help=say("season: last night (inclusive)", "季节：最后一晚（含）"))
    parser.add_argument("--yearly", action=argparse.BooleanOptionalAction, help=say("season: every year", "季节：每年重复"))
    parser.add_argument("--holidays", type=parse_names, metavar="NAMES",
                        help=say("国庆节,春节 (default: any)", "节假日，如 国庆节,春节（默认：任意节假日）"))
    parser.add_argument("--within-days", type=int, metavar="N",
                        help=say("last minute: 0…N days ahead", "尾房：提前 0…N 天"))
    parser.add_argument("--at-least-days", type=int, metavar="N",
                        help=say("early bird: N or more days ahead", "早鸟：提前 N 天或更早"))
    parser.add_argument("--sold-at-least", type=parse_decimal, metavar="FRACTION",
                        help=say("occupancy: e.g. 0.8", "入住率：如 0.8"))
    parser.add_argument("--room-types", type=parse_names, metavar="CODES",
                        help=say("default: all", "默认：全部房型"))
    parser.add_argument("--rate-plans", type=parse_names, metavar="CODES",
                        help=say("default: every root plan", "默认：所有根价格计划"))
    parser.add_argument("--channels", type=parse_names, metavar="NAMES",
                        help=say("default: all", "默认：全部渠道"))
    parser.add_argument("--priority", type=int, metavar="N",
                        help=say("higher acts later within its stage", "数值越大，在本阶段内越晚生效"))
    parser.add_argument("--valid-from", type=parse_date, metavar="YYYY-MM-DD")
    parser.add_argument("--valid-to", type=parse_date, metavar="YYYY-MM-DD")
    parser.add_argument("--min-stay", type=int, metavar="N", help=say("minimum stay hint, e.g. 2", "最少入住晚数提示，如 2"))
    parser.add_argument("--stage", choices=("base", "adjust", "scale", "final"))
    parser.add_argument("--label-en", metavar="TEXT", help=say("English label in explanations", "价格说明中的英文名称"))
    parser.add_argument("--disabled", action="store_true", help=say("save it switched off", "保存为停用状态"))
    parser.add_argument("--force", action="store_true", help=say("apply even if prices move a lot", "价格变动很大也照样执行"))


# -- running -------------------------------------------------------------------------------------


def run_show(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    rows = services.pricing.prices(pid, args.room_type, args.rate_plan, args.channel, args.start, args.end)
    if args.json:
        print(json.dumps([dataclasses.asdict(row) for row in rows], ensure_ascii=False, indent=2, default=str))
        return 0
    plans = list(dict.fromkeys(row.rate_plan for row in rows))
    channel = rows[0].channel if rows else args.channel
    print(f"{args.room_type} · {channel} · {', '.join(plans)}")
    by_night: dict[date, list] = {}
    for row in rows:
        by_night.setdefault(row.night, []).append(row)
    for night, cells in by_night.items():
        prices = "  ".join(f"{row.rate_plan} {format_minor(row.price_minor, row.currency)}" for row in cells)
        notes = [say(f"min stay {cells[0].min_stay}", f"最少住 {cells[0].min_stay} 晚")] if cells[0].min_stay else []
        if cells[0].estimated_holidays:
            notes.append(say("holidays estimated", "节假日为估计"))
        print(f"{night} {_weekday(night)}  {prices}" + (f"  ({', '.join(notes)})" if notes else ""))
    return 0


def run_explain(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    found = services.pricing.explain(pid, args.room_type, args.rate_plan, args.channel, args.date)
    if args.json:
        print(json.dumps(dataclasses.asdict(found), ensure_ascii=False, indent=2, default=str))
        return 0
    print(f"{found.room_type}/{found.rate_plan} · {found.channel} · {found.night} "
          f"{_weekday(found.night)}")
    for step in found.steps:
        print(f"  {say(step.label_en, step.label_zh)}\t{step.operation}\t"
              f"{format_minor(step.price_after_minor, found.currency)}")
    notes = [say(f"min stay {found.min_stay} nights", f"最少住 {found.min_stay} 晚")] if found.min_stay else []
    if found.estimated_holidays:
        notes.append(say("holidays of this year are estimated", "本年节假日为估计"))
    print(found.chain(cli_language()) + (f"   ({'; '.join(notes)})" if notes else ""))
    return 0


def run_set_base(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    preview = services.pricing.set_base_price(desk_actor("command line"), pid, args.room_type,
                                              args.rate_plan, args.price, force=args.force)
    price = format_minor(args.price, preview.currency)
    print(say(f"{args.room_type}/{args.rate_plan} base price {price}: "
              f"{len(preview.changed)} price(s) changed in the next {len(preview.nights)} nights",
              f"{args.room_type}/{args.rate_plan} 基础价 {price}：未来 {len(preview.nights)} 晚中有 "
              f"{len(preview.changed)} 个价格改变"))
    return 0


def run_rule_list(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    infos = services.pricing.rules(pid)
    if args.json:
        print(json.dumps([{**dataclasses.asdict(info.spec), "stage": info.stage, "operation": info.operation,
                           "problem": info.problem} for info in infos],
                         ensure_ascii=False, indent=2, default=str))
        return 0
    for info in infos:
        spec = info.spec
        state = "on " if spec.enabled else "off"
        valid = ""
        if spec.valid_from or spec.valid_to:
            valid = f"\t{spec.valid_from or '…'}…{spec.valid_to or '…'}"
        problem = "\t" + say(f"NOT APPLIED: {info.problem}", f"未生效：{info.problem}") if info.problem else ""
        print(f"{spec.id}\t{state}\t{spec.name}\t{spec.kind}\t{info.operation or spec.adjust}\t"
              f"{describe_conditions(spec)}\t{describe_scope(spec)}\tpriority {spec.priority}"
              f"{valid}{problem}")
    return 0


def run_rule_add(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    adjust, value = _adjustment(args)
    spec = RuleSpec(args.name, args.kind, adjust, value, enabled=not args.disabled)
    info = services.pricing.create_rule(desk_actor("command line"), pid, _with_options(spec, args), args.force)
    print(say(f"Added rule {info.id} {info.name}: {info.operation} {describe_conditions(info.spec)}",
              f"已添加规则 {info.id} {info.name}：{info.operation} {describe_conditions(info.spec)}"))
    return 0


def run_rule_set(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    spec = services.pricing.rule(pid, args.rule).spec
    if any(getattr(args, name) is not None for name in ("add", "percent", "factor", "set_to")):
        adjust, value = _adjustment(args)
        spec = spec.with_changes(adjust=adjust, value=value)
    if args.new_name:
        spec = spec.with_changes(name=args.new_name)
    if args.disabled:
        spec = spec.with_changes(enabled=False)
    info = services.pricing.update_rule(desk_actor("command line"), pid, _with_options(spec, args), args.force)
    print(say(f"Changed rule {info.id} {info.name}: {info.operation} {describe_conditions(info.spec)}",
              f"已修改规则 {info.id} {info.name}：{info.operation} {describe_conditions(info.spec)}"))
    return 0


def run_rule_toggle(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    info = services.pricing.set_rule_enabled(desk_actor("command line"), pid, _rule_key(args.rule),
                                             args.enable, args.force)
    print(say(f"Rule {info.id} {info.name} {'enabled' if info.spec.enabled else 'disabled'}",
              f"规则 {info.id} {info.name} {'已启用' if info.spec.enabled else '已停用'}"))
    return 0


def run_rule_remove(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    info = services.pricing.rule(pid, _rule_key(args.rule))
    services.pricing.delete_rule(desk_actor("command line"), pid, info.id, args.force)
    print(say(f"Removed rule {info.id} {info.name}", f"已删除规则 {info.id} {info.name}"))
    return 0


# -- helpers -------------------------------------------------------------------------------------


def _weekday(night: date) -> str:
    return say(WEEKDAYS[night.weekday()].title(), "周" + "一二三四五六日"[night.weekday()])


def _rule_key(text: str) -> str | int:
    return int(text) if text.isdigit() else text


def _adjustment(args) -> tuple[str, int | str]:
    if args.add is not None:
        return "add", args.add
    if args.percent is not None:
        return "percent", args.percent
    if args.factor is not None:
        return "factor", args.factor
    return "set", args.set_to


_KIND_OPTIONS = {  # option → the kind's parameter it sets
    "days": "days", "start": "start", "end": "end", "yearly": "yearly", "holidays": "holidays",
    "within_days": "within_days", "at_least_days": "at_least_days", "sold_at_least": "sold_at_least",
}


def _with_options(spec: RuleSpec, args) -> RuleSpec:
    """``spec`` with the options given on the command line (None = not given, keep)."""
    params = dict(spec.params)
    for option, param in _KIND_OPTIONS.items():
        value = getattr(args, option)
        if value is not None:
            params[param] = value.isoformat() if isinstance(value, date) else value
    changes = {"params": params}
    for option, field in (("room_types", "room_types"), ("rate_plans", "rate_plans"), ("channels", "channels")):
        if getattr(args, option) is not None:
            changes[field] = tuple(getattr(args, option))
    for option in ("priority", "valid_from", "valid_to", "min_stay", "stage", "label_en"):
        if getattr(args, option) is not None:
            changes[option] = getattr(args, option)
    return spec.with_changes(**changes)


def describe_conditions(spec: RuleSpec) -> str:
    """A short English text of when a rule applies, for listings."""
    p = spec.params
    if spec.kind == "weekdays":
        return "on " + "+".join(WEEKDAYS[d].title() for d in p.get("days", ()))
    if spec.kind == "season":
        return f"{p.get('start')}…{p.get('end')}{' every year' if p.get('yearly') else ''}"
    if spec.kind in ("holiday", "night_before_holiday"):
        names = ",".join(p.get("holidays") or ()) or "any holiday"
        return names if spec.kind == "holiday" else f"night before {names}"
    if spec.kind == "last_minute":
        return f"0…{p.get('within_days')} days ahead"
    if spec.kind == "early_bird":
        return f"{p.get('at_least_days')}+ days ahead"
    if spec.kind == "occupancy":
        return f"sold ≥ {p.get('sold_at_least')}"
    return {"weekend": "weekend nights", "makeup_workday": "make-up working days"}.get(spec.kind, spec.kind)


def describe_scope(spec: RuleSpec) -> str:
    parts = [", ".join(values) for values in (spec.room_types, spec.rate_plans, spec.channels) if values]
    return " · ".join(parts) if parts else "everything"
