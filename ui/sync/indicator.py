"""The status bar's sync indicator: how many channels there are and how many are in sync, pending
or failing, in one short line; each channel's own state (pending N, last in sync, the error) in its
tooltip; a click opens the Channels page.

It listed every channel on one line ("Booking.com ✓ 携程 Ctrip ✓ …"): with five to seven
channels the status bar alone needed over 1100 px and the window could not fit a 1000 px screen
(screenshot check). The summary stays short whatever the number of channels, and names what needs
a look first (failing, then pending).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
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
# The summary's order: what needs a look first. None is a channel not synced yet this session.
_ORDER = (SyncState.ERROR, SyncState.PENDING, SyncState.IN_SYNC, None, SyncState.DISABLED)


@dataclass(frozen=True)
class ChannelLine:
    """One channel as the indicator knows it: its mark ("携程 Ctrip ✓", "Booking.com … 12") and the
    lines its tooltip part says."""

    name: str
    state: SyncState | None
    text: str
    tip: str


class SyncIndicator(QWidget):
    clicked = Signal()  # the main window opens the Channels page

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync_indicator")
        self.ctx = ctx
        self.texts = SyncTexts(self)
        self.channels: dict[int, ChannelLine] = {}
        self._names: dict[int, str] = {}
        self.summary = QLabel(self)
        self.summary.setObjectName("sync_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.summary)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.relay = SyncStatusRelay(ctx, self)
        self.relay.changed.connect(self.show_status)
        ctx.events.property_changed.connect(lambda _pid: self.reload())
        # A channel added, renamed or removed on the Channels page changes what is counted here.
        ctx.events.data_changed.connect(while_alive(self, lambda area: self.reload() if area == "channels" else None))
        self.reload()

    def reload(self) -> None:
        pid = self.ctx.property_id
        self.ctx.db_tasks.submit(lambda: self.ctx.services.channels.list(pid),
                                 while_alive(self, self._set_channels), key="sync_indicator")

    def _set_channels(self, channels) -> None:
        self.channels.clear()
        self._names = {c.id: c.label for c in channels}
        board = self.ctx.services.sync.statuses
        for channel in channels:
            status = board.get(channel.id)
            if status is not None:
                self.channels[channel.id] = self._line(status)
            elif not channel.enabled:
                self.channels[channel.id] = _channel_line(channel.label, SyncState.DISABLED,
                                                          self.texts.state(SyncState.DISABLED))
            else:
                self.channels[channel.id] = _channel_line(channel.label, None, self.texts.not_checked())
        self._paint()

    def show_status(self, status: ChannelStatus) -> None:
        if status.channel_id not in self.channels:
            return
        self.channels[status.channel_id] = self._line(status)
        self._paint()

    def _line(self, status: ChannelStatus) -> ChannelLine:
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
        return _channel_line(name, status.state, "\n".join(lines), suffix)

    # --- the summary ----------------------------------------------------------------------------
    def _paint(self) -> None:
        counts = {state: 0 for state in _ORDER}
        for line in self.channels.values():
            counts[line.state] += 1
        parts = [self.tr("Channels %1").replace("%1", str(len(self.channels)))]
        for state in _ORDER:
            if counts[state]:
                colour = _COLOUR.get(state, "#757575")
                parts.append(f"<span style='color:{colour}'>{_MARK.get(state, '·')} "
                             f"{self._count_text(state, counts[state])}</span>")
        self.summary.setText(" · ".join(parts))
        # One channel a line, its further lines (last in sync, the error) indented under it.
        tip = [self.tr("%1: %2").replace("%1", line.text).replace("%2", line.tip.replace("\n", "\n    "))
               for line in self.channels.values()]
        tip.append(self.tr("Click to open the Channels page."))
        self.setToolTip("\n".join(tip))

    def _count_text(self, state: SyncState | None, count: int) -> str:
        # %1, not %n: filled in from the lead's JSON tool, which has no plural forms.
        text = {SyncState.ERROR: self.tr("%1 failing"), SyncState.PENDING: self.tr("%1 pending"),
                SyncState.IN_SYNC: self.tr("%1 in sync"), SyncState.DISABLED: self.tr("%1 disabled"),
                None: self.tr("%1 not synced yet")}[state]
        return text.replace("%1", str(count))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def _channel_line(name: str, state: SyncState | None, tip: str, suffix: str = "") -> ChannelLine:
    return ChannelLine(name, state, f"{name} {_MARK.get(state, '·')}{suffix}", tip)
