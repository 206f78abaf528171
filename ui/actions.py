"""Every user action in one registry: id, text, shortcut, icon, handler.

Menus, toolbars and shortcuts are built from here, so the main window lays out and does not
decide; tests trigger actions by id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from channelmgr.security.roles import Permission

from .permissions import gate


@dataclass
class ActionSpec:
    id: str
    text: str
    handler: Callable[[], None]
    shortcut: str | QKeySequence.StandardKey | None = None
    icon: QIcon | None = None
    tip: str = ""
    permission: Permission | None = None  # greyed out, with the reason, for a role without it


class ActionRegistry:
    def __init__(self, owner: QWidget):
        self.owner = owner
        self._actions: dict[str, QAction] = {}

    def add(self, spec: ActionSpec) -> QAction:
        if spec.id in self._actions:
            raise ValueError(f"action {spec.id!r} registered twice")
        action = QAction(spec.text, self.owner)
        action.setObjectName(spec.id)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon is not None:
            action.setIcon(spec.icon)
        if spec.tip:
            action.setStatusTip(spec.tip)
        action.triggered.connect(lambda _checked=False: spec.handler())
        if spec.permission is not None:
            gate(action, spec.permission)
        self.owner.addAction(action)  # shortcuts work even when the action is in no menu
        self._actions[spec.id] = action
        return action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: str) -> bool:
        return action_id in self._actions

    def ids(self) -> list[str]:
        return list(self._actions)
