"""The channel settings an owner sets up front: how far and how fast to send, what to hold
back, and how this channel's prices differ from the desk's.

It reads a ``ChannelSettings`` and gives back the typed text per key, the same form the CLI's
``--set key=value`` uses, so the core alone parses and judges the values.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QSpinBox, QWidget

from channelmgr.sync.channel_settings import MAX_HORIZON_DAYS, ROUNDINGS, ChannelSettings

from ..calendar.form_parts import MoneyEdit
from ..pricing.texts import rounding_label

MAX_ITEMS_PER_REQUEST = 10000  # spin box ceilings only; the channel's published limits are far lower
MAX_REQUESTS_PER_MINUTE = 10000
MAX_BUFFER_ROOMS = 999


class ChannelSettingsForm(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Sync and selling"))
        self.horizon = self._spin("setting_horizon", 1, MAX_HORIZON_DAYS)
        self.items_per_request = self._spin("setting_items_per_request", 3, MAX_ITEMS_PER_REQUEST)
        self.requests_per_minute = self._spin("setting_requests_per_minute", 1, MAX_REQUESTS_PER_MINUTE)
        self.buffer_rooms = self._spin("setting_buffer_rooms", 0, MAX_BUFFER_ROOMS)
        self.stop_sell = QCheckBox(self.tr("Close everything on this channel"), self)
        self.stop_sell.setObjectName("setting_stop_sell")
        self.markup = QDoubleSpinBox(self)
        self.markup.setObjectName("setting_markup")
        self.markup.setRange(-99.99, 1000)  # the pricing engine judges the value; this only bounds typing
        self.markup.setDecimals(2)
        self.markup.setSuffix(" %")
        self.rounding = QComboBox(self)
        self.rounding.setObjectName("setting_rounding")
        for key in ROUNDINGS:
            self.rounding.addItem(rounding_label(key), key)
        self.min_price = MoneyEdit(self)
        self.min_price.setObjectName("setting_min_price")
        self.max_price = MoneyEdit(self)
        self.max_price.setObjectName("setting_max_price")
        for guard in (self.min_price, self.max_price):
            guard.setPlaceholderText(self.tr("No limit"))

        form = QFormLayout(self)
        form.addRow(self.tr("Days ahead to send"), self.horizon)
        form.addRow(self.tr("Items per request (max)"), self.items_per_request)
        form.addRow(self.tr("Requests per minute (max)"), self.requests_per_minute)
        form.addRow(self.tr("Rooms held back each night"), self.buffer_rooms)
        form.addRow(self.tr("Stop-sell"), self.stop_sell)
        form.addRow(self.tr("Markup"), self.markup)
        form.addRow(self.tr("Rounding"), self.rounding)
        form.addRow(self.tr("Lowest price (¥)"), self.min_price)
        form.addRow(self.tr("Highest price (¥)"), self.max_price)
        self.set_settings(ChannelSettings())

    def set_settings(self, settings: ChannelSettings) -> None:
        self.horizon.setValue(settings.horizon_days)
        self.items_per_request.setValue(settings.max_items_per_request)
        self.requests_per_minute.setValue(settings.requests_per_minute)
        self.buffer_rooms.setValue(settings.buffer_rooms)
        self.stop_sell.setChecked(settings.stop_sell)
        self.markup.setValue(float(settings.markup_percent))
        self.rounding.setCurrentIndex(max(0, self.rounding.findData(settings.rounding)))
        self.min_price.set_value_minor(settings.min_price_minor)
        self.max_price.set_value_minor(settings.max_price_minor)

    def typed_settings(self) -> dict[str, str]:
        """``{key: text}`` as ``ChannelSettings.with_text`` and ``ChannelService.update`` take it."""
        markup = Decimal(f"{self.markup.value():.2f}").normalize()  # the float is display only
        return {
            "horizon_days": str(self.horizon.value()),
            "max_items_per_request": str(self.items_per_request.value()),
            "requests_per_minute": str(self.requests_per_minute.value()),
            "buffer_rooms": str(self.buffer_rooms.value()),
            "stop_sell": "true" if self.stop_sell.isChecked() else "false",
            "markup_percent": format(markup, "f"),
            "rounding": self.rounding.currentData(),
            "min_price_minor": _minor_text(self.min_price.value_minor()),
            "max_price_minor": _minor_text(self.max_price.value_minor()),
        }

    def _spin(self, name: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        return spin


def _minor_text(amount_minor: int | None) -> str:
    return "" if amount_minor is None else str(amount_minor)  # empty: no guard
