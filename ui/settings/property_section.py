"""Settings › the property's details: names, address, phone and time zone (code and currency
are shown, not changed: see channelmgr/inventory/property_details.py)."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QLabel, QLineEdit, QWidget

from channelmgr.inventory.property_details import (
    MAX_ADDRESS, MAX_NAME, MAX_PHONE, PropertyDetails, PropertyDetailsInvalid)
from channelmgr.roomtypes.desk_user import desk_actor

from ..context import AppContext
from .section import SettingsSection, error_text


class PropertySection(SettingsSection):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Property"), parent)
        self.setObjectName("settings_property")
        self.details: PropertyDetails | None = None
        self.code = QLabel(self)
        self.fields = {
            "name_zh": self._line("name_zh", MAX_NAME),
            "name_en": self._line("name_en", MAX_NAME),
            "address": self._line("address", MAX_ADDRESS),
            "phone": self._line("phone", MAX_PHONE),
        }
        self.timezone = QComboBox(self)
        self.timezone.setObjectName("timezone")
        self.timezone.setEditable(True)  # ~600 zones: typing "Shang" finds Asia/Shanghai
        self.timezone.addItems(sorted(available_timezones()))
        self.timezone.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        form = QFormLayout(self)
        form.addRow(self.tr("Code and currency"), self.code)
        form.addRow(self.tr("Name (Chinese)"), self.fields["name_zh"])
        form.addRow(self.tr("Name (English)"), self.fields["name_en"])
        form.addRow(self.tr("Address"), self.fields["address"])
        form.addRow(self.tr("Phone"), self.fields["phone"])
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.save_row())
        self.save_button.setObjectName("save_property")
        self.save_button.clicked.connect(self.save)

    def _line(self, name: str, limit: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMaxLength(limit)
        return edit

    def reload(self) -> None:
        pid = self.ctx.property_id
        self.run("settings.property.load", lambda: self.ctx.services.properties.details(pid), self._show)

    def _show(self, details: PropertyDetails) -> None:
        self.details = details
        self.code.setText(f"{details.code} · {details.currency}")
        for key, edit in self.fields.items():
            edit.setText(getattr(details, key))
            edit.setStyleSheet("")
        self.timezone.setCurrentText(details.timezone)

    def save(self) -> None:
        if self.details is None:
            return
        typed = {key: edit.text() for key, edit in self.fields.items()}
        draft = self.details.changed(**typed, timezone=self.timezone.currentText())
        self.saving()
        properties = self.ctx.services.properties
        self.run("settings.property.save", lambda: properties.update(desk_actor("settings page"), draft),
                 self._saved)

    def _saved(self, details: PropertyDetails) -> None:
        self._show(details)
        self.saved(self.tr("Property details saved."))
        self.ctx.events.data_changed.emit("property")

    def failed(self, exc: Exception) -> None:
        super().failed(exc)
        if isinstance(exc, PropertyDetailsInvalid):  # point at the field the core refused
            edit = self.fields.get(exc.field) or self.timezone
            edit.setStyleSheet("border: 1px solid #b41e1e")
            edit.setToolTip(error_text(exc))
            edit.setFocus()
