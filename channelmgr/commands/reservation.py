"""``channelmgr reservation list|add|cancel|attention|overbookings``: the reservation ledger."""

from __future__ import annotations

import argparse
import dataclasses
import json

from ..channels.opentravel_messages import decimal_to_minor
from ..dates import parse_date
from ..language import say
from ..money import format_minor
from ..reservations.desk_bookings import DESK_SOURCES, DeskBooking
from ..reservations.service import STATUSES
from ..roomtypes.desk_user import desk_actor


def _yuan(text: str) -> int:
    """"388" or "388.50" yuan → fen."""
    try:
        return decimal_to_minor(text, "CNY")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub) -> None:
    p = sub.add_parser("reservation", help=say("reservations: list, add by hand, cancel, needs attention, overbookings",
                                               "订单：列出、手动添加、取消、待处理、超订"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    lst = actions.add_parser("list", help=say("list reservations with a night in [--from, --to)",
                                              "列出在 [--from, --to) 内有入住的订单"))
    lst.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD")
    lst.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD")
    lst.add_argument("--channel", metavar="NAME")
    lst.add_argument("--status", choices=STATUSES)
    lst.add_argument("--search", metavar="TEXT",
                     help=say("guest name, phone or the channel's reservation id", "客人姓名、电话或渠道订单号"))
    _common(lst)
    lst.set_defaults(func=run_list)

    add = actions.add_parser("add", help=say("a booking by phone, walk-in or WeChat (refused if it would overbook)",
                                             "添加电话、到店或微信订单（会超订时拒绝）"))
    add.add_argument("--room-type", metavar="CODE", required=True)
    add.add_argument("--arrival", type=parse_date, metavar="YYYY-MM-DD", required=True)
    add.add_argument("--nights", type=int, default=1, metavar="N")
    add.add_argument("--guest", metavar="NAME", required=True)
    add.add_argument("--phone", default="", metavar="NUMBER")
    add.add_argument("--amount", type=_yuan, default=0, metavar="YUAN",
                     help=say("the whole stay, e.g. 388 or 776.50", "整个住宿的金额（元），如 388 或 776.50"))
    add.add_argument("--source", choices=DESK_SOURCES, default="phone")
    add.add_argument("--adults", type=int, default=2, metavar="N")
    add.add_argument("--children", type=int, default=0, metavar="N")
    add.add_argument("--notes", default="")
    _common(add)
    add.set_defaults(func=run_add)

    cancel = actions.add_parser("cancel", help=say("cancel a booking: its nights are sold again", "取消订单：其间夜重新开放售卖"))
    cancel.add_argument("id", type=int, metavar="ID")
    _common(cancel)
    cancel.set_defaults(func=run_cancel)

    attention = actions.add_parser("attention", help=say("channel bookings that could not be stored, with the reason",
                                                         "未能保存的渠道订单及原因"))
    attention.add_argument("--all", action="store_true", help=say("resolved entries too", "也显示已处理的"))
    _common(attention)
    attention.set_defaults(func=run_attention)

    board = actions.add_parser("overbookings", help=say("nights where bookings do not fit, with suggested fixes",
                                                        "超订的晚（订单排不下）及建议的处理办法"))
    _common(board)
    board.set_defaults(func=run_overbookings)


def _common(parser) -> None:
    parser.add_argument("--property", metavar="CODE",
                        help=say("the property (default: the first one)", "民宿代码（默认：第一个民宿）"))
    parser.add_argument("--json", action="store_true")


def _print_json(rows) -> None:
    print(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False, indent=2, default=str))


def _print_booking(r) -> None:
    flag = "\t" + say("OVERBOOKED", "超订") if r.overbooked else ""
    print(
        f"{r.id}\t{r.arrival}→{r.departure}\t{r.room_type_code}\t{r.room_number or '-'}\t{r.guest_name}\t"
        f"{format_minor(r.amount_minor, r.currency)}\t{r.channel or r.source}\t{r.status}{flag}"
    )


def run_list(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    rows = services.reservations.list(pid, args.start, args.end, args.channel, args.status, args.search)
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        _print_booking(r)
    return 0


def run_add(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    room_type = services.room_types.find(pid, args.room_type)
    request = DeskBooking(
        property_id=pid, room_type_id=room_type.id, arrival=args.arrival, nights=args.nights, guest_name=args.guest,
        source=args.source, guest_phone=args.phone, amount_minor=args.amount, adults=args.adults,
        children=args.children, notes=args.notes,
    )
    booking = services.reservations.book(request, desk_actor("command line"))
    if args.json:
        _print_json([booking])
    else:
        room = booking.room_number or "-"
        print(say(f"Booked #{booking.id}: {booking.guest_name}, {booking.room_type_code} room {room}, "
                  f"{booking.arrival}→{booking.departure}",
                  f"已预订 #{booking.id}：{booking.guest_name}，{booking.room_type_code} {room} 号房，"
                  f"{booking.arrival}→{booking.departure}"))
    return 0


def run_cancel(args, ctx) -> int:
    services = ctx.services()
    booking = services.reservations.cancel(args.id, desk_actor("command line"))
    if args.json:
        _print_json([booking])
    else:
        print(say(f"Cancelled #{booking.id}: {booking.guest_name}, {booking.arrival}→{booking.departure}",
                  f"已取消 #{booking.id}：{booking.guest_name}，{booking.arrival}→{booking.departure}"))
    return 0


def run_attention(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    entries = services.reservations.attention(pid, include_resolved=args.all)
    if args.json:
        _print_json(entries)
        return 0
    for a in entries:
        print(f"{a.id}\t{a.received_at:%Y-%m-%d %H:%M}\t{a.channel or '-'}\t{a.remote_id or '?'}\t{a.status}\t{a.problem}")
    return 0


def run_overbookings(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    conflicts = services.reservations.overbookings(pid)
    if args.json:
        _print_json(conflicts)
        return 0
    for c in conflicts:
        where = (say(f"room {c.room_number}", f"{c.room_number} 号房") if c.room_number
                 else say(f"{c.held} booked for {c.rooms} rooms", f"{c.rooms} 间房订出 {c.held} 间"))
        print(f"{c.night}\t{c.room_type_code}\t{c.kind}\t{where}")
        for b in c.bookings:
            marker = say("  last →", "  最后 →") if b.id == c.last.id else "        "
            booked = f"{b.created_at:%Y-%m-%d %H:%M}"
            print(f"{marker} #{b.id} {b.guest_name} {b.guest_phone} {b.channel or b.source} "
                  f"{b.arrival}→{b.departure} " + say(f"booked {booked}", f"下单于 {booked}"))
        if c.upgrades:
            print("        " + say("upgrade to: ", "可升级到：")
                  + ", ".join(say(f"{u.code} ({u.free_rooms} free)", f"{u.code}（空 {u.free_rooms} 间）")
                              for u in c.upgrades))
        if c.free_rooms:
            print("        " + say("free rooms of the type: ", "本房型空房：") + ", ".join(c.free_rooms))
        contact = f"{c.last.guest_name} {c.last.guest_phone}".rstrip()
        print("        " + say(f"or contact {contact}", f"或联系 {contact}"))
    return 0
