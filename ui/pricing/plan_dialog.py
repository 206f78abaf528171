"""Editing a rate plan's price: the base price of a root plan, or how a derived plan follows
its parent (± an amount or ± a percent)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .draft import DraftPlan


class PlanPriceDialog(QDialog):
    def __init__(self, plan: DraftPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("plan_dialog")
        self.plan = plan
        info = plan.info
        self.setWindowTitle(self.tr("Price of %1 · %2").replace("%1", info.room_type).replace("%2", info.code))
        self.value = QDoubleSpinBox(self)
        self.value.setObjectName("plan_value")
        self.value.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.value.setDecimals(2)
        form = QFormLayout()
        form.addRow(self.tr("Room type"), QLabel(f"{info.room_type} · {info.room_type_name_zh}", self))
        form.addRow(self.tr("Rate plan"), QLabel(f"{info.code} · {info.name_zh}", self))
        self.kind: QComboBox | None = None
        if info.parent is None:
            self.value.setRange(0.01, 999999)
            self.value.setPrefix("¥ ")
            self.value.setValue((plan.base_price_minor or 0) / 100)
            form.addRow(self.tr("Base price"), self.value)
        else:
            self.kind = QComboBox(self)
            self.kind.setObjectName("plan_derive_kind")
            self.kind.addItem(self.tr("± amount"), "amount")
            self.kind.addItem(self.tr("± percent"), "percent")
            self.kind.setCurrentIndex(max(0, self.kind.findData(plan.derive_kind)))
            self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
            self._kind_changed()
            value = Decimal(plan.derive_value or "0")
            self.value.setValue(float(value / 100 if plan.derive_kind == "amount" else value))
            form.addRow(self.tr("Follows %1 by").replace("%1", info.parent), self.kind)
            form.addRow("", self.value)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _kind_changed(self) -> None:
        percent = self.kind.currentData() == "percent"
        if percent:
            self.value.setRange(-99.99, 1000)
        else:
            self.value.setRange(-99999, 99999)
        self.value.setPrefix("" if percent else "¥ ")
        self.value.setSuffix(" %" if percent else "")

    def _typed(self) -> Decimal:
        return Decimal(f"{self.value.value():.2f}")  # the float is display only: back through text

    def base_price_minor(self) -> int:
        return int(self._typed() * 100)

    def derivation(self) -> tuple[str, str]:
        """(kind, value as stored: fen for an amount, a plain decimal for a percent)."""
        kind = self.kind.currentData()
        value = self._typed()
        return kind, str(int(value * 100)) if kind == "amount" else format(value.normalize(), "f")
