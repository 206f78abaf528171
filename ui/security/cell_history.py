"""A calendar cell's history ("who changed this and when"): every change of that room type and
night from the audit trail, and the rate plan and price rule changes that move its price, newest
first, with before → after and the cause."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from ..context import AppContext
from ..models.record_table import RecordTableModel
from ..tasks import while_alive
from .audit_columns import audit_columns, fit_audit_columns


class CellHistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, room_type_id: int, room_type_label: str, night: date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cell_history")
        self.setWindowTitle(self.tr("Who changed this and when"))
        self.heading = QLabel(self.tr("%1, night of %2: loading…").replace("%1", room_type_label)
                              .replace("%2", night.isoformat()), self)
        self.model = RecordTableModel(audit_columns(), self)
        view = QTableView(self)
        view.setModel(self.model)
        view.verticalHeader().setVisible(False)
        fit_audit_columns(view.horizontalHeader())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.resize(900, 360)
        self.label, self.night = room_type_label, night
        audit = ctx.services.audit
        ctx.db_tasks.submit(lambda: audit.cell_history(room_type_id, night), while_alive(self, self._loaded),
                            while_alive(self, lambda exc: self.heading.setText(str(exc))), key="calendar.history")

    def _loaded(self, rows) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        self.heading.setText(self.tr("%1, night of %2: %n change(s)", "", len(rows)).replace("%1", self.label)
                             .replace("%2", self.night.isoformat()))
