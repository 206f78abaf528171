"""``channelmgr sync [--channel NAME] [--full] [--dry-run] [--json]`` and ``sync --watch``.

Before pushing, new bookings are pulled from every enabled channel (of ``--property``, if given) —
not only the selected one: a booking taken on any OTA changes what every channel must show.

Exit status 0 only when every selected enabled channel ends in sync (for ``--dry-run``: has
nothing left to send) and every pull succeeded, 1 otherwise — so a cron job or a script can tell.
"""

from __future__ import annotations

import json
import logging
import signal
import threading
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from ..roomtypes.desk_user import desk_actor
from ..config import data_dir
from ..cli_parser import pad_columns
from ..language import say
from ..sync.failure_texts import cli_language, failure_sentence
from ..sync.report import PassReport
from ..sync.reservation_pull import PullReport
from ..sync.status import ChannelStatus

LOG_FILE = "sync.log"

# One line per channel, in the CLI language; {channel} and the counts are filled in.
_LINES = {
    "in_sync": ("{channel}：已同步，{requests} 个请求，{cells} 个格子已确认（{seconds:.1f} 秒）",
                "{channel}: in sync, {requests} request(s), {cells} cells acknowledged ({seconds:.1f}s)"),
    "not_synced": ("{channel}：未同步，已发送 {sent}/{planned} 个请求，{pending} 个格子待发送",
                   "{channel}: NOT in sync, {sent} of {planned} request(s) sent, {pending} cells pending"),
    "disabled": ("{channel}：已停用", "{channel}: disabled"),
    "pulled": ("收到 {received} 个订单（{stored} 个已保存，{attention} 个需处理）",
               "{received} reservation(s) received ({stored} stored, {attention} need attention)"),
    "pull_failed": ("未能拉取订单", "reservations not pulled"),
    "warnings": ("{count} 条映射提示", "{count} mapping warning(s)"),
    "more": ("另有 {count} 个错误", "{count} more error(s)"),
    "log": ("详情见 {path}", "details in {path}"),
}


def register(sub) -> None:
    p = sub.add_parser("sync", help=say("push availability, prices and restrictions to the channels",
                                        "把可售房、价格和限制推送到各渠道"))
    # Bookings are still pulled from every channel first: the rooms they took must be closed in what
    # this channel is sent, or a push to one channel could sell a room another channel just sold.
    p.add_argument("--channel", metavar="NAME",
                   help=say("push only to this channel (default: every enabled channel); new bookings are still "
                            "pulled from every channel first, so what it is sent counts them",
                            "只推送到这个渠道（默认：所有已启用的渠道）；仍会先从所有渠道拉取新订单，"
                            "推送的房量已扣除这些订单"))
    p.add_argument("--property", metavar="CODE", help=say("only this property's channels", "只同步这家门店的渠道"))
    p.add_argument("--full", action="store_true", help=say("forget what the channel acknowledged and resend everything",
                                                           "忽略渠道已确认的内容，全部重新发送"))
    p.add_argument("--dry-run", action="store_true", help=say("show what would be sent; send nothing",
                                                              "试运行：只显示会发送什么，不发送"))
    p.add_argument("--no-pull", action="store_true", help=say("do not fetch new bookings from the channels first",
                                                              "不先从渠道拉取新订单"))
    p.add_argument("--json", action="store_true", help=say("machine-readable reports", "输出 JSON 格式的结果"))
    p.add_argument("--watch", action="store_true", help=say("keep running: a pass every --interval seconds",
                                                            "持续运行：每 --interval 秒同步一次"))
    p.add_argument("--interval", type=float, default=30.0, metavar="S",
                   help=say("seconds between --watch passes", "--watch 两次同步之间的秒数"))
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    services = ctx.services()
    log_path = _log_to_file()
    channel_ids = _selected(args, services)
    if args.watch:
        return _watch(services, channel_ids, args)
    pulls = [] if args.dry_run or args.no_pull else _pull_all(args, services)
    if args.dry_run:
        reports = [services.sync.dry_run(cid, full=args.full) for cid in channel_ids]
    else:
        futures = [services.sync.push(cid, actor=_actor(), full=args.full) for cid in channel_ids]  # lanes run in parallel
        reports = [future.result() for future in futures]
    if args.json:
        print(json.dumps({"in_sync": _all_in_sync(reports), "channels": [r.to_json() for r in reports],
                          "reservations": [asdict(p) for p in pulls]},
                         ensure_ascii=False, indent=2, default=str))
    elif args.dry_run:
        for report in reports:
            print_report(report)
    else:
        language = cli_language()
        by_channel = {p.channel_id: p for p in pulls}
        for report in reports:
            print(summary_line(report, by_channel.pop(report.channel_id, None), language, log_path))
            if report.held is not None:  # the channel asked us to wait: nothing (more) was sent
                print(f"  {report.hold_line(language)}")
            if report.capabilities and report.enabled:
                print(f"  {report.capabilities_line(language)}")
            if report.content is not None and report.content.requests_planned and report.enabled:
                print(f"  {report.content_line(language)}")
        for pull in by_channel.values():  # pulled but not pushed (another --channel was chosen)
            if not pull.skipped and (pull.received or pull.failures):
                print(_pull_line(pull, language, log_path))
    return 0 if _all_in_sync(reports) and all(p.ok for p in pulls) else 1


def _actor():
    return desk_actor("command line: sync")


def _pull_all(args, services) -> list:
    """Every enabled channel's new bookings into the ledger, in parallel (one lane each), so the
    pushes that follow already close the rooms they took."""
    pid = services.inventory.property_id(args.property) if args.property else None
    futures = [services.sync.pull_reservations(cid, actor=_actor()) for cid in services.sync.enabled_channels(pid)]
    return [future.result() for future in futures]


def _selected(args, services) -> list[int]:
    if args.channel:
        pid = services.inventory.property_id(args.property)
        return [services.channels.channel_id(pid, args.channel)]
    pid = services.inventory.property_id(args.property) if args.property else None
    return services.sync.enabled_channels(pid)


def _all_in_sync(reports: list[PassReport]) -> bool:
    return all(r.in_sync or (r.dry_run and r.nothing_pending) for r in reports if r.enabled)


def _log_to_file() -> Path:
    """Send the sync's log (every retry, every technical detail) to a file, not the terminal:
    the terminal gets one line per channel. Without a handler Python would print warnings."""
    path = data_dir() / LOG_FILE
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(min(root.level or logging.INFO, logging.INFO))
    return path


def _say(key: str, language: str, **values) -> str:
    zh, en = _LINES[key]
    return (en if language == "en" else zh).format(**values)


def summary_line(r: PassReport, pull: PullReport | None, language: str, log_path: Path) -> str:
    """What was sent, what failed and why, for one channel, on one line."""
    if not r.enabled:
        return _say("disabled", language, channel=r.channel)
    if r.in_sync:
        parts = [_say("in_sync", language, channel=r.channel, requests=r.requests_sent, cells=r.cells_acknowledged,
                      seconds=(r.finished_at - r.started_at).total_seconds())]
    else:
        parts = [_say("not_synced", language, channel=r.channel, sent=r.requests_sent, planned=r.requests_planned,
                      pending=r.pending_cells)]
    # "the channel reads our feed" is how an iCal channel works, not a mapping to fix
    mapping_warnings = sum(w.code != "feed_only" for w in r.warnings)
    return _joined(parts, r.channel, [*(pull.failures if pull else ()), *r.failures], pull, mapping_warnings,
                   language, log_path)


def _pull_line(pull: PullReport, language: str, log_path: Path) -> str:
    return _joined([pull.channel], pull.channel, list(pull.failures), pull, 0, language, log_path)


def _joined(parts: list[str], channel: str, failures: list, pull: PullReport | None, warnings: int,
            language: str, log_path: Path) -> str:
    if pull is not None and pull.received:
        parts.append(_say("pulled", language, received=pull.received, stored=pull.stored + pull.overbooked,
                          attention=pull.needs_attention))
    elif pull is not None and pull.failures:
        parts.append(_say("pull_failed", language))
    if warnings:
        parts.append(_say("warnings", language, count=warnings))
    # The same cause (the server is down) usually fails the pull and the push: say it once.
    sentences = list(dict.fromkeys(failure_sentence(f.kind, channel, language) for f in failures))
    if sentences:
        parts.append(sentences[0])
        if len(sentences) > 1:
            parts.append(_say("more", language, count=len(sentences) - 1))
        parts.append(_say("log", language, path=log_path))
    separator = "；" if language != "en" else "; "
    return separator.join(parts)


_KINDS_ZH = {"avail": "可售房", "rate": "价格", "restriction": "限制"}


def print_report(r: PassReport) -> None:
    language = cli_language()
    seconds = (r.finished_at - r.started_at).total_seconds()
    # Nothing of the calendar to send, only listing content (push-content, or a pass after a
    # description changed): the line speaks of the content, not of "0 cells".
    content_only = not r.cells and r.content is not None and r.content.requests_planned > 0
    if r.dry_run:
        if content_only:
            print(say(f"{r.channel} (dry run): listing content → {r.requests_planned} request(s)",
                      f"{r.channel}（试运行）：房型内容 → {r.requests_planned} 个请求"))
        else:
            print(say(f"{r.channel} (dry run): {r.cells} cells in {r.ranges} ranges → {r.requests_planned} request(s)",
                      f"{r.channel}（试运行）：{r.cells} 个格子，{r.ranges} 段 → {r.requests_planned} 个请求"))
        if r.held is not None:  # a push now would send nothing before the channel's time
            print(f"  {r.hold_line(language)}")
        if r.capabilities:  # what this channel cannot carry, before what it will get
            print(f"  {r.capabilities_line(language)}")
        if r.content is not None:
            print(f"  {r.content_line(language)}")
        for g in r.groups:
            local = f"{g.room_type}/{g.rate_plan}" if g.rate_plan else g.room_type
            remote = f"{g.remote_room}/{g.remote_rate}" if g.remote_rate else g.remote_room
            kind = pad_columns(_KINDS_ZH.get(g.kind, g.kind), 8)
            print(say(f"  {g.kind:<12} {local:<10} → {remote:<16} {g.cells:>5} night(s)  {g.first} … {g.last}",
                      f"  {kind} {local:<10} → {remote:<16} {g.cells:>5} 晚  {g.first} … {g.last}"))
    elif not r.enabled:
        print(say(f"{r.channel}: disabled", f"{r.channel}：已停用"))
    elif r.in_sync and content_only:
        print(say(f"{r.channel}: in sync — {r.requests_sent} request(s) of listing content ({seconds:.1f}s)",
                  f"{r.channel}：已同步 — 房型内容 {r.requests_sent} 个请求（{seconds:.1f} 秒）"))
    elif r.in_sync:
        print(say(f"{r.channel}: in sync — {r.requests_sent} request(s), {r.cells_acknowledged} cells acknowledged "
                  f"({seconds:.1f}s)",
                  f"{r.channel}：已同步 — {r.requests_sent} 个请求，{r.cells_acknowledged} 个格子已确认（{seconds:.1f} 秒）"))
    else:
        print(say(f"{r.channel}: {r.state.value.upper()} — {r.requests_sent} of {r.requests_planned} request(s) sent, "
                  f"{r.pending_cells} cells pending",
                  f"{r.channel}：未同步 — 已发送 {r.requests_sent}/{r.requests_planned} 个请求，{r.pending_cells} 个格子待发送"))
    if not r.dry_run and r.content is not None and r.content.requests_planned:
        print(f"  {r.content_line(language)}")
    if not r.dry_run and r.held is not None:
        print(f"  {r.hold_line(language)}")
    for error in r.errors:
        print(say(f"  error: {error}", f"  错误：{error}"))
    for warning in r.warnings:
        print(say(f"  warning: {warning.text}", f"  提示：{warning.message('zh')}"))


def _watch(services, channel_ids: list[int], args) -> int:
    """The core scheduler, as the desktop runs it: a pass every ``--interval`` seconds (and at once)
    until Ctrl-C, printing one line per channel per pass."""
    language = cli_language()
    log_path = _log_to_file()

    def show(status: ChannelStatus) -> None:
        stamp = datetime.now().strftime("%H:%M:%S")
        if status.failures:  # the sentence; the technical text is in the log file
            errors = f"  {failure_sentence(status.failures[0].kind, status.channel, language)}"
        else:
            errors = f"  {status.errors[0]}" if status.errors else ""
        print(f"{stamp} {status.channel}: {status.state.value}, {status.pending_cells} pending{errors}", flush=True)

    services.sync.statuses.subscribe(show)
    if args.full:
        for cid in channel_ids:
            services.sync.full_resync(cid, actor=_actor())  # queued first on each lane; the scheduler's follow
    services.sync.watch(actor=_actor(), interval=args.interval, first_pass_after=0.0,
                        channel_ids=channel_ids if (args.channel or args.property) else None)
    stop = threading.Event()
    _stop_on_signals(stop)
    stop.wait()
    print("stopped", flush=True)
    return 0


def _stop_on_signals(stop: threading.Event) -> None:
    """Ctrl-C, ``kill`` and a logout all stop the watch the same way.

    The handlers are installed explicitly rather than relying on Python's KeyboardInterrupt: a
    process started from a non-interactive shell's background job (cron, CI, ``nohup … &``) inherits
    SIGINT *ignored*, and Python then never raises KeyboardInterrupt — Ctrl-C or ``kill -INT`` would
    be silently lost and the watch would run forever."""
    def handle(_signum, _frame) -> None:
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, handle)
