"""The room-type editor: the generated attribute form, completeness badges, saving, and the guard.

While typing, the core's own checks (catalog.normalize, the channel completeness profiles) run
on the form: problems appear under their fields, the badges move. Saving hands the typed values
to the room-type service on the database thread; a refusal comes back with every problem, shown
the same way. Closing with unsaved changes asks first.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from channelmgr.catalog import Problem
from channelmgr.catalog.coercion import is_blank
from channelmgr.roomtypes import RoomTypeDetail, ValidationFailed, channel_scores, check_record
from channelmgr.roomtypes.desk_user import desk_actor

from channelmgr.security.roles import Permission
from ..context import AppContext
from ..permissions import gate
from ..tasks import TaskRunner
from .attribute_form import PROBLEM_COLOUR, AttributeForm
from ..tasks import while_alive
from .completeness_bar import CompletenessBar
from .fields import FieldEnv
from .language import catalog_language, error_text, label, problem_text, room_type_name
from .photo_field import PhotoEnv
from .thumbnails import ThumbnailLoader

REVALIDATE_DELAY_MS = 150  # typing fast re-checks once, when the hands pause


class RoomTypeEditor(QDialog):
    saved = Signal(object)  # the RoomTypeDetail as stored

    def __init__(self, ctx: AppContext, detail: RoomTypeDetail | None, parent: QWidget | None = None,
                 property_code: str = "", currency: str = "CNY", lang: str | None = None,
                 thumbnails: ThumbnailLoader | None = None):
        """`detail` None opens an empty form for a new room type of `ctx.property_id`."""
        super().__init__(parent)
        self.setObjectName("room_type_editor")
        self.ctx = ctx
        self.detail = detail
        self.lang = lang or catalog_language()
        self._problems: list[Problem] = []
        self._server_problems: dict[str, tuple[Problem, Any]] = {}  # key -> (problem, value refused)
        self._save_attempted = False
        self._close_after_save = False

        self.photo_env = PhotoEnv(ctx.services.photos.store, detail.property_code if detail else property_code,
                                  self._typed_code, thumbnails or ThumbnailLoader(self), TaskRunner(1, self))
        self.heading = QLabel(self)
        self.heading.setObjectName("editor_heading")
        self.badges = CompletenessBar(self.lang, self)
        self.badges.jump_requested.connect(self.focus_field)
        self.form = AttributeForm(FieldEnv(self.lang, detail.currency if detail else currency, self.photo_env), self)
        self.form.edited.connect(self._edited)
        self.summary = QLabel(self)
        self.summary.setObjectName("problem_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.linkActivated.connect(self.focus_field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.save_button.clicked.connect(self.save)
        gate(self.save_button, Permission.ROOM_TYPES)  # a viewer may open the editor to read
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.badges)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REVALIDATE_DELAY_MS)
        self._timer.timeout.connect(self._revalidate)
        self._load(detail)
        self.resize(1040, 760)

    # --- the form ---------------------------------------------------------------------------
    def field(self, key: str):
        return self.form.field(key)

    def values(self) -> dict[str, Any]:
        return self.form.values()

    def captions(self) -> dict[str, str]:
        return self.form.captions()

    def is_dirty(self) -> bool:
        return self.form.is_dirty()

    def focus_field(self, key: str) -> None:
        self.form.focus_field(key)

    def _typed_code(self) -> str | None:
        code = (self.values().get("room_code") or "").strip()
        return code or (self.detail.code if self.detail else None)

    def _load(self, detail: RoomTypeDetail | None) -> None:
        self.form.load(detail.attributes if detail else {}, detail.photo_captions if detail else {})
        self._timer.stop()
        self._revalidate()

    # --- checking as you type -------------------------------------------------------------
    def checks_pending(self) -> bool:
        """True between an edit and the re-check that follows it (a short pause in typing)."""
        return self._timer.isActive()

    def _edited(self) -> None:
        self._show_heading()  # the "*" for unsaved changes shows at once; the checks follow
        self._timer.start()

    def _revalidate(self) -> None:
        values = self.values()
        clean, _captions, problems = check_record(values, self.captions())
        # "Required" is only nagged about after a save attempt: an empty new form is not an error.
        shown = [p for p in problems if self._save_attempted or not is_blank(values.get(p.key))]
        shown += [p for key, (p, refused) in self._server_problems.items() if values.get(key) == refused]
        self._problems = shown
        self.form.show_problems(shown)
        self._show_summary(shown)
        self.badges.show_scores(channel_scores(clean))
        self._show_heading()

    def _show_summary(self, problems: list[Problem]) -> None:
        if not problems:
            self.summary.clear()
            return
        colon = "：" if self.lang == "zh" else ": "
        links = [f'<a href="{p.key}">{label(p, self.lang)}</a>{colon}{problem_text(p, self.lang)}'
                 for p in problems[:3]]
        more = " …" if len(problems) > 3 else ""
        self.summary.setText(f'<span style="color:{PROBLEM_COLOUR}">'
                             + self.tr("%n field(s) need attention:", "", len(problems))
                             + "</span> " + " · ".join(links) + more)

    def _show_heading(self) -> None:
        if self.detail is None:
            title = self.tr("New room type")
        else:
            title = self.tr("Room type %1").replace("%1", f"{self.detail.code} {room_type_name(self.detail, self.lang)}")
        dirty = " *" if self.is_dirty() else ""
        self.heading.setText(f"<h3>{title}{dirty}</h3>")
        self.setWindowTitle(title + dirty)

    # --- saving and leaving ----------------------------------------------------------------
    def save(self) -> None:
        self._save_attempted = True
        self._timer.stop()
        self._revalidate()
        if self._problems:
            self._close_after_save = False
            self.focus_field(self._problems[0].key)
            return
        values, captions = self.values(), self.captions()
        services, actor = self.ctx.services, desk_actor("room type editor")
        if self.detail is None:
            property_id = self.ctx.property_id
            work = lambda: services.room_types.create(actor, property_id, values, captions)  # noqa: E731
        else:
            room_type_id, version = self.detail.id, self.detail.version
            work = lambda: services.room_types.update(actor, room_type_id, values, captions,  # noqa: E731
                                                      expected_version=version)
        self.save_button.setEnabled(False)
        self.ctx.db_tasks.submit(work, while_alive(self, self._saved), while_alive(self, self._save_failed))

    def _saved(self, detail: RoomTypeDetail) -> None:
        self.detail = detail
        self._server_problems.clear()
        self._save_attempted = False
        self.save_button.setEnabled(True)
        self._load(detail)  # show what was stored ("28平" comes back as 28.0 m²)
        self.saved.emit(detail)
        self.ctx.events.data_changed.emit("room_types")
        self.ctx.events.status_message.emit(self.tr("Saved %1").replace("%1", detail.code))
        if self._close_after_save:
            self.accept()

    def _save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self._close_after_save = False
        if isinstance(error, ValidationFailed):
            values = self.values()
            self._server_problems = {p.key: (p, values.get(p.key)) for p in error.problems}
            self._revalidate()
            self.focus_field(error.problems[0].key)
        else:
            self.summary.setText(f'<span style="color:{PROBLEM_COLOUR}">{error_text(error, self.lang)}</span>')

    def reject(self) -> None:
        """Close, Esc and the window's close button all come here: unsaved changes are asked about."""
        if self.is_dirty() and not self._may_discard():
            return
        super().reject()

    def _may_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("This room type has changes that are not saved. Save them before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            self._close_after_save = True
            self.save()
            return False  # closes once the save has succeeded
        return answer == QMessageBox.StandardButton.Discard
