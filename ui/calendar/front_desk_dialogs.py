"""The front desk's small forms: a walk-in guest, and a room out of order for some nights.

They only collect input; the core decides (a walk-in with no room left is refused there).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from channelmgr.inventory.front_desk import WalkInRequest
from channelmgr.reservations.desk_bookings import MAX_NIGHTS as MAX_WALK_IN_NIGHTS
from channelmgr.inventory.room_board import RoomBoard
from channelmgr.money import format_minor

from ..tasks import while_alive
from . import texts
from .bulk_edit_dialog import from_qdate, to_qdate
from .form_parts import MoneyEdit


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName("ok")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class WalkInDialog(QDialog):
    """A guest at the desk without a booking: room type, nights, guests, the amount, maybe a room.

    The amount is the stay's own price, quoted by the core night by night (the very function
    新建订单 quotes with), not tonight's price × nights: ``quote(room_type_id, nights, on_done)``
    asks for it off the GUI thread and calls ``on_done(DeskQuote)``. Once the desk types an
    amount, a new quote no longer overwrites it.
    """

    def __init__(self, board: RoomBoard, name_of, quote, room_type_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("walk_in_dialog")
        self.setWindowTitle(self.tr("Walk-in guest"))
        self.board = board
        self._quote = quote
        self._amount_typed = False
        self.room_type = QComboBox(self)
        self.room_type.setObjectName("room_type")
        for rt in board.room_types:
            left = self.tr("%1 left tonight").replace("%1", str(rt.tonight.rooms_to_sell))
            self.room_type.addItem(f"{name_of(rt)} · {left}", rt.id)
        if room_type_id is not None:
            self.room_type.setCurrentIndex(max(0, self.room_type.findData(room_type_id)))
        self.nights = QSpinBox(self)
        self.nights.setObjectName("nights")
        self.nights.setRange(1, MAX_WALK_IN_NIGHTS)
        self.nights.setSuffix(self.tr(" night(s)"))
        self.adults = QSpinBox(self)
        self.adults.setRange(1, 20)
        self.adults.setValue(2)
        self.children = QSpinBox(self)
        self.children.setRange(0, 20)
        self.guest = QLineEdit(self)
        self.guest.setObjectName("guest_name")
        self.phone = QLineEdit(self)
        self.amount = MoneyEdit(self)
        self.amount.setObjectName("amount")
        self.room = QComboBox(self)
        self.room.setObjectName("room")
        self.quote_line = QLabel(self)
        self.quote_line.setObjectName("quote")
        form = QFormLayout()
        form.addRow(self.tr("Room type"), self.room_type)
        form.addRow(self.tr("Nights from tonight"), self.nights)
        form.addRow(self.tr("Adults"), self.adults)
        form.addRow(self.tr("Children"), self.children)
        form.addRow(self.tr("Guest name"), self.guest)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Amount for the stay (¥)"), self.amount)
        form.addRow(self.tr("Check in to room"), self.room)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.quote_line)
        layout.addWidget(_buttons(self, self.tr("Book")))
        self.room_type.currentIndexChanged.connect(self._type_chosen)
        self.nights.valueChanged.connect(self._ask_quote)
        self.amount.textEdited.connect(self._amount_edited)
        self._type_chosen()

    def _type_chosen(self) -> None:
        type_id = self.room_type.currentData()
        self.room.clear()
        self.room.addItem(self.tr("Later (no room yet)"), None)
        for room in self.board.rooms:
            if room.room_type_id == type_id and room.status in ("clean", "dirty") and room.out_of_order_id is None:
                self.room.addItem(f"{room.number} · {texts.room_status_label(room.status)}", room.id)
        self._ask_quote()

    def _ask_quote(self, *_args) -> None:
        type_id, nights = self.room_type.currentData(), self.nights.value()
        if type_id is None:
            return
        self.quote_line.setText(self.tr("Pricing the stay…"))
        self._quote(type_id, nights, while_alive(self, lambda quote: self._show_quote(type_id, nights, quote)))

    def _show_quote(self, type_id: int, nights: int, quote) -> None:
        if (type_id, nights) != (self.room_type.currentData(), self.nights.value()):
            return  # an answer for a stay the desk has changed since
        if quote.amount_minor is None:
            self.quote_line.setText(self.tr("No price for this stay: enter the amount."))
            return
        if not self._amount_typed:
            self.amount.set_value_minor(quote.amount_minor)
        self.quote_line.setText(
            self.tr("%1 for %2 night(s), priced night by night")
            .replace("%1", format_minor(quote.amount_minor, quote.currency)).replace("%2", str(nights)))

    def _amount_edited(self, _text: str) -> None:
        self._amount_typed = True

    def request(self, property_id: int) -> WalkInRequest:
        return WalkInRequest(
            property_id=property_id,
            room_type_id=self.room_type.currentData(),
            nights=self.nights.value(),
            guest_name=self.guest.text(),
            # Untouched (or no quote yet): the core prices the stay itself, the same way.
            amount_minor=self.amount.value_minor() if self._amount_typed else None,
            adults=self.adults.value(),
            children=self.children.value(),
            guest_phone=self.phone.text(),
            room_id=self.room.currentData(),
        )


class OutOfOrderDialog(QDialog):
    """Nights a room cannot be sold: from a first night until the day it is back in service."""

    def __init__(self, room_number: str, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("out_of_order_dialog")
        self.setWindowTitle(self.tr("Room %1 out of order").replace("%1", room_number))
        self.start = QDateEdit(to_qdate(today), self)
        self.back = QDateEdit(to_qdate(today + timedelta(days=1)), self)
        for edit in (self.start, self.back):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(to_qdate(today))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. air conditioning repair"))
        form = QFormLayout()
        form.addRow(self.tr("From the night of"), self.start)
        form.addRow(self.tr("Back in service on"), self.back)
        form.addRow(self.tr("Reason"), self.reason)
        note = QLabel(self.tr("The room is not sold on these nights on any channel."), self)
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(_buttons(self, self.tr("Take out of service")))

    def nights(self) -> tuple[date, date, str]:
        return from_qdate(self.start.date()), from_qdate(self.back.date()), self.reason.text()
