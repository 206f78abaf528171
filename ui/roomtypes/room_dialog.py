"""Edit one physical room: number, floor, notes, status (its room type changes with "Move to")."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from channelmgr.roomtypes import RoomDetail, RoomDraft
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.roomtypes.rooms import HIGHEST_FLOOR, LOWEST_FLOOR

from ..context import AppContext
from ..tasks import while_alive
from .fields import NOT_FILLED, OptionalSpinBox
from .language import error_text


class RoomDialog(QDialog):
    saved = Signal(object)  # the RoomDetail as stored

    def __init__(self, ctx: AppContext, room: RoomDetail, lang: str, status_names: dict[str, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("room_dialog")
        self.ctx, self.room, self.lang = ctx, room, lang
        self.setWindowTitle(self.tr("Room %1").replace("%1", room.number))
        self.number = QLineEdit(room.number, self)
        self.floor = OptionalSpinBox(self)
        self.floor.setRange(LOWEST_FLOOR - 1, HIGHEST_FLOOR)
        self.floor.first_value = 1
        self.floor.setSpecialValueText(NOT_FILLED)
        self.floor.setValue(self.floor.minimum() if room.floor is None else room.floor)
        self.notes = QLineEdit(room.notes, self)
        self.notes.setPlaceholderText(self.tr("e.g. next to the stairs, bathtub"))
        self.status = QComboBox(self)
        for value, name in status_names.items():
            self.status.addItem(name, value)
        self.status.setCurrentIndex(max(0, self.status.findData(room.status)))
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Room number"), self.number)
        form.addRow(self.tr("Floor"), self.floor)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.message)
        form.addRow(buttons)

    def save(self) -> None:
        draft = RoomDraft(self.number.text(), None if self.floor.is_unset() else self.floor.value(),
                          self.notes.text(), self.status.currentData())
        rooms, room_id, actor = self.ctx.services.rooms, self.room.id, desk_actor("rooms panel")
        self.ctx.db_tasks.submit(lambda: rooms.update(actor, room_id, draft),
                                 while_alive(self, self._saved), while_alive(self, self._failed))

    def _saved(self, room: RoomDetail) -> None:
        self.saved.emit(room)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.message.setText(error_text(error, self.lang))
