"""Settings › prices: how the desk's own prices are rounded (new properties: whole yuan) and the
fat-finger guard (how far a price may move, the floor below which every price is questioned)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QSpinBox, QWidget

from channelmgr.pricing.channel_settings import ROUNDING_BY_SETTING
from channelmgr.pricing.guard import ConfirmationRequired
from channelmgr.pricing.property_settings import PropertyPricingSettings
from channelmgr.pricing.views import PricePreview
from channelmgr.roomtypes.desk_user import desk_actor

from ..calendar.form_parts import MoneyEdit
from ..context import AppContext
from ..price_guard_box import ask_price_confirmation
from ..pricing.texts import rounding_label
from .section import SettingsSection


class PricingSection(SettingsSection):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Prices"), parent)
        self.setObjectName("settings_pricing")
        self.settings: PropertyPricingSettings | None = None
        self.currency = "CNY"
        self.rounding = QComboBox(self)
        self.rounding.setObjectName("direct_rounding")
        for key in ROUNDING_BY_SETTING:
            self.rounding.addItem(rounding_label(key), key)
        self.max_change = QSpinBox(self)
        self.max_change.setObjectName("guard_max_change")
        self.max_change.setRange(1, 1000)
        self.max_change.setSuffix(" %")
        self.floor = MoneyEdit(self)
        self.floor.setObjectName("guard_floor")
        form = QFormLayout(self)
        form.addRow(self.tr("Rounding of the desk's own prices"), self.rounding)
        form.addRow(self.tr("Ask before a price moves more than"), self.max_change)
        form.addRow(self.tr("Ask before any price below (empty: no floor)"), self.floor)
        form.addRow(self.save_row())
        self.save_button.setObjectName("save_pricing")
        self.save_button.clicked.connect(lambda: self.save())
        self.guard_box = None

    def reload(self) -> None:
        pid = self.ctx.property_id
        pricing = self.ctx.services.pricing
        self.run("settings.pricing.load", lambda: (pricing.settings(pid), pricing.currency(pid)), self._show)

    def _show(self, loaded: tuple[PropertyPricingSettings, str]) -> None:
        self.settings, self.currency = loaded
        self.rounding.setCurrentIndex(max(0, self.rounding.findData(self.settings.direct_rounding)))
        self.max_change.setValue(int(self.settings.guard_max_change_percent))
        self.floor.set_value_minor(self.settings.guard_floor_minor)

    def draft(self) -> PropertyPricingSettings:
        assert self.settings is not None
        changed = self.settings.with_direct_rounding(self.rounding.currentData())
        return PropertyPricingSettings.from_json({**changed.to_json(),
                                                  "guard_max_change_percent": str(self.max_change.value()),
                                                  "guard_floor_minor": self.floor.value_minor()})

    def save(self, force: bool = False) -> None:
        if self.settings is None:
            return
        draft = self.draft()
        self.saving()
        pid, pricing = self.ctx.property_id, self.ctx.services.pricing
        self.run("settings.pricing.save",
                 lambda: (draft, pricing.update_settings(desk_actor("settings page"), pid, draft, force)),
                 self._saved)

    def _saved(self, result: tuple[PropertyPricingSettings, PricePreview]) -> None:
        self.settings = result[0]
        self.saved(self.tr("Price settings saved: %n price(s) changed in the coming year.", "",
                           len(result[1].changed)))
        self.ctx.events.data_changed.emit("prices")

    def failed(self, exc: Exception) -> None:
        super().failed(exc)
        if isinstance(exc, ConfirmationRequired) and exc.report is not None:
            self.guard_box = ask_price_confirmation(self, exc.report, lambda key: " · ".join(map(str, key)),
                                                    self.currency, lambda: self.save(force=True))
