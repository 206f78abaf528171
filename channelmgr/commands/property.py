"""``channelmgr property show|set``: the property's details and its default price rounding —
what the desktop's Settings page changes, from the command line."""

from __future__ import annotations

import json

from ..errors import UserError
from ..language import say
from ..inventory.property_details import as_json
from ..pricing.channel_settings import ROUNDING_BY_SETTING
from ..roomtypes.desk_user import desk_actor

_FIELDS = (("name_zh", "--name-zh"), ("name_en", "--name-en"), ("address", "--address"), ("phone", "--phone"),
           ("timezone", "--timezone"))


def register(sub) -> None:
    p = sub.add_parser("property", help=say("the property's details (names, address, phone, time zone) and default rounding",
                                            "民宿信息（名称、地址、电话、时区）和默认取整"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    show = actions.add_parser("show", help=say("details and default rounding", "查看信息和默认取整"))
    show.add_argument("--property", metavar="CODE")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)

    change = actions.add_parser("set",
                                help=say("change details or the rounding of the desk's own prices", "修改信息或直销价格取整"))
    change.add_argument("--property", metavar="CODE")
    for key, flag in _FIELDS:
        change.add_argument(flag, dest=key, metavar="TEXT")
    change.add_argument("--rounding", choices=tuple(ROUNDING_BY_SETTING),
                        help=say("the desk's own prices: none, up to whole yuan, up to …8, up to …9",
                                 "直销价格：不取整、向上取整到元、向上取整到 …8、向上取整到 …9"))
    change.add_argument("--force", action="store_true",
                        help=say("apply a rounding even if prices move a lot", "价格变动很大也照样取整"))
    change.set_defaults(func=run_set)


def run_show(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    details = services.properties.details(pid)
    rounding = services.pricing.settings(pid).direct_rounding
    if getattr(args, "json", False):
        print(json.dumps({**as_json(details), "rounding": rounding}, ensure_ascii=False, indent=2))
        return 0
    print(f"{details.code}  {details.name_zh} / {details.name_en}  ({details.currency}, {details.timezone})")
    print(say(f"  address  {details.address or '-'}", f"  地址  {details.address or '-'}"))
    print(say(f"  phone    {details.phone or '-'}", f"  电话  {details.phone or '-'}"))
    print(say(f"  rounding {rounding}", f"  取整  {rounding}"))
    return 0


def run_set(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    typed = {key: getattr(args, key) for key, _flag in _FIELDS if getattr(args, key) is not None}
    if not typed and args.rounding is None:
        raise UserError("say what to change (--name-zh, --address, --phone, --timezone, --rounding, …)",
                        "请说明要修改什么（--name-zh、--address、--phone、--timezone、--rounding……）")
    actor = desk_actor("command line")
    if typed:
        services.properties.update(actor, services.properties.details(pid).changed(**typed))
    if args.rounding is not None:
        settings = services.pricing.settings(pid).with_direct_rounding(args.rounding)
        preview = services.pricing.update_settings(actor, pid, settings, force=args.force)
        print(say(f"rounding {args.rounding}: {len(preview.changed)} price(s) changed in the coming year",
                  f"取整 {args.rounding}：未来一年有 {len(preview.changed)} 个价格随之改变"))
    return run_show(args, ctx)
