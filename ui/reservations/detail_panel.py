"""One booking in full: its fields, its revision history with each revision's raw content, and
the desk's actions on it (cancel, no-show, check in, check out, move to a free room).

Actions run on the database thread; a refusal comes back as a message in the user's language,
and a change is announced on the event bus so the lists refresh.
"""

from __future__ import annotations

import json
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from channelmgr.money import format_minor
from channelmgr.reservations.revision_fields import revision_fields
from channelmgr.reservations.views import ReservationInfo
from channelmgr.roomtypes.desk_user import desk_actor

from channelmgr.security.roles import Permission
from ..context import AppContext
from ..permissions import gate_all
from ..models.record_table import ROW_ROLE, Column, RecordTableModel
from ..sync.channel_labels import ChannelLabels
from .texts import booking_status_label, change_label, ledger_refusal_text, revision_text, source_label


class ReservationDetailPanel(QWidget):
    changed = Signal()  # the booking was changed here: lists should reload

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, labels: ChannelLabels | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.channel_labels = labels or ChannelLabels()  # the list's, filled with each load
        self._names: tuple[dict, dict] = ({}, {})  # room type codes and room numbers by id
        self.booking: ReservationInfo | None = None
        self.title = QLabel()
        self.title.setObjectName("reservation_title")
        self.fields = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in self._field_labels():
            value = QLabel()
            value.setWordWrap(True)
            self.values[key] = value
            self.fields.addRow(label, value)

        self.history_model = RecordTableModel(
            [
                Column(self.tr("Received"), lambda h: f"{h.received_at:%Y-%m-%d %H:%M}"),
                Column(self.tr("Revision"), lambda h: h.revision),
                Column(self.tr("Change"), lambda h: change_label(h.change)),
                Column(self.tr("Status"), lambda h: booking_status_label(h.status) if h.status else ""),
                Column(self.tr("By"), lambda h: h.actor),
            ],
            self,
        )
        self.history = QTableView(self)
        self.history.setObjectName("revision_history")
        self.history.setModel(self.history_model)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.selectionModel().currentRowChanged.connect(self._show_revision)
        # What the revision says, as labelled lines in the desk's language; the JSON as it came
        # (English keys, fen) one click away, for support.
        self.content = QPlainTextEdit(self)
        self.content.setObjectName("revision_fields")
        self.content.setReadOnly(True)
        self.content.setPlaceholderText(self.tr("Choose a revision to see what the channel or the desk sent."))
        self.raw = QPlainTextEdit(self)
        self.raw.setObjectName("revision_content")
        self.raw.setReadOnly(True)
        self.raw.setVisible(False)
        self.raw_toggle = QCheckBox(self.tr("Raw data"), self)
        self.raw_toggle.setObjectName("revision_raw_toggle")
        self.raw_toggle.setToolTip(self.tr("The revision exactly as it was stored, for support"))
        self.raw_toggle.toggled.connect(self._raw_toggled)

        self.cancel_button = QPushButton(self.tr("Cancel booking"), self)
        self.no_show_button = QPushButton(self.tr("No-show"), self)
        self.check_in_button = QPushButton(self.tr("Check in"), self)
        self.check_out_button = QPushButton(self.tr("Check out"), self)
        self.cancel_button.clicked.connect(self._cancel)
        self.no_show_button.clicked.connect(self._no_show)
        self.check_in_button.clicked.connect(self._check_in)
        self.check_out_button.clicked.connect(self._check_out)
        # Two by two, not four in a row: the row held the panel at 356 px, and at a 1000 px window
        # that width was taken from the list's source, status and room columns.
        buttons = QGridLayout()
        for n, button in enumerate((self.check_in_button, self.check_out_button, self.no_show_button,
                                    self.cancel_button)):
            buttons.addWidget(button, n // 2, n % 2)
        # 排房 by hand: only rooms free for the whole stay are offered; another type is an upgrade.
        self.free_rooms = QComboBox(self)
        self.free_rooms.setObjectName("free_rooms")
        self.move_button = QPushButton(self.tr("Move to room"), self)
        self.move_button.clicked.connect(self._move)
        gate_all((self.cancel_button, self.no_show_button, self.check_in_button, self.check_out_button,
                  self.move_button), Permission.RESERVATIONS)
        move_row = QHBoxLayout()
        move_row.addWidget(self.free_rooms, 1)
        move_row.addWidget(self.move_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.fields)
        layout.addLayout(buttons)
        layout.addLayout(move_row)
        history_row = QHBoxLayout()
        history_row.addWidget(QLabel(self.tr("Revision history")))
        history_row.addStretch(1)
        history_row.addWidget(self.raw_toggle)
        layout.addLayout(history_row)
        layout.addWidget(self.history, 2)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.raw, 1)
        self.show_booking(None)

    def _field_labels(self) -> list[tuple[str, str]]:
        return [
            ("room", self.tr("Room")),
            ("stay", self.tr("Stay")),
            ("guests", self.tr("Guests")),
            ("amount", self.tr("Amount")),
            ("source", self.tr("Source")),
            ("status", self.tr("Status")),
            ("notes", self.tr("Notes")),
        ]

    # --- showing --------------------------------------------------------------------------
    def show_booking(self, booking: ReservationInfo | None) -> None:
        self.booking = booking
        self.history_model.set_rows([])
        self.content.clear()
        self.raw.clear()
        self.free_rooms.clear()
        for button in (self.cancel_button, self.no_show_button, self.check_in_button, self.check_out_button,
                       self.move_button):
            button.setEnabled(False)
        if booking is None:
            self.title.setText(self.tr("Choose a booking to see its details and history."))
            for value in self.values.values():
                value.clear()
            return
        self.title.setText(f"<b>{booking.guest_name}</b> · #{booking.id}")
        b = booking
        room = b.room_number or self.tr("no room assigned")
        self.values["room"].setText(f"{b.room_type_code} · {room}")
        self.values["stay"].setText(self.tr("%1 → %2, %n night(s)", "", b.nights).replace("%1", b.arrival.isoformat())
                                    .replace("%2", b.departure.isoformat()))
        self.values["guests"].setText(self.tr("%1 adults, %2 children").replace("%1", str(b.adults))
                                      .replace("%2", str(b.children)) + (f" · {b.guest_phone}" if b.guest_phone else ""))
        self.values["amount"].setText(self._amount_text(b))
        self.values["source"].setText(self.source_text(b))
        status = booking_status_label(b.status)
        if b.overbooked:
            status += " · " + self.tr("OVERBOOKED: no room was left for a night of this stay")
        self.values["status"].setText(status)
        self.values["notes"].setText(b.notes)
        self.cancel_button.setEnabled(b.status == "confirmed")
        self.no_show_button.setEnabled(b.status == "confirmed")
        self.check_in_button.setEnabled(b.status == "confirmed")
        self.check_out_button.setEnabled(b.status == "checked_in")
        reservation_id = b.id
        service = self.ctx.services.reservations
        holds_room = b.status in ("confirmed", "checked_in")
        self.ctx.db_tasks.submit(
            lambda: (service.detail(reservation_id), service.free_rooms(reservation_id) if holds_room else []),
            self._show_detail, self._failed, key="reservation_detail",
        )

    def source_text(self, b: ReservationInfo) -> str:
        """The name the owner gave the channel (携程 Ctrip, not ctrip) and the channel's order number."""
        origin = self.channel_labels.label(b.channel) if b.channel else source_label(b.source)
        if not b.remote_id:
            return origin
        return self.tr("%1 · reservation no. %2").replace("%1", origin).replace("%2", b.remote_id)

    def _amount_text(self, b: ReservationInfo) -> str:
        """The guest's amount; for an OTA booking also what the channel keeps and what is left, as
        the reports count net revenue (a desk booking has no commission, so its amount is its net)."""
        amount = format_minor(b.amount_minor, b.currency)
        if not b.commission_minor:
            return amount
        return (self.tr("%1 · Commission %2 · Net %3").replace("%1", amount)
                .replace("%2", format_minor(b.commission_minor, b.currency))
                .replace("%3", format_minor(b.net_minor, b.currency)))

    def _show_detail(self, loaded) -> None:
        detail, free_rooms = loaded
        if self.booking is None or detail.reservation.id != self.booking.id:
            return
        self._names = (detail.room_types, detail.rooms)
        self.history_model.set_rows(detail.history)
        if detail.history:  # the latest message shown at once: what the booking is now, and who sent it
            self.history.selectRow(len(detail.history) - 1)
        for room in free_rooms:
            label = room.number if room.same_type else self.tr("%1 (upgrade to %2)").replace("%1", room.number).replace(
                "%2", room.room_type_code)
            self.free_rooms.addItem(label, room.id)
        self.move_button.setEnabled(bool(free_rooms))

    def _show_revision(self, current, _previous) -> None:
        revision = current.data(ROW_ROLE) if current.isValid() else None
        self.content.setPlainText(revision_text(revision_fields(revision.payload, *self._names)) if revision else "")
        self.raw.setPlainText(
            json.dumps(revision.payload, ensure_ascii=False, indent=2, default=str) if revision else ""
        )

    def _raw_toggled(self, raw: bool) -> None:
        self.raw.setVisible(raw)
        self.content.setVisible(not raw)

    # --- actions ----------------------------------------------------------------------------
    def _cancel(self) -> None:
        b = self.booking
        if b is None:
            return
        answer = QMessageBox.question(self, self.tr("Cancel booking"),
                                      self.tr("Cancel %1's booking? Its nights are sold again.").replace("%1", b.guest_name))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda actor: self.ctx.services.reservations.cancel(b.id, actor))

    def _no_show(self) -> None:
        b = self.booking
        if b is not None:
            self._run(lambda actor: self.ctx.services.reservations.no_show(b.id, actor))

    def _check_in(self) -> None:
        b = self.booking
        if b is None:
            return
        if b.room_id is None:
            QMessageBox.information(self, self.tr("Check in"), self.tr("Assign a room to the booking first."))
            return
        self._run(lambda actor: self.ctx.services.calendar.front_desk.check_in(b.id, b.room_id, actor))

    def _check_out(self) -> None:
        b = self.booking
        if b is not None:
            self._run(lambda actor: self.ctx.services.calendar.front_desk.check_out(b.id, actor))

    def _move(self) -> None:
        b, room_id = self.booking, self.free_rooms.currentData()
        if b is not None and room_id is not None:
            self._run(lambda actor: self.ctx.services.reservations.move_to_room(b.id, room_id, actor))

    def _run(self, action: Callable) -> None:
        actor = desk_actor("desktop: reservations")
        self.ctx.db_tasks.submit(lambda: action(actor), lambda _result: self._done(), self._refused)

    def _done(self) -> None:
        self.ctx.events.data_changed.emit("reservations")
        self.changed.emit()

    def _refused(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Reservations"), ledger_refusal_text(error))

    def _failed(self, error: Exception) -> None:
        self.ctx.events.status_message.emit(ledger_refusal_text(error))
