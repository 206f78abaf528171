"""A default font that renders Chinese on Windows, macOS and Linux alike."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# First installed wins. Noto/Source Han on Linux, YaHei on Windows, PingFang on macOS.
CJK_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
]


def apply_default_font(app: QApplication) -> str | None:
    available = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in available:
            font = QFont(family)
            font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
            app.setFont(font)
            return family
    return None
