"""The morning view (``Services.dashboard``): today at the desk, how full the coming nights are,
what needs the owner, and the month's revenue against the target.

The alerts come from the services that already know them (the overbooking board, the channels'
sync statuses, listing completeness, the needs-attention list); this only gathers them.
Alerts are plain data (a kind, a subject, a count): the UI words them in the desk's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from ..db.engine import Database
from ..inventory.room_board import is_late_arrival
from ..sync.drift import AuditStatus
from ..sync.report import SyncState
from .definitions import NOT_SOLD
from .figures import Figures, figures
from .ledger import ledger_rows
from .nightly import night_figures
from .periods import months, next_month
from .scope import ReportScope, resolve_scope
from .service import ReportService
from .target import split_target

LISTING_COMPLETE_ENOUGH = 80  # percent: below it a channel's listing loses ranking and bookings
WINDOWS = (1, 7, 30)  # tonight, the next 7 and 30 nights


@dataclass(frozen=True)
class DeskLine:
    guest_name: str
    room_type_code: str
    nights: int
    channel: str  # channel name or desk source
    channel_label: str = ""  # the name the owner gave the channel ("" for a desk source)
    room_type_name: str = ""  # what the desk calls the room type (湖景大床房), not its code
    room_number: str | None = None  # once a room is assigned
    arrival: date | None = None  # the night the guest was due (said for a late arrival)


@dataclass(frozen=True)
class Alert:
    kind: str  # overbooking | channel_failing | channel_pending | channel_drift | listing_incomplete | needs_attention
    subject: str  # the room type, the channel…
    count: int = 1  # nights, cells, bookings or percent, as the kind says
    detail: str = ""  # the core's own text (the UI shows it as a tooltip)


@dataclass(frozen=True)
class MonthRevenue:
    month: str  # YYYY-MM
    actual_minor: int  # nights of the month before today
    on_the_books_minor: int  # tonight to the month's end, booked
    target_minor: int | None  # the month's share of the yearly target (None: no target set)

    @property
    def done(self) -> float | None:
        total = self.actual_minor + self.on_the_books_minor
        return total / self.target_minor if self.target_minor else None


@dataclass(frozen=True)
class Dashboard:
    property_id: int
    today: date
    currency: str
    rooms: int
    arrivals: list[DeskLine]
    departures: list[DeskLine]
    in_house: int  # bookings holding tonight (today's arrivals included)
    occupancy: dict[int, Figures]  # nights ahead (1, 7, 30) → figures from tonight
    sold_ahead: list[int]  # rooms sold each night of the next 30, from tonight
    alerts: list[Alert]
    month: MonthRevenue
    # Due on an earlier night and not checked in (the rooms board's "late"): the desk still
    # expects them today, so the morning view lists them beside today's arrivals.
    late_arrivals: list[DeskLine] = field(default_factory=list)


class DashboardService:
    def __init__(self, db: Database, reports: ReportService, bookings: Callable, overbookings: Callable,
                 attention: Callable, room_types: Callable, channels: Callable, channel_status: Callable,
                 last_audits: Callable = lambda property_id: {}):
        self.db = db
        self.reports = reports
        self._bookings = bookings
        self._overbookings = overbookings
        self._attention = attention
        self._room_types = room_types
        self._channels = channels
        self._status = channel_status
        self._last_audits = last_audits  # property id → {channel id: its last drift audit}

    def load(self, property_id: int, today: date | None = None) -> Dashboard:
        today = today or self.reports.today(property_id)
        month_first = today.replace(day=1)
        window_end = max(today + timedelta(days=max(WINDOWS)), next_month(today))
        with self.db.session() as s:
            resolved = resolve_scope(s, ReportScope(property_id, min(month_first, today - timedelta(days=1)), window_end))
            rows = ledger_rows(s, resolved)
        # Yesterday's and tonight's stays: today's departures held last night, today's arrivals
        # tonight; a late arrival's stay holds both.
        desk = [b for b in self._bookings(property_id, today - timedelta(days=1), today + timedelta(days=1))
                if b.status not in NOT_SOLD]
        labels = {c.name: c.label for c in self._channels(property_id)}
        room_types = self._room_types(property_id)  # its completeness scores are worked out once
        names = {rt.code: rt.name_zh for rt in room_types}
        arrivals = [_desk(b, labels, names) for b in desk if b.arrival == today]
        departures = [_desk(b, labels, names) for b in desk if b.departure == today]
        late = [_desk(b, labels, names) for b in desk if is_late_arrival(b.status, b.arrival, b.departure, today)]
        in_house = sum(1 for b in desk if b.arrival <= today < b.departure)
        ahead = night_figures(rows, today, today + timedelta(days=max(WINDOWS)))
        occupancy = {n: figures(resolved.rooms * n, ahead.total(0, n)) for n in WINDOWS}
        return Dashboard(property_id, today, resolved.currency, resolved.rooms, arrivals, departures, in_house,
                         occupancy, ahead.sold, self.alerts(property_id, room_types), self._month(property_id, rows, today),
                         late)

    def _month(self, property_id: int, rows, today: date) -> MonthRevenue:
        first, end = today.replace(day=1), next_month(today)
        nf = night_figures(rows, first, end)
        cut = (today - first).days
        target = self.reports.revenue_target(property_id, today.year)
        share = None
        if target is not None:
            share = sum(part.target_between(first, end) for part in split_target(target))
        return MonthRevenue(months(first, end)[0].label, sum(nf.gross[:cut]), sum(nf.gross[cut:]), share)

    def alerts(self, property_id: int, room_types: list | None = None) -> list[Alert]:
        alerts: list[Alert] = []
        by_type: dict[str, int] = {}
        for conflict in self._overbookings(property_id):
            by_type[conflict.room_type_code] = by_type.get(conflict.room_type_code, 0) + 1
        if room_types is None:
            room_types = self._room_types(property_id)
        names = {rt.code: rt.name_zh for rt in room_types}  # the owner's name for it, not its code
        alerts += [Alert("overbooking", names.get(code) or code, nights, code) for code, nights in by_type.items()]
        audits = self._last_audits(property_id)
        for channel in self._channels(property_id):
            audit = audits.get(channel.id) if channel.enabled else None
            if audit is not None and audit.status is AuditStatus.DIFFERENCES and audit.differences:
                # The channel shows something else than ours (changed on its extranet?): push
                # again or accept theirs on the Channels page.
                alerts.append(Alert("channel_drift", channel.label, audit.differences, audit.text))
            status = self._status(channel.id) if channel.enabled else None
            if status is None:
                continue
            if status.state == SyncState.ERROR:
                alerts.append(Alert("channel_failing", channel.label, len(status.errors) or 1,
                                    "\n".join(status.errors)))
            elif status.state == SyncState.PENDING and status.pending_cells:
                alerts.append(Alert("channel_pending", channel.label, status.pending_cells))
        for room_type in room_types:
            for score in room_type.scores:
                if score.score < LISTING_COMPLETE_ENOUGH:
                    alerts.append(Alert("listing_incomplete", f"{room_type.name_zh} · {score.label_zh}", score.score,
                                        ", ".join(score.missing_required)))
        open_entries = [a for a in self._attention(property_id) if a.status == "open"]
        if open_entries:
            alerts.append(Alert("needs_attention", "", len(open_entries), "\n".join(a.problem for a in open_entries[:5])))
        return alerts


def _desk(booking, labels: dict[str, str], names: dict[str, str]) -> DeskLine:
    key = booking.channel or booking.source
    return DeskLine(booking.guest_name, booking.room_type_code, booking.nights, key, labels.get(booking.channel, ""),
                    names.get(booking.room_type_code, ""), booking.room_number, booking.arrival)
