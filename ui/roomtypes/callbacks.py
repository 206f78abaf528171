"""Results of background work that may arrive after the window that asked for them has closed."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject
from shiboken6 import isValid


def while_alive(owner: QObject, callback: Callable[..., Any]) -> Callable[..., None]:
    """`callback`, turned into a no-op once `owner` (a widget) has been deleted.

    TaskRunner delivers a result whenever the work ends; closing an editor or a page while its
    save or load is still running must not make that late result touch deleted widgets.
    """
    def call(*args: Any) -> None:
        if isValid(owner):
            callback(*args)

    return call
