"""The calendar grid widget: a QTableView with fixed section sizes, a date header that marks
weekends, holidays and today, room type names frozen on the left (the vertical header), pixel
scrolling across the whole horizon, and a zoom expressed as "days per screen"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen, QPixmap
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
MAX_SECTION_LOOKS = 1000  # cached date-header pictures; beyond that the cache starts afresh


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
        self._looks: dict[tuple, QPixmap] = {}

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        """Each distinct section look is drawn once into a pixmap and then copied: a full repaint
        shows dozens of sections, and drawing one from Python (a font, three texts) costs far
        more than the blit. The key is what the picture shows, so a new language or font draws
        afresh."""
        model = self.model()
        if not isinstance(model, CalendarModel) or not rect.isValid():
            return
        day = model.day(section)
        night = day.night
        wide = rect.width() >= 40 or night.day == 1 or section == 0
        lines = (f"{night.month}/{night.day}" if wide else str(night.day), texts.weekday_short(night.weekday()),
                 self._third_line(day, self._section_font(self.font(), night == model.today, rect.width()),
                                  rect.width()))
        base = self.font()
        ratio = painter.device().devicePixelRatioF()
        key = (day.is_weekend, day.is_holiday, night == model.today, lines, rect.width(), rect.height(), ratio,
               base.family(), base.pointSizeF())
        look = self._looks.get(key, False)
        if look is False:
            if len(self._looks) >= MAX_SECTION_LOOKS:
                self._looks.clear()
            look = self._draw_look(rect, day, night == model.today, lines, base, ratio)
            self._looks[key] = look
        if look is None:
            self._draw_section(painter, rect, day, night == model.today, lines, base)
        else:
            painter.drawPixmap(rect.topLeft(), look)

    def _draw_look(self, rect: QRect, day, today: bool, lines: tuple[str, str, str], base: QFont,
                   ratio: float) -> QPixmap | None:
        """The section's picture, or None when a text is wider than the section: such text
        spills into the neighbours (at the narrowest zoom), which a picture the section's size
        would cut off, so those sections are drawn in place each time."""
        metrics = QFontMetrics(self._section_font(base, today, rect.width()))
        if any(metrics.boundingRect(text).width() > rect.width() - 2 for text in lines):
            return None
        look = QPixmap(max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio)))
        look.setDevicePixelRatio(ratio)
        painter = QPainter(look)
        self._draw_section(painter, QRect(0, 0, rect.width(), rect.height()), day, today, lines, base)
        painter.end()
        return look

    @staticmethod
    def _section_font(base: QFont, today: bool, width: int) -> QFont:
        font = QFont(base)
        font.setBold(today)
        if width < 30:
            font.setPointSizeF(max(6.5, font.pointSizeF() - 2))
        return font

    @classmethod
    def _draw_section(cls, painter: QPainter, rect: QRect, day, today: bool, lines: tuple[str, str, str],
                      base: QFont) -> None:
        painter.save()
        background = HEADER_BACKGROUND
        if day.is_weekend:
            background = HEADER_WEEKEND
        if day.is_holiday:
            background = HEADER_HOLIDAY
        if today:
            background = HEADER_TODAY
        painter.fillRect(rect, background)
        painter.setPen(HEADER_LINE)
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        red = day.is_weekend or day.is_holiday
        painter.setPen(HEADER_RED if red else HEADER_TEXT)
        painter.setFont(cls._section_font(base, today, rect.width()))
        line = rect.height() // 3
        for i, text in enumerate(lines):
            if text:
                painter.drawText(QRect(rect.x(), rect.y() + i * line, rect.width(), line), Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    @staticmethod
    def _third_line(day, font: QFont, width: int) -> str:
        """The holiday's full name where it fits the section, else its short form; at the
        narrowest zoom even that spills (see ``_draw_look``), the tooltip has the full name."""
        if day.makeup_workday:
            return texts.makeup_workday_badge()
        if not day.is_holiday:
            return ""
        name = texts.holiday_name(day)
        if QFontMetrics(font).horizontalAdvance(name) <= width - 4:
            return name
        return texts.holiday_short_name(day)


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
        positions are simple arithmetic here. Cells go out as cached tiles of several cells
        (``CalendarCellDelegate.paint_tiles``), which may reach past the update area: the clip
        keeps them from covering the selection tint of cells outside it.
        """
        model, delegate = self.model(), self.itemDelegate()
        if not isinstance(model, CalendarModel) or not isinstance(delegate, CalendarCellDelegate) or not model.rowCount():
            return super().paintEvent(event)
        area = event.rect()
        painter = QPainter(self.viewport())
        painter.setClipRect(area)
        shown = self._cells_in(area)
        if shown is None:  # only the empty space past the last row or column
            painter.fillRect(area, self.palette().base())
            painter.end()
            return
        shown_rows, shown_columns = shown
        first_row, last_row = shown_rows[0], shown_rows[-1]
        first_column, last_column = shown_columns[0], shown_columns[-1]
        width, height = self.columnWidth(0), self.rowHeight(0)
        x0, y0 = self.columnViewportPosition(first_column), self.rowViewportPosition(first_row)
        # Only the space past the last row or column needs a background: cells cover the rest.
        cells_right, cells_bottom = x0 + len(shown_columns) * width, y0 + len(shown_rows) * height
        if cells_right <= area.right():
            painter.fillRect(cells_right, area.top(), area.right() - cells_right + 1, area.height(), self.palette().base())
        if cells_bottom <= area.bottom():
            painter.fillRect(area.left(), cells_bottom, area.width(), area.bottom() - cells_bottom + 1, self.palette().base())
        # The whole viewport's cells, not just this update's: the tile cache keeps those.
        keep_rows, keep_columns = self._cells_in(self.viewport().rect()) or shown
        delegate.paint_tiles(
            painter, model, shown_rows, shown_columns, x0, [y0 + i * height for i in range(len(shown_rows))],
            width, height, self.font(), keep_rows, keep_columns,
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

    def _cells_in(self, rect: QRect) -> tuple[range, range] | None:
        """The rows and columns of the cells ``rect`` (viewport coordinates) touches, or None
        when it lies wholly past the last row or column."""
        first_row, first_column = self.rowAt(rect.top()), self.columnAt(rect.left())
        if first_row < 0 or first_column < 0:
            return None
        last_row, last_column = self.rowAt(rect.bottom()), self.columnAt(rect.right())
        last_row = last_row if last_row >= 0 else self.model().rowCount() - 1  # -1: past the last row
        last_column = last_column if last_column >= 0 else self.model().columnCount() - 1
        return range(first_row, last_row + 1), range(first_column, last_column + 1)

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
