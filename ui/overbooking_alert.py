"""Tells the desk at once when a night is sold twice (an OTA booking that arrived for a full night).

Channel bookings are pulled on the sync engine's threads, so the UI cannot rely on its own events:
the alert re-reads the overbooking board (a cheap query) every few seconds and after every local
change, and announces only conflicts it has not announced before — as a desktop notification where
the system has a tray, and in the status bar and the window's task-bar entry everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from .context import AppContext

CHECK_EVERY_MS = 15_000


class OverbookingAlert(QObject):
    changed = Signal(int)  # how many conflicts there are now (for badges)
    announced = Signal(str)  # the text of the last announcement (tests and the status bar)

    def __init__(self, ctx: AppContext, window: QWidget):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._known: set[tuple] = set()
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning), self)
            self.tray.setToolTip("channelmgr")
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        ctx.events.data_changed.connect(lambda _area: self.check())
        ctx.events.property_changed.connect(lambda _pid: self._forget_and_check())

    def start(self) -> None:
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()

    def _forget_and_check(self) -> None:
        self._known.clear()
        self.check()

    def check(self) -> None:
        pid = self.ctx.property_id
        reservations = self.ctx.services.reservations
        self.ctx.db_tasks.submit(lambda: reservations.overbookings(pid), self._counted, key="overbooking_alert")

    def _counted(self, conflicts) -> None:
        keys = {(c.kind, c.night, c.room_type_id, c.last.id) for c in conflicts}
        fresh = [c for c in conflicts if (c.kind, c.night, c.room_type_id, c.last.id) not in self._known]
        self._known = keys
        self.changed.emit(len(conflicts))
        if fresh:
            self._announce(fresh)

    def _announce(self, fresh) -> None:
        first = fresh[0]
        text = (
            self.tr("Overbooking: %1 on %2 — %3 (%4) came last; see Reservations ▸ Overbooking.")
            .replace("%1", first.room_type_name)
            .replace("%2", first.night.isoformat())
            .replace("%3", first.last.guest_name)
            .replace("%4", first.last.channel or first.last.source)
        )
        if len(fresh) > 1:
            text += " " + self.tr("(%n more)", "", len(fresh) - 1)
        if self.tray is not None:
            self.tray.show()
            self.tray.showMessage(self.tr("Room sold twice"), text, QSystemTrayIcon.MessageIcon.Warning, 20_000)
        QApplication.alert(self.window)  # flashes the task-bar entry until the desk looks
        self.ctx.events.status_message.emit(text)
        self.announced.emit(text)
