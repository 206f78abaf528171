"""``channelmgr info [--json]``: the properties in the database, with counts."""

from __future__ import annotations

import dataclasses
import json


def register(sub) -> None:
    p = sub.add_parser("info", help="list the properties in the database")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    props = ctx.services().inventory.properties()
    if args.json:
        print(json.dumps([dataclasses.asdict(p) for p in props], ensure_ascii=False, indent=2))
        return 0
    if not props:
        print("No property yet: run `channelmgr init --demo` or open the app.")
    for p in props:
        print(f"{p.code}\t{p.name_zh} / {p.name_en}\t{p.room_type_count} room types, {p.room_count} rooms")
    return 0
