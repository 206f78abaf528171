"""The channel settings an owner sets up front: what kind of channel it is (its profile, and
what that implies it can carry), how far and how fast to send, what to hold back, and how this
channel's prices differ from the desk's.

It reads a ``ChannelSettings`` and gives back the typed text per key, the same form the CLI's
``--set key=value`` uses, so the core alone parses and judges the values.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QSpinBox,
                               QWidget)

from channelmgr.sync.channel_profiles import DEFAULT_PROFILE, PROFILES, RESTRICTIONS
from channelmgr.sync.channel_settings import MAX_HORIZON_DAYS, ROUNDINGS, ChannelSettings

from ..calendar.form_parts import MoneyEdit
from ..pricing.texts import rounding_label
from .texts import SyncTexts

MAX_ITEMS_PER_REQUEST = 10000  # spin box ceilings only; the channel's published limits are far lower
MAX_REQUESTS_PER_MINUTE = 10000
MAX_BUFFER_ROOMS = 999


class ChannelSettingsForm(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Sync and selling"))
        self.texts = SyncTexts(self)
        self._shown = ChannelSettings()  # what set_settings gave: its overrides survive a profile change
        self.profile = QComboBox(self)
        self.profile.setObjectName("setting_profile")
        for name, profile in PROFILES.items():
            self.profile.addItem(self.tr("Generic (OpenTravel)") if name == DEFAULT_PROFILE else profile.label, name)
        self.implied = QLabel(self)
        self.implied.setObjectName("setting_profile_implies")
        self.implied.setWordWrap(True)
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
        form.addRow(self.tr("Kind of channel"), self.profile)
        form.addRow("", self.implied)
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
        self.profile.currentIndexChanged.connect(lambda _i: self._show_implied())

    def set_settings(self, settings: ChannelSettings) -> None:
        self._shown = settings
        self.profile.blockSignals(True)
        self.profile.setCurrentIndex(max(0, self.profile.findData(settings.profile)))
        self.profile.blockSignals(False)
        self._show_implied()
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
            "profile": self.profile.currentData(),
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

    def chosen_settings(self) -> ChannelSettings:
        """The shown settings on the chosen profile: what the channel would be able to carry."""
        return self._shown.with_profile(self.profile.currentData())

    def _show_implied(self) -> None:
        self.implied.setText(self.implied_text(self.chosen_settings()))

    def implied_text(self, settings: ChannelSettings) -> str:
        """What a profile (with the owner's overrides) means for what is sent, one line per capability."""
        taken = [self.texts.restriction(name) for name in RESTRICTIONS if name in settings.supported_restrictions]
        lines = [self.tr("Restrictions it takes: %1").replace("%1", self.tr(", ").join(taken)) if taken
                 else self.tr("Restrictions it takes: none")]
        if settings.min_stay_basis == "arrival":
            lines.append(self.tr("Minimum stay counted from the arrival day: ours is translated"))
        else:
            lines.append(self.tr("Minimum stay on every night of the stay, as ours: sent as it is"))
        if settings.max_horizon_days is None:
            lines.append(self.tr("No limit of its own on days ahead"))
        else:
            lines.append(self.tr("Takes %1 day(s) ahead at most").replace("%1", str(settings.max_horizon_days)))
        if settings.price_unit == "person_night":
            lines.append(self.tr("Prices per person: our prices per room are not sent"))
        elif settings.occupancy_pricing:
            lines.append(self.tr("Prices per number of guests: one price per room is sent"))
        else:
            lines.append(self.tr("One price per room and night"))
        lines.append(self.tr("Takes listing content") if settings.content else self.tr("No listing content"))
        overrides = settings.overrides()
        if overrides:
            named = self.tr(", ").join(self.texts.capability_key(key) for key in overrides)
            lines.append(self.tr("Your own settings override: %1").replace("%1", named))
        return "\n".join(lines)

    def _spin(self, name: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        return spin


def _minor_text(amount_minor: int | None) -> str:
    return "" if amount_minor is None else str(amount_minor)  # empty: no guard
