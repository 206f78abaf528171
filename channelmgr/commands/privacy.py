"""``channelmgr privacy purge [--older-than DAYS] [--dry-run]`` and ``privacy period [DAYS|off]``.

Purging replaces the guest's name, phone and notes of bookings that checked out long enough ago
(channelmgr.privacy.service); the administrator's only, and audited with counts. ``--dry-run``
counts what would be purged and changes nothing.
"""

from __future__ import annotations

from ..errors import UserError
from ..language import say
from ..roomtypes.desk_user import desk_actor


def register(sub) -> None:
    p = sub.add_parser("privacy",
                       help=say("guest personal data: purge after check-out, the purge period", "客人个人资料：离店后清除，清除期限"))
    actions = p.add_subparsers(dest="action", required=True)
    purge = actions.add_parser("purge", help=say("purge the guest data of bookings that checked out long ago",
                                                 "清除早已离店订单的客人资料"))
    purge.add_argument("--older-than", dest="days", type=int, metavar="DAYS",
                       help=say("checked out more than DAYS days ago (default: the property's period)",
                                "离店超过 DAYS 天（默认：民宿设定的期限）"))
    purge.add_argument("--dry-run", action="store_true", help=say("count only; change nothing", "试运行：只计数，不做修改"))
    purge.add_argument("--property", metavar="CODE")
    purge.set_defaults(func=run_purge)
    period = actions.add_parser("period", help=say("show or set the automatic purge period (days after check-out, or off)",
                                                   "查看或设置自动清除期限（离店后的天数，或 off）"))
    period.add_argument("days", nargs="?", metavar="DAYS|off")
    period.add_argument("--property", metavar="CODE")
    period.set_defaults(func=run_period)


def run_purge(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    report = services.privacy.purge(desk_actor("command line"), pid, args.days, dry_run=args.dry_run)
    day = report.cutoff.isoformat()
    if args.dry_run:
        print(say(f"Would purge the guest data of {report.reservations} booking(s) that checked out on or before "
                  f"{day} (dry run: nothing changed)",
                  f"将清除 {report.reservations} 个订单的客人资料（{day} 及以前离店；试运行：未做修改）"))
    else:
        print(say(f"Purged the guest data of {report.reservations} booking(s) that checked out on or before {day}",
                  f"已清除 {report.reservations} 个订单的客人资料（{day} 及以前离店）"))
    return 0


def run_period(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    if args.days is None:
        days = services.privacy.settings(pid).purge_after_days
    else:
        if args.days.lower() == "off":
            value = None
        elif args.days.isdigit():
            value = int(args.days)
        else:
            raise UserError(f"privacy period: {args.days!r} is neither a number of days nor 'off'",
                            zh=f"privacy period：{args.days!r} 既不是天数也不是 off")
        days = services.privacy.set_purge_after(desk_actor("command line"), pid, value).purge_after_days
    print(say("Automatic purge: off" if days is None else f"Automatic purge: {days} days after check-out",
              "自动清除：关闭" if days is None else f"自动清除：离店 {days} 天后"))
    return 0
