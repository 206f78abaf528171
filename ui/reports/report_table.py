"""A report's table on the Reports page: every row shown, the first column given the room left.

The page scrolls as a whole, so a table that scrolled inside it hid its last rows behind a second
scrollbar (seven channels did not fit the fixed 230 px). And with every column stretched alike,
a long channel name ("Trip.com 携程国际 (Channex)") was shortened while the amount columns had
room to spare: the figures take what they need, the name column the rest.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

MIN_ROWS = 3  # an empty or short table keeps a little room, so the page does not jump on reload


class ReportTable(QTableView):
    def __init__(self, model):
        super().__init__()
        self.setModel(model)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model.modelReset.connect(self._fit_height)
        self._fit_height()

    def _fit_height(self) -> None:
        rows = max(self.model().rowCount(), MIN_ROWS)
        height = (self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
                  + 2 * self.frameWidth())
        if self.horizontalHeader().length() > self.viewport().width():  # a narrow window: room for the bar
            height += self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()  # narrower or wider: the horizontal scrollbar may come or go
