"""A row of controls that wraps onto further lines when the window is narrow.

The filter rows of the Audit and Reservations pages (and the Reports bar) laid out in one
QHBoxLayout asked for their whole width as a minimum: a desk on a 1000 px screen could not make
the window fit, and the right part of every page was off screen (screenshot check). Here the row
asks only for its widest control; when the width is short, the controls go on a next line, in
order. Wide windows still get one line (the size hint is the whole row), and on each line the
controls that want to grow (a search box) share the room left, as in a box layout.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QLineEdit, QSizePolicy, QStyle, QWidget

_GAP = 6  # the spacing when neither the layout nor the style says
_GROWING = (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._groups: list[QWidget] = []
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # --- QLayout's item bookkeeping ---------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add_group(self, *widgets: QWidget) -> QWidget:
        """Controls that stay together on one line ("User" and its box, "From … to …"): a label
        never ends a line with its control on the next. The group grows when one of them does."""
        group = QWidget(self.parentWidget())
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        if any(w.sizePolicy().horizontalPolicy() in _GROWING for w in widgets):
            group.setSizePolicy(QSizePolicy.Policy.Expanding, group.sizePolicy().verticalPolicy())
        self.addWidget(group)
        self._groups.append(group)  # made before the row has a parent: Python must not drop it
        return group

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    # --- sizes ------------------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def sizeHint(self) -> QSize:
        items = self._visible()
        width = sum(i.sizeHint().width() for i in items) + self._gap() * max(0, len(items) - 1)
        height = max((i.sizeHint().height() for i in items), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    # --- laying out -------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        gap = parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if parent else -1
        return gap if gap >= 0 else _GAP

    def _lines(self, items: list[QLayoutItem], width: int) -> list[list[QLayoutItem]]:
        """Items in order, as many on a line as fit at their preferred width (at least one)."""
        lines: list[list[QLayoutItem]] = []
        used = 0
        for item in items:
            wanted = max(item.sizeHint().width(), item.minimumSize().width())
            if lines and used + self._gap() + wanted <= width:
                lines[-1].append(item)
                used += self._gap() + wanted
            else:
                lines.append([item])
                used = wanted
        return lines

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Places the items in rect (when move) and returns the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        for n, line in enumerate(self._lines(self._visible(), area.width())):
            if n:
                y += self._gap()
            height = max(i.sizeHint().height() for i in line)
            if move:
                self._place_line(line, area.x(), y, area.width(), height)
            y += height
        return y - area.y() + m.top() + m.bottom()

    def _place_line(self, line: list[QLayoutItem], x: int, y: int, width: int, height: int) -> None:
        widths = [max(i.sizeHint().width(), i.minimumSize().width()) for i in line]
        left = width - sum(widths) - self._gap() * (len(line) - 1)
        growing = [k for k, i in enumerate(line) if _grows(i)]
        if left > 0 and growing:  # the room left goes to the controls that want it (a search box)
            share, extra = divmod(left, len(growing))
            for n, k in enumerate(growing):
                widths[k] += share + (1 if n < extra else 0)
        for item, w in zip(line, widths):
            w = min(w, width)  # a control wider than the whole row is squeezed to it, not cut off
            h = min(height, item.sizeHint().height())  # centred on the line: a label beside a combo box
            item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
            x += w + self._gap()


def _grows(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and widget.sizePolicy().horizontalPolicy() in _GROWING


def fit_placeholder(edit: QLineEdit) -> None:
    """A search box is never narrower than its hint ("Text in the cause, id or values"): in a
    wrapped row it gets its preferred width, and that must show the whole placeholder."""
    margins = 24  # the frame and text margins of a line edit, with a clear button's room
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + margins)
