"""Calendar edits from the screen: written by the core off the GUI thread, kept on a QUndoStack.

Every edit the core makes comes back as a ChangeSet. The command pushed on the stack holds it:
undo asks the core to put the old values back, redo to write the set again. The core refuses
either when another desk changed the same cells meanwhile; the history is then cleared, because
its older entries could no longer be trusted to restore what they promise.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from channelmgr.inventory.changes import ChangeSet
from channelmgr.roomtypes.desk_user import desk_actor

from ..context import AppContext
from . import texts


UNDO_LIMIT = 50  # a year-long edit of a large property holds ~36,000 changes; keep memory bounded


class ChangeSetCommand(QUndoCommand):
    def __init__(self, editor: "CalendarEditor", changeset: ChangeSet, text: str):
        super().__init__(text)
        self.editor = editor
        self.changeset = changeset
        self._written = True  # pushed after the core wrote it: the push's redo() must not write again

    def redo(self) -> None:
        if self._written:
            return
        self.editor.write_again(self.changeset)
        self._written = True

    def undo(self) -> None:
        self.editor.write_back(self.changeset)
        self._written = False


class CalendarEditor(QObject):
    written = Signal(object)  # a ChangeSet the core just wrote (edit, undo or redo): repaint its cells
    refused = Signal(str)  # why the core refused, in the user's language

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)

    def run(self, work: Callable[[], ChangeSet], text: str, on_done: Callable[[ChangeSet], None] | None = None,
            on_refused: Callable[[Exception], bool] | None = None) -> None:
        """Run ``work`` (a core call returning a ChangeSet) in the background and make it undoable.

        ``on_refused`` may take a refusal first (e.g. to ask about suspicious prices and run the
        work again with force); it returns True when it did, and the refusal is not announced."""

        def done(changes: ChangeSet) -> None:
            if len(changes):
                self.stack.push(ChangeSetCommand(self, changes, text))
                self.written.emit(changes)
            if on_done is not None:
                on_done(changes)

        def refused(error: Exception) -> None:
            if on_refused is None or not on_refused(error):
                self._refused(error)

        self.ctx.db_tasks.submit(work, done, refused)

    def write_back(self, changes: ChangeSet) -> None:
        bulk = self.ctx.services.calendar.bulk_edit
        self.ctx.db_tasks.submit(lambda: bulk.undo(changes, desk_actor("undo")), self.written.emit, self._history_broken)

    def write_again(self, changes: ChangeSet) -> None:
        bulk = self.ctx.services.calendar.bulk_edit
        self.ctx.db_tasks.submit(lambda: bulk.redo(changes, desk_actor("redo")), self.written.emit, self._history_broken)

    def _refused(self, error: Exception) -> None:
        self.refused.emit(texts.refusal_text(error))

    def _history_broken(self, error: Exception) -> None:
        self.stack.clear()
        self.refused.emit(texts.refusal_text(error) + " " + self.tr("The undo history was cleared."))
