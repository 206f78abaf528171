"""新建订单: a booking taken by phone, WeChat, at the desk or otherwise, entered by hand.

The dialog collects the stay, shows what the core quotes for it (rooms left on every night, the
desk's price for the stay) and asks the ledger to book it. It decides nothing: a stay that would
overbook, a past arrival or a missing name is refused by ``ReservationService.book`` and the
refusal is shown here, with the dialog kept open so the desk can offer the guest something else.
All database work runs on ``ctx.db_tasks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from channelmgr.inventory.views import RoomTypeInfo
from channelmgr.money import format_minor
from channelmgr.reservations.desk_bookings import DESK_SOURCES, MAX_NIGHTS, DeskBooking
from channelmgr.reservations.desk_quote import DeskQuote, quote_desk_stay
from channelmgr.reservations.views import ReservationInfo
from channelmgr.roomtypes.desk_user import desk_actor

from ..calendar.bulk_edit_dialog import from_qdate, to_qdate
from ..calendar.form_parts import MoneyEdit, PreviewLine
from ..calendar.model import room_type_name as name_in_ui_language  # any object with name_zh / name_en
from ..context import AppContext
from ..tasks import while_alive
from .texts import ledger_refusal_text, source_label

QUOTE_DELAY_MS = 150  # let the nights spin box settle before asking the database again


@dataclass(frozen=True)
class BookingChoices:
    today: date  # the property's today: the earliest arrival the ledger accepts
    room_types: list[RoomTypeInfo]


class NewBookingDialog(QDialog):
    booked = Signal(object)  # the stored ReservationInfo, just before the dialog closes

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("new_booking_dialog")
        self.setWindowTitle(self.tr("New booking"))
        self.ctx = ctx
        self.property_id = ctx.property_id
        self.room_types: list[RoomTypeInfo] = []
        self.quote: DeskQuote | None = None
        self._amount_typed = False  # once the desk types a price, a new quote no longer overwrites it

        self.source = QComboBox(self)
        self.source.setObjectName("source")
        for source in DESK_SOURCES:
            self.source.addItem(source_label(source), source)
        self.room_type = QComboBox(self)
        self.room_type.setObjectName("room_type")
        self.rate_plan = QComboBox(self)
        self.rate_plan.setObjectName("rate_plan")
        self.arrival = QDateEdit(self)
        self.arrival.setObjectName("arrival")
        self.arrival.setCalendarPopup(True)
        self.arrival.setDisplayFormat("yyyy-MM-dd")
        self.arrival.setDate(QDate.currentDate())  # until the property's own today is loaded
        self.nights = QSpinBox(self)
        self.nights.setObjectName("nights")
        self.nights.setRange(1, MAX_NIGHTS)
        self.nights.setSuffix(self.tr(" night(s)"))
        self.departure = QLabel(self)
        self.departure.setObjectName("departure")
        self.adults = QSpinBox(self)
        self.adults.setObjectName("adults")
        self.adults.setRange(1, 20)
        self.adults.setValue(2)
        self.children = QSpinBox(self)
        self.children.setObjectName("children")
        self.children.setRange(0, 20)
        self.guest = QLineEdit(self)
        self.guest.setObjectName("guest_name")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("guest_phone")
        self.amount = MoneyEdit(self)
        self.amount.setObjectName("amount")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText(self.tr("e.g. arrives late, needs a cot, deposit paid by WeChat"))
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.quote_line = PreviewLine(self)
        self.quote_line.setObjectName("quote")
        self.refusal = PreviewLine(self)
        self.refusal.setObjectName("refusal")

        stay = QHBoxLayout()
        stay.addWidget(self.nights)
        stay.addWidget(self.departure, 1)
        guests = QHBoxLayout()
        guests.addWidget(self.adults)
        guests.addWidget(QLabel(self.tr("Children"), self))
        guests.addWidget(self.children)
        guests.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Booked by"), self.source)
        form.addRow(self.tr("Room type"), self.room_type)
        form.addRow(self.tr("Rate plan"), self.rate_plan)
        form.addRow(self.tr("Arrival"), self.arrival)
        form.addRow(self.tr("Nights"), stay)
        form.addRow(self.tr("Adults"), guests)
        form.addRow(self.tr("Guest name"), self.guest)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Amount for the stay (¥)"), self.amount)
        form.addRow(self.tr("Notes"), self.notes)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.book_button = self.buttons.addButton(self.tr("Book"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.book_button.setObjectName("book")
        self.book_button.setEnabled(False)  # until the room types are loaded
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.quote_line)
        layout.addWidget(self.refusal)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        self._quote_timer = QTimer(self)
        self._quote_timer.setSingleShot(True)
        self._quote_timer.setInterval(QUOTE_DELAY_MS)
        self._quote_timer.timeout.connect(self._ask_quote)
        self.room_type.currentIndexChanged.connect(self._room_type_chosen)
        self.rate_plan.currentIndexChanged.connect(self._stay_changed)
        self.arrival.dateChanged.connect(self._stay_changed)
        self.nights.valueChanged.connect(self._stay_changed)
        self.amount.textEdited.connect(self._amount_edited)

        self.quote_line.checking()
        services, pid = ctx.services, self.property_id
        self._submit(
            lambda: BookingChoices(services.calendar.availability.today(pid), services.inventory.room_types(pid)),
            self._show_choices, self._show_quote_failure, key=f"new_booking.choices.{id(self)}",
        )

    def _submit(self, work, on_done, on_error, key: str | None = None) -> None:
        # Keys carry id(self): two desks' dialogs open side by side must not make each other's
        # quotes stale. The page deletes a dialog on close; an answer still on its way is dropped.
        self.ctx.db_tasks.submit(work, while_alive(self, on_done), while_alive(self, on_error), key=key)

    # --- choices ------------------------------------------------------------------------------
    def _show_choices(self, choices: BookingChoices) -> None:
        self.room_types = choices.room_types
        self.arrival.setMinimumDate(to_qdate(choices.today))
        self.arrival.setDate(to_qdate(choices.today))
        self.room_type.blockSignals(True)
        for rt in choices.room_types:
            self.room_type.addItem(f"{name_in_ui_language(rt)} ({rt.code})", rt.id)
        self.room_type.blockSignals(False)
        if not choices.room_types:
            self.quote_line.show_problem(self.tr("This property has no room types yet."))
            return
        self.book_button.setEnabled(True)
        self._room_type_chosen()

    def _room_type_chosen(self) -> None:
        chosen = self.chosen_room_type()
        self.rate_plan.blockSignals(True)
        self.rate_plan.clear()
        for plan in chosen.rate_plans if chosen else ():
            self.rate_plan.addItem(f"{name_in_ui_language(plan)} ({plan.code})", plan.id)
        self.rate_plan.blockSignals(False)
        self._stay_changed()

    def chosen_room_type(self) -> RoomTypeInfo | None:
        type_id = self.room_type.currentData()
        return next((rt for rt in self.room_types if rt.id == type_id), None)

    def _chosen_plan_code(self) -> str | None:
        chosen, plan_id = self.chosen_room_type(), self.rate_plan.currentData()
        return next((p.code for p in chosen.rate_plans if p.id == plan_id), None) if chosen else None

    # --- the quote ------------------------------------------------------------------------------
    def _stay_changed(self, *_args) -> None:
        departure = from_qdate(self.arrival.date()) + timedelta(days=self.nights.value())
        self.departure.setText(self.tr("departs %1").replace("%1", departure.isoformat()))
        self.quote_line.checking()
        self._quote_timer.start()

    def _ask_quote(self) -> None:
        chosen = self.chosen_room_type()
        if chosen is None:
            return
        services, pid = self.ctx.services, self.property_id
        plan_code, arrival, nights = self._chosen_plan_code(), from_qdate(self.arrival.date()), self.nights.value()
        self._submit(
            lambda: quote_desk_stay(services.calendar.availability, services.pricing, pid, chosen.id, chosen.code,
                                    plan_code, arrival, nights),
            self._show_quote, self._show_quote_failure, key=f"new_booking.quote.{id(self)}",
        )

    def _show_quote(self, quote: DeskQuote) -> None:
        self.quote = quote
        if not self._amount_typed:
            self.amount.set_value_minor(quote.amount_minor)
        price = (self.tr("%1 for the stay").replace("%1", format_minor(quote.amount_minor, quote.currency))
                 if quote.amount_minor is not None else self.tr("no price for this plan"))
        if quote.rooms_left > 0:
            self.quote_line.show_message(self.tr("%n room(s) left for this stay", "", quote.rooms_left) + " · " + price)
        else:
            self.quote_line.show_problem(
                self.tr("No room of this type is left on every night of this stay: offer another room type or date.")
            )

    def _show_quote_failure(self, error: Exception) -> None:
        self.quote = None
        self.quote_line.show_problem(ledger_refusal_text(error))

    def _amount_edited(self, _text: str) -> None:
        self._amount_typed = True

    # --- booking ----------------------------------------------------------------------------------
    def request(self) -> DeskBooking:
        return DeskBooking(
            property_id=self.property_id,
            room_type_id=self.room_type.currentData(),
            arrival=from_qdate(self.arrival.date()),
            nights=self.nights.value(),
            guest_name=self.guest.text(),
            source=self.source.currentData(),
            guest_phone=self.phone.text(),
            amount_minor=self.amount.value_minor() or 0,
            adults=self.adults.value(),
            children=self.children.value(),
            rate_plan_id=self.rate_plan.currentData(),
            notes=self.notes.toPlainText().strip(),
        )

    def save(self) -> None:
        if not self.book_button.isEnabled():
            return  # already saving, or nothing loaded to book
        request, actor = self.request(), desk_actor("desktop: new booking")
        service = self.ctx.services.reservations
        self.book_button.setEnabled(False)
        self.refusal.clear()
        self._submit(lambda: service.book(request, actor), self._booked, self._show_refusal)

    def _booked(self, booking: ReservationInfo) -> None:
        self.booked.emit(booking)
        self.accept()

    def _show_refusal(self, error: Exception) -> None:
        self.refusal.show_problem(ledger_refusal_text(error))
        self.book_button.setEnabled(bool(self.room_types))
        self._stay_changed()  # the refusal may mean the last room just went: show what is left now
