"""A form dialog whose OK runs one service call on the database worker.

The dialog stays open until the service accepts: a refusal (``UserError``) is shown under the
form in the service's own words, so the owner corrects the field instead of starting over.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from channelmgr.errors import UserError

from ..calendar.texts import refusal_text
from ..context import AppContext
from ..tasks import while_alive


class ServiceDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.saved: Any = None  # what the service returned, once accepted
        self.body = QVBoxLayout()
        self.problem = QLabel(self)
        self.problem.setObjectName("dialog_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.save)  # not accept(): closing waits for the service's answer
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def new_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def service_call(self) -> Callable[[], Any]:
        """The call to run on the worker, built here on the GUI thread from what the widgets hold."""
        raise NotImplementedError

    def save(self) -> None:
        try:
            call = self.service_call()
        except UserError as exc:  # refused before reaching the worker (e.g. a settings value)
            self.show_problem(str(exc))
            return
        self.ok_button.setEnabled(False)
        self.ctx.db_tasks.submit(call, while_alive(self, self._accepted), while_alive(self, self._refused))

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def _accepted(self, result: Any) -> None:
        self.saved = result
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.ok_button.setEnabled(True)
        self.show_problem(refusal_text(exc))
