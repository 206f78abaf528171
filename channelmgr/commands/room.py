"""``channelmgr room list|add-range|move``: the physical rooms of a property."""

from __future__ import annotations

import dataclasses
import json

from ..language import say
from ..roomtypes import RoomTypeNotFound
from ..roomtypes.desk_user import desk_actor


def register(sub) -> None:
    p = sub.add_parser("room", help=say("physical rooms: list, add a range like 201-208, move to another type",
                                        "房间：列出、按范围添加（如 201-208）、改到其他房型"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    lst = actions.add_parser("list", help=say("rooms by floor and number", "按楼层和房号列出房间"))
    lst.add_argument("--property", metavar="CODE")
    lst.add_argument("--room-type", metavar="CODE", help=say("only this room type's rooms", "只看该房型的房间"))
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)

    add = actions.add_parser("add-range", help=say('add rooms "201-208", "A01-A05" or "101,103" (all or none)',
                                                   '添加房间 "201-208"、"A01-A05" 或 "101,103"（要么全部添加，要么都不添加）'))
    add.add_argument("numbers", metavar="RANGE")
    add.add_argument("--room-type", metavar="CODE", required=True)
    add.add_argument("--floor", type=int, metavar="N",
                     help=say("default: the floor the number names (201 → 2)", "默认：按房号推断楼层（201 → 2）"))
    add.add_argument("--property", metavar="CODE")
    add.set_defaults(func=run_add_range)

    move = actions.add_parser("move", help=say("give a room to another room type", "把房间改到另一个房型"))
    move.add_argument("number", metavar="ROOM")
    move.add_argument("--to", metavar="CODE", required=True, dest="room_type")
    move.add_argument("--property", metavar="CODE")
    move.set_defaults(func=run_move)


def run_list(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    type_id = services.room_types.find(pid, args.room_type).id if args.room_type else None
    rooms = services.rooms.list(pid, type_id)
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in rooms], ensure_ascii=False, indent=2))
        return 0
    for r in rooms:
        floor = "" if r.floor is None else f"{r.floor}F"
        print(f"{r.number}\t{floor}\t{r.room_type_code}\t{r.status}\t{r.notes}")
    return 0


def run_add_range(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    room_type = services.room_types.find(pid, args.room_type)
    rooms = services.rooms.add_range(desk_actor("command line"), room_type.id, args.numbers, args.floor)
    numbers = ", ".join(r.number for r in rooms)
    print(say(f"Added {len(rooms)} room(s) to {room_type.code}: {numbers}",
              f"已为 {room_type.code} 添加 {len(rooms)} 间房：{numbers}"))
    return 0


def run_move(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    target = services.room_types.find(pid, args.room_type)
    room = next((r for r in services.rooms.list(pid) if r.number.casefold() == args.number.casefold()), None)
    if room is None:
        raise RoomTypeNotFound(f"No room {args.number!r}", f"没有房间 {args.number!r}")
    moved = services.rooms.move(desk_actor("command line"), room.id, target.id)
    print(say(f"Room {moved.number} now belongs to {moved.room_type_code}",
              f"{moved.number} 号房现属于 {moved.room_type_code}"))
    return 0
