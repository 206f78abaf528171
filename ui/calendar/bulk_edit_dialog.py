"""The bulk edit form: nights, weekdays, room types, rate plans, one operation and its value.

Opened from a selected rectangle (prefilled) or empty from the toolbar. While the user types, the
core previews the request in the background and the dialog shows how many cells would change, or
why it would be refused; Apply stays disabled until the preview says there is something to write.
The dialog only builds the request: the page applies it (and puts it on the undo stack).
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from channelmgr.inventory.bulk_edit import MAX_STAY_NIGHTS, BulkEditRequest, Operation
from channelmgr.inventory.views import RoomTypeInfo

from ..context import AppContext
from . import texts
from .form_parts import MoneyEdit, PreviewLine, RoomTypeChecklist, WeekdayPicker

PREVIEW_DELAY_MS = 150  # typing a price does not send a preview per keystroke


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class BulkEditDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        property_id: int,
        room_types: Sequence[RoomTypeInfo],
        first_night: date,
        last_night: date,
        chosen_type_ids: Sequence[int],
        today: date,
        name_of=lambda rt: rt.name_zh,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("bulk_edit_dialog")
        self.setWindowTitle(self.tr("Bulk edit"))
        self.ctx = ctx
        self.property_id = property_id
        self.room_types = list(room_types)

        self.first = QDateEdit(to_qdate(first_night), self)
        self.last = QDateEdit(to_qdate(last_night), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setMinimumDate(to_qdate(today))
            edit.setDisplayFormat("yyyy-MM-dd")
        self.weekdays = WeekdayPicker(self)
        self.types = RoomTypeChecklist(self)
        self.types.set_room_types(((rt.id, name_of(rt)) for rt in self.room_types), chosen_type_ids)
        self.types.setMaximumHeight(150)

        self.operation = QComboBox(self)
        self.operation.setObjectName("operation")
        for op in Operation:
            self.operation.addItem(texts.operation_label(op), op.value)  # a str Enum would come back a plain str
        self.values = QStackedWidget(self)
        self.no_value = QLabel("", self)
        self.count = QSpinBox(self)
        self.count.setRange(0, 999)
        self.count.setSuffix(self.tr(" room(s)"))
        self.stay = QSpinBox(self)
        self.stay.setRange(1, MAX_STAY_NIGHTS)
        self.stay.setValue(2)
        self.stay.setSuffix(self.tr(" night(s)"))
        self.no_limit = QCheckBox(self.tr("Remove the limit"), self)
        stay_box = QWidget(self)
        stay_row = QHBoxLayout(stay_box)
        stay_row.setContentsMargins(0, 0, 0, 0)
        stay_row.addWidget(self.stay)
        stay_row.addWidget(self.no_limit)
        stay_row.addStretch(1)
        self.flag = QComboBox(self)
        self.flag.addItem(self.tr("On"), True)
        self.flag.addItem(self.tr("Off"), False)
        self.price = MoneyEdit(self)
        self.price.setObjectName("price")
        for widget in (self.no_value, self.count, stay_box, self.flag, self.price):
            self.values.addWidget(widget)

        self.plans = QListWidget(self)
        self.plans.setObjectName("rate_plans")
        self.plans.setMaximumHeight(90)
        self._fill_plans()

        self.preview = PreviewLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = self.buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("apply")
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        nights = QHBoxLayout()
        nights.addWidget(self.first)
        nights.addWidget(QLabel("—", self))
        nights.addWidget(self.last)
        nights.addStretch(1)
        form.addRow(self.tr("Nights"), nights)
        form.addRow(self.tr("Weekdays"), self.weekdays)
        form.addRow(self.tr("Room types"), self.types)
        form.addRow(self.tr("Change"), self.operation)
        form.addRow(self.tr("Value"), self.values)
        self.plans_label = QLabel(self.tr("Rate plans"), self)
        form.addRow(self.plans_label, self.plans)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._preview)
        for signal in (
            self.first.dateChanged,
            self.last.dateChanged,
            self.weekdays.changed,
            self.types.changed,
            self.operation.currentIndexChanged,
            self.count.valueChanged,
            self.stay.valueChanged,
            self.no_limit.toggled,
            self.flag.currentIndexChanged,
            self.price.textChanged,
            self.plans.itemChanged,
        ):
            signal.connect(self._changed)
        self.types.changed.connect(self._fill_plans)
        self._changed()

    # --- building the request ----------------------------------------------------------------
    def set_operation(self, op: Operation) -> None:
        self.operation.setCurrentIndex(self.operation.findData(op.value))

    def chosen_operation(self) -> Operation:
        return Operation(self.operation.currentData())

    def request(self) -> BulkEditRequest | str:
        """The request the form describes, or what is missing before one can be made."""
        op = self.chosen_operation()
        value: object = None
        if op is Operation.ROOMS_CLOSED:
            value = self.count.value()
        elif op in (Operation.MIN_STAY, Operation.MAX_STAY):
            value = None if self.no_limit.isChecked() else self.stay.value()
        elif op in (Operation.CLOSED_TO_ARRIVAL, Operation.CLOSED_TO_DEPARTURE):
            value = self.flag.currentData()
        elif op is Operation.PRICE:
            value = self.price.value_minor()
            if value is None:
                return self.tr("Enter the price.")
        return BulkEditRequest(
            property_id=self.property_id,
            first_night=from_qdate(self.first.date()),
            last_night=from_qdate(self.last.date()),
            room_type_ids=self.types.checked_ids(),
            operation=op,
            value=value,
            weekdays=self.weekdays.weekdays(),
            rate_plan_ids=self._chosen_plan_ids() if op.is_price else (),
        )

    def _fill_plans(self) -> None:
        """One entry per plan code among the chosen room types; the main plan is checked first."""
        before = {self.plans.item(i).data(Qt.ItemDataRole.UserRole): self.plans.item(i).checkState()
                  for i in range(self.plans.count())}
        chosen = set(self.types.checked_ids())
        codes: dict[str, str] = {}
        for rt in self.room_types:
            if rt.id in chosen:
                for plan in rt.rate_plans:
                    codes.setdefault(plan.code, f"{plan.code} · {plan.name_zh}")
        self.plans.blockSignals(True)
        self.plans.clear()
        for i, (code, label) in enumerate(codes.items()):
            item = QListWidgetItem(label, self.plans)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(before.get(code, Qt.CheckState.Checked if i == 0 else Qt.CheckState.Unchecked))
        self.plans.blockSignals(False)

    def _chosen_plan_ids(self) -> tuple[int, ...]:
        codes = {
            self.plans.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.plans.count())
            if self.plans.item(i).checkState() == Qt.CheckState.Checked
        }
        chosen = set(self.types.checked_ids())
        return tuple(p.id for rt in self.room_types if rt.id in chosen for p in rt.rate_plans if p.code in codes)

    # --- preview ---------------------------------------------------------------------------
    def _changed(self, *_args) -> None:
        op = self.chosen_operation()
        page = {
            Operation.ROOMS_CLOSED: 1,
            Operation.MIN_STAY: 2,
            Operation.MAX_STAY: 2,
            Operation.CLOSED_TO_ARRIVAL: 3,
            Operation.CLOSED_TO_DEPARTURE: 3,
            Operation.PRICE: 4,
        }.get(op, 0)
        self.values.setCurrentIndex(page)
        self.stay.setEnabled(not self.no_limit.isChecked())
        self.plans.setVisible(op.is_price)
        self.plans_label.setVisible(op.is_price)
        self.apply_button.setEnabled(False)
        self.preview.checking()
        self._timer.start()

    def _preview(self) -> None:
        request = self.request()
        if isinstance(request, str):
            self.preview.show_problem(request)
            return
        bulk = self.ctx.services.calendar.bulk_edit
        self.ctx.db_tasks.submit(lambda: bulk.preview(request), self._previewed, self._refused, key="calendar.preview")

    def _previewed(self, preview) -> None:
        self.preview.show_count(preview.cells_changed, preview.cells_selected)
        self.apply_button.setEnabled(self.preview.ok)

    def _refused(self, error: Exception) -> None:
        self.preview.show_problem(texts.refusal_text(error))
        self.apply_button.setEnabled(False)

    def done(self, result: int) -> None:
        forget_preview(self.ctx, "calendar.preview")
        super().done(result)


def forget_preview(ctx: AppContext, key: str) -> None:
    """Make a preview still running stale, so its answer never reaches a closed dialog."""
    ctx.db_tasks.submit(lambda: None, lambda _none: None, key=key)
