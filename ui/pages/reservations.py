from __future__ import annotations

from PySide6.QtWidgets import QStyle

from channelmgr.money import format_minor

from ..models.record_table import Column
from .table_page import TablePage


class ReservationsPage(TablePage):
    page_id = "reservations"
    icon_name = QStyle.StandardPixmap.SP_FileDialogDetailedView

    def title(self) -> str:
        return self.tr("Reservations")

    def columns(self):
        return [
            Column(self.tr("No."), lambda r: str(r.id), True, lambda r: r.id),
            Column(self.tr("Guest"), lambda r: r.guest_name),
            Column(self.tr("Room type"), lambda r: r.room_type_code),
            Column(self.tr("Arrival"), lambda r: r.arrival.isoformat()),
            Column(self.tr("Departure"), lambda r: r.departure.isoformat()),
            Column(self.tr("Nights"), lambda r: str(r.nights), True, lambda r: r.nights),
            Column(self.tr("Amount"), lambda r: format_minor(r.amount_minor, r.currency), True, lambda r: r.amount_minor),
            Column(self.tr("Source"), lambda r: r.channel or self.source_text(r.source)),
            Column(self.tr("Status"), lambda r: self.status_text(r.status)),
        ]

    def source_text(self, source: str) -> str:
        return {
            "phone": self.tr("Phone"),
            "walk_in": self.tr("Walk-in"),
            "wechat": self.tr("WeChat"),
            "channel": self.tr("Channel"),
        }.get(source, source)

    def status_text(self, status: str) -> str:
        return {
            "confirmed": self.tr("Confirmed"),
            "cancelled": self.tr("Cancelled"),
            "no_show": self.tr("No-show"),
            "checked_in": self.tr("Checked in"),
            "checked_out": self.tr("Checked out"),
        }.get(status, status)

    def fetch(self, property_id: int):
        return self.ctx.services.reservations.list(property_id)

    def heading_text(self, rows) -> str:
        return self.tr("%n reservation(s)", "", len(rows))
