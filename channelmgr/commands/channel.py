"""``channelmgr channel add|list|show|set|remove|map|unmap|push-content|audit``: OTA channels and their
mappings (``audit``, the drift audit, is channel_audit's).

A password (a Channex-style hub's API key) is never a command-line argument (it would sit in the
shell history and in ``ps``): ``--password-env VAR`` reads it from an environment variable,
otherwise it is asked for with getpass. It is stored encrypted (channelmgr.security.vault) and
never printed.
"""

from __future__ import annotations

import dataclasses
import getpass
import json
import os

from ..actor import Actor
from ..roomtypes.desk_user import desk_actor
from ..errors import UserError
from ..language import say
from ..sync.channel_profiles import PROFILE_KEYS, RESTRICTIONS
from ..sync.channel_settings import ChannelSettings, parse_assignment
from ..channels.adapter import adapter_for, secret_label
from ..ical.channel_adapter import feed_channel_name
from ..sync.channels import PROTOCOLS, protocol_settings
from .sync import print_report  # the sync command's report, so push-content speaks alike
from . import channel_audit


def register(sub) -> None:
    p = sub.add_parser("channel", help=say("OTA channels: add, list, set, remove, map room types and rate plans, audit",
                                           "OTA 渠道：添加、列出、修改、删除、映射房型和价格计划、核对"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    # allow_abbrev=False: "--password SECRET" must be an error, not an abbreviation of --password-env.
    add = actions.add_parser("add", help=say("add a channel (the password or API key is read from --password-env "
                                             "or asked for)",
                                             "添加渠道（密码或 API 密钥从 --password-env 读取，或询问输入）"),
                             allow_abbrev=False)
    add.add_argument("name", metavar="NAME", help=say("the channel's short name, used by every command",
                                                      "渠道的简称，各命令用它指代渠道"))
    add.add_argument("--protocol", choices=PROTOCOLS, default="opentravel",
                     help=say("opentravel (XML, user + password), channex (a Channex-style JSON hub, API key) or "
                              "ical (a calendar feed read on every sync; needs --room-type)",
                              "opentravel（XML，用户名和密码）、channex（Channex 式 JSON 渠道中心，API 密钥）或 "
                              "ical（日历订阅，每次同步时读取；需要 --room-type）"))
    add.add_argument("--endpoint", required=True, metavar="URL",
                     help=say("e.g. http://127.0.0.1:8765/ota/H1001, http://127.0.0.1:8765/channex/P1 for channex, "
                              "the feed's address for ical",
                              "如 http://127.0.0.1:8765/ota/H1001；channex 如 http://127.0.0.1:8765/channex/P1；"
                              "ical 为日历的网址"))
    add.add_argument("--hotel-code", default="", metavar="CODE",
                     help=say("the hotel code (channex: the property id; not used by ical)",
                              "酒店代码（channex：物业编号；ical 不需要）"))
    add.add_argument("--room-type", metavar="CODE", help=say("ical: the room type the feed's bookings take",
                                                             "ical：日历中的订单占用的房型"))
    add.add_argument("--username", default="", metavar="USER",
                     help=say("the login (not used by channex or ical)", "登录用户名（channex 和 ical 不需要）"))
    add.add_argument("--password-env", metavar="VAR",
                     help=say("environment variable holding the password (channex: the API key)",
                              "保存密码的环境变量（channex：API 密钥）"))
    add.add_argument("--display-name", default="", metavar="TEXT",
                     help=say("the name shown in the desk and the reports", "在桌面端和报表中显示的名称"))
    add.add_argument("--disabled", action="store_true", help=say("add it switched off", "添加后先停用"))
    _settings_option(add)
    _common(add)
    add.set_defaults(func=run_add)

    lst = actions.add_parser("list", help=say("channels with endpoint, status and mapping count",
                                              "渠道列表：地址、状态和映射数"))
    _json_option(lst)
    _common(lst)
    lst.set_defaults(func=run_list)

    show = actions.add_parser("show", help=say("one channel: capabilities (profile + overrides), settings, mappings "
                                               "and unmapped warnings",
                                               "一个渠道：能力（配置档案加覆盖项）、设置、映射和未映射提示"))
    _name_argument(show)
    _json_option(show)
    _common(show)
    show.set_defaults(func=run_show)

    change = actions.add_parser("set", help=say("change a channel's endpoint, login, switch or settings",
                                                "修改渠道的地址、登录信息、启用状态或设置"), allow_abbrev=False)
    _name_argument(change)
    change.add_argument("--endpoint", metavar="URL", help=say("new address", "新地址"))
    change.add_argument("--hotel-code", metavar="CODE", help=say("new hotel code", "新酒店代码"))
    change.add_argument("--username", metavar="USER", help=say("new login", "新登录用户名"))
    password = change.add_mutually_exclusive_group()
    password.add_argument("--password-env", metavar="VAR",
                          help=say("new password (or API key) from this environment variable",
                                   "从该环境变量读取新密码（或 API 密钥）"))
    password.add_argument("--password-prompt", action="store_true",
                          help=say("ask for a new password (or API key)", "询问输入新密码（或 API 密钥）"))
    change.add_argument("--display-name", metavar="TEXT", help=say("new display name", "新显示名称"))
    switch = change.add_mutually_exclusive_group()
    switch.add_argument("--enable", dest="enabled", action="store_const", const=True,
                        help=say("switch the channel on", "启用渠道"))
    switch.add_argument("--disable", dest="enabled", action="store_const", const=False,
                        help=say("switch the channel off (nothing sent or pulled)", "停用渠道（不再推送或拉取）"))
    _settings_option(change)
    _common(change)
    change.set_defaults(func=run_set)

    remove = actions.add_parser("remove", help=say("remove a channel with its mappings, sync state and log",
                                                   "删除渠道及其映射、同步状态和日志"))
    _name_argument(remove)
    _common(remove)
    remove.set_defaults(func=run_remove)

    mapping = actions.add_parser("map", help=say("map a room type (and rate plan) to the channel's codes",
                                                 "把房型（和价格计划）映射到渠道的代码"))
    _name_argument(mapping)
    mapping.add_argument("--room-type", required=True, metavar="CODE", help=say("our room type", "本店房型代码"))
    mapping.add_argument("--rate-plan", metavar="CODE", help=say("our rate plan (none: the room type's rooms to sell)",
                                                                 "本店价格计划（不填：映射房型的可售房）"))
    mapping.add_argument("--remote-room", required=True, metavar="CODE", help=say("the channel's room code",
                                                                                  "渠道的房型代码"))
    mapping.add_argument("--remote-rate", metavar="CODE", help=say("the channel's rate code", "渠道的价格代码"))
    _common(mapping)
    mapping.set_defaults(func=run_map)

    unmap = actions.add_parser("unmap", help=say("remove a mapping", "删除一个映射"))
    _name_argument(unmap)
    unmap.add_argument("--room-type", required=True, metavar="CODE", help=say("our room type", "本店房型代码"))
    unmap.add_argument("--rate-plan", metavar="CODE", help=say("our rate plan", "本店价格计划"))
    _common(unmap)
    unmap.set_defaults(func=run_unmap)

    channel_audit.register(actions, _common)

    content = actions.add_parser("push-content", help=say("send the channel its listing content now (room types' "
                                                          "names, descriptions, beds, view, amenities, photos), "
                                                          "changed or not",
                                                          "立即把房源内容发送到渠道（房型名称、介绍、床型、景观、设施、"
                                                          "照片），无论是否有变化"))
    _name_argument(content)
    content.add_argument("--dry-run", action="store_true", help=say("show what would be sent; send nothing",
                                                                    "试运行：只显示会发送什么，不发送"))
    _common(content)
    content.set_defaults(func=run_push_content)


def _name_argument(parser) -> None:
    parser.add_argument("name", metavar="NAME", help=say("the channel's short name", "渠道的简称"))


def _json_option(parser) -> None:
    parser.add_argument("--json", action="store_true", help=say("machine-readable output", "输出 JSON 格式"))


def _common(parser) -> None:
    parser.add_argument("--property", metavar="CODE", help=say("the property (default: the first one)",
                                                               "门店代码（默认：第一家）"))


def _settings_option(parser) -> None:
    keys = ", ".join(f.name for f in dataclasses.fields(ChannelSettings))
    parser.add_argument("--set", dest="settings", action="append", default=[], metavar="KEY=VALUE",
                        help=say(f"a channel setting, repeatable; keys: {keys}", f"渠道设置，可重复；可用的键：{keys}"))


def _actor() -> Actor:
    return desk_actor("command line")


def _password(env_var: str | None, *, prompt: bool, protocol: str = "opentravel") -> str | None:
    api_key = secret_label(adapter_for(protocol)) == "API key"
    if env_var:
        value = os.environ.get(env_var)
        if not value:
            raise UserError(f"Environment variable {env_var} is not set or empty",
                            f"环境变量 {env_var} 未设置或为空")
        return value
    if prompt:
        value = getpass.getpass(say("Channel API key: ", "渠道 API 密钥：") if api_key
                                else say("Channel password: ", "渠道密码："))
        if not value:
            raise UserError("No API key given" if api_key else "No password given",
                            "未输入 API 密钥" if api_key else "未输入密码")
        return value
    return None


def _typed_settings(assignments: list[str]) -> dict[str, str]:
    return dict(parse_assignment(text) for text in assignments)


def run_add(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    if args.protocol == "ical":
        return _add_feed(args, services, pid)
    if not args.hotel_code:
        raise UserError(f"--hotel-code is needed for protocol {args.protocol}"
                        + (" (the hub's property id)" if args.protocol == "channex" else ""),
                        f"{args.protocol} 渠道需要 --hotel-code" + ("（渠道中心的物业编号）" if args.protocol == "channex" else ""))
    # A protocol's published limits first (a Channex-style hub: 10 requests a minute per pace),
    # then what the owner typed.
    settings = protocol_settings(args.protocol).with_text(_typed_settings(args.settings))
    password = _password(args.password_env, prompt=True, protocol=args.protocol)
    info = services.channels.add(
        _actor(), pid, name=args.name, protocol=args.protocol, endpoint=args.endpoint,
        hotel_code=args.hotel_code, username=args.username, password=password,
        display_name=args.display_name, enabled=not args.disabled, settings=settings,
    )
    print(say(f"Channel {info.name} added ({info.protocol}, {info.endpoint}, hotel {info.hotel_code}); "
              f"map room types with `channelmgr channel map {info.name} …`",
              f"已添加渠道 {info.name}（{info.protocol}，{info.endpoint}，酒店代码 {info.hotel_code}）；"
              f"用 `channelmgr channel map {info.name} …` 映射房型"))
    return 0


def _add_feed(args, services, pid: int) -> int:
    """An iCal channel is one room type's feed, read at once and on every sync: the same as
    ``channelmgr ical import --url``, under the name given here."""
    if not args.room_type:
        raise UserError("An iCal channel needs --room-type CODE: the room type its bookings take",
                        "iCal 渠道需要 --room-type 房型代码：其订单占用的房型")
    r = services.ical_import.import_url(pid, args.room_type, args.name, args.endpoint, _actor())
    name = feed_channel_name(args.name)
    print(say(f"Channel {name} added (ical, {args.endpoint}, room type {args.room_type}): {r.new} booking(s) read; "
              "it is read again on every sync",
              f"已添加渠道 {name}（ical，{args.endpoint}，房型 {args.room_type}）：读取 {r.new} 个订单；"
              "之后每次同步都会重新读取"))
    return 0


def run_list(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    channels = services.channels.list(pid)
    if args.json:
        print(json.dumps([_channel_json(c) for c in channels], ensure_ascii=False, indent=2, default=str))
        return 0
    if not channels:
        print("No channel yet: add one with `channelmgr channel add NAME --endpoint URL …`")
    for c in channels:
        state = "enabled" if c.enabled else "disabled"
        last = c.last_ok_at.isoformat(sep=" ", timespec="seconds") if c.last_ok_at else "never"
        print(f"{c.name}\t{c.label}\t{c.protocol}\t{c.endpoint}\t{c.hotel_code}\t{state}\t"
              f"{c.mapping_count} mappings\tlast ok {last}")
    return 0


def run_show(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    info = services.channels.get(pid, args.name)
    mappings = services.channels.mappings(info.id)
    warnings = services.channels.warnings(info.id)
    if args.json:
        print(json.dumps({**_channel_json(info), "mappings": [_mapping_json(m) for m in mappings],
                          "warnings": [w.text for w in warnings]}, ensure_ascii=False, indent=2, default=str))
        return 0
    login = (say("API key stored", "API 密钥已保存") if secret_label(adapter_for(info.protocol)) == "API key"
             else f"user {info.username}")
    print(f"{info.name}  {info.label}  {info.protocol}  {info.endpoint}  hotel {info.hotel_code}  {login}"
          f"  {'enabled' if info.enabled else 'disabled'}")
    _print_capabilities(info.settings)
    print(say("Other settings:", "其他设置："))
    for key, value in info.settings.to_json().items():
        if key not in PROFILE_KEYS and key != "profile":
            print(f"  {key:<24} {value}")
    print("Mappings:")
    for m in mappings:
        local = f"{m.room_type.code}/{m.rate_plan.code}" if m.rate_plan else m.room_type.code
        remote = f"{m.remote_room}/{m.remote_rate}" if m.remote_rate else m.remote_room
        print(f"  {local:<12} → {remote}")
    for w in warnings:
        print(f"warning: {w.text}")
    return 0


def _print_capabilities(settings: ChannelSettings) -> None:
    """The effective capability matrix: each key's value, and whether it is the profile's or the owner's."""
    profile = settings.channel_profile
    print(say(f"Capabilities (profile {profile.name}: {profile.label}):",
              f"渠道能力（类型 {profile.name}：{profile.label}）："))
    for row in settings.capability_matrix():
        origin = (say(f"override (profile: {_shown(row.profile_value)})", f"自定（类型默认：{_shown(row.profile_value)}）")
                  if row.overridden else say("profile", "类型默认"))
        print(f"  {row.key:<24} {_shown(row.value):<36} {origin}")
    print(say(f"  sent ahead: {settings.sent_horizon_days} of {settings.horizon_days} days",
              f"  实际发送：{settings.horizon_days} 天中的 {settings.sent_horizon_days} 天"))
    print(say(f"  source: {profile.source}", f"  依据：{profile.source}"))


def _shown(value) -> str:
    if isinstance(value, frozenset):
        return ", ".join(sorted(value, key=RESTRICTIONS.index)) or say("none", "无")
    if value is None:
        return say("no limit", "不限")
    if isinstance(value, bool):
        return say("yes", "是") if value else say("no", "否")
    return str(value)


def run_set(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    channel_id = services.channels.channel_id(pid, args.name)
    info = services.channels.update(
        _actor(), channel_id, endpoint=args.endpoint, hotel_code=args.hotel_code, username=args.username,
        password=_password(args.password_env, prompt=args.password_prompt,
                           protocol=services.channels.get(pid, args.name).protocol),
        display_name=args.display_name,
        enabled=args.enabled, settings=_typed_settings(args.settings),
    )
    print(f"Channel {info.name} updated")
    return 0


def run_remove(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    services.channels.remove(_actor(), services.channels.channel_id(pid, args.name))
    print(f"Channel {args.name} removed")
    return 0


def run_map(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    mapping = services.channels.map(
        _actor(), services.channels.channel_id(pid, args.name), room_type=args.room_type,
        rate_plan=args.rate_plan, remote_room=args.remote_room, remote_rate=args.remote_rate,
    )
    local = f"{mapping.room_type.code}/{mapping.rate_plan.code}" if mapping.rate_plan else mapping.room_type.code
    remote = f"{mapping.remote_room}/{mapping.remote_rate}" if mapping.remote_rate else mapping.remote_room
    print(f"{args.name}: {local} → {remote}")
    return 0


def run_unmap(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    services.channels.unmap(_actor(), services.channels.channel_id(pid, args.name),
                            room_type=args.room_type, rate_plan=args.rate_plan)
    print(f"{args.name}: {args.room_type}{'/' + args.rate_plan if args.rate_plan else ''} unmapped")
    return 0


def run_push_content(args, ctx) -> int:
    """Exit 0 when the channel took every part (or, dry run, when there is something it can take)."""
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    channel_id = services.channels.channel_id(pid, args.name)
    if not services.channels.get(pid, args.name).settings.content:
        print(say(f"{args.name} does not take listing content (capability content=false); nothing sent. "
                  f"If it does: channelmgr channel set {args.name} --set content=true",
                  f"{args.name} 不接收房型内容（content=false），未发送。如该渠道接收：channelmgr channel set "
                  f"{args.name} --set content=true"))
        return 1
    if args.dry_run:
        report = services.sync.dry_run(channel_id, content_only=True)
    else:
        report = services.sync.push_content(channel_id, actor=_actor()).result()
    print_report(report)
    if args.dry_run:
        return 0 if report.content is not None and report.content.taken else 1
    return 0 if report.in_sync else 1


def _channel_json(info) -> dict:
    data = dataclasses.asdict(info)
    data["settings"] = info.settings.to_json()
    data["capabilities"] = {row.key: row.to_json() for row in info.settings.capability_matrix()}
    data["profile_source"] = info.settings.channel_profile.source
    return data


def _mapping_json(m) -> dict:
    return {"room_type": m.room_type.code, "rate_plan": m.rate_plan.code if m.rate_plan else None,
            "remote_room": m.remote_room, "remote_rate": m.remote_rate, "archived": m.archived}
