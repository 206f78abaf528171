"""The daily backup of the desk's SQLite database: checked at start and every hour, made on the
database thread when the newest backup is a day old (channelmgr.backups). A failure is shown in
the status bar and tried again at the next check, never in a dialog that interrupts the desk."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from channelmgr.actor import SYSTEM

from .context import AppContext

CHECK_EVERY_MS = 60 * 60 * 1000


class DailyBackup(QObject):
    made = Signal(object)  # the BackupFile, or None when none was due
    failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        if not self.ctx.services.db.is_sqlite:
            return  # PostgreSQL: pg_dump on the server (README.md, Backups)
        self.timer.start()
        self.check()

    def check(self) -> None:
        backups = self.ctx.services.backups
        # the program itself makes it, whoever is signed in (a viewer's desk is backed up too)
        self.ctx.db_tasks.submit(lambda: backups.create_if_due(SYSTEM.because("daily backup")),
                                 self._done, self._failed, key="daily-backup")

    def _done(self, made) -> None:
        self.made.emit(made)

    def _failed(self, exc: Exception) -> None:
        self.ctx.events.status_message.emit(self.tr("The daily backup failed: %1").replace("%1", str(exc)))
        self.failed.emit(exc)
