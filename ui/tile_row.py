"""A row of figure tiles that becomes two rows when the page is too narrow for one.

The Reports page's eight tiles in one grid row asked for about 840 px: beside the navigation on a
1000 px screen the page scrolled sideways to show its last tile (screenshot check). Here the tiles
stay in one row while it fits (each as wide as the others, as before) and otherwise go on two rows
of half as many; the row asks only for the two-row width as its minimum.
"""

from __future__ import annotations

from math import ceil
from typing import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QWidget


class TileRow(QWidget):
    def __init__(self, tiles: Sequence[QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self.tiles = list(tiles)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        # The layout must not hold the widget at the one-row width: minimumSizeHint says the least.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.columns = 0
        self._place(len(self.tiles))

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 0)
        for i, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, i // columns, i % columns)
        for c in range(columns):
            self.grid.setColumnStretch(c, 1)  # equal widths on both rows
        self.columns = columns
        self.updateGeometry()  # two rows are taller: the page gives the row its new height

    def _width_for(self, columns: int) -> int:
        """The least width with this many tiles a row: the widest tile sets every column (equal)."""
        widest = max((t.minimumSizeHint().width() for t in self.tiles), default=0)
        gap = max(0, self.grid.horizontalSpacing())
        return columns * widest + gap * (columns - 1)

    def _two_rows(self) -> int:
        return max(1, ceil(len(self.tiles) / 2))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width_for(self._two_rows()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        one_row = len(self.tiles)
        self._place(one_row if event.size().width() >= self._width_for(one_row) else self._two_rows())
