"""``channelmgr roomtype list|show``: room types with every catalog attribute and their completeness."""

from __future__ import annotations

import dataclasses
import json

from ..catalog import ATTRIBUTES
from ..catalog.attributes import by_key
from ..language import say
from ..roomtypes import PHOTO_ALBUMS, display_text


def register(sub) -> None:
    p = sub.add_parser("roomtype",
                       help=say("room types: list, show with all attributes and completeness", "房型：列出；查看全部属性和信息完整度"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    lst = actions.add_parser("list", help=say("room types in display order, with completeness per channel",
                                              "按显示顺序列出房型，附各渠道的信息完整度"))
    lst.add_argument("--property", metavar="CODE")
    lst.add_argument("--archived", action="store_true", help=say("include archived room types", "包括已归档的房型"))
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)

    show = actions.add_parser("show", help=say("every catalog attribute of one room type, and what each channel misses",
                                               "某个房型的全部属性，以及各渠道还缺什么"))
    show.add_argument("code", metavar="CODE", help=say("room type code, e.g. LKV", "房型代码，如 LKV"))
    show.add_argument("--property", metavar="CODE")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)


def run_list(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    rows = services.room_types.list(pid, include_archived=args.archived)
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        scores = " ".join(f"{say(s.label_en, s.label_zh)} {s.score}%" for s in r.scores)
        archived = "\t" + say("(archived)", "（已归档）") if r.archived else ""
        print(f"{r.code}\t{say(r.name_en or r.name_zh, r.name_zh)}\t"
              f"{say(f'{r.room_count} rooms', f'{r.room_count} 间')}\t{scores}{archived}")
    return 0


def run_show(args, ctx) -> int:
    services = ctx.services()
    pid = services.inventory.property_id(args.property)
    detail = services.room_types.find(pid, args.code)
    values = detail.attributes
    attributes = [
        {"key": a.key, "group": a.group.key, "label_zh": a.label_zh, "label_en": a.label_en,
         "value": values.get(a.key),
         "text_zh": display_text(a.key, values.get(a.key), "zh", detail.currency),
         "text_en": display_text(a.key, values.get(a.key), "en", detail.currency)}
        for a in ATTRIBUTES
    ]
    photos = [p for album in PHOTO_ALBUMS for p in services.photos.photos(detail.id, album)]
    if args.json:
        print(json.dumps({
            "id": detail.id, "code": detail.code, "name_zh": detail.name_zh, "name_en": detail.name_en,
            "archived": detail.archived, "room_count": detail.room_count, "attributes": attributes,
            "completeness": [dataclasses.asdict(s) for s in detail.scores],
            "photos": [dataclasses.asdict(p) for p in photos],
        }, ensure_ascii=False, indent=2))
        return 0
    print(say(f"{detail.code}  {detail.name_en or detail.name_zh}  ({detail.room_count} rooms"
              f"{', archived' if detail.archived else ''})",
              f"{detail.code}  {detail.name_zh}（{detail.room_count} 间{'，已归档' if detail.archived else ''}）"))
    group = None
    for row, attribute in zip(attributes, ATTRIBUTES):
        if attribute.group is not group:
            group = attribute.group
            print(f"\n[{say(group.label_en, group.label_zh)}]")
        text = say(row["text_en"], row["text_zh"])
        print(f"  {attribute.key:<24} {say(attribute.label_en, attribute.label_zh)}: {text}")
    missing_files = [p.ref for p in photos if p.missing]
    if missing_files:
        print("\n" + say("Photo files missing on this computer: ", "本机缺少照片文件：") + ", ".join(missing_files))
    print("\n" + say("Completeness:", "完整度："))
    for score in detail.scores:
        print(f"  {say(score.label_en, score.label_zh)}: {score.score}%")
        if score.missing_required:
            print("    " + say("missing, required: ", "必填缺失：") + _labels(score.missing_required))
        if score.missing_recommended:
            print("    " + say("missing, recommended: ", "建议填写：") + _labels(score.missing_recommended))
    return 0


def _labels(keys) -> str:
    """Attribute keys as the owner knows them (the CLI's language); --json keeps the keys."""
    attributes = [by_key(key) for key in keys]
    return say(", ".join(a.label_en for a in attributes), "、".join(a.label_zh for a in attributes))
