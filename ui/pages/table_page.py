"""A page that lists rows fetched in the background into a sortable table."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..context import AppContext
from ..models.record_table import SORT_ROLE, Column, RecordTableModel
from .base import Page


class TablePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.heading = QLabel()
        self.model = RecordTableModel(self.columns(), self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view)
        self.loaded = False

    def columns(self) -> Sequence[Column]:
        raise NotImplementedError

    def fetch(self, property_id: int) -> Sequence[Any]:
        """Runs on the database thread: plain rows only."""
        raise NotImplementedError

    def heading_text(self, rows: Sequence[Any]) -> str:
        raise NotImplementedError

    def reload(self) -> None:
        pid = self.ctx.property_id
        self.ctx.db_tasks.submit(lambda: self.fetch(pid), self._show, self._failed, key=self.page_id)

    def _show(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)
        self.heading.setText(self.heading_text(rows))
        self.loaded = True

    def _failed(self, exc: Exception) -> None:
        self.heading.setText(str(exc))
        self.ctx.events.status_message.emit(str(exc))
