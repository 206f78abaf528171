"""Where a bar chart's category labels go: level under their bars when every name fits its slot
(on one line, or two broken at a space), else every name turned 45° so it shows whole.

Why rotation and not a break inside a word: at a 1000 px window the reports' slot is ~43 px and
"Booking.com" needs ~54; broken where it stopped fitting it read "Booki / ng.c…". Turned, a name
needs height rather than width, and the chart reserves that height under its axis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetrics, QTransform

ANGLE = -45.0  # degrees, Qt's clockwise screen sense: the name rises to the right and ends at its bar
GAP = 4  # px between the axis and a label
MAX_TURNED = 200  # px of text: a longer name is shortened (…) so its labels do not eat the plot; tooltip has it


@dataclass(frozen=True)
class PlacedLabel:
    """One category's label as painted: its lines (two at most when level, one when turned), the
    rectangle they are drawn in (in the frame ``transform`` maps to the widget) and the box it covers."""

    lines: tuple[str, ...]
    rect: QRectF
    transform: QTransform
    box: QRectF

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def word_lines(label: str, fm: QFontMetrics, width: float) -> list[str] | None:
    """``label`` in at most two lines no wider than ``width``, broken only at a space; None if it
    cannot be (a word wider than the line, or more than two lines' worth)."""
    if fm.horizontalAdvance(label) <= width:
        return [label]
    words = label.split(" ")
    for cut in range(len(words) - 1, 0, -1):
        first, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if fm.horizontalAdvance(first) <= width and fm.horizontalAdvance(rest) <= width:
            return [first, rest]
    return None


def lie_flat(labels: Sequence[str], fm: QFontMetrics, slot: float) -> bool:
    return all(word_lines(label, fm, slot - 6) is not None for label in labels)


def turned_text(label: str, fm: QFontMetrics) -> str:
    return fm.elidedText(label, Qt.TextElideMode.ElideRight, MAX_TURNED)


def _turned(text: str, fm: QFontMetrics, x: float, axis_y: float) -> PlacedLabel:
    """``text`` turned, its end at (x, just under the axis): the frame, and what it covers."""
    width, height = fm.horizontalAdvance(text) + 2, fm.height()
    rect = QRectF(-width, -height / 2, width, height)
    rise = height / 2 * math.sin(math.radians(-ANGLE))  # how far the text's top corner rises above its end
    transform = QTransform().translate(x, axis_y + GAP + rise).rotate(ANGLE)
    return PlacedLabel((text,), rect, transform, transform.mapRect(rect))


def turned_band(labels: Sequence[str], fm: QFontMetrics) -> float:
    """The height under the axis the turned labels need."""
    return max((_turned(turned_text(label, fm), fm, 0, 0).box.bottom() for label in labels), default=0) + 2


def turned_reach(label: str, fm: QFontMetrics) -> float:
    """How far left of its bar a turned label reaches."""
    return -_turned(turned_text(label, fm), fm, 0, 0).box.left()


def place(labels: Sequence[str], fm: QFontMetrics, centres: Sequence[float], slot: float,
          axis_y: float) -> list[PlacedLabel]:
    if lie_flat(labels, fm, slot):
        placed = []
        for label, x in zip(labels, centres):
            lines = tuple(word_lines(label, fm, slot - 6) or [label])
            rect = QRectF(x - slot / 2, axis_y + GAP, slot, fm.height() * len(lines))
            placed.append(PlacedLabel(lines, rect, QTransform(), rect))
        return placed
    return [_turned(turned_text(label, fm), fm, x, axis_y) for label, x in zip(labels, centres)]
