"""Setting channels up from the Channels page: add, change, remove, map and unmap.

Dialogs open window-modal (``open()``, not ``exec()``) so sync statuses keep arriving. Every
accepted change announces ``data_changed("channels")``, which makes sync re-evaluate, and
``changed`` so the page shows the new state.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.sync.channels import ChannelInfo
from channelmgr.sync.mappings import Mapping

from ..calendar.texts import refusal_text
from ..context import AppContext
from ..tasks import while_alive
from .channel_dialog import ChannelDialog
from .mapping_dialog import MappingDialog


class ChannelSetup(QObject):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.window = parent
        self.dialog: QDialog | None = None  # the one open, for tests and to keep it alive

    def add(self) -> None:
        self._open(ChannelDialog(self.ctx, parent=self.window))

    def edit(self, channel: ChannelInfo) -> None:
        self._open(ChannelDialog(self.ctx, channel, parent=self.window))

    def map(self, channel: ChannelInfo, current: Mapping | None = None) -> None:
        self._open(MappingDialog(self.ctx, channel, current, parent=self.window))

    def remove(self, channel: ChannelInfo) -> None:
        question = self.tr("Remove channel %1? Its mappings and sync history go with it.").replace(
            "%1", channel.label)
        if self._confirmed(self.tr("Remove channel"), question):
            channels, actor, channel_id = self.ctx.services.channels, desk_actor("channels page"), channel.id
            self._run(lambda: channels.remove(actor, channel_id), self.tr("Remove channel"))

    def unmap(self, channel: ChannelInfo, mapping: Mapping) -> None:
        local = mapping.room_type.code + (f"/{mapping.rate_plan.code}" if mapping.rate_plan else "")
        question = self.tr("Stop sending %1 to %2?").replace("%1", local).replace("%2", channel.label)
        if self._confirmed(self.tr("Unmap"), question):
            channels, actor, channel_id = self.ctx.services.channels, desk_actor("channels page"), channel.id
            room_type, rate_plan = mapping.room_type.code, mapping.rate_plan.code if mapping.rate_plan else None
            self._run(lambda: channels.unmap(actor, channel_id, room_type=room_type, rate_plan=rate_plan),
                      self.tr("Unmap"))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self._announce)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _run(self, call, title: str) -> None:
        self.ctx.db_tasks.submit(call, while_alive(self, lambda _result: self._announce()),
                                 while_alive(self, lambda exc: self._refused(title, exc)))

    def _refused(self, title: str, exc: Exception) -> None:
        # e.g. a channel with bookings: the service says to disable it instead
        QMessageBox.warning(self.window, title, refusal_text(exc))

    def _announce(self) -> None:
        self.ctx.events.data_changed.emit("channels")
        self.changed.emit()

    def _confirmed(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self.window, title, question)
        return answer == QMessageBox.StandardButton.Yes
