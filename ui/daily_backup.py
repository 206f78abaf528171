"""The daily backup of the desk's SQLite database (channelmgr.backups), made when the newest
backup is a day old; Settings › Backups shows the new one as soon as it is made."""

from __future__ import annotations

from channelmgr.actor import SYSTEM

from .daily_work import DailyWork


class DailyBackup(DailyWork):
    key = "daily-backup"
    changes = "backups"

    def start(self) -> None:
        if not self.ctx.services.db.is_sqlite:
            return  # PostgreSQL: pg_dump on the server (README.md, Backups)
        super().start()

    def work(self):
        backups = self.ctx.services.backups
        # the program itself makes it, whoever is signed in (a viewer's desk is backed up too)
        return lambda: backups.create_if_due(SYSTEM.because("daily backup"))

    def failure_text(self, exc: Exception) -> str:
        return self.tr("The daily backup failed: %1").replace("%1", str(exc))
