"""Tells the desk at once what arrived from the channels: every new OTA booking, and a night sold
twice (an OTA booking that arrived for a full night).

Channel bookings are pulled on the sync engine's threads, so the UI cannot rely on its own events:
the alert re-reads (cheap queries) every few seconds and after every local change, and announces
only what it has not announced before — as a desktop notification where the system has a tray, and
in the status bar and the window's task-bar entry everywhere. One ``_notify`` does that for both.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from channelmgr.money import format_minor

from .context import AppContext

CHECK_EVERY_MS = 15_000


class DeskAlert(QObject):
    changed = Signal(int)  # how many overbooking conflicts there are now (for badges)
    announced = Signal(str)  # the text of the last announcement (tests and the status bar)

    def __init__(self, ctx: AppContext, window: QWidget):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._known: set[tuple] = set()
        self._last_booking: int | None = None  # newest channel booking told about; None: not read yet
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
        self._last_booking = None  # another property: its existing bookings are not news
        self.check()

    def check(self) -> None:
        pid = self.ctx.property_id
        reservations = self.ctx.services.reservations
        after = self._last_booking
        self.ctx.db_tasks.submit(lambda: reservations.new_channel_bookings(pid, after), self._arrived,
                                 key="new_booking_alert")
        self.ctx.db_tasks.submit(lambda: reservations.overbookings(pid), self._counted, key="overbooking_alert")

    def _arrived(self, result) -> None:
        newest, fresh = result
        if self._last_booking is not None and newest <= self._last_booking:
            return  # an older check finishing late: already told
        self._last_booking = newest
        if not fresh:
            return
        first = fresh[0]
        text = (
            self.tr("New booking from %1: %2, %3 → %4, %5")
            .replace("%1", first.channel)
            .replace("%2", first.guest_name or self.tr("(no name)"))
            .replace("%3", first.arrival.isoformat())
            .replace("%4", first.departure.isoformat())
            .replace("%5", format_minor(first.amount_minor, first.currency))
        )
        concerns = [c for c, hit in ((self.tr("no price"), first.no_price), (self.tr("no guest name"), first.no_name))
                    if hit]
        if concerns:
            text += " — " + self.tr("needs attention: %1").replace("%1", ", ".join(concerns))
        if len(fresh) > 1:
            text += " " + self.tr("(%n more)", "", len(fresh) - 1)
        self._notify(self.tr("New booking"), text, warn=bool(concerns))

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
        self._notify(self.tr("Room sold twice"), text, warn=True)

    def _notify(self, title: str, text: str, *, warn: bool) -> None:
        if self.tray is not None:
            icon = QSystemTrayIcon.MessageIcon.Warning if warn else QSystemTrayIcon.MessageIcon.Information
            self.tray.show()
            self.tray.showMessage(title, text, icon, 20_000)
        QApplication.alert(self.window)  # flashes the task-bar entry until the desk looks
        self.ctx.events.status_message.emit(text)
        self.announced.emit(text)


# The main window's name for it, from when it told only of overbookings.
OverbookingAlert = DeskAlert
