"""Excel export and import behind one object (``Services.excel``), for the UI and the CLI alike.

Exports read through the other services (inventory, calendar snapshot and its price function,
reservations), so a workbook shows what the app shows. Imports are all-or-nothing: every cell is
checked first; with any problem nothing is written and an annotated copy marks the bad cells;
otherwise every change goes in one transaction, audited with the file name as the cause.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.engine import Database
from ..db.models import Property, RoomType
from ..errors import UserError
from ..inventory.batch_sql import gc_paused
from ..inventory.bulk_edit import hold_plan
from ..inventory.changes import ChangeSet, write_changes
from ..inventory.price_guard import check_typed_prices
from ..money import format_minor
from ..reports.scope import ReportScope
from ..security.audit import record
from .annotate import write_annotated_copy
from .baseline import read_baseline
from .calendar_data import CalendarData, calendar_data
from .calendar_export import write_calendar_workbook
from .calendar_import import compare, plan_changes, read_grids, window_of
from .calendar_layout import CALENDAR_SHEETS, HORIZON_NIGHTS, PAST_NIGHTS_READ, PRICE
from .extranet import load_profiles, write_extranet_workbook
from .labels import check_lang
from .problems import CellProblem, ExportResult, ImportReport
from .report_export import REPORT_KINDS, WRITERS
from .reservations_export import write_reservations_workbook
from .rooms_export import write_rooms_workbook
from .rooms_import import RoomTypeEdit, read_room_types
from .workbook_files import damaged_file_errors, open_for_reading
from ..security.roles import Permission, requires

DEFAULT_CALENDAR_NIGHTS = 90
_SHEET_KEY_OF_FIELD = {sheet.field: sheet.key for sheet in CALENDAR_SHEETS}
# The columns of RoomType that copy catalog attributes (see channelmgr.roomtypes.service).
_MIRRORED_COLUMNS = {"room_code": "code", "name_zh": "name_zh", "name_en": "name_en"}


class ExcelService:
    """Takes the services facade and reads its members on each call, so a calendar (or price
    function) swapped in later — the pricing engine, a test clock — is the one the workbooks use."""

    def __init__(self, services):
        self.services = services

    @property
    def db(self) -> Database:
        return self.services.db

    @property
    def inventory(self):
        return self.services.inventory

    @property
    def calendar(self):
        return self.services.calendar

    @property
    def reservations(self):
        return self.services.reservations

    # --- export --------------------------------------------------------------------------
    def export_rooms(self, property_id: int, path: Path, lang: str = "zh") -> ExportResult:
        records = [values for _id, values in self._stored_room_types(property_id).values()]
        return write_rooms_workbook(records, Path(path), check_lang(lang))

    def export_calendar(self, property_id: int, path: Path, start: date | None = None, end: date | None = None,
                        lang: str = "zh") -> ExportResult:
        start, end = self._calendar_window(property_id, start, end)
        data = self._calendar_data(property_id, start, end, check_lang(lang))
        return write_calendar_workbook(data, Path(path), lang)

    def export_reservations(self, property_id: int, path: Path, start: date | None = None, end: date | None = None,
                            channel: str | None = None, lang: str = "zh", *,
                            unmasked_by: Actor | None = None) -> ExportResult:
        """Phone numbers masked, or in clear when ``unmasked_by`` (an administrator) asks — audited."""
        lang = check_lang(lang)
        rows = self.reservations.list(property_id, start, end, channel)
        if unmasked_by is not None:
            self.services.privacy.allow_unmasked(unmasked_by, "reservations", Path(path).name)
        return write_reservations_workbook(rows, Path(path), lang, unmasked=unmasked_by is not None)

    def export_report(self, property_id: int, path: Path, start: date, end: date, lang: str = "zh",
                      kind: str = "occupancy", room_type: str | None = None, channel: str | None = None) -> ExportResult:
        """One report's workbook with its charts (``export report`` is the occupancy one)."""
        if kind not in WRITERS:
            raise UserError(f"Unknown report {kind!r}; use one of {', '.join(REPORT_KINDS)}",
                            f"没有报表 {kind!r}；可选：{', '.join(REPORT_KINDS)}")
        lang = check_lang(lang)
        scope = ReportScope(property_id, start, end, room_type, channel)
        report = getattr(self.services.reports, kind)(scope)
        return WRITERS[kind](report, Path(path), lang)

    def export_extranet(self, property_id: int, path: Path, channel: str, start: date | None = None,
                        end: date | None = None, lang: str = "zh") -> ExportResult:
        profiles = load_profiles(self.db)
        if channel not in profiles:
            raise UserError(f"No extranet profile {channel!r}; known: {', '.join(sorted(profiles))}",
                            f"没有 {channel} 的后台表格模板；已有：{'、'.join(sorted(profiles))}")
        start, end = self._calendar_window(property_id, start, end)
        data = self._calendar_data(property_id, start, end, check_lang(lang))
        mapping = self._channel_mapping(property_id, channel)
        return write_extranet_workbook(profiles[channel], data, mapping, Path(path), lang)

    # --- import --------------------------------------------------------------------------
    @requires(Permission.IMPORT)
    def import_rooms(self, property_id: int, path: Path, actor: Actor, dry_run: bool = False,
                     lang: str = "zh") -> ImportReport:
        path = Path(path)
        report = ImportReport(path, "rooms", dry_run)
        wb = open_for_reading(path)
        try:
            # Stored values read, compared and written under one write lock, the room type rows
            # locked first (PostgreSQL; SQLite: the write session's lock): a room type's attributes
            # are written whole, so a desk's edit committed between this read and this write would
            # be overwritten unseen. A dry run only reads.
            with (self.db.session() if dry_run else self.db.write_session()) as s:
                rows = {} if dry_run else self._lock_room_types(s, property_id)
                stored = self._stored_room_types(property_id)
                with damaged_file_errors(path):
                    edits, report.problems = read_room_types(wb, stored, read_baseline(wb), check_lang(lang))
                if edits and not report.problems and not dry_run:
                    self._apply_room_type_edits(s, rows, edits, actor.because(f"import {path.name}"))
                    report.applied = True
        finally:
            wb.close()
        for edit in edits:
            report.changes_by_room_type[edit.code] += len(edit.changed)
            report.changes_by_field.update(edit.changed)
        if report.problems:
            report.annotated_copy = write_annotated_copy(path, report.problems)
        return report

    @requires(Permission.IMPORT)
    def import_calendar(self, property_id: int, path: Path, actor: Actor, dry_run: bool = False,
                        lang: str = "zh", force: bool = False) -> ImportReport:
        """All or nothing. A typed price the fat-finger guard finds suspicious (a move of more
        than the property's limit from what the night shows now) is a problem of its cell
        unless ``force``: the import is refused and the annotated copy marks it."""
        path = Path(path)
        report = ImportReport(path, "calendar", dry_run)
        today = self.calendar.availability.today(property_id)
        wb = open_for_reading(path)
        try:
            with damaged_file_errors(path):
                grids, report.problems = read_grids(wb, today, check_lang(lang))
                baseline = read_baseline(wb)
        finally:
            wb.close()
        window = window_of(grids)
        if window is None and grids and not report.problems:
            report.problems.append(CellProblem(grids[0].title, "A1", None, "第一行没有日期" if lang == "zh"
                                               else "no dates in row 1: nothing to import"))
        if window is not None:
            # The calendar is read, compared, planned and written in one transaction, and one that
            # may write is a write session with the property's room types held (as a bulk edit):
            # otherwise a desk's edit committed after the read is overwritten unseen (a stale
            # "before" in the audit trail), or the file is checked against values no longer there
            # (a minimum stay above a maximum set meanwhile, rooms to sell from older bookings).
            writing = not (dry_run or report.problems)
            with gc_paused(), (self.db.write_session() if writing else self.db.session()) as s:
                if writing:
                    hold_plan(s, s.scalars(select(RoomType.id).where(RoomType.property_id == property_id)).all())
                data = self._calendar_data(property_id, *window, lang, s)
                typed, found = compare(grids, data, baseline, lang)
                report.problems += found
                if typed and not report.problems:
                    self._apply_typed(s, report, property_id, typed, data, actor, lang, force)
        if report.problems:
            report.annotated_copy = write_annotated_copy(path, report.problems)
        return report

    def _apply_typed(self, s: Session, report: ImportReport, property_id: int, typed: list, data: CalendarData,
                     actor: Actor, lang: str, force: bool) -> None:
        """Plan the typed cells against the stored values, let the price guard look, count and
        (unless a dry run) write them, in the import's transaction."""
        name = report.path.name
        changes = plan_changes(s, typed, data)
        guard = check_typed_prices(s, property_id, changes, self.calendar.availability.prices, force=True)
        if guard.needs_confirmation and not force:
            report.problems = _suspicious_price_problems(guard, typed, data, self.currency_of(s, property_id), lang)
            report.needs_confirmation = True
            return
        codes = {row.room_type_id: row.room_type_code for row in data.room_rows}
        for change in changes:
            report.changes_by_field[_SHEET_KEY_OF_FIELD[change.key.field]] += 1
            report.changes_by_room_type[codes[change.key.room_type_id]] += 1
        if changes and not report.dry_run:
            changeset = ChangeSet(property_id, f"import {name}", tuple(changes))
            write_changes(s, changeset, actor.because(f"import {name}"), "import")
            report.applied = True

    # --- helpers ---------------------------------------------------------------------------
    @staticmethod
    def currency_of(s, property_id: int) -> str:
        return s.scalar(select(Property.currency).where(Property.id == property_id)) or "CNY"

    def _stored_room_types(self, property_id: int) -> dict[str, tuple[int, dict[str, Any]]]:
        """code → (id, stored attribute values), with code and names from the columns if missing."""
        result = {}
        for rt in self.inventory.room_types(property_id):
            values = dict(rt.attributes)
            for key, column in _MIRRORED_COLUMNS.items():
                if key not in values and getattr(rt, column):
                    values[key] = getattr(rt, column)
            result[rt.code] = (rt.id, values)
        return result

    @staticmethod
    def _lock_room_types(s: Session, property_id: int) -> dict[int, RoomType]:
        return {rt.id: rt for rt in s.scalars(select(RoomType).where(RoomType.property_id == property_id)
                                               .order_by(RoomType.id).with_for_update())}

    @staticmethod
    def _apply_room_type_edits(s: Session, rows: dict[int, RoomType], edits: list[RoomTypeEdit], actor: Actor) -> None:
        # One transaction for every room type of the file (RoomTypeService.update commits per room
        # type, which would leave half an import behind if the tenth row failed to write).
        for edit in edits:
            rt = rows[edit.room_type_id]
            before = dict(rt.attributes or {})
            rt.attributes = dict(edit.values)  # a new dict: JSON columns only notice reassignment
            for key, column in _MIRRORED_COLUMNS.items():
                setattr(rt, column, edit.values.get(key, ""))
            record(s, actor, "update", "room_type", rt.id,
                   before={k: before.get(k) for k in edit.changed},
                   after={k: edit.values.get(k) for k in edit.changed})

    def _calendar_window(self, property_id: int, start: date | None, end: date | None) -> tuple[date, date]:
        today = self.calendar.availability.today(property_id)
        start = start or today
        end = end or start + timedelta(days=DEFAULT_CALENDAR_NIGHTS)
        if end <= start:
            raise UserError(f"The calendar window ends ({end}) before it starts ({start})",
                            f"日历区间的结束日（{end}）早于开始日（{start}）")
        if end > today + timedelta(days=HORIZON_NIGHTS):
            raise UserError(f"The calendar reaches at most {HORIZON_NIGHTS} nights ahead "
                            f"(last night {today + timedelta(days=HORIZON_NIGHTS - 1)})")
        if start < today - timedelta(days=PAST_NIGHTS_READ):
            raise UserError(f"The calendar reaches at most {PAST_NIGHTS_READ} nights back",
                            f"日历最多只能往前 {PAST_NIGHTS_READ} 晚")
        return start, end

    def _calendar_data(self, property_id: int, start: date, end: date, lang: str,
                       session: Session | None = None) -> CalendarData:
        """The calendar as a workbook shows it, read in ``session`` (an import's) or in one of its own."""
        if session is None:
            with gc_paused(), self.db.session() as s:
                return self._calendar_data(property_id, start, end, lang, s)
        snapshot = self.calendar.availability.snapshot_in(session, property_id, start, end)
        types = self.inventory.room_types(property_id)  # which room types and plans exist: not what a desk races
        plan_ids = [plan.id for rt in types for plan in rt.rate_plans]
        # The pricing engine's price for the desk (rules, holidays, typed prices) where the pricing
        # service is there; else the calendar's own price function (typed price, else base price).
        pricing = getattr(self.services, "pricing", None)
        nightly_prices = pricing.nightly_prices if pricing is not None else self.calendar.availability.prices
        prices = nightly_prices(session, plan_ids, start, end)
        return calendar_data(snapshot, types, prices, lang)

    def _channel_mapping(self, property_id: int, channel: str) -> dict[tuple[int, int | None], tuple[str, str | None]]:
        from ..db.models import Channel, ChannelMapping

        with self.db.session() as s:
            rows = s.execute(select(ChannelMapping.room_type_id, ChannelMapping.rate_plan_id,
                                    ChannelMapping.remote_room, ChannelMapping.remote_rate)
                             .join(Channel, Channel.id == ChannelMapping.channel_id)
                             .where(Channel.property_id == property_id, Channel.name == channel)).all()
        return {(t, p): (room, rate) for t, p, room, rate in rows}



def _suspicious_price_problems(guard, typed, data, currency: str, lang: str) -> list[CellProblem]:
    """One problem per price cell the fat-finger guard questions, at the cell the owner typed."""
    by_cell = {(t.row.rate_plan_id, data.nights[t.column]): t for t in typed if t.sheet is PRICE}
    problems = []
    for move in guard.biggest():
        t = by_cell.get(move.key)
        if t is None:
            continue
        before = "—" if move.old is None else format_minor(move.old, currency)
        after = format_minor(move.new, currency)
        percent = "" if move.change_percent is None else f"（{move.change_percent:+}%）"
        reason = (f"价格从 {before} 改为 {after}{percent}，变动异常，像是输错了；确认无误可仍然导入（命令行：--force）"
                  if lang == "zh" else
                  f"price {before} → {after}{percent.replace('（', ' (').replace('）', ')')} looks like a typo; "
                  f"if it is right, import anyway (CLI: --force)")
        problems.append(CellProblem(t.title, t.ref, t.raw, reason))
    return problems
