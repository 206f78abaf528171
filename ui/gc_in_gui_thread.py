"""Python's cycle collector, run only in the GUI thread.

CPython collects cycles in whatever thread happens to allocate past the threshold. In a Qt app
that is often a worker (the sync lanes, the database task runner), and a cycle holding a Qt
object created on the GUI thread — a closed dialog, a page's lambda — is then destroyed off that
thread, which crashes PySide6 (seen: "Fatal Python error: Segmentation fault … Garbage-collecting"
in a sync lane while the main window was open). So automatic collection is switched off and the
GUI thread collects on a timer, by the same thresholds CPython would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start()

    @staticmethod
    def collect_if_due() -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


_collector: GuiThreadCollector | None = None


def collect_in_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector once per application (call from the GUI thread)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(app)
    return _collector
