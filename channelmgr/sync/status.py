"""The latest sync status of each channel, for the status bar, the Channels page and the CLI.

Lanes post every pass report here (from their threads); listeners are called with the changed
status on that thread — a Qt adapter re-emits it as a signal, the core knows nothing of Qt.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from ..channels.errors import Failure
from .hold import ChannelHold
from .report import PassReport, SyncState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChannelStatus:
    channel_id: int
    channel: str
    state: SyncState
    pending_cells: int
    last_success: datetime | None  # the end of the last pass that left the channel in sync
    last_pass: datetime
    errors: tuple[str, ...] = ()
    warnings: int = 0
    failures: tuple[Failure, ...] = ()  # ``errors`` with their kinds
    pending_content: int = 0  # listing-content parts (room types, the property) still to send
    held: ChannelHold | None = None  # the channel asked us to wait: nothing is sent before its time


Listener = Callable[[ChannelStatus], None]


class StatusBoard:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._statuses: dict[int, ChannelStatus] = {}
        self._listeners: list[Listener] = []

    def post(self, report: PassReport) -> ChannelStatus | None:
        if report.dry_run:
            return None  # a preview changes nothing on the channel
        with self._lock:
            previous = self._statuses.get(report.channel_id)
            last_success = report.finished_at if report.in_sync else (previous.last_success if previous else None)
            status = ChannelStatus(
                channel_id=report.channel_id,
                channel=report.channel or (previous.channel if previous else f"#{report.channel_id}"),
                state=report.state,
                pending_cells=report.pending_cells,
                last_success=last_success,
                last_pass=report.finished_at,
                errors=report.errors,
                warnings=len(report.warnings),
                failures=report.failures,
                pending_content=report.pending_content,
                held=report.held,
            )
            self._statuses[report.channel_id] = status
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(status)
            except Exception:
                log.exception("sync status listener failed")
        return status

    def get(self, channel_id: int) -> ChannelStatus | None:
        with self._lock:
            return self._statuses.get(channel_id)

    def all(self) -> list[ChannelStatus]:
        with self._lock:
            return sorted(self._statuses.values(), key=lambda s: s.channel)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every new status; returns the function that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe
