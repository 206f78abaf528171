"""``channelmgr sync [--channel NAME] [--full] [--dry-run] [--json]`` and ``sync --watch``.

Before pushing, new bookings are pulled from every enabled channel (of ``--property``, if given) —
not only the selected one: a booking taken on any OTA changes what every channel must show.

Exit status 0 only when every selected enabled channel ends in sync (for ``--dry-run``: has
nothing left to send) and every pull succeeded, 1 otherwise — so a cron job or a script can tell.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict
from datetime import datetime

from ..sync.report import PassReport
from ..sync.status import ChannelStatus


def register(sub) -> None:
    p = sub.add_parser("sync", help="push availability, prices and restrictions to the channels")
    p.add_argument("--channel", metavar="NAME", help="only this channel (default: every enabled channel)")
    p.add_argument("--property", metavar="CODE", help="only this property's channels")
    p.add_argument("--full", action="store_true", help="forget what the channel acknowledged and resend everything")
    p.add_argument("--dry-run", action="store_true", help="show what would be sent; send nothing")
    p.add_argument("--no-pull", action="store_true", help="do not fetch new bookings from the channels first")
    p.add_argument("--json", action="store_true", help="machine-readable reports")
    p.add_argument("--watch", action="store_true", help="keep running: a pass every --interval seconds")
    p.add_argument("--interval", type=float, default=30.0, metavar="S", help="seconds between --watch passes")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    services = ctx.services()
    channel_ids = _selected(args, services)
    if args.watch:
        return _watch(services, channel_ids, args)
    pulls = [] if args.dry_run or args.no_pull else _pull_all(args, services)
    if args.dry_run:
        reports = [services.sync.dry_run(cid, full=args.full) for cid in channel_ids]
    else:
        futures = [services.sync.push(cid, full=args.full) for cid in channel_ids]  # lanes run in parallel
        reports = [future.result() for future in futures]
    if args.json:
        print(json.dumps({"in_sync": _all_in_sync(reports), "channels": [r.to_json() for r in reports],
                          "reservations": [asdict(p) for p in pulls]},
                         ensure_ascii=False, indent=2, default=str))
    else:
        for pull in pulls:
            if not pull.skipped:
                print(pull.summary())
        for report in reports:
            _print_report(report)
    return 0 if _all_in_sync(reports) and all(p.ok for p in pulls) else 1


def _pull_all(args, services) -> list:
    """Every enabled channel's new bookings into the ledger, in parallel (one lane each), so the
    pushes that follow already close the rooms they took."""
    pid = services.inventory.property_id(args.property) if args.property else None
    futures = [services.sync.pull_reservations(cid) for cid in services.sync.enabled_channels(pid)]
    return [future.result() for future in futures]


def _selected(args, services) -> list[int]:
    if args.channel:
        pid = services.inventory.property_id(args.property)
        return [services.channels.channel_id(pid, args.channel)]
    pid = services.inventory.property_id(args.property) if args.property else None
    return services.sync.enabled_channels(pid)


def _all_in_sync(reports: list[PassReport]) -> bool:
    return all(r.in_sync or (r.dry_run and r.pending_cells == 0) for r in reports if r.enabled)


def _print_report(r: PassReport) -> None:
    seconds = (r.finished_at - r.started_at).total_seconds()
    if r.dry_run:
        print(f"{r.channel} (dry run): {r.cells} cells in {r.ranges} ranges → {r.requests_planned} request(s)")
        for g in r.groups:
            local = f"{g.room_type}/{g.rate_plan}" if g.rate_plan else g.room_type
            remote = f"{g.remote_room}/{g.remote_rate}" if g.remote_rate else g.remote_room
            print(f"  {g.kind:<12} {local:<10} → {remote:<16} {g.cells:>5} night(s)  {g.first} … {g.last}")
    elif not r.enabled:
        print(f"{r.channel}: disabled")
    elif r.in_sync:
        print(f"{r.channel}: in sync — {r.requests_sent} request(s), {r.cells_acknowledged} cells acknowledged "
              f"({seconds:.1f}s)")
    else:
        print(f"{r.channel}: {r.state.value.upper()} — {r.requests_sent} of {r.requests_planned} request(s) sent, "
              f"{r.pending_cells} cells pending")
    for error in r.errors:
        print(f"  error: {error}")
    for warning in r.warnings:
        print(f"  warning: {warning.text}")


def _watch(services, channel_ids: list[int], args) -> int:
    """The core scheduler, as the desktop runs it: a pass every ``--interval`` seconds (and at once)
    until Ctrl-C, printing one line per channel per pass."""
    def show(status: ChannelStatus) -> None:
        stamp = datetime.now().strftime("%H:%M:%S")
        errors = f"  {status.errors[0]}" if status.errors else ""
        print(f"{stamp} {status.channel}: {status.state.value}, {status.pending_cells} pending{errors}", flush=True)

    services.sync.statuses.subscribe(show)
    if args.full:
        for cid in channel_ids:
            services.sync.full_resync(cid)  # queued first on each lane; the scheduler's passes follow
    services.sync.start(interval=args.interval, first_pass_after=0.0,
                        channel_ids=channel_ids if (args.channel or args.property) else None)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        print("stopped")
    return 0
