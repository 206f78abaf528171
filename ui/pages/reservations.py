"""The Reservations page: bookings (search, filters, details with revision history), the
overbooking board and the needs-attention list, each loaded off the GUI thread; and 新建订单,
a booking taken by phone or WeChat entered by hand (Ctrl+N)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QTabWidget, QToolBar, QVBoxLayout, QWidget

from channelmgr.reservations.overbooking_board import Conflict
from channelmgr.reservations.views import AttentionInfo, ReservationInfo
from channelmgr.security.roles import Permission

from ..actions import ActionRegistry, ActionSpec
from ..context import AppContext
from ..reservations.attention_view import AttentionView
from ..reservations.booking_dialog import NewBookingDialog
from ..reservations.bookings_panel import BookingsPanel
from ..reservations.overbooking_view import OverbookingView
from .base import Page


@dataclass(frozen=True)
class _Loaded:
    rows: list[ReservationInfo]
    channels: list[str]
    conflicts: list[Conflict]
    attention: list[AttentionInfo]
    labels: dict[str, str]  # channel name → the name the owner gave it


class ReservationsPage(Page):
    page_id = "reservations"
    icon_name = QStyle.StandardPixmap.SP_FileDialogDetailedView

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.bookings = BookingsPanel(ctx, self)
        self.board = OverbookingView(self)
        self.attention = AttentionView(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.bookings, "")
        self.tabs.addTab(self.board, "")
        self.tabs.addTab(self.attention, "")
        self.actions_ = ActionRegistry(self)
        self.actions_.add(ActionSpec("reservations.new_booking", self.tr("New booking…"), self.new_booking, "Ctrl+N",
                                     tip=self.tr("A booking taken by phone, WeChat or at the desk"),
                                     permission=Permission.RESERVATIONS))
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("reservations_toolbar")
        self.toolbar.addAction(self.actions_["reservations.new_booking"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs)
        self.loaded = False
        self._select_after_load: int | None = None  # a booking just made here, chosen once the list has it
        self._set_tab_titles(0, 0)
        self.bookings.detail.changed.connect(self.reload)
        self.attention.changed.connect(self.reload)
        ctx.events.data_changed.connect(self._data_changed)

    # The bookings model and heading, as the other list pages expose theirs.
    @property
    def model(self):
        return self.bookings.model

    @property
    def heading(self):
        return self.bookings.heading

    def title(self) -> str:
        return self.tr("Reservations")

    def reload(self) -> None:
        pid = self.ctx.property_id
        self.ctx.db_tasks.submit(lambda: self._fetch(pid), self._show, self._failed, key=self.page_id)

    def _fetch(self, property_id: int) -> _Loaded:
        """Runs on the database thread: plain rows only."""
        service = self.ctx.services.reservations
        labels = {c.name: c.label for c in self.ctx.services.channels.list(property_id)}
        return _Loaded(service.list(property_id), service.channels(property_id), service.overbookings(property_id),
                       service.attention(property_id), labels)

    def _show(self, loaded: _Loaded) -> None:
        self.bookings.show_rows(loaded.rows, loaded.channels, loaded.labels)
        if self._select_after_load is not None and self.bookings.select_booking(self._select_after_load):
            self.tabs.setCurrentWidget(self.bookings)
            self._select_after_load = None
        self.board.show_conflicts(loaded.conflicts)
        self.attention.show_entries(loaded.attention)
        self._set_tab_titles(len(loaded.conflicts), len(loaded.attention))
        self.loaded = True

    def _set_tab_titles(self, conflicts: int, attention: int) -> None:
        self.tabs.setTabText(0, self.tr("Bookings"))
        self.tabs.setTabText(1, self.tr("Overbookings (%1)").replace("%1", str(conflicts)))
        self.tabs.setTabText(2, self.tr("Needs attention (%1)").replace("%1", str(attention)))

    # --- the desk -------------------------------------------------------------------------------
    def new_booking(self) -> NewBookingDialog:
        dialog = NewBookingDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.booked.connect(self._booked)
        dialog.open()  # window-modal and returns at once: no nested event loop for callers (or tests)
        return dialog

    def _booked(self, booking: ReservationInfo) -> None:
        self._select_after_load = booking.id
        # The calendar, the channels and this page all listen: one announcement refreshes them.
        self.ctx.events.data_changed.emit("reservations")
        if not self.loaded:
            self.reload()

    def _data_changed(self, area: str) -> None:
        if area in ("reservations", "calendar") and self.loaded:
            self.reload()

    def _failed(self, exc: Exception) -> None:
        self.bookings.heading.setText(str(exc))
        self.ctx.events.status_message.emit(str(exc))
