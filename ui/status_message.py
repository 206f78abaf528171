"""The status bar's message, in a label of its own between the property switcher and the channel
indicators.

``QStatusBar.showMessage`` paints its text across the bar's whole left part and simply cuts it
where the permanent widgets begin — an overbooking announcement lost its end under the channel
indicators (screenshot review). This label takes the room the layout gives it (stretch), never
asks for more, ends a long text with "…" before the indicators, and keeps the whole text in its
tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

SHOW_MS = 8000  # as long as the status bar's messages always stayed


class StatusMessage(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("status_message")
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Ignored: the label's text never widens the bar or pushes the indicators; it gets what is left.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(0)
        self._full = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)

    def show_message(self, text: str, ms: int = SHOW_MS) -> None:
        self._full = text
        self.setToolTip(text)
        self._fit()
        self._timer.start(ms)

    def clear_message(self) -> None:
        self._full = ""
        self.setToolTip("")
        self._fit()

    def message(self) -> str:
        """The whole text, however much of it fits."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        single = " ".join(self._full.split())  # one line: a newline would make the bar taller
        self.setText(self.fontMetrics().elidedText(single, Qt.TextElideMode.ElideRight, max(0, self.contentsRect().width())))
