"""The Reports page (报表): a period, a room type and a channel; the figures, three charts and the
tables behind them, all from ``Services.reports`` loaded off the GUI thread.

The period is typed as first and last night (how owners say it); the core's periods are
half-open, so the end sent is the day after the last night. Each chart exports as PNG (right
click, or the button under it); the workbook export writes the same report with Excel charts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from channelmgr.excel.report_export import REPORT_KINDS
from channelmgr.reports.bookings import BookingsReport
from channelmgr.reports.channels import ChannelsReport
from channelmgr.reports.occupancy import OccupancyReport
from channelmgr.reports.pace import PaceReport
from channelmgr.reports.periods import next_month
from channelmgr.reports.revenue import RevenueReport
from channelmgr.reports.scope import ReportScope
from channelmgr.reports.target import TargetProgress

from ..charts import BarChart, LineChart, Series
from ..file_dialogs import remember, start_path
from ..flow_layout import FlowLayout
from ..menu_button import MenuButton
from ..models.record_table import RecordTableModel
from ..reports.report_table import ReportTable
from ..reports.report_tables import ReportColumns
from ..reports.texts import ReportTexts, money, percent, short_money, whole_money
from ..tasks import while_alive
from ..tile_row import TileRow
from .base import Page
from .dashboard import Tile


@dataclass(frozen=True)
class Loaded:
    scope: ReportScope
    occupancy: OccupancyReport
    revenue: RevenueReport
    channels: ChannelsReport
    bookings: BookingsReport
    pace: PaceReport
    target: TargetProgress | None  # the yearly target of the period's first year (None: not set)
    type_choices: list[tuple[str, str]]  # (code, name) for the filter
    channel_choices: list[tuple[str, str]]  # (name, label) for the filter


def load_reports(services, scope: ReportScope) -> Loaded:
    """Runs on the database thread."""
    page = services.reports.page(scope)
    types = [(rt.code, f"{rt.name_zh} ({rt.code})") for rt in services.inventory.room_types(scope.property_id)]
    channels = [(ch.name, ch.label) for ch in services.channels.list(scope.property_id)]
    return Loaded(scope, page.occupancy, page.revenue, page.channels, page.bookings, page.pace, page.target,
                  types, channels)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReportsPage(Page):
    page_id = "reports"
    icon_name = QStyle.StandardPixmap.SP_FileDialogInfoView

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.texts = ReportTexts(self)
        self.loaded: Loaded | None = None
        today = date.today()
        self.first = QDateEdit(_qdate(today.replace(day=1)))
        self.last = QDateEdit(_qdate(next_month(today) - timedelta(days=1)))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.preset = QComboBox()
        self.preset.addItem(self.tr("This month"), "month")
        self.preset.addItem(self.tr("Last month"), "last_month")
        self.preset.addItem(self.tr("Next 30 nights"), "next30")
        self.preset.addItem(self.tr("This year"), "year")
        self.preset.addItem(self.tr("Custom"), "custom")
        self.preset.activated.connect(self._preset_chosen)
        self.room_type = QComboBox()
        self.room_type.setObjectName("report_room_type")
        self.channel = QComboBox()
        self.channel.setObjectName("report_channel")
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self.reload)
        self.export_button = MenuButton(self.tr("Export to Excel…"))
        menu = self.export_button.menu()
        names = {"occupancy": self.tr("Occupancy"), "revenue": self.tr("Revenue"), "channels": self.tr("Channels"),
                 "pace": self.tr("Booking pace")}
        for kind in REPORT_KINDS:
            menu.addAction(names[kind], lambda k=kind: self.export_workbook(k))
        bar = FlowLayout()  # a second line on a narrow screen rather than a page wider than it
        for label, widget in ((self.tr("Period"), self.preset), (self.tr("First night"), self.first),
                              (self.tr("Last night"), self.last), (self.tr("Room type"), self.room_type),
                              (self.tr("Channel"), self.channel)):
            bar.add_group(QLabel(label), widget)
        bar.add_group(self.show_button, self.export_button)

        self.heading = QLabel()
        self.tiles = {key: Tile(caption, compact=True) for key, caption in (
            ("occupancy", self.tr("Occupancy")), ("adr", self.tr("ADR")), ("revpar", self.tr("RevPAR")),
            ("gross", self.tr("Room revenue")), ("net", self.tr("Net after commission")),
            ("stay", self.tr("Average stay")), ("lead", self.tr("Booked ahead")), ("cancel", self.tr("Cancellations")))}
        tiles = TileRow(list(self.tiles.values()))

        self.occupancy_chart = LineChart()
        self.occupancy_chart.setObjectName("chart_occupancy")
        self.channel_chart = BarChart()
        self.channel_chart.setObjectName("chart_channels")
        self.pace_chart = LineChart()
        self.pace_chart.setObjectName("chart_pace")
        charts = QGridLayout()
        for chart in (self.occupancy_chart, self.channel_chart, self.pace_chart):
            chart.set_floor_height(250)
        charts.addWidget(self.occupancy_chart, 0, 0, 1, 2)
        charts.addWidget(self.channel_chart, 1, 0)
        charts.addWidget(self.pace_chart, 1, 1)

        self.columns = ReportColumns(self)
        self.channel_model = RecordTableModel(self.columns.channel_columns(self.texts, "CNY"), self)
        self.month_model = RecordTableModel(self.columns.month_columns("CNY"), self)
        self.channel_table = ReportTable(self.channel_model)
        self.month_table = ReportTable(self.month_model)
        self.target_model = RecordTableModel(self.columns.target_columns("CNY"), self)
        self.target_table = ReportTable(self.target_model)
        self.target_label = QLabel()
        self.target_label.setWordWrap(True)

        body = QWidget()
        content = QVBoxLayout(body)
        content.addWidget(self.heading)
        content.addWidget(tiles)
        content.addLayout(charts)
        for caption, table in ((self.tr("By channel"), self.channel_table), (self.tr("By month"), self.month_table)):
            label = QLabel(caption)
            label.setStyleSheet("font-weight: 600;")
            content.addWidget(label)
            content.addWidget(table)
        heading = QLabel(self.tr("Yearly revenue target"))
        heading.setStyleSheet("font-weight: 600;")
        content.addWidget(heading)
        content.addWidget(self.target_label)
        content.addWidget(self.target_table)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self._choices_for: int | None = None  # the property whose codes the filters list
        self._fill_choices([], [])

    def title(self) -> str:
        return self.tr("Reports")

    # --- the period ------------------------------------------------------------------------
    def _preset_chosen(self, _index: int) -> None:
        today = date.today()
        kind = self.preset.currentData()
        if kind == "month":
            first, last = today.replace(day=1), next_month(today) - timedelta(days=1)
        elif kind == "last_month":
            last = today.replace(day=1) - timedelta(days=1)
            first = last.replace(day=1)
        elif kind == "next30":
            first, last = today, today + timedelta(days=29)
        elif kind == "year":
            first, last = date(today.year, 1, 1), date(today.year, 12, 31)
        else:
            return
        self.first.setDate(_qdate(first))
        self.last.setDate(_qdate(last))
        self.reload()

    def set_period(self, first: date, last: date) -> None:
        """The nights first … last (inclusive), then load."""
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.first.setDate(_qdate(first))
        self.last.setDate(_qdate(last))
        self.reload()

    def scope(self) -> ReportScope:
        first, last = _pydate(self.first.date()), _pydate(self.last.date())
        return ReportScope(self.ctx.property_id, first, last + timedelta(days=1),
                           self.room_type.currentData(), self.channel.currentData())

    # --- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        if self._choices_for not in (None, self.ctx.property_id):
            self._fill_choices([], [])  # another property: its own codes (the load brings them)
        scope = self.scope()
        self.heading.setText(self.tr("Loading…"))
        self.ctx.db_tasks.submit(lambda: load_reports(self.ctx.services, scope), while_alive(self, self.show_reports),
                                 while_alive(self, self._failed), key=self.page_id)

    def _fill_choices(self, room_types: list[tuple[str, str]], channels: list[tuple[str, str]]) -> None:
        """The filters' choices, keeping what is chosen when it is still there."""
        for box, everything, items in (
            (self.room_type, self.tr("All room types"), room_types),
            (self.channel, self.tr("All channels"), [*channels, *((s, self.texts.source(s))
                                                                  for s in ("phone", "wechat", "walk_in"))]),
        ):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for key, label in items:
                box.addItem(label, key)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(False)

    def show_reports(self, loaded: Loaded) -> None:
        self.loaded = loaded
        if self._choices_for != loaded.scope.property_id:
            self._fill_choices(loaded.type_choices, loaded.channel_choices)
            self._choices_for = loaded.scope.property_id
        occ, rev, ch, bk, pace = loaded.occupancy, loaded.revenue, loaded.channels, loaded.bookings, loaded.pace
        c = occ.currency
        s = loaded.scope
        self.heading.setText(self.tr("%1 to %2 · %3 nights · %4 rooms").replace("%1", s.start.isoformat()).replace(
            "%2", (s.end - timedelta(days=1)).isoformat()).replace("%3", str(s.nights)).replace("%4", str(occ.rooms)))
        t = rev.total
        self.tiles["occupancy"].show_value(percent(t.occupancy), self.tr("%1 of %2 room-nights").replace(
            "%1", str(t.sold_nights)).replace("%2", str(t.room_nights)))
        self.tiles["adr"].show_value(money(t.adr_minor, c), self.tr("average rate per night sold"))
        self.tiles["revpar"].show_value(money(t.revpar_minor, c), self.tr("revenue per available room-night"))
        self.tiles["gross"].show_value(whole_money(t.gross_minor, c), self.tr("commission %1").replace(
            "%1", whole_money(t.commission_minor, c)))
        self.tiles["net"].show_value(whole_money(t.net_minor, c))
        self.tiles["stay"].show_value("—" if bk.average_stay is None else self.tr("%1 nights").replace(
            "%1", f"{bk.average_stay:.1f}"), self.tr("%1 arrivals").replace("%1", str(bk.arrivals)))
        self.tiles["lead"].show_value("—" if bk.average_lead_days is None else self.tr("%1 days").replace(
            "%1", f"{bk.average_lead_days:.0f}"), self.tr("from booking to arrival"))
        self.tiles["cancel"].show_value(percent(bk.cancellation_rate), self.tr("%1 cancelled, %2 no-show").replace(
            "%1", str(bk.cancelled)).replace("%2", str(bk.no_show)))

        self.occupancy_chart.set_data(
            self.tr("Occupancy by night"), [n.night.strftime("%m-%d") for n in occ.nights],
            [Series(self.tr("Occupancy"), [n.occupancy for n in occ.nights])], percent_axis, 1.0, percent,
            [self.tr("%1 of %2 rooms sold · %3").replace("%1", str(n.sold_nights)).replace("%2", str(n.rooms))
             .replace("%3", money(n.gross_minor, c)) for n in occ.nights])
        self.channel_chart.set_data(
            self.tr("Revenue by channel"), [self.texts.channel(line) for line in ch.channels],
            [Series(self.tr("Revenue"), [line.figures.gross_minor for line in ch.channels]),
             Series(self.tr("Net"), [line.figures.net_minor for line in ch.channels])], short_money, None,
            lambda v: money(int(v), c),
            [self.tr("%1 bookings · %2 nights · commission %3").replace("%1", str(line.figures.bookings))
             .replace("%2", str(line.figures.sold_nights)).replace("%3", money(line.figures.commission_minor, c))
             for line in ch.channels])
        self.pace_chart.set_data(
            self.tr("Booking pace: nights on the books"), [p.day.strftime("%m-%d") for p in pace.points],
            [Series(self.tr("This year"), [p.nights for p in pace.points]),
             Series(self.tr("Same time last year"), [p.last_year_nights for p in pace.points], "#9e9e9e", True)],
            lambda v: f"{v:.0f}", None, None,
            [self.tr("%1 days before the first night").replace("%1", str(p.days_before)) for p in pace.points])
        self.channel_model.columns = self.columns.channel_columns(self.texts, c, ch.channels)
        self.channel_model.set_rows(ch.channels)
        self.month_model.columns = self.columns.month_columns(c, rev.months)
        self.month_model.set_rows(rev.months)
        self._show_target(loaded.target, s.start.year, c)

    def _show_target(self, p: TargetProgress | None, year: int, c: str) -> None:
        self.target_table.setVisible(p is not None)
        if p is None:
            self.target_label.setText(self.tr("No revenue target for %1 yet (Dashboard → Set yearly target…, or "
                                              "channelmgr report target --set).").replace("%1", str(year)))
            self.target_model.set_rows([])
            return
        text = self.tr("%1: target %2, earned %3, on the books %4; still to sell %5 in %6 days (%7 a day)").replace(
            "%1", str(p.year)).replace("%2", whole_money(p.target_minor, c)).replace(
            "%3", whole_money(p.actual_minor, c)).replace("%4", whole_money(p.on_the_books_minor, c)).replace(
            "%5", whole_money(p.remaining_minor, c)).replace("%6", str(p.days_left)).replace(
            "%7", whole_money(p.needed_per_day_minor, c))
        if p.nights_needed:
            text += self.tr(" — about %1 more nights at ADR %2").replace("%1", str(p.nights_needed)).replace(
                "%2", whole_money(p.adr_minor, c))
        self.target_label.setText(text)
        self.target_model.columns = self.columns.target_columns(c)
        self.target_model.set_rows(p.parts)

    def _failed(self, exc: Exception) -> None:
        self.heading.setText(str(exc))
        self.ctx.events.status_message.emit(str(exc))

    # --- export ----------------------------------------------------------------------------
    def export_workbook(self, kind: str, path: str | None = None) -> None:
        scope = self.scope()
        if path is None:
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Export report"),
                                                   start_path(f"{kind}-{scope.start}.xlsx"), "Excel (*.xlsx)")
            if not path:
                return
            remember(path)
        excel = self.ctx.services.excel
        self.ctx.db_tasks.submit(
            lambda: excel.export_report(scope.property_id, path, scope.start, scope.end, "zh", kind, scope.room_type,
                                        scope.channel),
            while_alive(self, lambda result: self.ctx.events.status_message.emit(
                self.tr("Wrote %1").replace("%1", str(result.path)))),
            while_alive(self, self._failed))


def percent_axis(value: float) -> str:
    return f"{value:.0%}"
