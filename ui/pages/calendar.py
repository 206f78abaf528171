"""The room-state calendar page (房态日历): the grid over two years, bulk edits with preview and
undo, the details of a clicked cell, and the rooms board for the front desk.

The page wires widgets to core calls and repaints what the core says changed; every rule
(what may be changed, what is left, what a price is) lives in channelmgr.inventory.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QMenu,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from channelmgr.inventory.availability import AvailabilityState, CalendarSnapshot
from channelmgr.inventory.changes import ChangeSet
from channelmgr.inventory.nights import ONE_DAY
from channelmgr.pricing.guard import ConfirmationRequired
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.security.roles import Permission

from ..actions import ActionRegistry, ActionSpec
from ..permissions import allowed, refusal_tip
from ..calendar import texts
from ..calendar.bulk_edit_dialog import BulkEditDialog, from_qdate, to_qdate
from ..calendar.copy_week_dialog import CopyWeekDialog
from ..calendar.delegate import STATE_COLOURS, STAY_MARK, STOP_MARK
from ..calendar.details_panel import CellDetailsPanel
from ..price_guard_box import ask_price_confirmation
from ..pricing.explain_popup import show_explain_popup
from ..security.cell_history import CellHistoryDialog
from ..calendar.editor import CalendarEditor
from ..calendar.model import CalendarModel, room_type_name
from ..calendar.room_board import RoomBoardWidget
from ..calendar.view import CalendarView
from ..context import AppContext
from .base import Page

HORIZON_DAYS = 730  # two years ahead: what owners plan and channels accept
DAYS_PER_SCREEN = (30, 60, 90)


class CalendarPage(Page):
    page_id = "calendar"
    icon_name = QStyle.StandardPixmap.SP_FileDialogListView

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.loaded = False
        self.room_types = []  # RoomTypeInfo with rate plans, for the bulk edit forms
        self._horizon_start: date | None = None  # None: from tonight
        self._pending_jump: date | None = None
        self._announcing = False  # set while this page tells others what it changed

        self.model = CalendarModel(self)
        self.view = CalendarView(self)
        self.view.setModel(self.model)
        self.editor = CalendarEditor(ctx, self)
        self.details = CellDetailsPanel(self)
        self.details.explain_requested.connect(self._explain_price)
        self.board = RoomBoardWidget(ctx, self.editor, room_type_name, self)

        self.actions_ = ActionRegistry(self)
        self._build_actions()
        self.toolbar = self._build_toolbar()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)  # the details panel never shrinks to a sliver
        splitter.setSizes([460, 300])  # the grid first; the details panel can be dragged taller
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("calendar_tabs")
        self.tabs.addTab(splitter, self.tr("Calendar"))
        self.tabs.addTab(self.board, self.tr("Rooms board"))
        self.status = QLabel(self)
        self.status.setObjectName("calendar_status")
        self.legend = QLabel(self._legend(), self)
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)
        bottom = QVBoxLayout()
        bottom.addWidget(self.legend)
        bottom.addWidget(self.status)
        layout.addLayout(bottom)

        self.view.horizontalScrollBar().valueChanged.connect(lambda _v: self._show_first_visible_date())
        self.view.clicked.connect(self._cell_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._cell_menu)
        self.view.bulk_edit_requested.connect(self.open_bulk_edit)
        self.view.doubleClicked.connect(lambda _index: self.open_bulk_edit())
        self.editor.written.connect(self._refresh_changed)
        self.editor.refused.connect(self._say)
        self.board.changed.connect(self._board_changed)
        self.tabs.currentChanged.connect(lambda _i: self.board.reload() if self.tabs.currentWidget() is self.board else None)
        ctx.events.property_changed.connect(self._property_changed)
        ctx.events.data_changed.connect(self._elsewhere_changed)

    def title(self) -> str:
        return self.tr("Calendar")

    # --- actions and toolbar -------------------------------------------------------------------
    def _build_actions(self) -> None:
        reg = self.actions_
        stack = self.editor.stack
        reg.add(ActionSpec("calendar.undo", self.tr("Undo"), stack.undo, QKeySequence.StandardKey.Undo,
                           permission=Permission.CALENDAR))
        reg.add(ActionSpec("calendar.redo", self.tr("Redo"), stack.redo, "Ctrl+Shift+Z", permission=Permission.CALENDAR))
        reg.add(ActionSpec("calendar.bulk_edit", self.tr("Bulk edit…"), self.open_bulk_edit, "Ctrl+B",
                           tip=self.tr("Change the selected cells, or any nights and room types"),
                           permission=Permission.CALENDAR))
        reg.add(ActionSpec("calendar.copy_week", self.tr("Copy week…"), self.open_copy_week, "Ctrl+Shift+C",
                           permission=Permission.CALENDAR))
        reg.add(ActionSpec("calendar.today", self.tr("Today"), self.go_to_today, "Ctrl+T"))
        reg.add(ActionSpec("calendar.previous", self.tr("◀ Earlier"), lambda: self._page_by(-1), "Alt+Left"))
        reg.add(ActionSpec("calendar.next", self.tr("Later ▶"), lambda: self._page_by(1), "Alt+Right"))
        reg.add(ActionSpec("frontdesk.walk_in", self.tr("Walk-in…"), self._walk_in, "F2", permission=Permission.RESERVATIONS))
        reg.add(ActionSpec("frontdesk.board", self.tr("Rooms board"), lambda: self.tabs.setCurrentWidget(self.board), "F3"))
        for action_id, can in (("calendar.undo", stack.canUndo()), ("calendar.redo", stack.canRedo())):
            reg[action_id].setEnabled(can)
        stack.canUndoChanged.connect(reg["calendar.undo"].setEnabled)
        stack.canRedoChanged.connect(reg["calendar.redo"].setEnabled)
        stack.undoTextChanged.connect(lambda text: reg["calendar.undo"].setToolTip(self.tr("Undo %1").replace("%1", text)))
        stack.redoTextChanged.connect(lambda text: reg["calendar.redo"].setToolTip(self.tr("Redo %1").replace("%1", text)))

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setObjectName("calendar_toolbar")
        reg = self.actions_
        for action_id in ("calendar.today", "calendar.previous", "calendar.next"):
            bar.addAction(reg[action_id])
        self.jump = QDateEdit(self)
        self.jump.setObjectName("jump_to_date")
        self.jump.setCalendarPopup(True)
        self.jump.setDisplayFormat("yyyy-MM-dd")
        self.jump.setToolTip(self.tr("Jump to a date"))
        # Jump when a date is picked or typed in full, not on every keystroke of a date being typed.
        self.jump.editingFinished.connect(lambda: self.jump_to(from_qdate(self.jump.date())))
        self.jump.calendarWidget().clicked.connect(lambda d: self.jump_to(from_qdate(d)))
        bar.addWidget(self.jump)
        self.zoom = QComboBox(self)
        self.zoom.setObjectName("days_per_screen")
        for days in DAYS_PER_SCREEN:
            self.zoom.addItem(self.tr("%n day(s)", "", days), days)
        self.zoom.currentIndexChanged.connect(lambda _i: self.view.set_days_per_screen(self.zoom.currentData()))
        bar.addWidget(self.zoom)
        bar.addSeparator()
        for action_id in ("calendar.bulk_edit", "calendar.copy_week", "calendar.undo", "calendar.redo"):
            bar.addAction(reg[action_id])
        bar.addSeparator()
        for action_id in ("frontdesk.walk_in", "frontdesk.board"):
            bar.addAction(reg[action_id])
        return bar

    def _legend(self) -> str:
        swatch = "<span style='background:{};'>&nbsp;&nbsp;&nbsp;</span> {}"
        states = (AvailabilityState.LOW, AvailabilityState.SOLD_OUT, AvailabilityState.STOP_SELL, AvailabilityState.OVERBOOKED)
        return "&nbsp;&nbsp;".join(
            [swatch.format(STATE_COLOURS[s].name(), texts.state_label(s)) for s in states]
            + [
                self.tr("2/4 = rooms left / rooms"),
                self.tr("≥2 minimum stay"),
                # The narrow (30-day) view has no room for words: small squares stand for them.
                swatch.format(STOP_MARK.name(), self.tr("red square top right: stop-sell (narrow view)")),
                swatch.format(STAY_MARK.name(), self.tr("blue square top left: minimum stay (narrow view)")),
                self.tr("grey top line: rooms closed"),
                self.tr("orange corner: closed to arrival (left) / departure (right)"),
            ]
        )

    # --- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        pid = self.ctx.property_id
        start = self._horizon_start
        calendar, inventory = self.ctx.services.calendar, self.ctx.services.inventory

        def fetch():
            first = start or calendar.availability.today(pid)
            return calendar.availability.snapshot(pid, first, first + timedelta(days=HORIZON_DAYS)), inventory.room_types(pid)

        self.status.setText(self.tr("Loading the calendar…"))
        self.ctx.db_tasks.submit(fetch, self._show, self._failed, key="calendar.load")
        if self.tabs.currentWidget() is self.board:
            self.board.reload()

    def _show(self, loaded) -> None:
        snapshot, room_types = loaded
        keep = self._pending_jump or (self.model.night(self.view.first_visible_column()) if self.model.columnCount() else None)
        self.room_types = room_types
        self.model.set_snapshot(snapshot)
        self._pending_jump = None
        self._scroll_to(keep or snapshot.today)
        self._show_first_visible_date()
        self.status.setText(
            self.tr("%n room type(s)", "", len(snapshot.rows))
            + " · "
            + texts.date_text(snapshot.start)
            + " – "
            + texts.date_text(snapshot.end - ONE_DAY)
        )
        self.loaded = True

    def _failed(self, error: Exception) -> None:
        self._say(texts.refusal_text(error))

    def _property_changed(self, _property_id: int) -> None:
        # Undo entries belong to the property they were made in.
        self.editor.stack.clear()
        self._horizon_start = None
        self.details.clear(self.tr("Click a cell to see its bookings, prices and changes."))

    # --- moving around --------------------------------------------------------------------------
    def _show_first_visible_date(self) -> None:
        """The date box follows the scrolling, so it always names the first night in view."""
        if not self.model.columnCount():
            return
        self.jump.blockSignals(True)
        self.jump.setDate(to_qdate(self.model.night(self.view.first_visible_column())))
        self.jump.blockSignals(False)

    def _scroll_to(self, night: date) -> None:
        column = self.model.column_of(night)
        if column is not None:
            self.view.scroll_to_column(column)

    def jump_to(self, night: date) -> None:
        if self.model.column_of(night) is not None:
            self._scroll_to(night)
            return
        # Outside the loaded two years: load two years from a week before the date.
        self._horizon_start = night - timedelta(days=7)
        self._pending_jump = night
        self.reload()

    def go_to_today(self) -> None:
        self.tabs.setCurrentIndex(0)
        today = self.model.today
        if today is None:
            return
        if self._horizon_start is not None and self.model.column_of(today) is None:
            self._horizon_start = None
            self._pending_jump = today
            self.reload()
        else:
            self._scroll_to(today)

    def _page_by(self, direction: int) -> None:
        if not self.model.columnCount():
            return
        column = self.view.first_visible_column() + direction * self.view.days_per_screen
        column = max(0, min(self.model.columnCount() - 1, column))
        self.view.scroll_to_column(column)

    # --- editing --------------------------------------------------------------------------------
    def _chosen_block(self):
        """(room type ids, first night, last night) of the selection, or of tonight for all types."""
        block = self.view.selected_block()
        if block is None:
            today = self.model.today or date.today()
            return [rt.id for rt in self.model.room_types()], today, today
        first, last = self.view.nights_of(block)
        return [self.model.room_type(r).id for r in block.rows], first, last

    def open_bulk_edit(self) -> BulkEditDialog | None:
        if self.model.today is None:
            return None
        if not allowed(Permission.CALENDAR):  # a double click or Enter on a cell: the inline edit
            self._say(refusal_tip(Permission.CALENDAR))
            return None
        type_ids, first, last = self._chosen_block()
        today = self.model.today
        dialog = BulkEditDialog(
            self.ctx, self.ctx.property_id, self.room_types, max(first, today), max(last, today), type_ids, today,
            name_of=room_type_name, parent=self,
        )
        dialog.finished.connect(lambda result: self._bulk_edit_done(dialog, result))
        dialog.open()
        return dialog

    def _bulk_edit_done(self, dialog: BulkEditDialog, result: int) -> None:
        request = dialog.request()
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or isinstance(request, str):
            return
        bulk = self.ctx.services.calendar.bulk_edit
        self._guarded(lambda force: bulk.apply(request, desk_actor("bulk edit"), force=force),
                      texts.operation_label(request.operation))

    def _guarded(self, work, label: str, force: bool = False) -> None:
        """Run a calendar edit; when the fat-finger guard questions its prices, show the moves and
        run it again with force only if the desk says "Save anyway"."""

        def refused(error: Exception) -> bool:
            if not (isinstance(error, ConfirmationRequired) and error.report is not None):
                return False
            plans = {p.id: f"{rt.code} · {p.code}" for rt in self.room_types for p in rt.rate_plans}
            self.price_guard_box = ask_price_confirmation(
                self, error.report, lambda key: f"{plans.get(key[0], key[0])} · {texts.date_text(key[1])}",
                self.model.currency, lambda: self._guarded(work, label, force=True))
            return True

        self.editor.run(lambda: work(force), label, on_refused=refused,
                        on_done=lambda changes: self._say(self.tr("%n cell(s) changed", "", changes.cell_count)))

    def open_copy_week(self) -> CopyWeekDialog | None:
        if self.model.today is None:
            return None
        type_ids, first, _last = self._chosen_block()
        dialog = CopyWeekDialog(self.ctx, self.ctx.property_id, self.room_types, first, type_ids,
                                name_of=room_type_name, parent=self)
        dialog.finished.connect(lambda result: self._copy_week_done(dialog, result))
        dialog.open()
        return dialog

    def _copy_week_done(self, dialog: CopyWeekDialog, result: int) -> None:
        request = dialog.request()
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        bulk = self.ctx.services.calendar.bulk_edit
        self._guarded(lambda force: bulk.copy_week(request, desk_actor("copy week"), force=force), self.tr("Copy week"))

    def _walk_in(self) -> None:
        self.tabs.setCurrentWidget(self.board)
        block = self.view.selected_block()
        self.board.walk_in(self.model.room_type(block.rows[0]).id if block else None)

    def _board_changed(self, area: str) -> None:
        self._announce(area)
        if area != "rooms":  # bookings and repairs change the rooms left; a room's status does not
            self.reload()

    def _announce(self, area: str = "calendar") -> None:
        """Tell the rest of the app (the channel sync first of all) what changed here."""
        self._announcing = True
        try:
            self.ctx.events.data_changed.emit(area)
        finally:
            self._announcing = False

    def _elsewhere_changed(self, area: str) -> None:
        # Bookings, rooms, room types, prices or an imported calendar change what the grid shows.
        if self._announcing or area not in ("calendar", "reservations", "rooms", "room_types", "prices"):
            return
        if self.isVisible():
            self.reload()

    def _refresh_changed(self, changes: ChangeSet) -> None:
        """Fetch fresh cells for just the rows and nights the change touched."""
        self._announce()
        spans = changes.affected()
        if not spans:
            return
        first = min(f for f, _ in spans.values())
        last = max(l for _, l in spans.values())
        self.refresh_nights(list(spans), first, last + ONE_DAY)
        if self.tabs.currentWidget() is self.board:
            self.board.reload()

    def refresh_nights(self, room_type_ids: list[int], start: date, end: date) -> None:
        pid = self.ctx.property_id
        availability = self.ctx.services.calendar.availability
        self.ctx.db_tasks.submit(
            lambda: availability.snapshot(pid, start, end, room_type_ids), self._cells_refreshed, self._failed
        )

    def _cells_refreshed(self, part: CalendarSnapshot) -> None:
        self.model.replace_cells(part)
        current = self.view.currentIndex()
        if self.details.details is not None and current.isValid():
            self._cell_clicked(current)

    # --- details ----------------------------------------------------------------------------------
    def _cell_clicked(self, index) -> None:
        if not index.isValid():
            return
        room_type = self.model.room_type(index.row())
        night = self.model.night(index.column())
        details = self.ctx.services.calendar.details
        self.ctx.db_tasks.submit(
            lambda: details.details(room_type.id, night),
            lambda found: self.details.show_details(found, room_type_name(room_type)),
            self._failed,
            key="calendar.details",
        )

    def _cell_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Who changed this and when…"), lambda: self.show_cell_history(index))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def show_cell_history(self, index) -> CellHistoryDialog:
        """The audit trail of this room type and night (every role may read it)."""
        room_type = self.model.room_type(index.row())
        dialog = CellHistoryDialog(self.ctx, room_type.id, room_type_name(room_type),
                                   self.model.night(index.column()), self)
        dialog.open()
        return dialog

    def _explain_price(self, plan_code: str, at) -> None:
        """Why this price: the pricing engine's steps for the clicked cell, in a popup."""
        shown = self.details.details
        if shown is None:
            return
        pid, room_type, night = self.ctx.property_id, shown.room_type_code, shown.night
        pricing = self.ctx.services.pricing
        self.ctx.db_tasks.submit(
            lambda: pricing.explain(pid, room_type, plan_code, None, night),
            lambda explanation: show_explain_popup(self, explanation, at),
            self._failed,
            key="calendar.explain",
        )

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.ctx.events.status_message.emit(text)
