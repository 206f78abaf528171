"""A table's columns kept inside its viewport: no column hidden behind a horizontal scroll bar.

Why: with every section sized to its contents, a 1000 px window showed the Channels list without
its last column and the Prices and Room types lists with a column cut (screenshot check). Here each
column gets the width its contents and header ask for while they all fit; when they do not, the
``elastic`` columns (long free text: names, addresses, dates) give up width, the widest first,
down to ``floor`` px — never narrower than their header, so a header is never cut. Their cells are
elided and the tooltip over a shortened cell shows it whole.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolTip

PADDING = 12  # a cell's margins and frame, beyond its text


def shrink(natural: Sequence[int], floors: Sequence[int], elastic: Sequence[int], room: int) -> list[int]:
    """Widths for ``natural`` within ``room``: the elastic columns are brought down to one cap (the
    widest give first), each no lower than its floor; the others keep their natural width."""
    widths = list(natural)
    excess = sum(widths) - room
    if excess <= 0:
        return widths
    flexible = [c for c in elastic if widths[c] > floors[c]]
    while excess > 0 and flexible:
        top = max(widths[c] for c in flexible)
        widest = [c for c in flexible if widths[c] == top]
        below = max([widths[c] for c in flexible if widths[c] < top] + [max(floors[c] for c in widest)])
        step = min(top - below, -(-excess // len(widest)))  # ceil: the widest share what is left
        if step <= 0:
            break
        for c in widest:
            cut = min(step, widths[c] - floors[c], excess)
            widths[c] -= cut
            excess -= cut
        flexible = [c for c in flexible if widths[c] > floors[c]]
    return widths


class FitColumns(QObject):
    """Keeps ``view``'s columns inside its viewport (see the module's docstring)."""

    def __init__(self, view: QTableView, elastic: Sequence[int], floor: int = 60):
        super().__init__(view)
        self.view, self.elastic, self.floor = view, list(elastic), floor
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged, model.headerDataChanged, model.columnsInserted, model.columnsRemoved):
            signal.connect(self.fit)
        self.fit()

    def fit(self, *_args) -> None:
        view, header = self.view, self.view.horizontalHeader()
        count = view.model().columnCount()
        if count == 0:
            return
        # The header's text, and never below the section size Qt would enforce anyway.
        heads = [max(header.sectionSizeFromContents(c).width(), header.minimumSectionSize()) for c in range(count)]
        natural = [max(view.sizeHintForColumn(c), heads[c]) for c in range(count)]
        floors = [max(heads[c], min(self.floor, natural[c])) for c in range(count)]
        elastic = [c for c in self.elastic if c < count]
        widths = shrink(natural, floors, elastic, view.viewport().width())
        for column, width in enumerate(widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            return self._tooltip(event)
        return False

    def _tooltip(self, event: QHelpEvent) -> bool:
        """Over a shortened cell that has no tooltip of its own: its whole text."""
        index = self.view.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self.view.horizontalHeader().sectionSize(index.column())
        if text and QFontMetrics(self.view.font()).horizontalAdvance(text) + PADDING > width:
            QToolTip.showText(event.globalPos(), text, self.view.viewport())
            return True
        return False


def fit_columns(view: QTableView, elastic: Sequence[int], floor: int = 60) -> FitColumns:
    return FitColumns(view, elastic, floor)
