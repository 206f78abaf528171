"""The daily purge of guest personal data (channelmgr.privacy): once a property day, only when an
administrator set a period in Settings › Privacy; the program does it, whoever is signed in."""

from __future__ import annotations

from channelmgr.actor import SYSTEM

from .daily_work import DailyWork


class DailyPurge(DailyWork):
    key = "daily-purge"
    changes = "reservations"

    def work(self):
        privacy, property_id = self.ctx.services.privacy, self.ctx.property_id
        return lambda: privacy.purge_if_due(SYSTEM, property_id)

    def failure_text(self, exc: Exception) -> str:
        return self.tr("The daily purge of guest data failed: %1").replace("%1", str(exc))
