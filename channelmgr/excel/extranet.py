"""OTA extranet bulk-upload sheets: per-channel column layouts kept as data, not code.

The layouts ship in extranet_profiles.json, marked "as best known": extranets change their
templates without notice and publish no schema. A profile stored in the database setting
``excel.extranet_profiles`` replaces the shipped one of the same name, so an owner (or support)
can follow a template change without a new release. One row per room type (or rate plan) and
night, in the order the extranet reads them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from openpyxl import Workbook

from ..files import save_workbook
from ..db.engine import Database
from ..db.models import Setting
from ..errors import UserError
from .calendar_data import CalendarData, CalendarRow
from .labels import WEEKDAYS
from .problems import ExportResult
from .styles import DATE_FORMAT, display_width, print_fit_to_width, register_styles, set_widths, styled

SETTING_KEY = "excel.extranet_profiles"
FIELDS = frozenset({"remote_room", "remote_rate", "room_code", "room_name", "rate_plan_code", "rate_plan_name",
                    "night", "weekday", "price", "rooms_to_sell", "stop_sell", "min_stay", "max_stay",
                    "closed_to_arrival", "closed_to_departure"})
_FLAGS = frozenset({"stop_sell", "closed_to_arrival", "closed_to_departure"})


@dataclass(frozen=True)
class ExtranetColumn:
    header: str
    field: str
    format: str | None = None  # dates
    yes: Any = None  # flags: what the extranet wants for yes / no
    no: Any = None


@dataclass(frozen=True)
class ExtranetProfile:
    name: str
    name_zh: str
    name_en: str
    sheet: str
    per_rate_plan: bool
    columns: tuple[ExtranetColumn, ...]


def parse_profile(name: str, raw: Mapping[str, Any]) -> ExtranetProfile:
    """A profile from its JSON form; a UserError names what is wrong (it may be hand-edited)."""
    try:
        columns = tuple(ExtranetColumn(**c) for c in raw["columns"])
        profile = ExtranetProfile(name, raw.get("name_zh", name), raw.get("name_en", name), raw.get("sheet", name)[:31],
                                  bool(raw.get("per_rate_plan", False)), columns)
    except (KeyError, TypeError) as exc:
        raise UserError(f"Extranet profile {name!r} is malformed: {exc}") from None
    unknown = sorted({c.field for c in columns} - FIELDS)
    if unknown:
        raise UserError(f"Extranet profile {name!r}: unknown field(s) {unknown}; known: {sorted(FIELDS)}",
                        f"后台表格模板 {name}：未知字段 {unknown}；可用字段：{sorted(FIELDS)}")
    return profile


def shipped_profiles() -> dict[str, dict]:
    text = resources.files(__package__).joinpath("extranet_profiles.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def load_profiles(db: Database | None = None) -> dict[str, ExtranetProfile]:
    raw = shipped_profiles()
    if db is not None:
        with db.session() as s:
            setting = s.get(Setting, SETTING_KEY)
            if setting is not None and isinstance(setting.value, dict):
                raw.update({k: v for k, v in setting.value.items() if not k.startswith("_")})
    return {name: parse_profile(name, value) for name, value in raw.items()}


def write_extranet_workbook(profile: ExtranetProfile, data: CalendarData,
                            mapping: Mapping[tuple[int, int | None], tuple[str, str | None]],
                            path: Path, lang: str) -> ExportResult:
    wb = Workbook(write_only=True)
    register_styles(wb)
    ws = wb.create_sheet(profile.sheet)
    rows = data.plan_rows if profile.per_rate_plan else _main_plan_rows(data)
    names = [str(_value(c, data, r, 0, mapping, lang) or "") for c in profile.columns for r in rows[:50]
             if c.field in ("room_name", "rate_plan_name")]
    set_widths(ws, {i: max(12, display_width(c.header) + 2,
                           max((display_width(n) + 2 for n in names), default=0) if "name" in c.field else 0)
                    for i, c in enumerate(profile.columns, start=1)})
    ws.freeze_panes = "A2"
    print_fit_to_width(ws)
    ws.append([styled(ws, c.header, "cm header") for c in profile.columns])
    count = 0
    for row in rows:
        for index in range(len(data.nights)):
            ws.append([_cell(ws, c, _value(c, data, row, index, mapping, lang)) for c in profile.columns])
            count += 1
    notes = wb.create_sheet("说明" if lang == "zh" else "Notes")
    set_widths(notes, {1: 100})
    for line in _notes(profile, lang):
        notes.append([line])
    save_workbook(wb, path)
    return ExportResult(path, (ws.title, notes.title), count)


def _main_plan_rows(data: CalendarData) -> list[CalendarRow]:
    """Per room type, its first rate plan (the main one the extranet sells), else the bare type."""
    first: dict[int, CalendarRow] = {}
    for row in data.plan_rows:
        first.setdefault(row.room_type_id, row)
    return [first.get(r.room_type_id, r) for r in data.room_rows]


def _value(column: ExtranetColumn, data: CalendarData, row: CalendarRow, index: int,
           mapping: Mapping, lang: str) -> Any:
    field = column.field
    remote_room, remote_rate = mapping.get((row.room_type_id, row.rate_plan_id)) or mapping.get(
        (row.room_type_id, None)) or (row.room_type_code, row.rate_plan_code)
    if field == "remote_room":
        return remote_room
    if field == "remote_rate":
        return remote_rate or row.rate_plan_code
    if field == "room_code":
        return row.room_type_code
    if field == "rate_plan_code":
        return row.rate_plan_code
    if field == "room_name":
        return data.room_rows[row.snapshot_row].name
    if field == "rate_plan_name":
        return row.name
    night = data.nights[index]
    if field == "night":
        return night
    if field == "weekday":
        return WEEKDAYS[lang][night.weekday()]
    if field == "price":
        fen = (data.prices.get(row.rate_plan_id) or [None] * len(data.nights))[index] if row.rate_plan_id else None
        return None if fen is None else (fen // 100 if fen % 100 == 0 else Decimal(fen) / 100)
    cell = data.cell(row, index)
    if field == "rooms_to_sell":
        return cell.rooms_to_sell  # what the channel may sell: nothing while stop-sell is on
    if field == "min_stay":
        return cell.effective_min_stay  # a price rule's minimum when stricter, as the channels get
    value = getattr(cell, field)
    if field in _FLAGS:
        return column.yes if value else column.no
    return value


def _cell(ws, column: ExtranetColumn, value: Any):
    if column.field == "night":
        if column.format and column.format != DATE_FORMAT:
            return value.strftime(_strftime(column.format))  # the extranet wants this spelling as text
        return styled(ws, value, "cm date")
    return value


def _strftime(excel_format: str) -> str:
    return excel_format.replace("yyyy", "%Y").replace("mm", "%m").replace("dd", "%d")


def _notes(profile: ExtranetProfile, lang: str) -> list[str]:
    if lang == "zh":
        return [f"{profile.name_zh} 批量上传表（按目前所知的模板列）。",
                "上传前请与后台当前提供的模板核对列名和顺序；模板变化时可在数据库设置 "
                f"{SETTING_KEY} 中修改列的配置，无需升级软件。",
                "房源/房型ID 取自渠道映射；未映射时使用本店的房型代码。"]
    return [f"{profile.name_en} bulk upload sheet (columns as best known).",
            "Check the column names and order against the template the extranet offers today; when it changes, "
            f"edit the layout in the database setting {SETTING_KEY} — no new release needed.",
            "Listing/room IDs come from the channel mapping; unmapped rows use our room type codes."]
