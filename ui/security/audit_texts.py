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


# Where a change came from, as the core writes it (channelmgr.actor.Actor.cause): a fixed place
# ("bulk edit", "command line: sync") or a place and a name ("import rooms.xlsx"). Anything not
# listed (a free text, a newer desk's cause) is shown as it is.
def _fixed_causes() -> dict[str, str]:
    return {
        "command line": translate("AuditTexts", "Command line"),
        "command line: sync": translate("AuditTexts", "Command line: sync"),
        "command line: calendar edit": translate("AuditTexts", "Command line: calendar edit"),
        "desktop": translate("AuditTexts", "Desktop"),
        "desktop: reservations": translate("AuditTexts", "Desktop: reservations"),
        "desktop: new booking": translate("AuditTexts", "Desktop: new booking"),
        "desktop: needs attention": translate("AuditTexts", "Desktop: needs attention"),
        "first start": translate("AuditTexts", "First start"),
        "change password": translate("AuditTexts", "Change password"),
        "users dialog": translate("AuditTexts", "Users dialog"),
        "settings page": translate("AuditTexts", "Settings page"),
        "channels page": translate("AuditTexts", "Channels page"),
        "channels page: push": translate("AuditTexts", "Channels page: push"),
        "rooms panel": translate("AuditTexts", "Rooms panel"),
        "room type list": translate("AuditTexts", "Room type list"),
        "room type editor": translate("AuditTexts", "Room type editor"),
        "room board": translate("AuditTexts", "Room board"),
        "prices page": translate("AuditTexts", "Prices page"),
        "front desk": translate("AuditTexts", "Front desk"),
        "export dialog": translate("AuditTexts", "Export dialog"),
        "excel import": translate("AuditTexts", "Excel import"),
        "dashboard": translate("AuditTexts", "Dashboard"),
        "bulk edit": translate("AuditTexts", "Bulk edit"),
        "copy week": translate("AuditTexts", "Copy week"),
        "undo": translate("AuditTexts", "Undo"),
        "redo": translate("AuditTexts", "Redo"),
        "walk-in": translate("AuditTexts", "Walk-in"),
        "check-in": translate("AuditTexts", "Check-in"),
        "check-out": translate("AuditTexts", "Check-out"),
        "sync": translate("AuditTexts", "Sync"),
        "reservation pull": translate("AuditTexts", "Reservation pull"),
        "daily backup": translate("AuditTexts", "Daily backup"),
        "daily privacy purge": translate("AuditTexts", "Daily privacy purge"),
        "demo data": translate("AuditTexts", "Demo data"),
        "Back up now": translate("AuditTexts", "Back up now"),
        "Purge now": translate("AuditTexts", "Purge now"),
        "Restore…": translate("AuditTexts", "Restore…"),
        "channelmgr backup create": translate("AuditTexts", "Command line: backup create"),
    }


def _named_causes() -> list[tuple[str, str]]:
    """(prefix, wording with %1 for the rest), longest prefix first."""
    return [
        ("reservation pull from ", translate("AuditTexts", "Reservation pull from %1")),
        ("booking from ", translate("AuditTexts", "Booking from %1")),
        ("iCal feed ", translate("AuditTexts", "iCal feed %1")),
        ("import ", translate("AuditTexts", "Import %1")),
        ("channelmgr backup restore ", translate("AuditTexts", "Command line: restore %1")),
    ]


def cause_label(cause: str) -> str:
    fixed = _fixed_causes().get(cause)
    if fixed is not None:
        return fixed
    for prefix, wording in _named_causes():
        if cause.startswith(prefix):
            return wording.replace("%1", cause[len(prefix):])
    return cause
