"""The calendar grid widget: a QTableView with fixed section sizes, a date header that marks
weekends, holidays and today, room type names frozen on the left (the vertical header), pixel
scrolling across the whole horizon, and a zoom expressed as "days per screen"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from . import texts
from .delegate import SELECTION, CalendarCellDelegate
from .model import CalendarModel

ROW_HEIGHT = 44
MIN_COLUMN_WIDTH = 14
MAX_COLUMN_WIDTH = 96
HEADER_HEIGHT = 54

HEADER_BACKGROUND = QColor("#f6f7f9")
HEADER_WEEKEND = QColor("#eceef7")
HEADER_HOLIDAY = QColor("#fbe1e1")
HEADER_TODAY = QColor("#d6e4fa")
HEADER_TEXT = QColor("#1f2328")
HEADER_RED = QColor("#c0262d")
HEADER_LINE = QColor("#d0d4dc")
FOCUS = QColor("#2f6fd6")


@dataclass(frozen=True)
class Block:
    """The rectangle of a selection: room type rows and an inclusive range of columns."""

    rows: tuple[int, ...]
    first_column: int
    last_column: int


class DateHeaderView(QHeaderView):
    """Column headers: month/day, weekday, and the holiday's name (or 班 on a make-up workday)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setMinimumSectionSize(MIN_COLUMN_WIDTH)
        self.setHighlightSections(False)
        self.setFixedHeight(HEADER_HEIGHT)

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        model = self.model()
        if not isinstance(model, CalendarModel) or not rect.isValid():
            return
        day = model.day(section)
        night = day.night
        background = HEADER_BACKGROUND
        if day.is_weekend:
            background = HEADER_WEEKEND
        if day.is_holiday:
            background = HEADER_HOLIDAY
        if night == model.today:
            background = HEADER_TODAY
        painter.save()
        painter.fillRect(rect, background)
        painter.setPen(HEADER_LINE)
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        red = day.is_weekend or day.is_holiday
        painter.setPen(HEADER_RED if red else HEADER_TEXT)
        font = QFont(self.font())
        font.setBold(night == model.today)
        if rect.width() < 30:
            font.setPointSizeF(max(6.5, font.pointSizeF() - 2))
        painter.setFont(font)
        wide = rect.width() >= 40 or night.day == 1 or section == 0
        first = f"{night.month}/{night.day}" if wide else str(night.day)
        line = rect.height() // 3
        for i, text in enumerate((first, texts.weekday_short(night.weekday()), self._third_line(day, rect.width()))):
            if text:
                painter.drawText(QRect(rect.x(), rect.y() + i * line, rect.width(), line), Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    @staticmethod
    def _third_line(day, width: int) -> str:
        if day.makeup_workday:
            return texts.makeup_workday_badge()
        if not day.is_holiday:
            return ""
        name = texts.holiday_name(day)
        return name if width >= 56 else name[:2]


class CalendarView(QTableView):
    bulk_edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("calendar_view")
        self.setHorizontalHeader(DateHeaderView(self))
        self.setItemDelegate(CalendarCellDelegate(self))
        self.setShowGrid(False)  # the delegate draws lighter lines itself
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setMinimumWidth(120)
        self.days_per_screen = 30
        self.horizontalHeader().setDefaultSectionSize(48)

    def paintEvent(self, event) -> None:
        """All visible cells through the delegate in one call, then the selection and focus on top.

        QTableView would call the delegate once per cell with a freshly copied style option; from
        Python that dispatch alone costs more than drawing. Sections are fixed and uniform, so
        positions are simple arithmetic here.
        """
        model, delegate = self.model(), self.itemDelegate()
        if not isinstance(model, CalendarModel) or not isinstance(delegate, CalendarCellDelegate) or not model.rowCount():
            return super().paintEvent(event)
        area = event.rect()
        rows, columns = model.rowCount(), model.columnCount()
        first_row, first_column = self.rowAt(area.top()), self.columnAt(area.left())
        painter = QPainter(self.viewport())
        if first_row < 0 or first_column < 0:  # only the empty space past the last row or column
            painter.fillRect(area, self.palette().base())
            painter.end()
            return
        last_row, last_column = self.rowAt(area.bottom()), self.columnAt(area.right())
        last_row = last_row if last_row >= 0 else rows - 1  # -1: the area reaches past the last row
        last_column = last_column if last_column >= 0 else columns - 1
        width, height = self.columnWidth(0), self.rowHeight(0)
        x0, y0 = self.columnViewportPosition(first_column), self.rowViewportPosition(first_row)
        shown_rows = range(first_row, last_row + 1)
        shown_columns = range(first_column, last_column + 1)
        # Only the space past the last row or column needs a background: cells cover the rest.
        cells_right, cells_bottom = x0 + len(shown_columns) * width, y0 + len(shown_rows) * height
        if cells_right <= area.right():
            painter.fillRect(cells_right, area.top(), area.right() - cells_right + 1, area.height(), self.palette().base())
        if cells_bottom <= area.bottom():
            painter.fillRect(area.left(), cells_bottom, area.width(), area.bottom() - cells_bottom + 1, self.palette().base())
        delegate.paint_cells(
            painter, model, shown_rows, shown_columns,
            [x0 + i * width for i in range(len(shown_columns))], [y0 + i * height for i in range(len(shown_rows))],
            width, height, self.font(),
        )
        for selected in self.selectionModel().selection():
            top, bottom = max(selected.top(), first_row), min(selected.bottom(), last_row)
            left, right = max(selected.left(), first_column), min(selected.right(), last_column)
            if top <= bottom and left <= right:
                painter.fillRect(
                    x0 + (left - first_column) * width, y0 + (top - first_row) * height,
                    (right - left + 1) * width, (bottom - top + 1) * height, SELECTION,
                )
        current = self.currentIndex()
        if current.isValid() and self.hasFocus():
            painter.setPen(QPen(FOCUS, 2))
            painter.drawRect(self.visualRect(current).adjusted(1, 1, -1, -1))
        painter.end()

    # --- zoom and position ------------------------------------------------------------------
    def set_days_per_screen(self, days: int) -> None:
        self.days_per_screen = days
        self._fit_columns()

    def _fit_columns(self) -> None:
        width = self.viewport().width() // max(1, self.days_per_screen)
        self.horizontalHeader().setDefaultSectionSize(max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, width)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def first_visible_column(self) -> int:
        return max(0, self.columnAt(0))

    def scroll_to_column(self, column: int) -> None:
        """Put ``column`` at the left edge (as far as the scroll range allows)."""
        self.horizontalScrollBar().setValue(column * self.horizontalHeader().defaultSectionSize())

    # --- selection --------------------------------------------------------------------------
    def selected_block(self) -> Block | None:
        """The rows and the column span of the selection (its bounding columns), or None."""
        ranges = self.selectionModel().selection() if self.selectionModel() else []
        if not ranges:
            return None
        rows: set[int] = set()
        first, last = None, None
        for r in ranges:
            rows.update(range(r.top(), r.bottom() + 1))
            first = r.left() if first is None else min(first, r.left())
            last = r.right() if last is None else max(last, r.right())
        return Block(tuple(sorted(rows)), first, last)

    def select_block(self, rows: range, first_column: int, last_column: int) -> None:
        model = self.model()
        selection = QItemSelection()
        for row in rows:
            selection.select(model.index(row, first_column), model.index(row, last_column))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_block():
            self.bulk_edit_requested.emit()
            return
        super().keyPressEvent(event)

    def nights_of(self, block: Block) -> tuple[date, date]:
        model: CalendarModel = self.model()
        return model.night(block.first_column), model.night(block.last_column)
