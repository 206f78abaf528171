"""Work the desk does by itself once a day (the backup, the privacy purge): checked at start and
every hour, run on the database thread, and whether it was due is decided by the core (it knows
when it last ran). A failure is shown in the status bar and tried again at the next check, never
in a dialog that interrupts the desk."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from .context import AppContext

CHECK_EVERY_MS = 60 * 60 * 1000


class DailyWork(QObject):
    made = Signal(object)  # what the work returned, None when none was due
    failed = Signal(object)
    key = "daily-work"
    changes = ""  # the area announced on ctx.events.data_changed when the work did something

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def check(self) -> None:
        self.ctx.db_tasks.submit(self.work(), self._done, self._failed, key=self.key)

    def work(self):
        """The function to run on the database thread (returns None when nothing was due)."""
        raise NotImplementedError

    def failure_text(self, exc: Exception) -> str:
        raise NotImplementedError

    def _done(self, made) -> None:
        if made is not None and self.changes:
            self.ctx.events.data_changed.emit(self.changes)
        self.made.emit(made)

    def _failed(self, exc: Exception) -> None:
        self.ctx.events.status_message.emit(self.failure_text(exc))
        self.failed.emit(exc)
