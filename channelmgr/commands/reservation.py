"""``channelmgr reservation list``: the reservation ledger (add/cancel come with the reservations issue)."""

from __future__ import annotations

import dataclasses
import json

from ..dates import parse_date
from ..money import format_minor


def register(sub) -> None:
    p = sub.add_parser("reservation", help="reservations")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    lst = actions.add_parser("list", help="list reservations with a night in [--from, --to)")
    lst.add_argument("--property", metavar="CODE")
    lst.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD")
    lst.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD")
    lst.add_argument("--channel", metavar="NAME")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)


def run_list(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    rows = services.reservations.list(pid, args.start, args.end, args.channel)
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False, indent=2, default=str))
        return 0
    for r in rows:
        print(
            f"{r.id}\t{r.arrival}→{r.departure}\t{r.room_type_code}\t{r.guest_name}\t"
            f"{format_minor(r.amount_minor, r.currency)}\t{r.channel or r.source}\t{r.status}"
        )
    return 0
