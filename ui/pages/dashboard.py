"""The Dashboard (首页): what the owner looks at every morning.

Today at the desk (arrivals, departures, in house), how full tonight and the next 7 and 30
nights are, what needs attention (overbookings, channels failing or behind, thin listings,
bookings that could not be stored), and the month's revenue against the yearly target. One
background load (``Services.dashboard``); the page only lays the result out.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from channelmgr.reports.dashboard import Dashboard, DeskLine
from channelmgr.reports.target import RevenueTarget
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.security.roles import Permission

from ..calendar.texts import date_text
from ..permissions import gate
from ..charts import LineChart, Series
from ..reports.texts import ReportTexts, percent, whole_money as money
from ..sync.adapter import SyncStatusRelay
from ..tasks import while_alive
from .base import Page
from .wrapping_list import WrappingList

_ALERT_COLOURS = {"overbooking": "#c62828", "channel_failing": "#c62828", "needs_attention": "#ef6c00",
                  "channel_pending": "#ef6c00", "listing_incomplete": "#6d4c41"}


class Tile(QFrame):
    """A big number with a caption under it."""

    def __init__(self, caption: str, parent: QWidget | None = None, compact: bool = False):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("Tile { background: white; border: 1px solid #dde3ea; border-radius: 6px; }")
        self.value = QLabel("—")
        self.value.setStyleSheet(f"font-size: {20 if compact else 26}px; font-weight: 600; color: #1f3b57;")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #5b6b7b;")
        # The dashboard's "Departures today" may take two lines in a narrow tile: in English the six
        # captions on one line each held it wider than a 1000 px screen beside the navigation. (The
        # Reports tiles go on two rows instead: ui.tile_row.)
        self.caption.setWordWrap(not compact)
        self.note = QLabel("")
        self.note.setStyleSheet("color: #8a97a5; font-size: 11px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10 if compact else 14, 6 if compact else 10, 10 if compact else 14, 6 if compact else 10)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def show_value(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        # A note in parts ("已售 20 / 126 间夜 · 平均房价 ¥628") has a part a line: on one line six
        # tiles in a row held the dashboard at over 950 px, and wrapping by width split 平均房价.
        self.note.setText(note.replace(" · ", "\n"))


class DashboardPage(Page):
    page_id = "dashboard"
    icon_name = QStyle.StandardPixmap.SP_DesktopIcon

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.texts = ReportTexts(self)
        self.board: Dashboard | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.tiles = {
            "arrivals": Tile(self.tr("Arrivals today")), "departures": Tile(self.tr("Departures today")),
            "in_house": Tile(self.tr("In house tonight")), "tonight": Tile(self.tr("Occupancy tonight")),
            "week": Tile(self.tr("Next 7 nights")), "month30": Tile(self.tr("Next 30 nights")),
        }
        grid = QGridLayout()
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, 0, i)
        self.revenue_label = QLabel()
        self.revenue_label.setWordWrap(True)
        self.revenue_bar = QProgressBar()
        self.revenue_bar.setRange(0, 1000)
        self.revenue_bar.setTextVisible(True)
        self.target_button = QPushButton(self.tr("Set yearly target…"))
        self.target_button.clicked.connect(self.ask_target)
        gate(self.target_button, Permission.SETTINGS)
        revenue_box = QFrame()
        revenue_box.setObjectName("revenue_box")
        revenue_box.setStyleSheet("#revenue_box { background: white; border: 1px solid #dde3ea; border-radius: 6px; }")
        rb = QVBoxLayout(revenue_box)
        title = QLabel(self.tr("Revenue this month"))
        title.setStyleSheet("font-weight: 600;")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.target_button)
        rb.addLayout(top)
        rb.addWidget(self.revenue_label)
        rb.addWidget(self.revenue_bar)

        self.ahead_chart = LineChart()
        self.ahead_chart.setObjectName("chart_next_30")
        self.ahead_chart.set_floor_height(200)

        self.alerts = WrappingList()
        self.alerts.setObjectName("dashboard_alerts")
        self.arrivals = WrappingList()
        self.departures = WrappingList()
        lists = QHBoxLayout()
        for caption, widget, stretch in ((self.tr("Needs your attention"), self.alerts, 2),
                                         (self.tr("Arriving today"), self.arrivals, 1),
                                         (self.tr("Leaving today"), self.departures, 1)):
            column = QVBoxLayout()
            label = QLabel(caption)
            label.setStyleSheet("font-weight: 600;")
            column.addWidget(label)
            column.addWidget(widget)
            lists.addLayout(column, stretch)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(revenue_box)
        layout.addWidget(self.ahead_chart, 1)
        layout.addLayout(lists, 1)
        self.loaded = False
        ctx.events.data_changed.connect(while_alive(self, self._data_changed))
        # A channel that starts failing (or recovers) changes the alerts: reload when a state changes.
        self._channel_states: dict[int, object] = {}
        self.status_relay = SyncStatusRelay(ctx, self)
        self.status_relay.changed.connect(self._sync_status)

    def title(self) -> str:
        return self.tr("Dashboard")

    def reload(self) -> None:
        pid = self.ctx.property_id
        self.ctx.db_tasks.submit(lambda: self.ctx.services.dashboard.load(pid), while_alive(self, self.show_board),
                                 while_alive(self, self._failed), key=self.page_id)

    def _data_changed(self, _area: str) -> None:
        if self.loaded and self.isVisible():
            self.reload()

    def _sync_status(self, status) -> None:
        if self._channel_states.get(status.channel_id) != status.state:
            self._channel_states[status.channel_id] = status.state
            self._data_changed("sync")

    def show_board(self, board: Dashboard) -> None:
        self.board = board
        weekday = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                   self.tr("Sun"))[board.today.weekday()]
        self.heading.setText(self.tr("Today %1 %2").replace("%1", board.today.isoformat()).replace("%2", weekday))
        t = self.tiles
        late = len(board.late_arrivals)
        t["arrivals"].show_value(str(len(board.arrivals)), self.tr("and %1 late").replace("%1", str(late)) if late else "")
        t["departures"].show_value(str(len(board.departures)))
        t["in_house"].show_value(str(board.in_house), self.tr("of %1 rooms").replace("%1", str(board.rooms)))
        for key, nights in (("tonight", 1), ("week", 7), ("month30", 30)):
            f = board.occupancy[nights]
            t[key].show_value(percent(f.occupancy), self.tr("%1 of %2 room-nights · ADR %3").replace(
                "%1", str(f.sold_nights)).replace("%2", str(f.room_nights)).replace("%3", money(f.adr_minor, board.currency)))
        self._show_month(board)
        days = [board.today + timedelta(days=i) for i in range(len(board.sold_ahead))]
        self.ahead_chart.set_data(
            self.tr("Occupancy, next 30 nights"), [f"{d:%m-%d}" for d in days],
            [Series(self.tr("Occupancy"), [n / board.rooms if board.rooms else None for n in board.sold_ahead])],
            lambda v: f"{v:.0%}", 1.0, percent,
            [self.tr("%1 of %2 rooms sold").replace("%1", str(n)).replace("%2", str(board.rooms))
             for n in board.sold_ahead])
        self.alerts.clear()
        for alert in board.alerts:
            item = QListWidgetItem(self.texts.alert(alert))
            item.setForeground(Qt.GlobalColor.black)
            item.setData(Qt.ItemDataRole.ForegroundRole, _colour(alert.kind))
            item.setToolTip(alert.detail)
            self.alerts.addItem(item)
        if not board.alerts:
            self.alerts.addItem(self.tr("Nothing needs you today"))
        # Late arrivals first: the desk has waited for them longest (the rooms board's "late").
        arriving = [(line, True) for line in board.late_arrivals] + [(line, False) for line in board.arrivals]
        for widget, lines in ((self.arrivals, arriving), (self.departures, [(d, False) for d in board.departures])):
            widget.clear()
            for line, late in lines:
                text = self._desk_text(line, late)
                item = QListWidgetItem(text)
                item.setToolTip(text)
                if late:
                    item.setForeground(_colour("needs_attention"))
                widget.addItem(item)
            if not lines:
                widget.addItem(self.tr("None"))
        self.loaded = True

    def _desk_text(self, line: DeskLine, late: bool) -> str:
        room = " ".join(filter(None, (line.room_number, line.room_type_name or line.room_type_code)))
        text = self.tr("%1 · %2 · %3 night(s) · %4").replace("%1", line.guest_name).replace(
            "%2", room).replace("%3", str(line.nights)).replace(
            "%4", line.channel_label or self.texts.source(line.channel))
        if late and line.arrival is not None:
            return self.tr("%1 · late: due %2").replace("%1", text).replace("%2", date_text(line.arrival))
        return text

    def _show_month(self, board: Dashboard) -> None:
        m, c = board.month, board.currency
        booked = m.actual_minor + m.on_the_books_minor
        if m.target_minor:
            self.revenue_label.setText(self.tr("%1: earned %2, on the books %3 — %4 of the month's target %5").replace(
                "%1", m.month).replace("%2", money(m.actual_minor, c)).replace("%3", money(m.on_the_books_minor, c))
                .replace("%4", percent(m.done)).replace("%5", money(m.target_minor, c)))
            self.revenue_bar.setValue(min(1000, round((m.done or 0) * 1000)))
            self.revenue_bar.setFormat(percent(m.done))
            self.revenue_bar.show()
        else:
            self.revenue_label.setText(self.tr("%1: earned %2, on the books %3 (total %4). No yearly target set yet.")
                                       .replace("%1", m.month).replace("%2", money(m.actual_minor, c))
                                       .replace("%3", money(m.on_the_books_minor, c)).replace("%4", money(booked, c)))
            self.revenue_bar.hide()

    def ask_target(self) -> None:
        if self.board is None:
            return
        year = self.board.today.year
        amount, ok = QInputDialog.getInt(self, self.tr("Yearly revenue target"),
                                         self.tr("Room revenue target for %1 (yuan), split over the months by their days:")
                                         .replace("%1", str(year)), 1_000_000, 1, 2_000_000_000, 10_000)
        if not ok:
            return
        pid, target = self.ctx.property_id, RevenueTarget(year, amount * 100)
        self.ctx.db_tasks.submit(
            lambda: self.ctx.services.reports.set_revenue_target(pid, target, desk_actor("dashboard")),
            while_alive(self, lambda _t: self.reload()), while_alive(self, self._failed))

    def _failed(self, exc: Exception) -> None:
        self.heading.setText(str(exc))
        self.ctx.events.status_message.emit(str(exc))


def _colour(kind: str):
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(_ALERT_COLOURS.get(kind, "#333333")))
