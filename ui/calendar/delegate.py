"""The one painter of calendar cells: rooms left/total, the main price, restriction markers, and a
colour for the cell's state. How much it writes depends on the column width (the zoom): wide
cells show everything, narrow ones rooms left and the price, the narrowest the count or colour.

A calendar shows the same few looks over and over (a quiet week is one look repeated), so each
distinct look is drawn once into a small pixmap and then copied: painting a cell is a dictionary
lookup and one blit instead of a dozen drawing calls from Python. The selection is laid on top.

The view goes one step further (``paint_tiles``): a row is drawn in tiles of TILE_COLUMNS cells,
each tile built once from the looks and kept while its cells stay the same, so a repaint is one
blit per tile instead of a lookup and a blit per cell.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPixmap, QPolygon
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from channelmgr.inventory.availability import AvailabilityState, CalendarCell
from channelmgr.money import format_minor

from . import texts
from .model import CalendarModel

STATE_COLOURS = {
    AvailabilityState.OPEN: QColor("#ffffff"),
    AvailabilityState.LOW: QColor("#ffe9b3"),
    AvailabilityState.SOLD_OUT: QColor("#f6c9cc"),
    AvailabilityState.STOP_SELL: QColor("#dcdcdc"),
    AvailabilityState.OVERBOOKED: QColor("#d84343"),
}
WEEKEND_TINT = QColor("#f4f5fb")  # open cells on weekends and holidays, so weeks read at a glance
HOLIDAY_TINT = QColor("#fdf0f0")
TODAY_LINE = QColor("#2f6fd6")
GRID_LINE = QColor("#d9dce3")
TEXT = QColor("#1f2328")
SOFT_TEXT = QColor("#5b6270")
ON_RED_TEXT = QColor("#ffffff")
STOP_MARK = QColor("#b3261e")
STOP_HATCH = QBrush(QColor("#b9bcc2"), Qt.BrushStyle.BDiagPattern)
STAY_MARK = QColor("#1a5fb4")
ARRIVAL_DEPARTURE_MARK = QColor("#c26a00")
CLOSED_STRIPE = QColor("#8a8f98")
SELECTION = QColor(47, 111, 214, 70)
SELECTED = QStyle.StateFlag.State_Selected

FULL_DETAIL_WIDTH = 52  # left/total, price, badges
COMPACT_PRICE_WIDTH = 30  # rooms left and the price in whole yuan
NUMBER_WIDTH = 18  # rooms left only; below this the colour alone speaks
MAX_LOOKS = 4000  # cached cell pictures (a few KB each); beyond that the cache starts afresh
# Cells per cached tile. Wider tiles mean fewer blits per repaint; narrower ones mean less to
# redraw when scrolling brings new columns in. 16 keeps a 60-night screen to ~5 blits a row.
TILE_COLUMNS = 16

PLAIN, WEEKEND, HOLIDAY = 0, 1, 2


class CalendarCellDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._looks: dict[tuple, QPixmap] = {}
        self._font_key: tuple | None = None
        self._fonts: dict[str, QFont] = {}
        # (row, tile index) -> (the row's cell tuple it was drawn from, the tile's picture);
        # valid only for _tile_context (snapshot, cell size, pixel ratio, font).
        self._tiles: dict[tuple[int, int], tuple[tuple, QPixmap]] = {}
        self._tile_context: tuple | None = None
        self.stop_label = texts.stop_badge()

    def sizeHint(self, option, index) -> QSize:
        return QSize(64, 44)

    def paint(self, painter: QPainter, option, index) -> None:
        model = index.model()
        if not isinstance(model, CalendarModel):
            return super().paint(painter, option, index)
        rect = option.rect
        self.paint_cells(painter, model, [index.row()], [index.column()], [rect.x()], [rect.y()],
                         rect.width(), rect.height(), option.font)
        if SELECTED in option.state:
            painter.fillRect(rect, SELECTION)

    def paint_cells(self, painter: QPainter, model: CalendarModel, rows, columns, xs, ys, width: int, height: int,
                    font: QFont) -> None:
        """Paint the cells rows × columns at the given positions (one size for all: the view's
        sections are fixed). CalendarView calls this once for everything it shows, which spares
        a Python call and a copied style option per cell."""
        ratio = painter.device().devicePixelRatioF()
        today, currency, looks = model.today, model.currency, self._looks
        days = [model.day(c) for c in columns]
        tints = [HOLIDAY if d.is_holiday else WEEKEND if d.is_weekend else PLAIN for d in days]
        is_today = [d.night == today for d in days]
        for row, y in zip(rows, ys):
            for column, x, tint, now in zip(columns, xs, tints, is_today):
                key = (model.cell(row, column), tint, now, width, height, ratio, currency)
                look = looks.get(key) or self._draw_look(key, font)
                painter.drawPixmap(x, y, look)

    def paint_tiles(self, painter: QPainter, model: CalendarModel, rows: range, columns: range, x0: int, ys,
                    width: int, height: int, font: QFont, keep_rows: range, keep_columns: range) -> None:
        """Paint rows × columns (``columns`` starting at x0) as cached tiles of TILE_COLUMNS cells.

        A tile is redrawn only when its row's cell tuple is replaced (the model swaps the whole
        tuple on any change) or the snapshot, cell size, pixel ratio or font differ. Tiles may
        start left of x0 or end past the last shown column: the painter's clip trims them.
        Afterwards tiles outside keep_rows × keep_columns (what the viewport shows) are dropped,
        so the cache holds about one screen of pixels.
        """
        ratio = painter.device().devicePixelRatioF()
        context = (model.snapshot, width, height, ratio, font.family(), font.pointSizeF())
        old = self._tile_context
        # The snapshot by identity: it is a dataclass, and == would compare every cell.
        if old is None or old[0] is not context[0] or old[1:] != context[1:]:
            self._tiles.clear()
            self._tile_context = context
        tiles, column_count = self._tiles, model.columnCount()
        first_tile, last_tile = columns.start // TILE_COLUMNS, (columns.stop - 1) // TILE_COLUMNS
        spans = [(t, range(t * TILE_COLUMNS, min(column_count, (t + 1) * TILE_COLUMNS)),
                  x0 + (t * TILE_COLUMNS - columns.start) * width) for t in range(first_tile, last_tile + 1)]
        for row, y in zip(rows, ys):
            cells = model.row_cells(row)
            for t, span, x in spans:
                entry = tiles.get((row, t))
                if entry is None or entry[0] is not cells:
                    entry = (cells, self._draw_tile(model, row, span, width, height, ratio, font))
                    tiles[(row, t)] = entry
                painter.drawPixmap(x, y, entry[1])
        kept_tiles = range(keep_columns.start // TILE_COLUMNS, (keep_columns.stop - 1) // TILE_COLUMNS + 1)
        if len(tiles) > len(keep_rows) * len(kept_tiles):
            for key in [k for k in tiles if k[0] not in keep_rows or k[1] not in kept_tiles]:
                del tiles[key]

    def _draw_tile(self, model: CalendarModel, row: int, columns: range, width: int, height: int, ratio: float,
                   font: QFont) -> QPixmap:
        tile = QPixmap(max(1, round(len(columns) * width * ratio)), max(1, round(height * ratio)))
        tile.setDevicePixelRatio(ratio)
        painter = QPainter(tile)
        self.paint_cells(painter, model, [row], columns, [i * width for i in range(len(columns))], [0],
                         width, height, font)
        painter.end()
        return tile

    # --- drawing one look ---------------------------------------------------------------------
    def _draw_look(self, key: tuple, font: QFont) -> QPixmap:
        cell, tint, today, width, height, ratio, currency = key
        self._use_font(font)
        if len(self._looks) >= MAX_LOOKS:
            self._looks.clear()
        look = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
        look.setDevicePixelRatio(ratio)
        painter = QPainter(look)
        rect = QRect(0, 0, width, height)
        self._paint_cell(painter, rect, cell, tint, today, currency)
        painter.end()
        self._looks[key] = look
        return look

    def _paint_cell(self, painter: QPainter, rect: QRect, cell: CalendarCell, tint: int, today: bool, currency: str) -> None:
        state = cell.state
        background = STATE_COLOURS[state]
        if state is AvailabilityState.OPEN and tint != PLAIN:
            background = HOLIDAY_TINT if tint == HOLIDAY else WEEKEND_TINT
        painter.fillRect(rect, background)
        if state is AvailabilityState.STOP_SELL:
            painter.fillRect(rect, STOP_HATCH)
        if cell.closed and state is not AvailabilityState.STOP_SELL:
            painter.fillRect(rect.x(), rect.y(), rect.width(), 3, CLOSED_STRIPE)
        ink = ON_RED_TEXT if state is AvailabilityState.OVERBOOKED else TEXT
        soft = SOFT_TEXT if ink is TEXT else ink
        if rect.width() >= FULL_DETAIL_WIDTH:
            self._paint_full(painter, rect, cell, currency, ink, soft)
        elif rect.width() >= NUMBER_WIDTH:
            self._paint_compact(painter, rect, cell, ink, soft)
        self._paint_arrival_departure(painter, rect, cell)
        painter.setPen(GRID_LINE)
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if today:
            painter.setPen(TODAY_LINE)
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
            painter.drawLine(rect.topRight(), rect.bottomRight())

    def _paint_full(self, painter: QPainter, rect: QRect, cell: CalendarCell, currency: str, ink: QColor, soft: QColor) -> None:
        pad = 4
        line = rect.height() // 2
        top = QRect(rect.x() + pad, rect.y() + 2, rect.width() - 2 * pad, line - 2)
        bottom = QRect(rect.x() + pad, rect.y() + line, rect.width() - 2 * pad, line - 2)
        bold, small = self._fonts["bold"], self._fonts["small"]
        _draw(painter, top, f"{cell.left}/{cell.total}", bold, ink, Qt.AlignmentFlag.AlignLeft)
        if cell.stop_sell:
            _draw(painter, top, self.stop_label, small, STOP_MARK, Qt.AlignmentFlag.AlignRight)
        if cell.price_minor is not None:
            _draw(painter, bottom, format_minor(cell.price_minor, currency), small, soft, Qt.AlignmentFlag.AlignLeft)
        min_stay = cell.effective_min_stay  # the calendar's or a price rule's, whichever is stricter
        limit = f"≥{min_stay}" if min_stay else f"≤{cell.max_stay}" if cell.max_stay else ""
        if limit:
            _draw(painter, bottom, limit, small, STAY_MARK if ink is TEXT else ink, Qt.AlignmentFlag.AlignRight)

    def _paint_compact(self, painter: QPainter, rect: QRect, cell: CalendarCell, ink: QColor, soft: QColor) -> None:
        """Rooms left on top, the price in whole yuan below (no symbol: the column is narrow)."""
        half = rect.height() // 2
        top = QRect(rect.x(), rect.y() + 2, rect.width(), half - 2)
        bottom = QRect(rect.x(), rect.y() + half, rect.width(), half - 2)
        _draw(painter, top, str(cell.left), self._fonts["bold"], ink, Qt.AlignmentFlag.AlignHCenter)
        if cell.price_minor is not None and rect.width() >= COMPACT_PRICE_WIDTH:
            _draw(painter, bottom, str(cell.price_minor // 100), self._fonts["tiny"], soft, Qt.AlignmentFlag.AlignHCenter)
        if cell.stop_sell:
            painter.fillRect(rect.right() - 5, rect.y() + 2, 4, 4, STOP_MARK)
        if cell.effective_min_stay and cell.effective_min_stay > 1:  # a rule's or the calendar's
            painter.fillRect(rect.x() + 1, rect.y() + 2, 4, 4, STAY_MARK)

    @staticmethod
    def _paint_arrival_departure(painter: QPainter, rect: QRect, cell: CalendarCell) -> None:
        """CTA: a corner triangle bottom-left; CTD: bottom-right (the legend explains them)."""
        if not (cell.closed_to_arrival or cell.closed_to_departure):
            return
        size = 7
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ARRIVAL_DEPARTURE_MARK)
        bottom = rect.bottom()
        if cell.closed_to_arrival:
            left = rect.left()
            painter.drawPolygon(QPolygon([QPoint(left, bottom), QPoint(left, bottom - size), QPoint(left + size, bottom)]))
        if cell.closed_to_departure:
            right = rect.right()
            painter.drawPolygon(QPolygon([QPoint(right, bottom), QPoint(right, bottom - size), QPoint(right - size, bottom)]))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _use_font(self, base: QFont) -> None:
        """Fonts derived from the view's; a new view font (or size) draws every look again."""
        key = (base.family(), base.pointSizeF())
        if key == self._font_key:
            return
        self._font_key = key
        self._looks.clear()
        for name, delta, bold in (("bold", 0, True), ("small", -2, False), ("tiny", -3, False)):
            font = QFont(base)
            font.setPointSizeF(max(6.0, base.pointSizeF() + delta))
            font.setBold(bold)
            self._fonts[name] = font


def _draw(painter: QPainter, rect: QRect, text: str, font: QFont, colour: QColor, horizontal) -> None:
    """``text`` in ``rect``, vertically centred, aligned left, right or centre."""
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(rect, horizontal | Qt.AlignmentFlag.AlignVCenter, text)
