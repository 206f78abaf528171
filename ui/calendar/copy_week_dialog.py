"""Copy one week's pattern (settings and typed prices) onto the following weeks, with a preview."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from channelmgr.inventory.bulk_edit import MAX_COPY_WEEKS, CopyWeekRequest
from channelmgr.inventory.views import RoomTypeInfo

from ..context import AppContext
from . import texts
from .bulk_edit_dialog import PREVIEW_DELAY_MS, forget_preview, from_qdate, to_qdate
from .form_parts import PreviewLine, RoomTypeChecklist


class CopyWeekDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        property_id: int,
        room_types: Sequence[RoomTypeInfo],
        source_first_night: date,
        chosen_type_ids: Sequence[int],
        name_of=lambda rt: rt.name_zh,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("copy_week_dialog")
        self.setWindowTitle(self.tr("Copy a week"))
        self.ctx = ctx
        self.property_id = property_id
        self.source = QDateEdit(to_qdate(source_first_night), self)
        self.source.setCalendarPopup(True)
        self.source.setDisplayFormat("yyyy-MM-dd")
        self.source_span = QLabel(self)
        self.weeks = QSpinBox(self)
        self.weeks.setRange(1, MAX_COPY_WEEKS)
        self.weeks.setValue(4)
        self.weeks.setSuffix(self.tr(" week(s)"))
        self.types = RoomTypeChecklist(self)
        self.types.set_room_types(((rt.id, name_of(rt)) for rt in room_types), chosen_type_ids)
        self.types.setMaximumHeight(150)
        self.prices = QCheckBox(self.tr("Copy typed prices too"), self)
        self.prices.setChecked(True)
        self.preview = PreviewLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = self.buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Week starting"), self.source)
        form.addRow("", self.source_span)
        form.addRow(self.tr("Copy to the next"), self.weeks)
        form.addRow(self.tr("Room types"), self.types)
        form.addRow("", self.prices)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._preview)
        for signal in (self.source.dateChanged, self.weeks.valueChanged, self.types.changed, self.prices.toggled):
            signal.connect(self._changed)
        self._changed()

    def request(self) -> CopyWeekRequest:
        return CopyWeekRequest(
            property_id=self.property_id,
            source_first_night=from_qdate(self.source.date()),
            weeks=self.weeks.value(),
            room_type_ids=self.types.checked_ids(),
            include_prices=self.prices.isChecked(),
        )

    def _changed(self, *_args) -> None:
        first = from_qdate(self.source.date())
        self.source_span.setText(f"{texts.day_title(first)} — {texts.day_title(first + timedelta(days=6))}")
        self.apply_button.setEnabled(False)
        self.preview.checking()
        self._timer.start()

    def _preview(self) -> None:
        request = self.request()
        bulk = self.ctx.services.calendar.bulk_edit
        self.ctx.db_tasks.submit(
            lambda: bulk.preview_copy_week(request), self._previewed, self._refused, key="calendar.copy_preview"
        )

    def _previewed(self, preview) -> None:
        self.preview.show_count(preview.cells_changed, preview.cells_selected)
        self.apply_button.setEnabled(self.preview.ok)

    def _refused(self, error: Exception) -> None:
        self.preview.show_problem(texts.refusal_text(error))

    def done(self, result: int) -> None:
        forget_preview(self.ctx, "calendar.copy_preview")
        super().done(result)
