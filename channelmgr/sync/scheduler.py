"""When passes run: soon after an edit (debounced), and every so often regardless.

A plain thread and an Event — no Qt, so the CLI's ``sync --watch`` and the desktop share it.
``notify_changed()`` only sets the event and returns: the calendar's save never waits on sync.
Edits in a burst (a bulk edit, an undo, a booking plus its availability) are gathered until the
data has been quiet for ``debounce`` seconds, but never longer than ``max_delay`` after the first,
so a channel shows an edit within about a second. The periodic pass catches what no notification
announced: another desk's edits, a channel that came back, a day that rolled over.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

log = logging.getLogger(__name__)


class SyncScheduler:
    def __init__(
        self,
        dispatch: Callable[[], None],
        *,
        interval: float = 60.0,
        debounce: float = 0.2,
        max_delay: float = 0.8,
        first_pass_after: float = 0.0,
    ):
        self._dispatch = dispatch  # asks every channel's lane for a pass; must not block
        self.interval = interval
        self.debounce = debounce
        self.max_delay = max_delay
        self.first_pass_after = first_pass_after
        self._changed = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="sync-scheduler", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        self._changed.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def notify_changed(self) -> None:
        self._changed.set()

    def _loop(self) -> None:
        next_periodic = time.monotonic() + self.first_pass_after
        while not self._stop.is_set():
            changed = self._changed.wait(max(0.0, next_periodic - time.monotonic()))
            if self._stop.is_set():
                break
            if changed:
                self._settle()
            self._run_dispatch()
            next_periodic = time.monotonic() + self.interval

    def _settle(self) -> None:
        """Wait until no notification came for ``debounce`` seconds (at most ``max_delay``)."""
        first = time.monotonic()
        self._changed.clear()
        while not self._stop.is_set():
            left = self.max_delay - (time.monotonic() - first)
            if left <= 0 or not self._changed.wait(min(self.debounce, left)):
                return
            self._changed.clear()

    def _run_dispatch(self) -> None:
        try:
            self._dispatch()
        except Exception:  # e.g. the database is briefly locked; the next round tries again
            log.exception("could not start the sync passes")
