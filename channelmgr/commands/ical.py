"""``channelmgr ical export --room-type CODE [--room NUMBER] -o FILE.ics``: iCal availability feeds."""

from __future__ import annotations

from pathlib import Path

from ..dates import parse_date
from ..errors import UserError
from ..language import say
from ..roomtypes.desk_user import desk_actor


def register(sub) -> None:
    p = sub.add_parser("ical", help=say("iCal feeds (Airbnb, Booking.com, Vrbo): export the nights a room type or "
                                        "room is taken", "iCal 日历（Airbnb、Booking.com、Vrbo）：导出房型或房间已占用的晚"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help=say("write one room type's (or room's) feed to an .ics file",
                                                   "把一个房型（或房间）的日历写入 .ics 文件"))
    export.add_argument("--room-type", required=True, metavar="CODE", help=say("the room type's code", "房型代码"))
    export.add_argument("--room", metavar="NUMBER", help=say("one room of the type instead of the whole type",
                                                             "只导出该房型的一间房"))
    export.add_argument("-o", "--output", required=True, metavar="FILE.ics", type=Path,
                        help=say("the .ics file to write", "要写入的 .ics 文件"))
    _property_option(export)
    export.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD",
                        help=say("first night (default today)", "第一晚（默认今晚）"))
    export.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD",
                        help=say("end of the window, exclusive (default a year on)", "结束日期，不含（默认一年后）"))
    export.set_defaults(func=run_export)
    imp = actions.add_parser("import", help=say("import another calendar's feed (a file or a URL) into a room "
                                                "type's bookings", "把另一个日历（文件或网址）导入为某房型的订单"))
    imp.add_argument("--room-type", required=True, metavar="CODE",
                     help=say("the room type the feed's bookings take", "日历中的订单占用的房型"))
    imp.add_argument("--name", required=True, metavar="FEEDNAME",
                     help=say("the feed's name; its bookings' channel is ical:NAME", "日历名称；其订单的渠道为 ical:名称"))
    _property_option(imp)
    source = imp.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", type=Path, metavar="FILE", help=say("an .ics file", ".ics 文件"))
    source.add_argument("--url", metavar="URL", help=say("the feed's address, polled on every sync",
                                                         "日历的网址，每次同步时读取"))
    imp.set_defaults(func=run_import)
    serve = actions.add_parser("serve", help=say("serve every room type's and room's feed at an unguessable URL "
                                                 "(printed) until stopped",
                                                 "在不可猜测的网址（会打印出来）提供每个房型和房间的日历，直到停止"))
    _address_options(serve)
    serve.set_defaults(func=run_serve)
    urls = actions.add_parser("urls", help=say("print the feed URLs `ical serve` answers (the same after a restart)",
                                               "打印 `ical serve` 提供的日历网址（重启后不变）"))
    _address_options(urls)
    urls.set_defaults(func=run_urls)


def _property_option(p) -> None:
    p.add_argument("--property", metavar="CODE",
                   help=say("the property (default: the only one)", "门店代码（默认：唯一的门店）"))


def _address_options(p) -> None:
    p.add_argument("--host", default="127.0.0.1", metavar="ADDRESS",
                   help=say("address to listen on; 0.0.0.0 for the LAN (default 127.0.0.1: this computer only)",
                            "监听地址；局域网用 0.0.0.0（默认 127.0.0.1：仅本机）"))
    p.add_argument("--port", type=int, default=8766, metavar="PORT", help=say("port (default 8766)", "端口（默认 8766）"))
    p.add_argument("--public-host", metavar="NAME", help=say("host name to print in the URLs (default the address)",
                                                             "网址中显示的主机名（默认为监听地址）"))


def run_export(args, ctx) -> int:
    if args.output.suffix.lower() != ".ics":
        raise UserError(f"{args.output}: the file name must end in .ics", f"{args.output}：文件名必须以 .ics 结尾")
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    result = services.ical.export(pid, args.room_type, args.output, args.room, args.start, args.end)
    print(say(f"Wrote {result.path} ({result.events} events)", f"已写入 {result.path}（{result.events} 个事件）"))
    return 0


def run_import(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    actor = desk_actor("command line")
    if args.url:
        r = services.ical_import.import_url(pid, args.room_type, args.name, args.url, actor)
    else:
        try:
            body = args.file.read_bytes()
        except OSError as exc:
            raise UserError(f"{args.file}: cannot read ({exc.strerror})", f"{args.file}：无法读取（{exc.strerror}）") from None
        r = services.ical_import.import_feed(pid, args.room_type, args.name, body, actor, str(args.file))
    print(say(f"{args.name}: {r.new} new, {r.changed} changed, {r.cancelled} cancelled, {r.unchanged} unchanged"
              + (f", {r.skipped_own} of our own skipped" if r.skipped_own else "")
              + (f", {r.overbooked} overbooked" if r.overbooked else ""),
              f"{args.name}：新增 {r.new}，变更 {r.changed}，取消 {r.cancelled}，未变 {r.unchanged}"
              + (f"，跳过本店导出的 {r.skipped_own}" if r.skipped_own else "")
              + (f"，超订 {r.overbooked}" if r.overbooked else "")))
    return 0


def _feed_lines(feeds, url_of) -> list[str]:
    return [f"{f.room_type}{'/' + f.room if f.room else ''}\t{url_of(f)}" for f in feeds]


def run_urls(args, ctx) -> int:
    from ..config import data_dir
    from ..ical.feed_server import feed_key, published_feeds

    services = ctx.services()
    host = args.public_host or args.host
    for line in _feed_lines(published_feeds(services.db, feed_key(data_dir())),
                            lambda f: f"http://{host}:{args.port}{f.path}"):
        print(line)
    return 0


def run_serve(args, ctx) -> int:
    import signal
    import threading

    from ..config import data_dir
    from ..ical.feed_server import FeedServer, feed_key, published_feeds

    services = ctx.services()
    key = feed_key(data_dir())
    try:
        server = FeedServer(services.db, services.ical, key, args.host, args.port)
    except OSError as exc:
        raise UserError(f"Cannot listen on {args.host}:{args.port} ({exc.strerror})",
                        f"无法在 {args.host}:{args.port} 上监听（{exc.strerror}）") from None
    for line in _feed_lines(published_feeds(services.db, key), lambda f: server.url_of(f, args.public_host)):
        print(line, flush=True)
    print(say("Serving the feeds; Ctrl+C stops.", "正在提供日历；按 Ctrl+C 停止。"), flush=True)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    server.start()
    try:
        stop.wait()
    finally:
        server.close()
    return 0
