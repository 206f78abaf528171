"""The status bar's sync indicator: one small label per channel — in sync, pending N, error."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from channelmgr.sync.report import SyncState
from channelmgr.sync.status import ChannelStatus

from ..context import AppContext
from ..tasks import while_alive
from .adapter import SyncStatusRelay
from .texts import SyncTexts, local_time

_MARK = {SyncState.IN_SYNC: "✓", SyncState.PENDING: "…", SyncState.ERROR: "✗", SyncState.DISABLED: "–"}
_COLOUR = {SyncState.IN_SYNC: "#2e7d32", SyncState.PENDING: "#ef6c00", SyncState.ERROR: "#c62828",
           SyncState.DISABLED: "#757575"}


class SyncIndicator(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync_indicator")
        self.ctx = ctx
        self.texts = SyncTexts(self)
        self.labels: dict[int, QLabel] = {}
        self._names: dict[int, str] = {}
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.relay = SyncStatusRelay(ctx, self)
        self.relay.changed.connect(self.show_status)
        ctx.events.property_changed.connect(lambda _pid: self.reload())
        # A channel added, renamed or removed on the Channels page changes the labels shown here.
        ctx.events.data_changed.connect(while_alive(self, lambda area: self.reload() if area == "channels" else None))
        self.reload()

    def reload(self) -> None:
        pid = self.ctx.property_id
        self.ctx.db_tasks.submit(lambda: self.ctx.services.channels.list(pid),
                                 while_alive(self, self._set_channels), key="sync_indicator")

    def _set_channels(self, channels) -> None:
        for label in self.labels.values():
            label.deleteLater()
        self.labels.clear()
        self._names = {c.id: c.label for c in channels}
        board = self.ctx.services.sync.statuses
        for channel in channels:
            label = QLabel(self)
            label.setObjectName(f"sync_status_{channel.name}")
            label.setTextFormat(Qt.TextFormat.RichText)
            self.labels[channel.id] = label
            self._row.addWidget(label)
            status = board.get(channel.id)
            if status is not None:
                self.show_status(status)
            elif not channel.enabled:
                self._paint(label, channel.label, SyncState.DISABLED, self.texts.state(SyncState.DISABLED))
            else:
                self._paint(label, channel.label, None, self.texts.not_checked())

    def show_status(self, status: ChannelStatus) -> None:
        label = self.labels.get(status.channel_id)
        if label is None:
            return
        lines = [self.texts.state(status.state, status.pending_cells, status.pending_content)]
        if status.last_success is not None:
            lines.append(self.tr("Last in sync: %1").replace("%1", local_time(status.last_success, "%H:%M:%S")))
        name = self._names.get(status.channel_id, status.channel)
        if status.held is not None and status.state is not SyncState.IN_SYNC:  # something waits for it
            lines.append(self.texts.hold(name, status.held))
        # The sentence a person reads, then the technical text for whoever fixes it.
        lines.extend(self.texts.failure(f, name) for f in status.failures[:3])
        lines.extend(status.errors[:3])
        suffix = f" {status.pending_cells}" if status.state is SyncState.PENDING else ""
        self._paint(label, self._names.get(status.channel_id, status.channel), status.state, "\n".join(lines), suffix)

    def _paint(self, label: QLabel, name: str, state: SyncState | None, tip: str, suffix: str = "") -> None:
        mark = _MARK.get(state, "·")
        colour = _COLOUR.get(state, "#757575")
        label.setText(f"{name} <span style='color:{colour}'>{mark}{suffix}</span>")
        label.setToolTip(f"{name}\n{tip}")
        label.setProperty("sync_state", state.value if state else "")
