"""The Audit page: who changed what and when, filtered by user, entity, date range and text,
exported to Excel (every role may read and export it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QLabel, QLineEdit, QPushButton,
                               QWidget)
from PySide6.QtWidgets import QStyle

from channelmgr.security.audit_trail import AuditFilter, AuditRow

from ..context import AppContext
from ..file_dialogs import remember, start_path
from ..flow_layout import FlowLayout, fit_placeholder
from ..models.record_table import Column
from ..security.audit_columns import audit_columns, fit_audit_columns
from ..tasks import while_alive
from ..unmasked_choice import unmasked_by, unmasked_checkbox
from .table_page import TablePage


class AuditPage(TablePage):
    page_id = "audit"
    icon_name = QStyle.StandardPixmap.SP_FileDialogDetailedView

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.rows: list[AuditRow] = []
        self.user_box = QComboBox(self)
        self.user_box.setObjectName("audit_user")
        self.entity_box = QComboBox(self)
        self.entity_box.setObjectName("audit_entity")
        self.use_dates = QCheckBox(self.tr("From"), self)
        self.use_dates.setObjectName("audit_use_dates")
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(-30), self)
        self.end = QDateEdit(today, self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.text = QLineEdit(self)
        self.text.setObjectName("audit_text")
        self.text.setPlaceholderText(self.tr("Text in the cause, id or values"))
        fit_placeholder(self.text)
        self.text.returnPressed.connect(self.reload)
        show = QPushButton(self.tr("Show"), self)
        show.clicked.connect(self.reload)
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setObjectName("audit_export")
        self.export_button.clicked.connect(self.export_workbook)
        self.sign_ins = QCheckBox(self.tr("Sign-ins"), self)
        self.sign_ins.setObjectName("audit_sign_ins")
        self.sign_ins.setToolTip(self.tr("Show successful sign-ins too (each command line run is one); wrong "
                                         "passwords and refusals are always shown"))
        self.sign_ins.toggled.connect(self.reload)
        self.unmasked = unmasked_checkbox(self)
        # Wraps onto a second line on a narrow screen: in one row it needed about 1000 px.
        bar = FlowLayout()
        bar.add_group(QLabel(self.tr("User"), self), self.user_box)
        bar.add_group(QLabel(self.tr("Entity"), self), self.entity_box)
        bar.add_group(self.use_dates, self.start, QLabel(self.tr("to"), self), self.end)
        bar.add_group(self.text, self.sign_ins, show)
        bar.add_group(self.export_button, self.unmasked)
        self.layout().insertLayout(1, bar)
        fit_audit_columns(self.view.horizontalHeader())
        self._fill_choices([], [])

    def title(self) -> str:
        return self.tr("Audit trail")

    def columns(self) -> list[Column]:
        return audit_columns()

    def current_filter(self) -> AuditFilter:
        dates = self.use_dates.isChecked()
        return AuditFilter(user=self.user_box.currentData() or None, entity=self.entity_box.currentData() or None,
                           start=self.start.date().toPython() if dates else None,
                           end=self.end.date().toPython() if dates else None,
                           text=self.text.text().strip() or None, sign_ins=self.sign_ins.isChecked())

    def reload(self) -> None:
        audit, wanted = self.ctx.services.audit, self.current_filter()
        self.ctx.db_tasks.submit(lambda: (audit.users(), audit.entities(), audit.query(wanted)),
                                 while_alive(self, self._loaded), while_alive(self, self._failed), key="audit")

    def _loaded(self, found) -> None:
        users, entities, rows = found
        self._fill_choices(users, entities)
        self.rows = rows
        self._show(rows)

    def heading_text(self, rows) -> str:
        return self.tr("%n entries, newest first", "", len(rows))

    def _fill_choices(self, users: list[str], entities: list[str]) -> None:
        for box, values in ((self.user_box, users), (self.entity_box, entities)):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("All"), "")
            for value in values:
                box.addItem(value, value)
            box.setCurrentIndex(max(0, box.findData(keep)))
            box.blockSignals(False)

    def export_workbook(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save workbook"), start_path("audit.xlsx"),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if name:
            remember(name)
            self.export_to(Path(name).with_suffix(".xlsx"))

    def export_to(self, path: Path) -> None:
        audit, rows, clear_for = self.ctx.services.audit, list(self.rows), unmasked_by(self.unmasked, "audit page")
        self.ctx.db_tasks.submit(lambda: audit.export(rows, path, unmasked_by=clear_for),
                                 while_alive(self, lambda lines: self.ctx.events.status_message.emit(
                                     self.tr("Wrote %1").replace("%1", str(path)))),
                                 while_alive(self, self._failed), key="audit.export")
