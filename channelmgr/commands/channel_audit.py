"""``channelmgr channel audit``: compare what each channel shows with what it should show.

Exit status: 0 when every channel audited shows what it should (or cannot be read back — said on
its line, never as "no difference"), 1 when differences remain, 2 when a channel could not be read
(network, credentials, a refused reply). With ``--push-again`` or ``--accept-theirs`` the selected
differences (all, or those of ``--room-type`` / ``--night`` / ``--field``) are settled and the
channel audited again, so the exit status says what is left.
"""

from __future__ import annotations

import json
import sys
from datetime import date

from ..dates import parse_date
from ..language import cli_language, say
from ..money import format_minor
from ..roomtypes.desk_user import desk_actor
from ..sync.drift import FIELDS, AuditReport, AuditStatus, Drift, filter_drifts
from ..sync.failure_texts import failure_sentence

WAIT_SECONDS = 600

FIELD_NAMES = {
    "availability": ("rooms to sell", "可售房"), "price": ("price", "价格"), "currency": ("currency", "币种"),
    "min_stay": ("min stay", "最少入住"), "max_stay": ("max stay", "最多入住"), "cta": ("closed to arrival", "禁止入住"),
    "ctd": ("closed to departure", "禁止离店"), "stop_sell": ("stop-sell", "停售"), "restrictions": ("restrictions", "限制"),
    "blocked": ("taken (iCal)", "已占用（iCal）"),
}


def register(actions, common) -> None:
    audit = actions.add_parser("audit", help=say("drift audit: what each channel shows vs what it should show "
                                                 "(exit 1 when they differ)",
                                                 "渠道核对：渠道上显示的与应显示的是否一致（不一致时退出码为 1）"))
    audit.add_argument("--channel", metavar="NAME", help=say("only this channel (default: every enabled channel)",
                                                             "只核对这个渠道（默认：所有已启用的渠道）"))
    audit.add_argument("--json", action="store_true", help=say("machine-readable output", "输出 JSON 格式"))
    act = audit.add_mutually_exclusive_group()
    act.add_argument("--push-again", action="store_true",
                     help=say("send ours again for the selected differences", "对选中的差异重新推送本店的值"))
    act.add_argument("--accept-theirs", action="store_true",
                     help=say("take the channel's values into our calendar for the selected differences (audited)",
                              "对选中的差异采用渠道上的值，写入本店日历（记入审计）"))
    audit.add_argument("--room-type", metavar="CODE",
                       help=say("act only on this room type's differences", "只处理这个房型的差异"))
    audit.add_argument("--night", metavar="YYYY-MM-DD", type=parse_date,
                       help=say("act only on this night's differences", "只处理这一晚的差异"))
    audit.add_argument("--field", choices=FIELDS, help=say("act only on this field's differences", "只处理这一项的差异"))
    audit.add_argument("--force", action="store_true", help=say("accept prices the price guard finds suspicious",
                                                                    "采用价格防护认为可疑的价格"))
    common(audit)
    audit.set_defaults(func=run_audit)


def run_audit(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    night = args.night
    if args.channel:
        channel_ids = [services.channels.channel_id(pid, args.channel)]
    else:
        channel_ids = services.sync.enabled_channels(pid)
    drift = services.sync.drift
    futures = [drift.audit(cid) for cid in channel_ids]  # one lane each: in parallel
    reports = [future.result(WAIT_SECONDS) for future in futures]
    actions = []
    if args.push_again or args.accept_theirs:
        settled = []
        for report in reports:
            chosen = filter_drifts(report.differences, room_type=args.room_type, night=night,
                                   fields=[args.field] if args.field else None)
            if not chosen:
                settled.append(report)
                continue
            action, after = _act(services, report, chosen, args)
            actions.append(action)
            # accept theirs already audited once after applying: that report is what is left
            settled.append(after or drift.audit(report.channel_id).result(WAIT_SECONDS))
        reports = settled
    if args.json:
        print(json.dumps({"in_sync": all(r.status in (AuditStatus.CLEAN, AuditStatus.CANNOT_READ_BACK) for r in reports),
                          "channels": [r.to_json() for r in reports], "actions": actions},
                         ensure_ascii=False, indent=2, default=str))
    else:
        for line in [*(a["text"] for a in actions), *(line for r in reports for line in report_lines(r))]:
            print(line)
    return _exit_status(reports)


def _exit_status(reports: list[AuditReport]) -> int:
    """0, 1 or 2 (see the module docstring); a non-zero status is also said on stderr, in one
    line, so a script's log shows why."""
    failed = [r.channel for r in reports if r.status is AuditStatus.FAILED]
    differing = [r.channel for r in reports if r.status is AuditStatus.DIFFERENCES]
    if failed:
        print(say(f"could not be audited: {', '.join(failed)}", f"无法核对：{'、'.join(failed)}"), file=sys.stderr)
        return 2
    if differing:
        print(say(f"differences found: {', '.join(differing)}", f"发现差异：{'、'.join(differing)}"), file=sys.stderr)
        return 1
    return 0


def _act(services, report: AuditReport, chosen: list[Drift], args) -> tuple[dict, AuditReport | None]:
    """(what was done, the audit it already ran afterwards — None: audit again)."""
    drift = services.sync.drift
    if args.push_again:
        pass_report = drift.push_again(report.channel_id, chosen, actor=desk_actor("command line: audit push again")) \
            .result(WAIT_SECONDS)
        text = say(f"{report.channel}: {len(chosen)} difference(s) pushed again "
                   f"({pass_report.cells_acknowledged} cell(s) confirmed)",
                   f"{report.channel}：已重新推送 {len(chosen)} 处差异（渠道确认 {pass_report.cells_acknowledged} 格）")
        return {"channel": report.channel, "action": "push_again", "differences": len(chosen),
                "cells_acknowledged": pass_report.cells_acknowledged, "text": text}, None
    result = drift.accept_theirs(report, chosen, actor=desk_actor("command line: audit accept theirs"),
                                 force=args.force)
    lines = [say(f"{report.channel}: {len(result.accepted)} difference(s) taken over into our calendar",
                 f"{report.channel}：已将 {len(result.accepted)} 处差异采用到本店日历")]
    for skipped in result.skipped:
        lines.append("  " + say(f"not taken: {_where(skipped.drift)} — {skipped.reason}",
                                f"未采用：{_where(skipped.drift)}——{skipped.reason_zh}"))
    for left in result.still_different:
        lines.append("  " + say(f"still different after taking it over: {_where(left)}",
                                f"采用后仍不一致：{_where(left)}"))
    return {"channel": report.channel, "action": "accept_theirs", "accepted": len(result.accepted),
            "skipped": [{**s.drift.to_json(), "reason": s.reason} for s in result.skipped],
            "still_different": [d.to_json() for d in result.still_different], "text": "\n".join(lines)}, result.audit


def report_lines(report: AuditReport) -> list[str]:
    name = report.channel
    if report.status is AuditStatus.CLEAN:
        return [say(f"{name}: shows what it should ({report.cells_compared} cells compared)",
                    f"{name}：与本店一致（核对 {report.cells_compared} 格）")]
    if report.status is AuditStatus.CANNOT_READ_BACK:
        return [say(f"{name}: cannot be read back — {report.reason}; not audited",
                    f"{name}：无法读取渠道数据——{report.reason_zh}；未核对")]
    if report.status is AuditStatus.FAILED:
        sentence = failure_sentence(report.failure.kind, name, cli_language())
        return [say(f"{name}: audit failed, nothing compared — {sentence}",
                    f"{name}：核对失败，未作比较——{sentence}"),
                "  " + say(f"detail: {report.failure.detail}", f"详情：{report.failure.detail}")]
    lines = [say(f"{name}: {len(report.differences)} difference(s) in {report.cells_compared} cells",
                 f"{name}：{report.cells_compared} 格中有 {len(report.differences)} 处差异")]
    for d in report.differences:
        waiting = say(" (ours not sent yet)", "（本店的值尚未发送）") if d.pending else ""
        lines.append(f"  {_where(d)}  " + say(f"ours {value_text(d, d.ours)}, theirs {value_text(d, d.theirs)}",
                                              f"本店 {value_text(d, d.ours)}，渠道 {value_text(d, d.theirs)}") + waiting)
    return lines


def _where(d: Drift) -> str:
    local = f"{d.room_type}/{d.rate_plan}" if d.rate_plan else d.room_type
    en, zh = FIELD_NAMES[d.field]
    return f"{local} {d.night} {say(en, zh)}"


def value_text(d: Drift, value) -> str:
    if value is None and not d.shown and value is d.theirs:
        return say("(not shown)", "（未显示）")
    if d.field == "price":
        return format_minor(value)
    if isinstance(value, bool):
        return say("yes", "是") if value else say("no", "否")
    if value is None:
        return say("no limit", "不限")
    if isinstance(value, tuple):  # a whole restriction cell the channel does not show
        stop, cta, ctd, low, high = value
        return say(f"stop-sell {'yes' if stop else 'no'}, CTA {'yes' if cta else 'no'}, CTD {'yes' if ctd else 'no'}, "
                   f"min {low}, max {high or '-'}",
                   f"停售{'是' if stop else '否'}，禁止入住{'是' if cta else '否'}，禁止离店{'是' if ctd else '否'}，"
                   f"最少 {low}，最多 {high or '-'}")
    return str(value)
