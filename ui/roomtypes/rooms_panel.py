"""The physical rooms of one room type: list them, add "201–208" at once, move one to another type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from channelmgr.roomtypes import RoomDetail, RoomTypeSummary
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.roomtypes.rooms import HIGHEST_FLOOR, LOWEST_FLOOR

from channelmgr.security.roles import Permission
from ..context import AppContext
from ..permissions import gate_all
from ..models.record_table import ROW_ROLE, Column, RecordTableModel
from ..tasks import while_alive
from .fields import OptionalSpinBox
from .language import error_text, room_type_name
from .room_dialog import RoomDialog


class RoomsPanel(QWidget):
    rooms_changed = Signal()  # rooms were added or moved: room counts elsewhere are stale

    def __init__(self, ctx: AppContext, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rooms_panel")
        self.ctx = ctx
        self.lang = lang
        self.room_type: RoomTypeSummary | None = None

        self.heading = QLabel(self)
        self.model = RecordTableModel([
            Column(self.tr("Room"), lambda r: r.number),
            Column(self.tr("Floor"), lambda r: "" if r.floor is None else str(r.floor), True),
            Column(self.tr("Status"), lambda r: self.status_text(r.status)),
            Column(self.tr("Notes"), lambda r: r.notes),
        ], self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())

        self.range_edit = QLineEdit(self)
        self.range_edit.setObjectName("room_range")
        self.range_edit.setPlaceholderText(self.tr("e.g. 201-208"))
        self.range_edit.returnPressed.connect(self.add_rooms)
        self.floor_spin = OptionalSpinBox(self)
        self.floor_spin.setRange(LOWEST_FLOOR - 1, HIGHEST_FLOOR)
        self.floor_spin.first_value = 1
        self.floor_spin.setSpecialValueText(self.tr("from the number"))
        self.floor_spin.setValue(self.floor_spin.minimum())
        self.floor_spin.setToolTip(self.tr("Without a floor, room 201 goes on floor 2."))
        self.add_button = QPushButton(self.tr("Add rooms"), self)
        self.add_button.clicked.connect(self.add_rooms)
        self.target_box = QComboBox(self)
        self.target_box.setObjectName("move_target")
        self.move_button = QPushButton(self.tr("Move selected room"), self)
        self.move_button.clicked.connect(self.move_selected)
        self.edit_button = QPushButton(self.tr("Edit room…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        gate_all((self.add_button, self.move_button, self.edit_button), Permission.ROOM_TYPES)
        self.message = QLabel(self)
        self.message.setObjectName("rooms_message")
        self.message.setWordWrap(True)

        form = QGridLayout()
        form.addWidget(QLabel(self.tr("New rooms:"), self), 0, 0)
        form.addWidget(self.range_edit, 0, 1)
        form.addWidget(self.add_button, 0, 2)
        form.addWidget(QLabel(self.tr("Floor:"), self), 1, 0)
        form.addWidget(self.floor_spin, 1, 1, Qt.AlignmentFlag.AlignLeft)
        form.addWidget(self.edit_button, 1, 2)
        form.addWidget(QLabel(self.tr("Move to:"), self), 2, 0)
        form.addWidget(self.target_box, 2, 1)
        form.addWidget(self.move_button, 2, 2)
        form.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self._enable()

    def status_names(self) -> dict[str, str]:
        return {"clean": self.tr("Clean"), "dirty": self.tr("Dirty"), "occupied": self.tr("Occupied"),
                "out_of_order": self.tr("Out of order")}

    def status_text(self, status: str) -> str:
        return self.status_names().get(status, status)

    def show_room_type(self, room_type: RoomTypeSummary | None, all_types: list[RoomTypeSummary]) -> None:
        """Show `room_type`'s rooms; `all_types` are the places a room can move to."""
        changed = (room_type and room_type.id) != (self.room_type and self.room_type.id)
        self.room_type = room_type
        self.target_box.clear()
        for other in all_types:
            if room_type is not None and other.id != room_type.id and not other.archived:
                self.target_box.addItem(f"{other.code} {room_type_name(other, self.lang)}", other.id)
        if changed:  # never show one type's rooms under another's name, even while loading
            self.message.clear()
            self.model.set_rows([])
        self._enable()
        self.reload()

    def reload(self) -> None:
        room_type = self.room_type
        if room_type is None:
            self.heading.setText(self.tr("Choose a room type to see its rooms."))
            self.model.set_rows([])
            self._enable()
            return
        self.heading.setText("<b>" + self.tr("Rooms of %1").replace("%1", room_type_name(room_type, self.lang)) + "</b>")
        rooms, pid = self.ctx.services.rooms, room_type.property_id
        self.ctx.db_tasks.submit(lambda: rooms.list(pid, room_type.id), while_alive(self, self._show),
                                 while_alive(self, self._failed), key="rooms_panel")

    def add_rooms(self) -> None:
        if self.room_type is None:
            return
        numbers, floor = self.range_edit.text(), None if self.floor_spin.is_unset() else self.floor_spin.value()
        rooms, room_type_id = self.ctx.services.rooms, self.room_type.id
        actor = desk_actor("rooms panel")
        self.ctx.db_tasks.submit(lambda: rooms.add_range(actor, room_type_id, numbers, floor),
                                 while_alive(self, self._added), while_alive(self, self._failed))

    def move_selected(self) -> None:
        room = self.selected_room()
        target = self.target_box.currentData()
        if room is None or target is None:
            self._say(self.tr("Select a room and the room type to move it to."), error=True)
            return
        rooms, actor = self.ctx.services.rooms, desk_actor("rooms panel")
        self.ctx.db_tasks.submit(lambda: rooms.move(actor, room.id, target), while_alive(self, self._moved),
                                 while_alive(self, self._failed))

    def edit_selected(self) -> RoomDialog | None:
        room = self.selected_room()
        if room is None:
            return None
        dialog = RoomDialog(self.ctx, room, self.lang, self.status_names(), self)
        dialog.saved.connect(lambda _room: self._after_change())
        dialog.open()
        return dialog

    def selected_room(self) -> RoomDetail | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.index(rows[0].row(), 0).data(ROW_ROLE) if rows else None

    def _show(self, rooms: list[RoomDetail]) -> None:
        self.model.set_rows(rooms)
        self._enable()

    def _added(self, rooms: list[RoomDetail]) -> None:
        self.range_edit.clear()
        self._say(self.tr("Added %n room(s): %1", "", len(rooms)).replace("%1", ", ".join(r.number for r in rooms)))
        self._after_change()

    def _moved(self, room: RoomDetail) -> None:
        self._say(self.tr("Room %1 now belongs to %2").replace("%1", room.number).replace("%2", room.room_type_code))
        self._after_change()

    def _after_change(self) -> None:
        self.reload()
        self.rooms_changed.emit()
        self.ctx.events.data_changed.emit("rooms")

    def _failed(self, error: Exception) -> None:
        self._say(error_text(error, self.lang), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def _enable(self) -> None:
        has_type = self.room_type is not None and not self.room_type.archived
        for widget in (self.range_edit, self.floor_spin, self.add_button, self.target_box, self.move_button,
                       self.edit_button):
            widget.setEnabled(has_type)
