"""Areas whose screens are being built (see the open issues); each says what is coming."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle

from .base import PlannedPage


class ReportsPage(PlannedPage):
    page_id = "reports"
    icon_name = QStyle.StandardPixmap.SP_FileDialogInfoView

    def title(self) -> str:
        return self.tr("Reports")

    def planned_text(self) -> str:
        return self.tr("Occupancy, ADR, RevPAR and revenue per channel.")
