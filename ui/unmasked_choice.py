"""The "phone numbers in clear" choice of an export: masked unless an administrator ticks it (the
core audits the opt-in: channelmgr.privacy.service.allow_unmasked); greyed with the reason for
other roles, as the core would refuse them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QWidget

from channelmgr.actor import Actor
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.security.roles import Permission

from .permissions import gate


def unmasked_checkbox(parent: QWidget) -> QCheckBox:
    box = QCheckBox(QCoreApplication.translate("UnmaskedChoice", "Phone numbers in clear (recorded in the audit)"),
                    parent)
    box.setObjectName("export_unmasked")
    gate(box, Permission.SETTINGS)
    return box


def unmasked_by(box: QCheckBox, cause: str) -> Actor | None:
    """Who asked for the phone numbers in clear, or None for the masked export."""
    return desk_actor(cause) if box.isEnabled() and box.isChecked() else None
