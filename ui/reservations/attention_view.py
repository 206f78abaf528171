"""The needs-attention list on screen: what a channel sent that could not be stored, why, and the
raw data itself; an entry is marked resolved once the owner has dealt with it."""

from __future__ import annotations

import json
from typing import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from channelmgr.reservations.attention import NO_GUEST_NAME, NO_PRICE, STORED_PREFIX
from channelmgr.reservations.views import AttentionInfo
from channelmgr.roomtypes.desk_user import desk_actor

from channelmgr.security.roles import Permission
from ..context import AppContext
from ..permissions import gate
from ..models.record_table import ROW_ROLE, Column, RecordTableModel
from .texts import ledger_refusal_text


class AttentionView(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.summary = QLabel()
        self.model = RecordTableModel(
            [
                Column(self.tr("Received"), lambda a: f"{a.received_at:%Y-%m-%d %H:%M}"),
                Column(self.tr("Channel"), lambda a: a.channel or ""),
                Column(self.tr("Reservation no."), lambda a: a.remote_id or self.tr("(none)")),
                Column(self.tr("Problem"), lambda a: self.problem_text(a.problem), tooltip=lambda a: a.problem),
            ],
            self,
        )
        self.view = QTableView(self)
        self.view.setObjectName("needs_attention")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.raw = QPlainTextEdit(self)
        self.raw.setObjectName("attention_raw")
        self.raw.setReadOnly(True)
        self.resolve_button = QPushButton(self.tr("Mark as resolved"), self)
        self.resolve_button.setEnabled(False)
        self.resolve_button.clicked.connect(self._resolve)
        gate(self.resolve_button, Permission.RESERVATIONS)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.raw)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter)
        self.show_entries([])

    def problem_text(self, problem: str) -> str:
        """A stored booking's reasons in the desk's language; other problems as the core wrote them."""
        if not problem.startswith(STORED_PREFIX):
            return problem
        words = {NO_PRICE: self.tr("no price"), NO_GUEST_NAME: self.tr("no guest name")}
        reasons = [words.get(r, r) for r in problem[len(STORED_PREFIX):].split("; ")]
        return self.tr("Stored, but check it: %1").replace("%1", ", ".join(reasons))

    def show_entries(self, entries: Sequence[AttentionInfo]) -> None:
        self.model.set_rows(entries)
        self.raw.clear()
        self.resolve_button.setEnabled(False)
        self.summary.setText(
            self.tr("%n booking(s) need attention: they were not acknowledged, so the channel sends them again "
                    "until they can be stored.", "", len(entries))
            if entries else self.tr("Nothing needs attention.")
        )

    def _row_chosen(self, current, _previous) -> None:
        entry: AttentionInfo | None = current.data(ROW_ROLE) if current.isValid() else None
        self.resolve_button.setEnabled(entry is not None)
        if entry is None:
            self.raw.clear()
            return
        text = json.dumps(entry.raw, ensure_ascii=False, indent=2, default=str)
        if entry.raw_text:
            text += "\n\n" + self.tr("As received:") + "\n" + entry.raw_text
        self.raw.setPlainText(self.tr("Problem: %1").replace("%1", entry.problem) + "\n\n" + text)

    def _resolve(self) -> None:
        index = self.view.currentIndex()
        entry: AttentionInfo | None = index.data(ROW_ROLE) if index.isValid() else None
        if entry is None:
            return
        actor = desk_actor("desktop: needs attention")
        self.ctx.db_tasks.submit(
            lambda: self.ctx.services.reservations.resolve_attention(entry.id, "handled at the desk", actor),
            lambda _r: self.changed.emit(),
            lambda error: QMessageBox.warning(self, self.tr("Needs attention"), ledger_refusal_text(error)),
        )
