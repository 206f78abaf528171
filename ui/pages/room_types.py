"""Room types: the list (order, completeness per channel, archive), the editor, and the rooms panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from channelmgr.catalog import PROFILES
from channelmgr.roomtypes import RoomTypeDetail, RoomTypeSummary
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.security.roles import Permission

from ..permissions import gate_all
from ..context import AppContext
from ..fit_columns import fit_columns
from ..models.record_table import ROW_ROLE, Column, RecordTableModel
from ..tasks import while_alive
from ..roomtypes.completeness_bar import channel_name
from ..roomtypes.editor import RoomTypeEditor
from ..roomtypes.language import catalog_language, error_text, room_type_name
from ..roomtypes.rooms_panel import RoomsPanel
from ..roomtypes.thumbnails import ThumbnailLoader
from .base import Page


class RoomTypesPage(Page):
    page_id = "room_types"
    icon_name = QStyle.StandardPixmap.SP_DirHomeIcon

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.lang = catalog_language()
        self.loaded = False
        self.rows: list[RoomTypeSummary] = []
        self.property_code, self.currency = "", "CNY"
        self.editor: RoomTypeEditor | None = None
        self._select_after_load: int | None = None
        self.thumbnails = ThumbnailLoader(self)  # shared by every editor opened here

        self.heading = QLabel(self)
        self.message = QLabel(self)
        self.message.setObjectName("room_types_message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.toggled.connect(lambda _on: self.reload())

        self.new_button = self._button(self.tr("New"), self.new_room_type)
        self.edit_button = self._button(self.tr("Edit…"), self.edit_selected)
        self.duplicate_button = self._button(self.tr("Duplicate…"), lambda: self.duplicate_selected())
        self.archive_button = self._button(self.tr("Archive"), self.toggle_archived)
        self.up_button = self._button(self.tr("Move up"), lambda: self.move_selected(-1))
        self.down_button = self._button(self.tr("Move down"), lambda: self.move_selected(1))
        gate_all((self.new_button, self.duplicate_button, self.archive_button, self.up_button, self.down_button),
                 Permission.ROOM_TYPES)  # "Edit…" stays: a viewer reads the attributes there
        tools = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.duplicate_button, self.archive_button,
                       self.up_button, self.down_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.show_archived)

        self.model = RecordTableModel(self.columns(), self)
        self.view = QTableView(self)
        self.view.setObjectName("room_type_list")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        fit_columns(self.view, elastic=(1, 2))  # the names give way: every channel's score stays in view
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.activated.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.rooms = RoomsPanel(ctx, self.lang, self)
        self.rooms.rooms_changed.connect(self.reload)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.rooms)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 420])  # proportions: the list with its channel columns gets more

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Room types")

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def columns(self) -> list[Column]:
        def score_column(channel: str, profile: dict) -> Column:
            header = channel_name(channel, profile["label_zh"] if self.lang == "zh" else profile["label_en"])
            return Column(header, lambda rt: f"{_score(rt, channel)}%", True, lambda rt: _score(rt, channel))

        return [
            Column(self.tr("Code"), lambda rt: rt.code),
            Column(self.tr("Name"), lambda rt: rt.name_zh),
            Column(self.tr("English name"), lambda rt: rt.name_en),
            Column(self.tr("Rooms"), lambda rt: str(rt.room_count), True, lambda rt: rt.room_count),
            *(score_column(channel, profile) for channel, profile in PROFILES.items()),
            Column(self.tr("Status"), lambda rt: self.tr("Archived") if rt.archived else ""),
        ]

    # --- loading ---------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        if select is not None:
            self._select_after_load = select
        pid, archived, services = self.ctx.property_id, self.show_archived.isChecked(), self.ctx.services

        def fetch():
            prop = next(p for p in services.inventory.properties() if p.id == pid)
            return prop, services.room_types.list(pid, include_archived=archived)

        self.ctx.db_tasks.submit(fetch, while_alive(self, self._show), while_alive(self, self._failed),
                                 key=self.page_id)

    def _show(self, result) -> None:
        prop, rows = result
        self.property_code, self.currency = prop.code, prop.currency
        keep = self._select_after_load or (self.selected().id if self.selected() else None)
        self._select_after_load = None
        self.rows = rows
        self.model.set_rows(rows)
        rooms = sum(rt.room_count for rt in rows)
        self.heading.setText(self.tr("%n room type(s)", "", len(rows)) + " · " + self.tr("%n room(s)", "", rooms))
        row = next((i for i, rt in enumerate(rows) if rt.id == keep), 0 if rows else -1)
        if row >= 0:
            self.view.selectRow(row)
        self._selection_changed()
        self.loaded = True

    def _failed(self, error: Exception) -> None:
        self.message.setText(error_text(error, self.lang))
        self.message.show()
        self.ctx.events.status_message.emit(error_text(error, self.lang))

    def selected(self) -> RoomTypeSummary | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.index(rows[0].row(), 0).data(ROW_ROLE) if rows else None

    def _selection_changed(self) -> None:
        current = self.selected()
        for button in (self.edit_button, self.duplicate_button, self.archive_button):
            button.setEnabled(current is not None)
        index = self.rows.index(current) if current in self.rows else -1
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < len(self.rows) - 1)
        self.archive_button.setText(self.tr("Unarchive") if current and current.archived else self.tr("Archive"))
        self.rooms.show_room_type(current, self.rows)

    # --- actions ---------------------------------------------------------------------------
    def new_room_type(self) -> RoomTypeEditor:
        return self._open_editor(None)

    def edit_selected(self) -> None:
        current = self.selected()
        if current is None:
            return
        room_types = self.ctx.services.room_types
        self.ctx.db_tasks.submit(lambda: room_types.get(current.id), while_alive(self, self._open_editor),
                                 while_alive(self, self._failed), key="room_type_editor")

    def _open_editor(self, detail: RoomTypeDetail | None) -> RoomTypeEditor:
        editor = RoomTypeEditor(self.ctx, detail, self, property_code=self.property_code,
                                currency=self.currency, lang=self.lang, thumbnails=self.thumbnails)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(lambda saved: self.reload(select=saved.id))
        editor.destroyed.connect(lambda *_: setattr(self, "editor", None))
        self.editor = editor
        editor.open()  # window-modal: the list cannot change under an open form
        return editor

    def duplicate_selected(self, new_code: str | None = None) -> None:
        current = self.selected()
        if current is None:
            return
        if new_code is None:
            new_code, accepted = QInputDialog.getText(
                self, self.tr("Duplicate room type"),
                self.tr("Code of the copy of %1:").replace("%1", room_type_name(current, self.lang)),
                text=f"{current.code}2")
            if not accepted:
                return
        room_types, actor = self.ctx.services.room_types, desk_actor("room type list")
        self._run(lambda: room_types.duplicate(actor, current.id, new_code.strip()))

    def toggle_archived(self) -> None:
        current = self.selected()
        if current is not None:
            room_types, actor = self.ctx.services.room_types, desk_actor("room type list")
            self._run(lambda: room_types.set_archived(actor, current.id, not current.archived))

    def move_selected(self, offset: int) -> None:
        current = self.selected()
        if current is None:
            return
        ids = [rt.id for rt in self.rows]
        index = ids.index(current.id)
        target = index + offset
        if not 0 <= target < len(ids):
            return
        ids[index], ids[target] = ids[target], ids[index]
        room_types, actor, pid = self.ctx.services.room_types, desk_actor("room type list"), self.ctx.property_id
        self._select_after_load = current.id
        self._run(lambda: room_types.reorder(actor, pid, ids))

    def _run(self, work) -> None:
        """A change on the database thread; then the list reloads, selecting what the change returned."""
        self.message.clear()
        self.message.hide()

        def done(result) -> None:
            self.reload(select=getattr(result, "id", None))
            self.ctx.events.data_changed.emit("room_types")

        self.ctx.db_tasks.submit(work, while_alive(self, done), while_alive(self, self._failed))


def _score(room_type: RoomTypeSummary, channel: str) -> int:
    return next((s.score for s in room_type.scores if s.channel == channel), 0)
