"""The preview calendar: room type × rate plan rows, one column per night, the desk's own price.

It shows the prices *as they would be* with the unsaved changes, and marks every cell the changes
move (amber) and every move the fat-finger guard would question (red), with "old → new" as the
tooltip. A new preview of the same rows and nights refreshes only the cells that differ.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from channelmgr.pricing.views import PricePreview

from . import texts

CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # (room type, plan, night)
CHANGED_ROLE = Qt.ItemDataRole.UserRole + 2  # bool
CHANGED_COLOR = QColor(255, 224, 140)
SUSPICIOUS_COLOR = QColor(255, 170, 170)

PlanKey = tuple[str, str]


class PricePreviewModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plans: list[PlanKey] = []
        self.labels: dict[PlanKey, str] = {}
        self.nights: tuple[date, ...] = ()
        self.currency = "CNY"
        self._after: dict[PlanKey, tuple[int, ...]] = {}
        self._before: dict[PlanKey, tuple[int, ...]] = {}
        self._suspicious: frozenset = frozenset()

    def set_preview(self, preview: PricePreview, plans: list[PlanKey], labels: dict[PlanKey, str]) -> None:
        plans = [plan for plan in plans if plan in preview.after]
        suspicious = frozenset(change.key for change in preview.report.suspicious)
        if plans != self.plans or preview.nights != self.nights:
            self.beginResetModel()
            self._store(preview, plans, labels, suspicious)
            self.endResetModel()
            return
        old_cells = [self._cells(row) for row in range(len(plans))]
        self._store(preview, plans, labels, suspicious)
        for row, old in enumerate(old_cells):
            differing = [column for column, (a, b) in enumerate(zip(old, self._cells(row))) if a != b]
            if differing:  # one signal per row, spanning the cells that differ
                self.dataChanged.emit(self.index(row, differing[0]), self.index(row, differing[-1]))

    def changed_count(self) -> int:
        return sum(self._is_changed(row, column) for row in range(len(self.plans))
                   for column in range(len(self.nights)))

    # -- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.plans)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.nights)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.plans) and 0 <= index.column() < len(self.nights)):
            return None
        row, column = index.row(), index.column()
        plan = self.plans[row]
        price = self._after[plan][column]
        if role == Qt.ItemDataRole.DisplayRole:
            return _yuan(price)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._is_changed(row, column):
            suspicious = (*plan, self.nights[column]) in self._suspicious
            return QBrush(SUSPICIOUS_COLOR if suspicious else CHANGED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            now = texts.money(price, self.currency)
            if self._is_changed(row, column):
                return f"{texts.money(self._old(row, column), self.currency)} → {now}"
            return now
        if role == CELL_ROLE:
            return (*plan, self.nights[column])
        if role == CHANGED_ROLE:
            return self._is_changed(row, column)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.nights):
            night = self.nights[section]
            return f"{night:%m-%d}\n{texts.weekday_label(night.weekday())}"
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.plans):
            return self.labels.get(self.plans[section], " · ".join(self.plans[section]))
        return None

    # -- helpers ---------------------------------------------------------------------------------

    def _store(self, preview: PricePreview, plans, labels, suspicious) -> None:
        self.plans, self.labels, self.nights = list(plans), dict(labels), preview.nights
        self._after, self._before, self._suspicious = preview.after, preview.before, suspicious
        self.currency = preview.currency

    def _old(self, row: int, column: int) -> int | None:
        before = self._before.get(self.plans[row])
        return None if before is None else before[column]

    def _is_changed(self, row: int, column: int) -> bool:
        return self._old(row, column) != self._after[self.plans[row]][column]

    def _cells(self, row: int) -> list[tuple]:
        plan = self.plans[row]
        return [(self._after[plan][column], self._is_changed(row, column),
                 (*plan, night) in self._suspicious) for column, night in enumerate(self.nights)]


def _yuan(amount_minor: int) -> str:
    """58800 → '588', 52920 → '529.2': compact, the currency is in the page heading."""
    return format(Decimal(amount_minor).scaleb(-2).normalize(), "f")
