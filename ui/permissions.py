"""What the signed-in person may not do is greyed out, with a tooltip saying why.

The core services decide (channelmgr.security.roles); this only spares a viewer buttons that
would be refused. A gated action or widget stays disabled even when its page enables it again
(a selection made, a change pending), and its tooltip names the role and what it may not do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from channelmgr.security.roles import ROLE_NAMES_ZH, Permission, Role, may
from channelmgr.security.signed_in import current

translate = QCoreApplication.translate


def allowed(permission: Permission) -> bool:
    """True without accounts (nobody signed in) or when the signed-in role has the permission."""
    actor = current()
    return actor is None or may(actor.role, permission)


def refusal_tip(permission: Permission) -> str:
    actor = current()
    chinese = QLocale().language() == QLocale.Language.Chinese
    role = actor.role if actor else ""
    role_text = ROLE_NAMES_ZH.get(Role(role), role) if chinese and role in Role._value2member_map_ else role
    what = permission.description_zh if chinese else permission.description
    return (translate("Permissions", "Signed in as %1 (%2): may not %3")
            .replace("%1", actor.user if actor else "").replace("%2", role_text).replace("%3", what))


class _KeepDisabled(QObject):
    """Re-disables a widget whenever its page enables it."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.EnabledChange and watched.isEnabled():
            watched.setEnabled(False)
        return False


def gate(target: QAction | QWidget, permission: Permission) -> bool:
    """Disable ``target`` for good when the signed-in role lacks ``permission``; True if allowed."""
    if allowed(permission):
        return True
    tip = refusal_tip(permission)
    target.setEnabled(False)
    target.setToolTip(tip)
    target.setProperty("refused_permission", permission.value)
    if isinstance(target, QAction):
        target.setStatusTip(tip)
        target.changed.connect(lambda: target.setEnabled(False) if target.isEnabled() else None)
    else:
        keeper = _KeepDisabled(target)
        target.installEventFilter(keeper)
    return False


def gate_all(targets, permission: Permission) -> None:
    for target in targets:
        gate(target, permission)
