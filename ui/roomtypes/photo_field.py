"""The photo list of a room type: thumbnails in order, the first one the cover, captions inline.

Photos are part of the form like every other field: adding one copies the file into the data
folder at once (off the GUI thread; a file that is not an image is refused by name), but the
list, its order and the captions are saved with the rest of the room type, or not at all.
A photo whose file is not on this computer stays in the list, marked, so it is never lost by
opening the editor on another desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from channelmgr.roomtypes.photos import COVER_ALBUM, PhotoStore

from channelmgr.security.roles import Permission
from ..file_dialogs import remember, start_path
from ..permissions import gate_all
from ..tasks import TaskRunner
from ..tasks import while_alive
from .fields import AttributeField, FieldEnv
from .language import error_text
from .thumbnails import THUMBNAIL_SIZE, PhotoState, ThumbnailLoader

REF_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2  # a PhotoState value, or None while loading


@dataclass
class PhotoEnv:
    store: PhotoStore
    property_code: str
    room_type_code: Callable[[], str | None]  # the code typed in the form now: the photo's folder
    thumbnails: ThumbnailLoader
    imports: TaskRunner  # copies files in, off the GUI thread


class PhotoListWidget(QWidget):
    def __init__(self, album: str, env: FieldEnv, parent: QWidget | None = None):
        super().__init__(parent)
        self.album = album
        self.lang = env.lang
        self.photos: PhotoEnv = env.photos
        self._images: dict[str, QImage] = {}
        self._on_change: list[Callable[[], None]] = []

        self.list = QListWidget(self)
        self.list.setObjectName(f"photo_list_{album}")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMBNAIL_SIZE)
        self.list.setGridSize(THUMBNAIL_SIZE + QSize(20, 40))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Snap)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight((THUMBNAIL_SIZE.height() + 48) * (2 if album == COVER_ALBUM else 1))
        self.list.itemChanged.connect(lambda _item: self._notify())  # a caption was edited
        self.list.model().rowsMoved.connect(lambda *_args: self._changed())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())

        self.add_button = QPushButton(self.tr("Add photos…"), self)
        self.cover_button = QPushButton(self.tr("Make cover"), self)
        self.earlier_button = QPushButton(self.tr("Move earlier"), self)
        self.later_button = QPushButton(self.tr("Move later"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        gate_all((self.add_button, self.cover_button, self.earlier_button, self.later_button, self.remove_button),
                 Permission.ROOM_TYPES)
        self.add_button.clicked.connect(self._choose_files)
        self.cover_button.clicked.connect(lambda: self._move_current_to(0))
        self.earlier_button.clicked.connect(lambda: self._move_current_by(-1))
        self.later_button.clicked.connect(lambda: self._move_current_by(1))
        self.remove_button.clicked.connect(self._remove_current)
        self.cover_button.setVisible(album == COVER_ALBUM)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.cover_button, self.earlier_button, self.later_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        hint = self.tr("Drag to reorder. Double-click a photo to write its caption.")
        if album == COVER_ALBUM:
            hint = self.tr("The first photo is the cover.") + " " + hint
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.missing_note = QLabel(self)
        self.missing_note.setObjectName("missing_note")
        self.missing_note.setWordWrap(True)
        self.missing_note.setStyleSheet("color: #7a4b00;")
        self.missing_note.hide()
        self.message = QLabel(self)
        self.message.setObjectName("photo_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.missing_note)
        layout.addWidget(self.message)
        self._update_buttons()

    # --- the value -------------------------------------------------------------------------
    def refs(self) -> list[str]:
        return [self.list.item(row).data(REF_ROLE) for row in range(self.list.count())]

    def captions(self) -> dict[str, str]:
        return {item.data(REF_ROLE): item.text().strip()
                for item in map(self.list.item, range(self.list.count())) if item.text().strip()}

    def set_photos(self, refs: list[str], captions: dict[str, str]) -> None:
        self.list.blockSignals(True)  # loading is not a change
        self.list.clear()
        for ref in refs:
            self._append(ref, captions.get(ref, ""))
        self.list.blockSignals(False)
        self._update_buttons()

    def on_change(self, callback: Callable[[], None]) -> None:
        self._on_change.append(callback)

    def add_files(self, paths: list[str]) -> None:
        """Copy the files in (in a worker) and append each one that is a usable photo."""
        self.message.hide()
        store, code = self.photos.store, self.photos.room_type_code()
        for path in paths:
            self.photos.imports.submit(
                lambda path=path: store.store_file(path, self.photos.property_code, code),
                while_alive(self, self._imported), while_alive(self, self._import_failed))

    # --- inside ----------------------------------------------------------------------------
    def _append(self, ref: str, caption: str) -> None:
        item = QListWidgetItem(caption)
        item.setData(REF_ROLE, ref)
        item.setData(STATE_ROLE, None)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.list.addItem(item)
        path = self.photos.store.locate(ref)
        item.setToolTip(str(path or ref))
        if path is None:  # a URL: nothing to read here
            return
        self.photos.thumbnails.request(
            str(path), while_alive(self, lambda state, image, ref=ref: self._thumbnail(ref, state, image)))

    def _thumbnail(self, ref: str, state: PhotoState, image: QImage | None) -> None:
        item = self._item(ref)
        if item is None:
            return
        item.setData(STATE_ROLE, state.value)
        path = str(self.photos.store.locate(ref))
        if state is PhotoState.OK:
            self._images[ref] = image
        elif state is PhotoState.MISSING:
            item.setToolTip(self.tr("File not found on this computer: %1").replace("%1", path))
        else:
            item.setToolTip(self.tr("This file cannot be read as an image: %1").replace("%1", path))
        self._refresh_icons()

    def _refresh_icons(self) -> None:
        warning = self._warning_icon()
        self.list.blockSignals(True)  # a new icon is not a caption edit
        for row in range(self.list.count()):
            item = self.list.item(row)
            image = self._images.get(item.data(REF_ROLE))
            if image is not None:
                item.setIcon(QIcon(self._with_cover_badge(image) if row == 0 and self.album == COVER_ALBUM
                                   else QPixmap.fromImage(image)))
            elif item.data(STATE_ROLE) in (PhotoState.MISSING.value, PhotoState.UNREADABLE.value):
                item.setIcon(warning)
        self.list.blockSignals(False)
        missing = sum(self.list.item(row).data(STATE_ROLE) == PhotoState.MISSING.value
                      for row in range(self.list.count()))
        self.missing_note.setText(self.tr("%n photo file(s) are not on this computer (deleted, or added on another "
                                          "computer); they stay in the list.", "", missing))
        self.missing_note.setVisible(missing > 0)

    def _warning_icon(self) -> QIcon:
        """A thumbnail-sized tile with a modest warning sign, for a photo that cannot be shown."""
        tile = QPixmap(THUMBNAIL_SIZE)
        tile.fill(QColor("#f4f4f4"))
        sign = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        painter = QPainter(tile)
        painter.drawPixmap((tile.width() - sign.width()) // 2, (tile.height() - sign.height()) // 2, sign)
        painter.end()
        return QIcon(tile)

    def _with_cover_badge(self, image: QImage) -> QPixmap:
        pixmap = QPixmap.fromImage(image)
        painter = QPainter(pixmap)
        text = self.tr("Cover")
        metrics = painter.fontMetrics()
        box = metrics.boundingRect(text).adjusted(-6, -3, 6, 3)
        box.moveTopLeft(pixmap.rect().topLeft())
        painter.fillRect(box, QColor(0, 0, 0, 160))
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return pixmap

    def _imported(self, ref: str) -> None:
        if self._item(ref) is None:
            self._append(ref, "")
            self._changed()

    def _import_failed(self, error: Exception) -> None:
        self.message.setText(error_text(error, self.lang))
        self.message.show()

    def _choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), start_path(), self.tr("Photos (*.jpg *.jpeg *.png *.webp)"))
        if paths:
            remember(paths[0])
            self.add_files(paths)

    def _move_current_to(self, row: int) -> None:
        current = self.list.currentRow()
        if current < 0 or not 0 <= row < self.list.count() or row == current:
            return
        item = self.list.takeItem(current)
        self.list.insertItem(row, item)
        self.list.setCurrentRow(row)
        self._changed()

    def _move_current_by(self, delta: int) -> None:
        self._move_current_to(self.list.currentRow() + delta)

    def _remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._changed()

    def _item(self, ref: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if self.list.item(row).data(REF_ROLE) == ref:
                return self.list.item(row)
        return None

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.cover_button.setEnabled(row > 0)
        self.earlier_button.setEnabled(row > 0)
        self.later_button.setEnabled(0 <= row < self.list.count() - 1)
        self.remove_button.setEnabled(row >= 0)

    def _changed(self) -> None:
        """The list itself changed (added, removed, reordered)."""
        self._refresh_icons()  # the cover badge follows the first photo
        self._update_buttons()
        self._notify()

    def _notify(self) -> None:
        for callback in self._on_change:
            callback()


class PhotoListField(AttributeField):
    wide = True

    def _build(self) -> PhotoListWidget:
        return PhotoListWidget(self.attribute.key, self.env)

    def value(self) -> list[str]:
        return self.widget.refs()

    def set_value(self, value) -> None:
        self.widget.set_photos(list(value or ()), self.widget.captions())

    def set_photos(self, refs, captions: dict[str, str]) -> None:
        self.widget.set_photos(list(refs or ()), captions)

    def captions(self) -> dict[str, str]:
        return self.widget.captions()

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.on_change(callback)

    def focus_widget(self) -> QWidget:
        return self.widget.list
