"""The calendar grid as a table model: room types down, nights across, one CalendarCell per index.

The model only holds the core's snapshot and answers questions about it; it never computes
availability. After an edit only the touched rows and nights are swapped in (``replace_cells``),
with a ``dataChanged`` as narrow as the change, so the view repaints a strip, not the screen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from channelmgr.inventory.availability import CalendarCell, CalendarSnapshot, RoomTypeRow
from channelmgr.inventory.day_marks import DayMark
from channelmgr.money import format_minor

from . import texts

CELL_ROLE = Qt.ItemDataRole.UserRole + 10  # the CalendarCell
DAY_ROLE = Qt.ItemDataRole.UserRole + 11  # the DayMark of a column (header data)
ROOM_TYPE_ROLE = Qt.ItemDataRole.UserRole + 12  # the RoomTypeRow of a row (header data)


def room_type_name(row: RoomTypeRow) -> str:
    """The name in the UI language: Chinese names for Chinese, else the English one if there is one."""
    if QLocale().language() == QLocale.Language.Chinese or not row.name_en:
        return row.name_zh
    return row.name_en


class CalendarModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.snapshot: CalendarSnapshot | None = None
        self._rows: list[RoomTypeRow] = []
        self._days: tuple[DayMark, ...] = ()
        self._cells: list[tuple[CalendarCell, ...]] = []

    # --- loading --------------------------------------------------------------------------
    def set_snapshot(self, snapshot: CalendarSnapshot) -> None:
        self.beginResetModel()
        self.snapshot = snapshot
        self._rows = list(snapshot.rows)
        self._days = snapshot.days
        self._cells = list(snapshot.cells)
        self.endResetModel()

    def replace_cells(self, part: CalendarSnapshot) -> None:
        """Swap in fresh cells for the rows and nights ``part`` covers; signal only those."""
        if self.snapshot is None or not part.days:
            return
        first = self.column_of(part.start)
        last = self.column_of(part.days[-1].night)
        if first is None or last is None:
            return  # outside what is shown: the next load brings it
        for fresh_row, fresh_cells in zip(part.rows, part.cells):
            row = self.row_of(fresh_row.id)
            if row is None:
                continue
            cells = self._cells[row]
            self._cells[row] = cells[:first] + tuple(fresh_cells) + cells[last + 1 :]
            self._rows[row] = fresh_row
            self.dataChanged.emit(self.index(row, first), self.index(row, last), [Qt.ItemDataRole.DisplayRole])

    # --- questions the view and the page ask -----------------------------------------------
    def cell(self, row: int, column: int) -> CalendarCell:
        return self._cells[row][column]

    def row_cells(self, row: int) -> tuple[CalendarCell, ...]:
        """The row's cells as held: a new tuple whenever any of them changes (``replace_cells``
        swaps the row's tuple), so painters may cache by the tuple's identity."""
        return self._cells[row]

    def day(self, column: int) -> DayMark:
        return self._days[column]

    def night(self, column: int) -> date:
        return self._days[column].night

    def room_type(self, row: int) -> RoomTypeRow:
        return self._rows[row]

    def room_types(self) -> list[RoomTypeRow]:
        return list(self._rows)

    def row_of(self, room_type_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == room_type_id:
                return i
        return None

    def column_of(self, night: date) -> int | None:
        if self.snapshot is None:
            return None
        offset = (night - self.snapshot.start).days
        return offset if 0 <= offset < len(self._days) else None

    @property
    def today(self) -> date | None:
        return self.snapshot.today if self.snapshot else None

    @property
    def currency(self) -> str:
        return self.snapshot.currency if self.snapshot else "CNY"

    # --- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self._rows else len(self._days)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._days)):
            return None
        cell = self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{cell.left}/{cell.total}"
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), index.column(), cell)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{room_type_name(self._rows[index.row()])} {texts.day_title(self.night(index.column()))}: {cell.left}/{cell.total}"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._days):
                return None
            day = self._days[section]
            if role == DAY_ROLE:
                return day
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{day.night.month}/{day.night.day}\n{texts.weekday_short(day.weekday)}"
            if role == Qt.ItemDataRole.ToolTipRole:
                holiday = texts.holiday_name(day)
                return texts.day_title(day.night) + (f" · {holiday}" if holiday else "")
            return None
        if not 0 <= section < len(self._rows):
            return None
        row = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return room_type_name(row)
        if role == ROOM_TYPE_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.code} · " + self.tr("%n room(s)", "", row.room_count)
        return None

    def _tooltip(self, row: int, column: int, cell: CalendarCell) -> str:
        lines = [
            f"{room_type_name(self._rows[row])} · {texts.day_title(self.night(column))}",
            self.tr("%1 of %2 left · %3").replace("%1", str(cell.left)).replace("%2", str(cell.total))
            .replace("%3", texts.state_label(cell.state)),
            self.tr("Booked %1 · out of order %2 · closed %3")
            .replace("%1", str(cell.booked)).replace("%2", str(cell.out_of_order)).replace("%3", str(cell.closed)),
        ]
        if cell.price_minor is not None:
            lines.append(self.tr("Price %1").replace("%1", format_minor(cell.price_minor, self.currency)))
        rules = []
        if cell.stop_sell:
            rules.append(texts.setting_label("stop_sell"))
        min_stay = cell.effective_min_stay  # a plain name: lupdate skips calls with attribute arguments
        if min_stay and cell.min_stay_from_rule:
            rules.append(self.tr("min %n night(s) (price rule)", "", min_stay))
        elif min_stay:
            rules.append(self.tr("min %n night(s)", "", min_stay))
        if cell.max_stay:
            rules.append(self.tr("max %n night(s)", "", cell.max_stay))
        if cell.closed_to_arrival:
            rules.append(texts.setting_label("closed_to_arrival"))
        if cell.closed_to_departure:
            rules.append(texts.setting_label("closed_to_departure"))
        if rules:
            lines.append(" · ".join(rules))
        return "\n".join(lines)
