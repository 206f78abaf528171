"""The panel under the calendar: everything behind the clicked cell (bookings of the night, the
price of every rate plan, the latest changes of its settings with who made them)."""

from __future__ import annotations

from datetime import timezone

from PySide6.QtCore import QModelIndex, QPoint, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from channelmgr.inventory.cell_details import CellChange, CellDetails
from channelmgr.money import format_minor

from ..models.record_table import Column, RecordTableModel
from . import texts


class CellDetailsPanel(QWidget):
    # A rate plan's price was double-clicked: (plan code, where to show "why this price").
    explain_requested = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cell_details")
        self.details: CellDetails | None = None
        self.title = QLabel(self)
        self.title.setObjectName("details_title")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.bookings = RecordTableModel(
            [
                Column(self.tr("Guest"), lambda b: b.guest_name),
                Column(self.tr("Stay"), lambda b: f"{texts.date_text(b.arrival)} – {texts.date_text(b.departure)}"),
                Column(self.tr("Room"), lambda b: b.room_number or "—"),
                Column(self.tr("Source"), lambda b: texts.source_label(b.source)),
                Column(self.tr("Status"), lambda b: texts.booking_status_label(b.status)),
            ],
            self,
        )
        self.prices = RecordTableModel(
            [
                Column(self.tr("Rate plan"), lambda p: f"{p.code} · {p.name_zh}"),
                Column(self.tr("Price"), self._price_text, align_right=True),
                Column(self.tr("Rule min stay"), self._rule_min_stay_text, align_right=True),
            ],
            self,
        )
        self.changes = RecordTableModel(
            [
                Column(self.tr("When"), lambda c: c.at.replace(tzinfo=timezone.utc).astimezone().strftime("%m-%d %H:%M")),
                Column(self.tr("Who"), lambda c: c.actor),
                Column(self.tr("What"), self._change_text),
            ],
            self,
        )
        row = QHBoxLayout()
        for title, model, name in (
            (self.tr("Bookings this night"), self.bookings, "details_bookings"),
            (self.tr("Prices"), self.prices, "details_prices"),
            (self.tr("Latest changes"), self.changes, "details_changes"),
        ):
            box = QGroupBox(title, self)
            view = QTableView(box)
            view.setObjectName(name)
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
            # Compact rows: four rate plans and their prices fit without scrolling.
            view.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 6)
            if model is self.prices:
                view.setToolTip(self.tr("Double-click a price to see how it was computed."))
                view.doubleClicked.connect(lambda index, v=view: self._price_double_clicked(v, index))
            inner = QVBoxLayout(box)
            inner.setContentsMargins(4, 4, 4, 4)
            inner.addWidget(view)
            row.addWidget(box, 2 if model is self.changes else 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(row, 1)
        self.restrictions = QLabel(self)
        self.restrictions.setObjectName("details_restrictions")
        self.restrictions.setWordWrap(True)
        layout.insertWidget(2, self.restrictions)
        # Title, two summary lines, a table header and four rows, whatever the font size.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 10 + 40)
        self.clear(self.tr("Click a cell to see its bookings, prices and changes."))

    def clear(self, message: str) -> None:
        self.details = None
        self.title.setText(message)
        self.summary.clear()
        if hasattr(self, "restrictions"):
            self.restrictions.clear()
        for model in (self.bookings, self.prices, self.changes):
            model.set_rows([])

    def show_details(self, details: CellDetails, room_type_name: str) -> None:
        self.details = details
        holiday = texts.holiday_name(details.day)
        self.title.setText(
            f"<b>{room_type_name}</b> · {texts.day_title(details.night)}" + (f" · {holiday}" if holiday else "")
        )
        cell = details.cell
        self.summary.setText(
            self.tr("%1 of %2 left (%3) · booked %4 · out of order %5 · closed %6")
            .replace("%1", str(cell.left))
            .replace("%2", str(cell.total))
            .replace("%3", texts.state_label(cell.state))
            .replace("%4", str(cell.booked))
            .replace("%5", str(cell.out_of_order))
            .replace("%6", str(cell.closed))
        )
        self.restrictions.setText(self._restrictions_text(cell))
        self.bookings.set_rows(details.bookings)
        self.prices.set_rows(details.prices)
        self.changes.set_rows(details.changes)

    def _restrictions_text(self, cell) -> str:
        """The night's restrictions as the channels get them; a minimum stay says where it comes from."""
        parts = []
        if cell.stop_sell:
            parts.append(texts.setting_label("stop_sell"))
        nights = cell.effective_min_stay  # plain names: lupdate skips calls with attribute arguments
        if nights and cell.min_stay_from_rule:
            parts.append(self.tr("min stay %n night(s), set by a price rule", "", nights))
        elif nights:
            parts.append(self.tr("min stay %n night(s), set in the calendar", "", nights))
        longest = cell.max_stay
        if longest:
            parts.append(self.tr("max stay %n night(s)", "", longest))
        if cell.closed_to_arrival:
            parts.append(texts.setting_label("closed_to_arrival"))
        if cell.closed_to_departure:
            parts.append(texts.setting_label("closed_to_departure"))
        return " · ".join(parts) if parts else self.tr("No restrictions this night")

    def _rule_min_stay_text(self, plan) -> str:
        nights = plan.rule_min_stay
        return self.tr("%n night(s)", "", nights) if nights else "—"

    def _price_double_clicked(self, view: QTableView, index: QModelIndex) -> None:
        if not index.isValid() or index.row() >= len(self.prices.rows):
            return
        plan = self.prices.rows[index.row()]
        if plan.price_minor is None:
            return
        at = view.viewport().mapToGlobal(view.visualRect(index).bottomLeft())
        self.explain_requested.emit(plan.code, at)

    def _price_text(self, plan) -> str:
        if plan.price_minor is None:
            return "—"
        text = format_minor(plan.price_minor, self.details.currency if self.details else "CNY")
        return text + (" " + self.tr("(typed)") if plan.overridden else "")

    def _change_text(self, change: CellChange) -> str:
        parts = [f"{texts.action_label(change.action)}:"]
        for field, after in change.after.items():
            parts.append(f"{self._field_name(field)} {self._value(field, change.before.get(field))} → {self._value(field, after)}")
        return " ".join(parts[:1]) + " " + "; ".join(parts[1:])

    def _field_name(self, field: str) -> str:
        if field.startswith("price:") and self.details:
            plan_id = int(field.split(":", 1)[1])
            plan = next((p for p in self.details.prices if p.rate_plan_id == plan_id), None)
            return self.tr("price %1").replace("%1", plan.code if plan else "?")
        return texts.setting_label(field)

    def _value(self, field: str, value: object) -> str:
        if value is None:
            return "—"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if field.startswith("price:"):
            return format_minor(int(value), self.details.currency if self.details else "CNY")
        return str(value)
