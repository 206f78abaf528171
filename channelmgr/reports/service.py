"""``Services.reports``: every report for a scope, the revenue target, plain dataclasses out.

Reports only read (a viewer may run and export them); setting the revenue target is the one
change, audited like every other. One short transaction per call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.engine import Database
from ..db.models import Property, Setting
from ..errors import NotFound
from ..inventory.nights import Clock, property_today, utc_now
from ..security.audit import record
from .bookings import BookingsReport, bookings_report
from .channels import ChannelsReport, channels_report
from .ledger import ledger_rows
from .nightly import night_figures
from .occupancy import OccupancyReport, occupancy_report
from .pace import DEFAULT_DAYS_BEFORE, PaceReport, pace_report
from .periods import same_day_last_year
from .revenue import RevenueReport, revenue_report
from .scope import ReportScope, ResolvedScope, resolve_scope
from .target import RevenueTarget, TargetProgress, check_target, target_progress
from ..security.roles import Permission, requires


@dataclass(frozen=True)
class ReportPage:
    occupancy: OccupancyReport
    revenue: RevenueReport
    channels: ChannelsReport
    bookings: BookingsReport
    pace: PaceReport
    target: TargetProgress | None


class ReportService:
    def __init__(self, db: Database, clock: Clock = utc_now):
        self.db = db
        self.clock = clock

    def _read(self, scope: ReportScope, with_moments: bool = False):
        with self.db.session() as s:
            resolved = resolve_scope(s, scope)
            return resolved, ledger_rows(s, resolved, with_moments=with_moments)

    def occupancy(self, scope: ReportScope) -> OccupancyReport:
        resolved, rows = self._read(scope)
        return occupancy_report(night_figures(rows, scope.start, scope.end), resolved)

    def revenue(self, scope: ReportScope) -> RevenueReport:
        resolved, rows = self._read(scope)
        return revenue_report(night_figures(rows, scope.start, scope.end), resolved)

    def channels(self, scope: ReportScope) -> ChannelsReport:
        resolved, rows = self._read(scope)
        return channels_report(night_figures(rows, scope.start, scope.end), rows, resolved)

    def bookings(self, scope: ReportScope) -> BookingsReport:
        resolved, rows = self._read(scope, with_moments=True)
        return bookings_report(rows, resolved)

    def pace(self, scope: ReportScope, as_of: date | None = None,
             days_before: int = DEFAULT_DAYS_BEFORE) -> PaceReport:
        last_start, last_end = same_day_last_year(scope.start), same_day_last_year(scope.end)
        with self.db.session() as s:
            resolved = resolve_scope(s, scope)
            as_of = as_of or property_today(s, scope.property_id, self.clock)
            rows = ledger_rows(s, resolved, with_moments=True)
            last_rows = ledger_rows(s, resolved, last_start, last_end, with_moments=True)
        return pace_report(rows, last_rows, scope, last_start, last_end, as_of, resolved.rooms, resolved.currency,
                           days_before)

    def page(self, scope: ReportScope, as_of: date | None = None) -> ReportPage:
        """Everything the Reports page shows for a scope, from one read of the ledger (and one of
        last year's period for the pace): the same figures as the single reports, a fifth the reads."""
        last_start, last_end = same_day_last_year(scope.start), same_day_last_year(scope.end)
        with self.db.session() as s:
            resolved = resolve_scope(s, scope)
            as_of = as_of or property_today(s, scope.property_id, self.clock)
            rows = ledger_rows(s, resolved, with_moments=True)
            last_rows = ledger_rows(s, resolved, last_start, last_end, with_moments=True)
        nf = night_figures(rows, scope.start, scope.end)
        return ReportPage(
            occupancy_report(nf, resolved), revenue_report(nf, resolved), channels_report(nf, rows, resolved),
            bookings_report(rows, resolved),
            pace_report(rows, last_rows, scope, last_start, last_end, as_of, resolved.rooms, resolved.currency),
            self.target_progress(scope.property_id, scope.start.year, as_of))

    def today(self, property_id: int) -> date:
        with self.db.session() as s:
            return property_today(s, property_id, self.clock)

    # --- the revenue target ---------------------------------------------------------------
    def revenue_target(self, property_id: int, year: int) -> RevenueTarget | None:
        with self.db.session() as s:
            value = s.scalar(select(Setting.value).where(Setting.key == _target_key(s, property_id, year)))
            return RevenueTarget.from_setting(value) if value else None

    @requires(Permission.SETTINGS)
    def set_revenue_target(self, property_id: int, target: RevenueTarget, actor: Actor) -> RevenueTarget:
        check_target(target)  # before the transaction: a refused target changes nothing
        with self.db.session() as s:
            key = _target_key(s, property_id, target.year)
            row = s.get(Setting, key)
            before = row.value if row else None
            if row is None:
                s.add(Setting(key=key, value=target.as_setting()))
            else:
                row.value = target.as_setting()
            record(s, actor, "set", "revenue_target", key, before=before, after=target.as_setting())
        return target

    def target_progress(self, property_id: int, year: int | None = None,
                        today: date | None = None) -> TargetProgress | None:
        """How far the year has come against its target; None when no target is set for it."""
        today = today or self.today(property_id)
        year = year or today.year
        target = self.revenue_target(property_id, year)
        if target is None:
            return None
        scope = ReportScope(property_id, date(year, 1, 1), date(year + 1, 1, 1))
        resolved, rows = self._read(scope)
        nf = night_figures(rows, scope.start, scope.end)
        return target_progress(target, nf.gross, nf.sold, today, resolved.currency)


def _target_key(s: Session, property_id: int, year: int) -> str:
    code = s.scalar(select(Property.code).where(Property.id == property_id))
    if code is None:
        raise NotFound(f"No property with id {property_id}", f"没有编号为 {property_id} 的物业")
    return f"revenue_target/{code}/{year}"


__all__ = ["ReportService", "ReportScope", "ResolvedScope"]
