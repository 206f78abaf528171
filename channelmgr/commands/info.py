"""``channelmgr info [--json]``: the properties in the database, with counts."""

from __future__ import annotations

import dataclasses
import json

from ..language import say


def register(sub) -> None:
    p = sub.add_parser("info", help=say("list the properties in the database", "列出数据库中的民宿"))
    p.add_argument("--json", action="store_true", help=say("machine-readable output", "以 JSON 输出（供程序读取）"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    props = ctx.services().inventory.properties()
    if args.json:
        print(json.dumps([dataclasses.asdict(p) for p in props], ensure_ascii=False, indent=2))
        return 0
    if not props:
        print(say("No property yet: run `channelmgr init --demo` or open the app.",
                  "还没有物业：运行 `channelmgr init --demo` 或打开桌面程序。"))
    for p in props:
        print(say(f"{p.code}\t{p.name_en or p.name_zh}\t{p.room_type_count} room types, {p.room_count} rooms",
                  f"{p.code}\t{p.name_zh}\t{p.room_type_count} 个房型，{p.room_count} 间房"))
    return 0
