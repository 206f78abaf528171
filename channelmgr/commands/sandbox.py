"""``channelmgr sandbox [--port 8765] [--config FILE]``: the local sandbox OTA, for demos and trials.

Without ``--config`` it serves the listings of the demo homestay's channels (and the plain DEMO
listing), so ``channelmgr init --demo`` + ``channelmgr sandbox`` + ``channelmgr sync`` works.
"""

from __future__ import annotations

from ..language import say


def register(sub) -> None:
    p = sub.add_parser("sandbox", help=say("run the local sandbox OTA (127.0.0.1:8765) until Ctrl-C",
                                             "运行本地沙盒 OTA（127.0.0.1:8765），按 Ctrl-C 停止"))
    p.add_argument("--host", default="127.0.0.1",
                   help=say("address to listen on (default 127.0.0.1)", "监听地址（默认 127.0.0.1）"))
    p.add_argument("--port", type=int, default=8765,
                   help=say("port (default 8765; 0 picks a free one)", "端口（默认 8765；0 表示任选空闲端口）"))
    p.add_argument("--config", metavar="FILE", help=say("JSON file with the listings to serve instead of the demo's",
                                                        "JSON 文件：要提供的房源（代替演示房源）"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from ..channels.sandbox.__main__ import main
    from ..channels.sandbox.listings import DEMO_LISTING
    from ..sync.demo_channels import demo_listings

    argv = ["--host", args.host, "--port", str(args.port)]
    if args.config:
        argv += ["--config", args.config]
    return main(argv, default_listings=[DEMO_LISTING, *demo_listings()])
