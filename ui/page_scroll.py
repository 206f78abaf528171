"""A page in the main window, scrolled up and down when the window is shorter than the page.

Why: the stack of pages asked for the tallest page's minimum (the dashboard's tiles, chart and
lists: ~640 px), so with the menu and status bar the window could not be shorter than 697 px, and
a 1366×768 laptop with a taskbar has about 700. Here the window shrinks to ``MIN_HEIGHT`` of page
and a page taller than that scrolls; in width nothing changes (a page keeps its minimum width, so
the layouts that wrap at 1000 px still do).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

MIN_HEIGHT = 320  # px of page always shown: below it, a window is too short to work in anyway


class PageScroll(QScrollArea):
    def __init__(self, page: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"scroll_{page.objectName() or type(page).__name__}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(page)

    def minimumSizeHint(self) -> QSize:
        page = self.widget().minimumSizeHint()
        # Room for the vertical bar beside the page's own minimum width: it appears when the page scrolls.
        return QSize(page.width() + self.verticalScrollBar().sizeHint().width(), min(page.height(), MIN_HEIGHT))

    def sizeHint(self) -> QSize:
        return self.widget().sizeHint().expandedTo(self.minimumSizeHint())
