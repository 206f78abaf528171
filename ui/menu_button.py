"""A tool button that opens its menu on click and shows its whole text beside the menu arrow.

Why not a plain QToolButton in InstantPopup mode: Qt draws the menu arrow for that mode inside
the button, but QToolButton.sizeHint only makes room for it in MenuButtonPopup mode, so the
arrow sat on top of the last characters ("导出 Excel…" showed as "导出 Excel⋯" cut under the
arrow). This button adds the arrow's width to its size hint.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMenu, QStyle, QToolButton, QWidget


class MenuButton(QToolButton):
    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText(text)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self.indicator_width(), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()  # the layout never squeezes the text back under the arrow

    def indicator_width(self) -> int:
        """The room the style's menu arrow takes, with the gap it leaves to the text."""
        return self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, self) + 4
