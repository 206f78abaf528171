"""Which workbook to export: kind, nights (where the kind has them) and the OTA for extranet sheets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QWidget

from channelmgr.excel.extranet import shipped_profiles
from channelmgr.excel.service import DEFAULT_CALENDAR_NIGHTS

from ..unmasked_choice import unmasked_checkbox

DATED_KINDS = ("calendar", "extranet", "report", "reservations")


@dataclass(frozen=True)
class ExportRequest:
    kind: str  # rooms | calendar | reservations | report | extranet
    start: date | None
    end: date | None  # exclusive
    channel: str | None
    unmasked: bool = False  # reservations: phone numbers in clear (an administrator's choice, audited)


class ExportDialog(QDialog):
    def __init__(self, today: date, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("excel_export_dialog")
        self.setWindowTitle(self.tr("Export to Excel"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("export_kind")
        for key, text in (("rooms", self.tr("Room types (all attributes)")), ("calendar", self.tr("Calendar")),
                          ("reservations", self.tr("Reservations")), ("report", self.tr("Occupancy report")),
                          ("extranet", self.tr("OTA extranet bulk sheet"))):
            self.kind.addItem(text, key)
        self.start = QDateEdit(QDate(today), self)
        self.end = QDateEdit(QDate(today + timedelta(days=DEFAULT_CALENDAR_NIGHTS)), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.channel = QComboBox(self)
        self.channel.setObjectName("export_channel")
        for key, profile in shipped_profiles().items():
            self.channel.addItem(profile["name_zh"] if lang == "zh" else profile["name_en"], key)
        self.unmasked = unmasked_checkbox(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Workbook"), self.kind)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("Until (not included)"), self.end)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow("", self.unmasked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.start.setEnabled(kind in DATED_KINDS)
        self.end.setEnabled(kind in DATED_KINDS)
        self.channel.setEnabled(kind == "extranet")
        self.unmasked.setEnabled(kind == "reservations")  # the only workbook with phone numbers

    def request(self) -> ExportRequest:
        kind = self.kind.currentData()
        dated = kind in DATED_KINDS
        return ExportRequest(kind, self.start.date().toPython() if dated else None,
                             self.end.date().toPython() if dated else None,
                             self.channel.currentData() if kind == "extranet" else None,
                             kind == "reservations" and self.unmasked.isEnabled() and self.unmasked.isChecked())
