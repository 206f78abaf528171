"""Errors a user can fix: the CLI prints them as one line, the UI as a message box.

A refusal may be worded in both languages (``UserError("No room 305", "没有房间 305")``): the CLI
prints ``message(cli_language())``, the UI ``message`` of its own language. ``str(error)`` stays
the English text (logs, tests, and errors made before they had a Chinese wording).
"""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a state the user must change; the message says where and what."""

    message_zh: str | None = None  # also for subclasses whose other base's __init__ runs instead

    def __init__(self, message: str = "", zh: str | None = None):
        super().__init__(message)
        self.message_zh = zh

    def message(self, lang: str) -> str:
        """The message in "zh" or "en" (English when no Chinese wording was given)."""
        return self.message_zh if lang == "zh" and self.message_zh else str(self)


class NotFound(UserError):
    pass
