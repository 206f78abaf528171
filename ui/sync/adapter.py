"""The Qt side of the core sync scheduler: edits in the app start passes, statuses come back.

``SyncAdapter`` (one, owned by the main window) starts the core scheduler, turns every
``data_changed`` into ``notify_changed()`` — which only sets an event, so the GUI thread never
waits — and stops sync when the window closes. ``SyncStatusRelay`` re-emits the core status board's
news (posted from lane threads) as a Qt signal, delivered queued on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..context import AppContext


class SyncStatusRelay(QObject):
    changed = Signal(object)  # channelmgr.sync.status.ChannelStatus

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        unsubscribe = ctx.services.sync.statuses.subscribe(self.changed.emit)
        # The lambda holds no reference to self: it must run after the C++ object is gone.
        self.destroyed.connect(lambda *_: unsubscribe())


class SyncAdapter(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None, *, interval: float = 60.0,
                 first_pass_after: float = 3.0):
        super().__init__(parent)
        self.ctx = ctx
        self.interval = interval
        self.first_pass_after = first_pass_after  # let the window come up before the first pass
        ctx.events.data_changed.connect(self._data_changed)

    def start(self) -> None:
        self.ctx.services.sync.start(interval=self.interval, first_pass_after=self.first_pass_after)

    def stop(self) -> None:
        self.ctx.services.sync.shutdown()

    def _data_changed(self, _area: str) -> None:
        self.ctx.services.sync.notify_changed()
