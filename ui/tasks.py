"""Background work with results delivered back on the GUI thread (ARCHITECTURE rule 6).

A TaskRunner with one thread serialises database work; a runner with more threads serves the
network. Submitting under a key that already has a task in flight makes the older result stale:
it is dropped when it arrives, so a new load always wins over an old one.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid


class _Relay(QObject):
    # Created on the GUI thread, so these signals are delivered there (queued) when emitted
    # from a pool thread.
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the caller, never lost in a thread
            exc.__traceback_text__ = traceback.format_exc()
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class TaskRunner(QObject):
    def __init__(self, max_threads: int = 1, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._generation: dict[str, int] = {}
        self._relays: set[_Relay] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        key: str | None = None,
    ) -> None:
        generation = self._generation.get(key, 0) + 1 if key else 0
        if key:
            self._generation[key] = generation
        relay = _Relay()
        self._relays.add(relay)

        def fresh() -> bool:
            return key is None or self._generation.get(key) == generation

        def finish_ok(result: Any) -> None:
            self._relays.discard(relay)
            if fresh():
                on_done(result)

        def finish_err(exc: Exception) -> None:
            self._relays.discard(relay)
            if fresh() and on_error is not None:
                on_error(exc)

        relay.done.connect(finish_ok)
        relay.failed.connect(finish_err)
        self.pool.start(_Job(fn, relay))

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task finished (shutdown and tests only; never in a slot)."""
        return self.pool.waitForDone(msecs)


def while_alive(owner: QObject, callback: Callable[..., Any]) -> Callable[..., None]:
    """``callback``, turned into a no-op once ``owner`` (a widget) has been deleted.

    A task's result arrives whenever the work ends; closing a dialog or a page while its load or
    save is still running must not make that late result touch deleted widgets.
    """

    def call(*args: Any) -> None:
        if isValid(owner):
            callback(*args)

    return call
