"""The chart widgets: axes, grid, legend and tooltips are shared; each kind draws its marks."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFontMetrics, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QFileDialog, QMenu, QSizePolicy, QToolButton, QToolTip, QWidget

from ..file_dialogs import remember, start_path
from . import bar_labels

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2")
GRID = QColor("#e6e6e6")
AXIS_TEXT = QColor("#555555")
TICKS = 4  # grid lines above zero


@dataclass
class Series:
    name: str
    values: Sequence[float | None]
    color: str = ""
    dashed: bool = False


def nice_ceiling(value: float) -> float:
    """The round number (1, 2, 2.5 or 5 × 10ⁿ per tick) the axis goes up to, ≥ ``value``."""
    if value <= 0:
        return 1.0
    raw = value / TICKS
    magnitude = 10 ** math.floor(math.log10(raw))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= raw:
            return step * magnitude * TICKS
    return 10 * magnitude * TICKS


class ChartView(QWidget):
    """A chart over categories (dates, months, channels). ``hovered`` is the category under the mouse."""

    hovered_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self._floor_height = 220
        self.setMinimumHeight(self._floor_height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.title = ""
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.y_format: Callable[[float], str] = lambda v: f"{v:g}"
        self.y_max: float | None = None  # fixed top (1.0 for a rate); None: from the data
        self.value_format: Callable[[float], str] = self.y_format
        self.notes: list[str] = []
        self.empty_text = ""
        self.hovered = -1
        self.export_action = QAction(self.tr("Export chart as PNG…"), self)
        self.export_action.triggered.connect(self.export_dialog)
        # In the chart's top right corner, so a page of charts needs no row of buttons under each.
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("chart_export")
        self.export_button.setDefaultAction(self.export_action)
        self.export_button.setAutoRaise(True)

    # --- data ------------------------------------------------------------------------------
    def set_data(self, title: str, categories: Sequence[str], series: Sequence[Series],
                 y_format: Callable[[float], str] | None = None, y_max: float | None = None,
                 value_format: Callable[[float], str] | None = None, notes: Sequence[str] | None = None) -> None:
        """``y_format`` labels the axis; ``value_format`` (default: the same) the tooltip's values;
        ``notes``: one more tooltip line per category."""
        self.title = title
        self.categories = list(categories)
        self.series = [Series(s.name, list(s.values), s.color or PALETTE[i % len(PALETTE)], s.dashed)
                       for i, s in enumerate(series)]
        if y_format is not None:
            self.y_format = y_format
        self.value_format = value_format or self.y_format
        self.notes = list(notes or ())
        self.y_max = y_max
        self.hovered = -1
        self._fit_height()
        self.update()

    def set_floor_height(self, height: int) -> None:
        """The chart is at least ``height`` tall, taller if its labels need it (``needed_height``)."""
        self._floor_height = height
        self._fit_height()

    def needed_height(self) -> int:
        return 0

    def _fit_height(self) -> None:
        self.setMinimumHeight(max(self._floor_height, self.needed_height()))

    def top(self) -> float:
        if self.y_max is not None:
            return self.y_max
        values = [v for s in self.series for v in s.values if v is not None]
        return nice_ceiling(max(values, default=0))

    def tooltip_text(self, index: int) -> str:
        lines = [self.categories[index]]
        for s in self.series:
            v = s.values[index] if index < len(s.values) else None
            lines.append(f"{s.name}: {'—' if v is None else self.value_format(v)}")
        if index < len(self.notes) and self.notes[index]:
            lines.append(self.notes[index])
        return "\n".join(lines)

    # --- export ----------------------------------------------------------------------------
    def export_dialog(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export chart as PNG"),
                                                    start_path(f"{self.title or 'chart'}.png"), "PNG (*.png)")
        if path:
            remember(path)
            if not path.lower().endswith(".png"):
                path += ".png"
            self.export_png(path)

    def resizeEvent(self, event) -> None:
        hint = self.export_button.sizeHint()
        self.export_button.setGeometry(self.width() - hint.width() - 4, 2, hint.width(), hint.height())
        super().resizeEvent(event)

    def export_png(self, path: str) -> bool:
        """The chart as drawn, without the export button."""
        self.export_button.hide()
        try:
            return self.grab().save(path, "PNG")
        finally:
            self.export_button.show()

    def contextMenuEvent(self, event) -> None:
        menu = QMenu(self)
        menu.addAction(self.export_action)
        menu.exec(event.globalPos())

    # --- geometry --------------------------------------------------------------------------
    def plot_rect(self) -> QRectF:
        fm = QFontMetrics(self.font())
        top = self.top()
        label_width = max(fm.horizontalAdvance(self.y_format(top * i / TICKS)) for i in range(TICKS + 1))
        return QRectF(label_width + 14, fm.height() * 2 + 14, max(10, self.width() - label_width - 28),
                      max(10, self.height() - fm.height() * 4 - 18))

    def index_at(self, x: float) -> int:
        raise NotImplementedError

    def label_band(self) -> float:
        """The height under the plot its category labels take."""
        return QFontMetrics(self.font()).height() * 2 + 6

    def index_under(self, pos: QPointF) -> int:
        """The category under ``pos``: over the plot, or over its label under the axis (a
        shortened bar label shows its whole name in the tooltip only when that is reachable)."""
        if not self.categories or not self.plot_rect().adjusted(-8, -8, 8, self.label_band()).contains(pos):
            return -1
        return self.index_at(pos.x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.index_under(event.position())
        if index != self.hovered:
            self.hovered = index
            self.hovered_changed.emit(index)
            self.update()
        if index >= 0:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_text(index), self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, event) -> None:
        self.hovered = -1
        self.update()
        super().leaveEvent(event)

    # --- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        fm = QFontMetrics(self.font())
        title_font = self.font()
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(QColor("#222222"))
        p.drawText(QRectF(8, 4, self.width() - 16, fm.height() + 4), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(self.font())
        self._paint_legend(p, fm)
        plot = self.plot_rect()
        if not self.categories or not any(v is not None for s in self.series for v in s.values):
            p.setPen(AXIS_TEXT)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text or self.tr("No data for this period"))
            return
        top = self.top()
        for i in range(TICKS + 1):
            y = plot.bottom() - plot.height() * i / TICKS
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(AXIS_TEXT)
            p.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.y_format(top * i / TICKS))
        self._paint_x_labels(p, fm, plot)
        self.paint_marks(p, plot, top)

    def _paint_legend(self, p: QPainter, fm: QFontMetrics) -> None:
        x = 8.0
        y = fm.height() + 8
        for s in self.series:
            p.setPen(QPen(QColor(s.color), 3, Qt.PenStyle.DashLine if s.dashed else Qt.PenStyle.SolidLine))
            p.drawLine(QPointF(x, y + fm.height() / 2), QPointF(x + 18, y + fm.height() / 2))
            p.setPen(AXIS_TEXT)
            p.drawText(QPointF(x + 22, y + fm.ascent()), s.name)
            x += 22 + fm.horizontalAdvance(s.name) + 18

    def x_of(self, index: int, plot: QRectF) -> float:
        raise NotImplementedError

    def _paint_x_labels(self, p: QPainter, fm: QFontMetrics, plot: QRectF) -> None:
        widest = max(fm.horizontalAdvance(c) for c in self.categories) + 10
        every = max(1, math.ceil(widest / max(1.0, plot.width() / len(self.categories))))
        p.setPen(AXIS_TEXT)
        for i in range(0, len(self.categories), every):
            # Centred under its point, but kept inside the widget: a line chart's last point sits on
            # the plot's right edge, and half its label would be cut off ("12-3").
            left = min(max(0.0, self.x_of(i, plot) - widest / 2), self.width() - widest)
            p.drawText(QRectF(left, plot.bottom() + 4, widest, fm.height() + 2),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.categories[i])

    def paint_marks(self, p: QPainter, plot: QRectF, top: float) -> None:
        raise NotImplementedError


class LineChart(ChartView):
    def x_of(self, index: int, plot: QRectF) -> float:
        n = len(self.categories)
        return plot.center().x() if n == 1 else plot.left() + plot.width() * index / (n - 1)

    def index_at(self, x: float) -> int:
        plot, n = self.plot_rect(), len(self.categories)
        if n == 1:
            return 0
        return max(0, min(n - 1, round((x - plot.left()) / plot.width() * (n - 1))))

    def paint_marks(self, p: QPainter, plot: QRectF, top: float) -> None:
        def y_of(v: float) -> float:
            return plot.bottom() - plot.height() * min(v, top) / top

        for s in self.series:
            path, drawing = QPainterPath(), False
            for i, v in enumerate(s.values):
                if v is None:  # a gap (the future in a pace curve): the line stops
                    drawing = False
                    continue
                point = QPointF(self.x_of(i, plot), y_of(v))
                path.lineTo(point) if drawing else path.moveTo(point)
                drawing = True
            pen = QPen(QColor(s.color), 2.2, Qt.PenStyle.DashLine if s.dashed else Qt.PenStyle.SolidLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        if 0 <= self.hovered < len(self.categories):
            x = self.x_of(self.hovered, plot)
            p.setPen(QPen(QColor("#999999"), 1, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            for s in self.series:
                v = s.values[self.hovered] if self.hovered < len(s.values) else None
                if v is not None:
                    p.setPen(QPen(QColor("white"), 1.5))
                    p.setBrush(QColor(s.color))
                    p.drawEllipse(QPointF(x, y_of(v)), 4.5, 4.5)


class BarChart(ChartView):
    """Bars grouped per category. Each category is named whole under its bars: level if every name
    fits its slot (two lines broken at a space at most), else all turned 45° (``bar_labels``), the
    plot then rising to leave them the room they need."""

    MIN_PLOT = 100  # px of bars the chart keeps however long its labels are

    def _level_plot(self) -> QRectF:
        return super().plot_rect()

    def _turned(self) -> bool:
        plot = self._level_plot()
        return bool(self.categories) and not bar_labels.lie_flat(
            self.categories, QFontMetrics(self.font()), plot.width() / len(self.categories))

    def plot_rect(self) -> QRectF:
        plot = self._level_plot()
        if not self._turned():
            return plot
        fm, n = QFontMetrics(self.font()), len(self.categories)
        reach = [bar_labels.turned_reach(label, fm) for label in self.categories]
        left = plot.left()
        for _ in range(4):  # a wider margin narrows the slots, which moves the bars left: settle it
            slot = (plot.right() - left) / n
            left = max(plot.left(), max(r - slot * (i + 0.5) for i, r in enumerate(reach)) + 2)
        band = bar_labels.turned_band(self.categories, fm)
        return QRectF(left, plot.top(), plot.right() - left, max(10.0, self.height() - plot.top() - band))

    def label_band(self) -> float:
        if self._turned():
            return bar_labels.turned_band(self.categories, QFontMetrics(self.font()))
        return super().label_band()

    def needed_height(self) -> int:
        """Room for the bars and the labels turned (the width that decides it is not known yet)."""
        if not self.categories:
            return 0
        fm = QFontMetrics(self.font())
        return math.ceil(self._level_plot().top() + self.MIN_PLOT + bar_labels.turned_band(self.categories, fm))

    def _slot(self, plot: QRectF) -> float:
        return plot.width() / max(1, len(self.categories))

    def x_of(self, index: int, plot: QRectF) -> float:
        return plot.left() + self._slot(plot) * (index + 0.5)

    def index_at(self, x: float) -> int:
        plot = self.plot_rect()
        return max(0, min(len(self.categories) - 1, int((x - plot.left()) // self._slot(plot))))

    def placed_labels(self) -> list[bar_labels.PlacedLabel]:
        """Each category's label as it is painted (a test reads what is drawn and where)."""
        plot = self.plot_rect()
        centres = [self.x_of(i, plot) for i in range(len(self.categories))]
        return bar_labels.place(self.categories, QFontMetrics(self.font()), centres, self._slot(plot), plot.bottom())

    def _paint_x_labels(self, p: QPainter, fm: QFontMetrics, plot: QRectF) -> None:
        p.setPen(AXIS_TEXT)
        for label in self.placed_labels():
            p.save()
            p.setTransform(label.transform, True)
            align = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if label.transform.isRotating()
                     else Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            for line, text in enumerate(label.lines):
                r = label.rect
                p.drawText(QRectF(r.left(), r.top() + line * fm.height(), r.width(), fm.height() + 2), align, text)
            p.restore()

    def paint_marks(self, p: QPainter, plot: QRectF, top: float) -> None:
        slot = self._slot(plot)
        group = min(slot * 0.7, 60.0 * len(self.series))
        width = group / max(1, len(self.series))
        if 0 <= self.hovered < len(self.categories):
            p.fillRect(QRectF(plot.left() + slot * self.hovered, plot.top(), slot, plot.height()), QColor("#f3f6fa"))
        p.setPen(Qt.PenStyle.NoPen)
        for i in range(len(self.categories)):
            left = self.x_of(i, plot) - group / 2
            for k, s in enumerate(self.series):
                v = s.values[i] if i < len(s.values) else None
                if not v:
                    continue
                h = plot.height() * min(v, top) / top
                p.setBrush(QColor(s.color))
                p.drawRect(QRectF(left + k * width + 1, plot.bottom() - h, width - 2, h))
