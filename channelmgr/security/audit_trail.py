"""Reading the audit trail: who changed what, when, why — filtered, and exported to Excel.

Each row of ``audit_entry`` is one change (or a refused attempt, a sign-in) with the values
before and after. Here they are flattened into one line per field, "field: before → after", so
the Audit page, ``channelmgr audit`` and the workbook answer "who changed this price and when".
A calendar row holds a whole edit as {field: {night: value}}; ``night`` keeps one night of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import String, cast, or_, select

from ..actor import Actor
from ..db.engine import Database
from ..privacy.masking import mask_phone, mask_text, mask_values
from ..db.models import AuditEntry, RoomType
from ..inventory.changes import AUDIT_ENTITY as CALENDAR_ENTITY
from ..files import save_workbook
from .audit_values import show_value

MAX_ROWS = 5000  # a page of the newest; a filter narrows it


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    entity: str | None = None
    entity_id: str | None = None
    start: date | None = None  # first day, inclusive
    end: date | None = None  # last day, inclusive
    text: str | None = None  # in the cause, action, entity id or the values
    night: date | None = None  # calendar rows: only the changes of this night
    # False: leave out successful sign-ins — every command line run signs in, and a page of them
    # hides the changes; wrong passwords, lock-outs and refusals always stay.
    sign_ins: bool = True
    limit: int = MAX_ROWS


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user: str
    cause: str
    action: str
    entity: str
    entity_id: str
    changes: tuple[tuple[str, object, object], ...]  # (field, before, after)

    @property
    def local_at(self) -> datetime:
        """When, on the desk's clock: the trail stores UTC (one order for every desk of a shared
        database); a person reads and filters in the time of the computer in front of them."""
        return self.at.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)

    def shown_changes(self, list_separator: str = ", ") -> tuple[tuple[str, str, str], ...]:
        """(field, before, after) as text, amounts in yuan and lists as their items (audit_values):
        what a screen words further (the desk names the fields in its language and joins a list
        with its own separator; the CLI and the workbook show ``change_text``)."""
        before_side, after_side = self.sides()
        return tuple((field, show_value(before, field, before_side, list_separator),
                      show_value(after, field, after_side, list_separator)) for field, before, after in self.changes)

    def sides(self) -> tuple[dict[str, object], dict[str, object]]:
        """The fields before and the fields after, each by name: whether a value is money can
        depend on another field of the same side (a price rule's adjustment)."""
        return ({field: before for field, before, _ in self.changes},
                {field: after for field, _, after in self.changes})

    @property
    def change_text(self) -> str:
        return "; ".join(f"{field}: {before} → {after}" for field, before, after in self.shown_changes())


class AuditTrail:
    def __init__(self, db: Database):
        self.db = db

    def entities(self) -> list[str]:
        with self.db.session() as s:
            return sorted(s.scalars(select(AuditEntry.entity).distinct()))

    def users(self) -> list[str]:
        with self.db.session() as s:
            return sorted(s.scalars(select(AuditEntry.actor).distinct()))

    def query(self, f: AuditFilter = AuditFilter()) -> list[AuditRow]:
        # Core rows, not ORM objects: a page of 5,000 entries loads several times faster.
        q = select(AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.cause, AuditEntry.action,
                   AuditEntry.entity, AuditEntry.entity_id, AuditEntry.before, AuditEntry.after
                   ).order_by(AuditEntry.id.desc()).limit(f.limit)
        if f.user:
            q = q.where(AuditEntry.actor == f.user)
        if not f.sign_ins:
            q = q.where(AuditEntry.action != "sign_in")
        if f.entity:
            q = q.where(AuditEntry.entity == f.entity)
        if f.entity_id is not None:
            q = q.where(AuditEntry.entity_id == str(f.entity_id))
        if f.start:
            q = q.where(AuditEntry.at >= _utc_midnight(f.start))
        if f.end:
            q = q.where(AuditEntry.at < _utc_midnight(f.end + timedelta(days=1)))
        if f.text:
            like, stored = _like(f.text), _like(json.dumps(f.text)[1:-1])  # values are JSON: 审 is \u5ba1
            q = q.where(or_(AuditEntry.cause.ilike(like, escape="!"), AuditEntry.action.ilike(like, escape="!"),
                            AuditEntry.entity_id.ilike(like, escape="!"),
                            *(cast(column, String).ilike(pattern, escape="!")
                              for column in (AuditEntry.before, AuditEntry.after) for pattern in {like, stored})))
        with self.db.session() as s:
            rows = [_row(e, f.night) for e in s.execute(q)]
        return [r for r in rows if r is not None]

    def cell_history(self, room_type_id: int, night: date, limit: int = MAX_ROWS) -> list[AuditRow]:
        """Everything that can have moved one calendar cell, newest first: the cell's own edits
        (that night), its room type's rate plans (a base price changes every night's price) and
        the price rules (any of them may apply to the night)."""
        with self.db.session() as s:
            code = s.scalar(select(RoomType.code).where(RoomType.id == room_type_id))
        rows = self.query(AuditFilter(entity=CALENDAR_ENTITY, entity_id=str(room_type_id), night=night, limit=limit))
        plans = self.query(AuditFilter(entity="rate_plan", limit=limit))
        rows += [r for r in plans if code is not None and r.entity_id.startswith(f"{code}/")]
        rows += self.query(AuditFilter(entity="price_rule", limit=limit))
        return sorted(rows, key=lambda r: r.id, reverse=True)[:limit]

    def export(self, rows: list[AuditRow], path: str | Path, lang: str = "zh", *,
               unmasked_by: Actor | None = None) -> int:
        """The rows as a workbook (one line per change of a field); returns the lines written.

        Phone numbers in the values are masked unless ``unmasked_by`` (an administrator) asks —
        that opt-in is itself an audit entry."""
        if unmasked_by is not None:
            from ..privacy.service import PrivacyService  # privacy records through this module's audit

            PrivacyService(self.db).allow_unmasked(unmasked_by, "audit", Path(path).name)
        show = _clear if unmasked_by is not None else _masked
        wb = Workbook()
        ws = wb.active
        ws.title = "审计记录" if lang == "zh" else "Audit trail"
        ws.append(list(_HEADERS[lang]))
        lines = 0
        for r in rows:
            before_side, after_side = r.sides()
            for field, before, after in r.changes or (("", None, None),):
                ws.append([r.local_at, r.user, r.action, r.entity, r.entity_id, field, show(field, before, before_side),
                           show(field, after, after_side), mask_text(r.cause) if unmasked_by is None else r.cause])
                lines += 1
        for column, width in zip("ABCDEFGHI", (20, 12, 16, 14, 12, 24, 30, 30, 40)):
            ws.column_dimensions[column].width = width
        ws.freeze_panes = "A2"
        save_workbook(wb, path)
        return lines


_HEADERS = {
    "zh": ("时间", "用户", "操作", "对象", "编号", "字段", "修改前", "修改后", "原因"),
    "en": ("Time", "User", "Action", "Entity", "Id", "Field", "Before", "After", "Cause"),
}


def _row(e, night: date | None) -> AuditRow | None:
    before, after = e.before or {}, e.after or {}
    changes = []
    for field in sorted(set(before) | set(after), key=str):
        old, new = before.get(field), after.get(field)
        if isinstance(old, dict) or isinstance(new, dict):  # a calendar edit: {night: value}
            old, new = old or {}, new or {}
            nights = sorted(set(old) | set(new)) if night is None else [night.isoformat()]
            changes.extend((f"{field} {n}", old.get(n), new.get(n)) for n in nights if n in old or n in new)
        elif night is None and old != new:  # an update records whole rows; show what moved
            changes.append((str(field), old, new))
    if night is not None and not changes:
        return None
    return AuditRow(e.id, e.at, e.actor, e.cause, e.action, e.entity, e.entity_id, tuple(changes))


def _utc_midnight(day: date) -> datetime:
    """The stored (naive UTC) instant at which ``day`` begins on the desk's clock."""
    return datetime.combine(day, time()).astimezone(timezone.utc).replace(tzinfo=None)


def _like(text: str) -> str:
    """A LIKE pattern for ``text`` anywhere; "!" escapes (a backslash stays literal on PostgreSQL too)."""
    return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"


def _clear(field: str, value: object, side: dict[str, object]) -> str:
    return show_value(value, field, side)


def _masked(field: str, value: object, side: dict[str, object]) -> str:
    if "phone" in field.lower() and isinstance(value, str) and value:
        return mask_phone(value)
    return show_value(mask_values(value), field, side)
