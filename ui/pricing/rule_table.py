"""The rule list: one row per rule in priority order, with an on/off checkbox.

Rows with unsaved changes are shown in bold; a rule the engine cannot use (it names a room type
that no longer exists, …) in red with the reason as its tooltip. Ticking the checkbox does not
change the rule itself: it asks the page (``enabled_toggled``), which changes the draft.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from channelmgr.pricing.rule_store import rule_from_spec

from . import texts
from .draft import DraftRule

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
PROBLEM_COLOR = QColor(180, 30, 30)


class RuleTableModel(QAbstractTableModel):
    enabled_toggled = Signal(int, bool)  # rule key, wanted state

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rules: list[DraftRule] = []
        self.currency = "CNY"
        self._headers = [self.tr("On"), self.tr("Name"), self.tr("Kind"), self.tr("When"),
                         self.tr("Change"), self.tr("Step"), self.tr("Applies to")]

    def set_rules(self, rules: list[DraftRule], currency: str = "CNY") -> None:
        """Show ``rules``; when the same rules are still there in the same order, only the rows
        that changed are refreshed (so the selection stays where it was)."""
        self.currency = currency
        if [rule.key for rule in rules] != [rule.key for rule in self.rules]:
            self.beginResetModel()
            self.rules = list(rules)
            self.endResetModel()
            return
        old, self.rules = self.rules, list(rules)
        last = self.columnCount() - 1
        for row, (before, after) in enumerate(zip(old, rules)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def row_of(self, key: int) -> int:
        return next((row for row, rule in enumerate(self.rules) if rule.key == key), -1)

    # -- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rules)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rules):
            return None
        rule = self.rules[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(rule, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if rule.spec.enabled else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and rule.pending:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and rule.problem:
            return QBrush(PROBLEM_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if rule.problem:
                return self.tr("Not applied: %1").replace("%1", rule.problem)
            if rule.pending:
                return self.tr("Changed, not saved yet")
        if role == KEY_ROLE:
            return rule.key
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            wanted = Qt.CheckState(value) == Qt.CheckState.Checked
            self.enabled_toggled.emit(self.rules[index.row()].key, wanted)
            return True
        return False

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._headers):
                return self._headers[section]
        return None

    def _text(self, rule: DraftRule, column: int) -> str:
        spec = rule.spec
        if column == 0:
            return ""
        if column == 1:
            return spec.name + (" •" if rule.pending else "")
        if column == 2:
            return texts.kind_label(spec.kind)
        if column == 3:
            return texts.conditions_text(spec)
        if column == 4:
            return texts.adjustment_text(spec, self.currency)
        if column == 5:
            return texts.stage_text(_stage(spec))
        return texts.scope_text(spec)


def _stage(spec) -> str | None:
    # The engine decides the stage (from the adjustment unless the rule names one).
    try:
        return rule_from_spec(spec).stage.name.lower()
    except ValueError:
        return None
