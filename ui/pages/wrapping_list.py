"""A list whose long lines wrap inside its column and which keeps room for a few whole rows.

The dashboard's arrivals column is narrow: a guest's line ran past its right edge, and when the
window was short the list was squeezed to a sliver under the chart. A row's height cannot be
guessed from the widget's font: Chinese glyphs come from a fallback font with a taller line, the
style pads each item, and a wrapped row is as tall as its lines at the column's current width.
So the minimum height is measured from the rows as the view lays them out, again whenever the
rows or the column's width change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListView, QListWidget, QWidget


class WrappingList(QListWidget):
    def __init__(self, rows: int = 3, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows = rows
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap when the column's width changes
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self._fit_rows)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # the rows wrap anew at this width
            self._fit_rows()

    def rows_height(self) -> int:
        """The height of the first ``rows`` rows as laid out now; a list with fewer rows keeps
        room for more of its tallest one. 0 while the list is empty."""
        heights = [self.visualItemRect(self.item(i)).height() for i in range(min(self.count(), self.rows))]
        if not heights:
            return 0
        heights += [max(heights)] * (self.rows - len(heights))
        return sum(heights) + self.spacing() * (self.rows + 1)  # the view spaces rows and edges alike

    def _fit_rows(self, *_args) -> None:
        content = self.rows_height()
        if not content:
            return
        margins = self.contentsMargins()  # the frame, as the style draws it
        height = content + margins.top() + margins.bottom()
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
