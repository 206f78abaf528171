"""The audit trail's action and object names in the desk's language.

The core records stable English codes (``bulk_edit``, ``rate_plan``) so filters and exports stay
the same in every language; the Audit page and a cell's history show them as words. A code not
listed here (a newer desk wrote it) is shown as it is rather than hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def action_label(action: str) -> str:
    return {
        "create": translate("AuditTexts", "Created"),
        "update": translate("AuditTexts", "Changed"),
        "delete": translate("AuditTexts", "Deleted"),
        "set": translate("AuditTexts", "Set"),
        "clear": translate("AuditTexts", "Cleared"),
        "archive": translate("AuditTexts", "Archived"),
        "duplicate": translate("AuditTexts", "Duplicated"),
        "reorder": translate("AuditTexts", "Reordered"),
        "enable": translate("AuditTexts", "Enabled"),
        "map": translate("AuditTexts", "Mapped"),
        "unmap": translate("AuditTexts", "Unmapped"),
        "move": translate("AuditTexts", "Moved"),
        "bulk_edit": translate("AuditTexts", "Bulk edit"),
        "copy_week": translate("AuditTexts", "Copy week"),
        "undo": translate("AuditTexts", "Undo"),
        "redo": translate("AuditTexts", "Redo"),
        "import": translate("AuditTexts", "Import"),
        "set_status": translate("AuditTexts", "Room status"),
        "assign_room": translate("AuditTexts", "Room assigned"),
        "check_in": translate("AuditTexts", "Check-in"),
        "check_out": translate("AuditTexts", "Check-out"),
        "cancel": translate("AuditTexts", "Cancelled"),
        "no_show": translate("AuditTexts", "No-show"),
        "end": translate("AuditTexts", "Ended"),
        "resolve": translate("AuditTexts", "Resolved"),
        "overbooking_resolved": translate("AuditTexts", "Overbooking resolved"),
        "sign_in": translate("AuditTexts", "Signed in"),
        "sign_in_failed": translate("AuditTexts", "Wrong password"),
        "sign_in_refused": translate("AuditTexts", "Sign-in refused"),
        "locked": translate("AuditTexts", "Locked"),
        "change_password": translate("AuditTexts", "Password changed"),
        "reset_password": translate("AuditTexts", "Password reset"),
        "refused": translate("AuditTexts", "Refused"),
        "purge": translate("AuditTexts", "Guest data purged"),
        "unmasked_export": translate("AuditTexts", "Export with phone numbers"),
        "backup": translate("AuditTexts", "Backup"),
        "restore": translate("AuditTexts", "Restore"),
        "restore_refused": translate("AuditTexts", "Restore refused"),
        "secret_unreadable": translate("AuditTexts", "Password could not be opened"),
    }.get(action, action)


def entity_label(entity: str) -> str:
    return {
        "calendar": translate("AuditTexts", "Calendar"),
        "rate_plan": translate("AuditTexts", "Rate plan"),
        "price_rule": translate("AuditTexts", "Price rule"),
        "room_type": translate("AuditTexts", "Room type"),
        "room": translate("AuditTexts", "Room"),
        "room_out_of_order": translate("AuditTexts", "Room out of order"),
        "property": translate("AuditTexts", "Property"),
        "channel": translate("AuditTexts", "Channel"),
        "reservation": translate("AuditTexts", "Reservation"),
        "needs_attention": translate("AuditTexts", "Needs attention"),
        "user": translate("AuditTexts", "User"),
        "permission": translate("AuditTexts", "Permission"),
        "setting": translate("AuditTexts", "Setting"),
        "backup_settings": translate("AuditTexts", "Backup settings"),
        "privacy": translate("AuditTexts", "Privacy"),
        "revenue_target": translate("AuditTexts", "Revenue target"),
        "database": translate("AuditTexts", "Database"),
    }.get(entity, entity)
