"""What the Settings page's sections share: a titled box that loads and saves off the GUI thread
and says what happened under its Save button."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from channelmgr.errors import UserError
from channelmgr.security.roles import Permission

from ..context import AppContext
from ..i18n import core_language
from ..permissions import gate

ERROR_STYLE = "color: #b41e1e"


class SettingsSection(QGroupBox):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None,
                 permission: Permission = Permission.SETTINGS):
        super().__init__(title, parent)
        self.ctx = ctx
        self.save_button = QPushButton(self.tr("Save"), self)
        gate(self.save_button, permission)  # every section's Save, greyed with the reason for other roles
        self.status = QLabel(self)
        self.status.setWordWrap(True)

    def save_row(self) -> QHBoxLayout:
        """The status on the left, Save at its natural size on the right (form rows stretch)."""
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        return row

    def run(self, key: str, fn: Callable[[], object], on_done: Callable[[object], None]) -> None:
        """``fn`` on the database thread; its result (or refusal) comes back here while the box lives."""
        def alive(callback):
            return lambda value: callback(value) if shiboken6.isValid(self) else None

        self.ctx.db_tasks.submit(fn, alive(on_done), alive(self.failed), key=key)

    def saving(self) -> None:
        self.save_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saving…"))

    def saved(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.status.setStyleSheet("")
        self.status.setText(message)
        self.ctx.events.status_message.emit(message)

    def failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(error_text(exc) if isinstance(exc, UserError)
                            else self.tr("Saving failed: %1").replace("%1", str(exc)))


def error_text(exc: UserError) -> str:
    """A refusal in the UI's language when the core worded it in both."""
    message = getattr(exc, "message", None)
    if callable(message):
        return message(core_language())
    return str(exc)
