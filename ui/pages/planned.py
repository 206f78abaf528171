"""Areas whose screens are being built (see the open issues); each says what is coming."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle

from .base import PlannedPage


class CalendarPage(PlannedPage):
    page_id = "calendar"
    icon_name = QStyle.StandardPixmap.SP_FileDialogListView

    def title(self) -> str:
        return self.tr("Calendar")

    def planned_text(self) -> str:
        return self.tr("The room-state calendar: rooms left, prices and restrictions per room type and night.")


class PricesPage(PlannedPage):
    page_id = "prices"
    icon_name = QStyle.StandardPixmap.SP_DialogApplyButton

    def title(self) -> str:
        return self.tr("Prices")

    def planned_text(self) -> str:
        return self.tr("Rate plans and price rules: weekends, seasons, Chinese holidays, channel markups.")


class ChannelsPage(PlannedPage):
    page_id = "channels"
    icon_name = QStyle.StandardPixmap.SP_DriveNetIcon

    def title(self) -> str:
        return self.tr("Channels")

    def planned_text(self) -> str:
        return self.tr("OTA channels, room mappings, sync status and the sync log.")


class ReportsPage(PlannedPage):
    page_id = "reports"
    icon_name = QStyle.StandardPixmap.SP_FileDialogInfoView

    def title(self) -> str:
        return self.tr("Reports")

    def planned_text(self) -> str:
        return self.tr("Occupancy, ADR, RevPAR and revenue per channel.")
