"""``channelmgr ical export --room-type CODE [--room NUMBER] -o FILE.ics``: iCal availability feeds."""

from __future__ import annotations

from pathlib import Path

from ..dates import parse_date
from ..errors import UserError
from ..language import say


def register(sub) -> None:
    p = sub.add_parser("ical", help="iCal feeds (Airbnb, Booking.com, Vrbo): export the nights a room type or room is taken")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write one room type's (or room's) feed to an .ics file")
    export.add_argument("--room-type", required=True, metavar="CODE")
    export.add_argument("--room", metavar="NUMBER", help="one room of the type instead of the whole type")
    export.add_argument("-o", "--output", required=True, metavar="FILE.ics", type=Path)
    export.add_argument("--property", metavar="CODE")
    export.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD", help="first night (default today)")
    export.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD",
                        help="end of the window, exclusive (default a year on)")
    export.set_defaults(func=run_export)


def run_export(args, ctx) -> int:
    if args.output.suffix.lower() != ".ics":
        raise UserError(f"{args.output}: the file name must end in .ics", f"{args.output}：文件名必须以 .ics 结尾")
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    result = services.ical.export(pid, args.room_type, args.output, args.room, args.start, args.end)
    print(say(f"Wrote {result.path} ({result.events} events)", f"已写入 {result.path}（{result.events} 个事件）"))
    return 0
