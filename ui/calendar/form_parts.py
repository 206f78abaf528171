"""Small input widgets the calendar dialogs share: room types, weekdays, money, the preview line."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Iterable

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QToolButton, QWidget

from channelmgr.inventory.nights import ALL_WEEKDAYS

from . import texts


class RoomTypeChecklist(QListWidget):
    """Room types with a check box each; ``changed`` when a box is toggled."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("room_type_checklist")
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_room_types(self, room_types: Iterable[tuple[int, str]], checked: Iterable[int]) -> None:
        chosen = set(checked)
        self.blockSignals(True)
        self.clear()
        for type_id, name in room_types:
            item = QListWidgetItem(name, self)
            item.setData(Qt.ItemDataRole.UserRole, type_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if type_id in chosen else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.changed.emit()

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )


class WeekdayPicker(QWidget):
    """Seven toggles (Monday first) and shortcuts for every day, weekends and working days."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QToolButton] = []
        for weekday in range(7):
            button = QToolButton(self)
            button.setObjectName(f"weekday_{weekday}")
            button.setText(texts.weekday_short(weekday))
            button.setCheckable(True)
            button.setChecked(True)
            button.toggled.connect(lambda _on: self.changed.emit())
            row.addWidget(button)
            self.buttons.append(button)
        row.addSpacing(8)
        for label, days in (
            (self.tr("Every day"), ALL_WEEKDAYS),
            (self.tr("Weekends"), frozenset({5, 6})),
            (self.tr("Mon–Fri"), frozenset(range(5))),
        ):
            shortcut = QToolButton(self)
            shortcut.setText(label)
            shortcut.clicked.connect(lambda _c=False, d=days: self.set_weekdays(d))
            row.addWidget(shortcut)
        row.addStretch(1)

    def set_weekdays(self, days: frozenset[int]) -> None:
        for weekday, button in enumerate(self.buttons):
            button.blockSignals(True)
            button.setChecked(weekday in days)
            button.blockSignals(False)
        self.changed.emit()

    def weekdays(self) -> frozenset[int]:
        return frozenset(i for i, b in enumerate(self.buttons) if b.isChecked())


class MoneyEdit(QLineEdit):
    """An amount in yuan as typed ("388" or "388.50"), read back exactly as fen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{1,7}([.]\d{0,2})?"), self))
        self.setPlaceholderText("0.00")

    def value_minor(self) -> int | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            return int(Decimal(text) * 100)
        except InvalidOperation:
            return None

    def set_value_minor(self, amount: int | None) -> None:
        if amount is None:
            self.clear()
        else:
            self.setText(f"{Decimal(amount) / 100:.2f}".removesuffix(".00"))


class PreviewLine(QLabel):
    """'N cells will change', or why the request would be refused, before anything is written."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preview")
        self.setWordWrap(True)
        self.ok = False

    def checking(self) -> None:
        self.ok = False
        self.setStyleSheet("color: #5b6270;")
        self.setText(self.tr("Checking…"))

    def show_count(self, changed: int, selected: int) -> None:
        self.ok = changed > 0
        self.setStyleSheet("" if changed else "color: #5b6270;")
        self.setText(
            self.tr("%n cell(s) will change", "", changed) + " · " + self.tr("%n cell(s) selected", "", selected)
        )

    def show_message(self, message: str) -> None:
        """Any other good news before writing, e.g. the rooms left for a stay."""
        self.ok = True
        self.setStyleSheet("")
        self.setText(message)

    def show_problem(self, message: str) -> None:
        self.ok = False
        self.setStyleSheet("color: #b3261e;")
        self.setText(message)
