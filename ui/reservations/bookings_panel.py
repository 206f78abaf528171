"""The bookings list: a search box and filters over every booking, and the chosen one's details.

The list is fetched once per load on the database thread (all bookings of the property; twenty
thousand rows take a fraction of a second) and filtered in a proxy as the user types.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from channelmgr.money import format_minor
from channelmgr.reservations.service import STATUSES
from channelmgr.reservations.views import ReservationInfo

from ..context import AppContext
from ..flow_layout import FlowLayout, fit_placeholder
from ..models.record_table import ROW_ROLE, SORT_ROLE, Column, RecordTableModel
from ..sync.channel_labels import ChannelLabels
from .booking_filter import ANY, DIRECT, BookingFilter, BookingFilterProxy
from .detail_panel import ReservationDetailPanel
from .texts import booking_status_label, source_label

OVERBOOKED_BRUSH = QBrush(QColor("#fde2e1"))
# Model columns (see BookingsPanel.columns)
NUMBER, GUEST, ROOM_TYPE, ARRIVAL, DEPARTURE, NIGHTS, AMOUNT, SOURCE, STATUS, ROOM, PHONE, REMOTE_ID = range(12)
# Hidden until the desk asks for them (right-click a header): the booking's number is in its
# details' title, its nights beside its dates there, and both took room the source, status and
# room columns need in a 1000 px window.
HIDDEN_AT_FIRST = (NUMBER, NIGHTS)
DETAILS_AT_MOST = 400  # px: wider, the details' lines only get longer and the list loses columns
# Shown in this order (the model keeps its own: other code reads status as column 8): where the
# guest sleeps and how the booking stands next to the name, the dates after. With the dates in
# between, English headers pushed the status and room past a 1000 px window's list.
SHOWN_ORDER = (GUEST, ROOM_TYPE, ROOM, STATUS, SOURCE, ARRIVAL, DEPARTURE, AMOUNT, NIGHTS, NUMBER, PHONE,
               REMOTE_ID)


class BookingsTableModel(RecordTableModel):
    """The record table, with overbooked bookings shaded so they stand out in any list."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and 0 <= index.row() < len(self.rows):
            return OVERBOOKED_BRUSH if self.rows[index.row()].overbooked else None
        return super().data(index, role)


class BookingsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._labels = ChannelLabels()  # filled with each load
        self.heading = QLabel()
        self.search = QLineEdit(self)
        self.search.setObjectName("reservation_search")
        self.search.setPlaceholderText(self.tr("Search guest, phone or reservation number"))
        self.search.setClearButtonEnabled(True)
        self.by_dates = QCheckBox(self.tr("Nights from"), self)
        today = QDate.currentDate()
        self.start = QDateEdit(today, self)
        self.end = QDateEdit(today.addDays(30), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.channel = QComboBox(self)
        self.channel.setObjectName("reservation_channel_filter")
        self.status = QComboBox(self)
        self.status.setObjectName("reservation_status_filter")
        self.status.addItem(self.tr("All statuses"), ANY)
        for status in STATUSES:
            self.status.addItem(booking_status_label(status), status)
        self._fill_channels([])

        self.model = BookingsTableModel(self.columns(), self)
        self.proxy = BookingFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setObjectName("reservations_table")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        # Fixed row heights and sizing columns from a sample: a 20,000-row list stays instant.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(200)
        header.setStretchLastSection(True)
        # Right-click a header: show or hide a column (the ones hidden at first are a click away).
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setSectionsMovable(True)  # and dragged into another order
        for visual, column in enumerate(SHOWN_ORDER):
            header.moveSection(header.visualIndex(column), visual)
        for column in HIDDEN_AT_FIRST:
            header.setSectionHidden(column, True)
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.detail = ReservationDetailPanel(ctx, self, self._labels)

        # The filters wrap onto more lines when the list is narrow (in one row they held the list
        # at about 640 px, the page at over 1000); the search box takes the room a line has left.
        fit_placeholder(self.search)
        filters = FlowLayout()
        filters.addWidget(self.search)
        filters.add_group(self.by_dates, self.start, QLabel(self.tr("to")), self.end)
        filters.add_group(self.channel, self.status)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.view)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        # Dragged narrow, a pane keeps its minimum (the table then scrolls sideways) instead of
        # vanishing into the splitter's edge, where a desk would not think to look for it.
        splitter.setChildrenCollapsible(False)
        # Split by rule (see _split) until the desk drags the handle: by the panes' stretch the
        # details took 2/5, and at 1000 px the source, status and room columns were out of sight.
        self.splitter = splitter
        self._split_by_hand = False
        splitter.splitterMoved.connect(self._dragged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.search.textChanged.connect(self.apply_filter)
        self.by_dates.toggled.connect(self._dates_toggled)
        self.start.dateChanged.connect(self.apply_filter)
        self.end.dateChanged.connect(self.apply_filter)
        self.channel.currentIndexChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self._sized = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._split_by_hand:
            self._split()

    def _split(self) -> None:
        """The details a third of the width, at least what they need and at most 400 px; the
        list the rest (its columns want every pixel a 1000 px window has)."""
        total = self.splitter.width() - self.splitter.handleWidth()
        details = max(self.detail.minimumSizeHint().width(), min(total // 3, DETAILS_AT_MOST))
        self.splitter.setSizes([max(0, total - details), details])

    def _dragged(self, *_args) -> None:
        self._split_by_hand = True

    def columns(self) -> list[Column]:
        # Status stays the ninth column: other screens and tests read it there.
        return [
            Column(self.tr("No."), lambda r: str(r.id), True, lambda r: r.id),
            Column(self.tr("Guest"), lambda r: r.guest_name, tooltip=lambda r: r.guest_name),
            Column(self.tr("Room type"), lambda r: r.room_type_code),
            Column(self.tr("Arrival"), lambda r: r.arrival.isoformat()),
            Column(self.tr("Departure"), lambda r: r.departure.isoformat()),
            Column(self.tr("Nights"), lambda r: str(r.nights), True, lambda r: r.nights),
            Column(self.tr("Amount"), lambda r: format_minor(r.amount_minor, r.currency), True, lambda r: r.amount_minor),
            # the name the owner gave the channel (携程 Ctrip), not its short name (ctrip)
            Column(self.tr("Source"), self._source_text,
                   tooltip=lambda r: f"{self._source_text(r)} ({r.channel})" if r.channel else ""),
            Column(self.tr("Status"), self._status_text),
            Column(self.tr("Room"), lambda r: r.room_number or ""),
            Column(self.tr("Phone"), lambda r: r.guest_phone),
            Column(self.tr("Reservation no."), lambda r: r.remote_id or ""),
        ]

    def _fit_columns(self) -> None:
        """Each column as wide as its text, but a long guest name or channel name no wider than
        a typical one: cut off with "…" (the tooltip has it whole), so that at a 1000 px window
        the source, status and room columns are in view without scrolling sideways."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        # Only as much as the list is short of room: a wide window shows "Sophie Martin" whole.
        wanted = SHOWN_ORDER[:SHOWN_ORDER.index(PHONE)]
        over = sum(header.sectionSize(c) for c in wanted if not header.isSectionHidden(c)) - self.view.viewport().width()
        for column, sample in ((GUEST, "陈晓明一家"), (SOURCE, "携程 Ctrip")):
            # the sample's text and a cell's padding either side (about a character each)
            cap = max(metrics.horizontalAdvance(sample) + 2 * metrics.averageCharWidth(),
                      header.sectionSizeHint(column))
            cut = min(max(over, 0), max(header.sectionSize(column) - cap, 0))
            if cut:
                header.resizeSection(column, header.sectionSize(column) - cut)
                over -= cut

    def _column_menu(self, at) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for column in sorted(range(header.count()), key=header.visualIndex):  # as shown
            action = menu.addAction(self.model.columns[column].header)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != GUEST)  # a list of bookings without whose they are is no list
            action.toggled.connect(lambda on, c=column: self._show_column(c, on))
        menu.popup(header.mapToGlobal(at))
        self.column_menu = menu  # kept for tests; replaced at the next right-click

    def _show_column(self, column: int, on: bool) -> None:
        header = self.view.horizontalHeader()
        header.setSectionHidden(column, not on)
        if on and header.sectionSize(column) == 0:
            self.view.resizeColumnToContents(column)

    def _source_text(self, r: ReservationInfo) -> str:
        return self._labels.label(r.channel) if r.channel else source_label(r.source)

    def _status_text(self, r: ReservationInfo) -> str:
        text = booking_status_label(r.status)
        if r.overbooked:
            text += " · " + self.tr("overbooked")
        return text

    # --- data ---------------------------------------------------------------------------------
    def show_rows(self, rows: Sequence[ReservationInfo], channels: Sequence[str],
                  labels: dict[str, str] | None = None) -> None:
        self._labels.set_labels(labels or {})
        chosen = self.detail.booking.id if self.detail.booking else None
        self._fill_channels(channels)
        self.model.set_rows(rows)
        if not self._sized and rows:
            self._fit_columns()
            self._sized = True
        self._update_heading()
        again = next((r for r in rows if r.id == chosen), None)
        self.detail.show_booking(again)

    def _fill_channels(self, channels: Sequence[str]) -> None:
        current = self.channel.currentData() if self.channel.count() else ANY
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("All channels"), ANY)
        self.channel.addItem(self.tr("Direct (phone, WeChat, walk-in, other)"), DIRECT)
        for name in channels:
            self.channel.addItem(self._labels.label(name), name)
        index = self.channel.findData(current) if current is not ANY else 0
        self.channel.setCurrentIndex(max(0, index))
        self.channel.blockSignals(False)

    # --- filtering ----------------------------------------------------------------------------
    def current_filter(self) -> BookingFilter:
        start = end = None
        if self.by_dates.isChecked():
            start = _to_date(self.start.date())
            end = _to_date(self.end.date()) + timedelta(days=1)  # the "to" night is included
        return BookingFilter(self.search.text(), start, end, self.channel.currentData(), self.status.currentData())

    def apply_filter(self, *_args) -> None:
        self.proxy.set_filter(self.current_filter())
        self._update_heading()

    def _dates_toggled(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)
        self.apply_filter()

    def _update_heading(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%n reservation(s)", "", total)
        if shown != total:
            text = self.tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", text)
        self.heading.setText(text)

    def select_booking(self, reservation_id: int) -> bool:
        """Show and choose one booking (a new one, say); filters that hide it are cleared."""
        row = next((i for i, r in enumerate(self.model.rows) if r.id == reservation_id), None)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        self.search.clear()
        self.by_dates.setChecked(False)
        self.channel.setCurrentIndex(0)
        self.status.setCurrentIndex(0)

    def _row_chosen(self, current, _previous) -> None:
        self.detail.show_booking(current.data(ROW_ROLE) if current.isValid() else None)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
