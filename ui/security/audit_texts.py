"""The audit trail's action and object names in the desk's language.

The core records stable English codes (``bulk_edit``, ``rate_plan``) so filters and exports stay
the same in every language; the Audit page and a cell's history show them as words. A code not
listed here (a newer desk wrote it) is shown as it is rather than hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QCoreApplication.translate

# The tables hold Qt's source strings (QT_TRANSLATE_NOOP, for lupdate); only the one asked for is
# translated, so a page of 5,000 audit rows does not build every table for every cell.


_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("AuditTexts", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditTexts", "Changed"),
    "delete": QT_TRANSLATE_NOOP("AuditTexts", "Deleted"),
    "set": QT_TRANSLATE_NOOP("AuditTexts", "Set"),
    "clear": QT_TRANSLATE_NOOP("AuditTexts", "Cleared"),
    "archive": QT_TRANSLATE_NOOP("AuditTexts", "Archived"),
    "duplicate": QT_TRANSLATE_NOOP("AuditTexts", "Duplicated"),
    "reorder": QT_TRANSLATE_NOOP("AuditTexts", "Reordered"),
    "enable": QT_TRANSLATE_NOOP("AuditTexts", "Enabled"),
    "map": QT_TRANSLATE_NOOP("AuditTexts", "Mapped"),
    "unmap": QT_TRANSLATE_NOOP("AuditTexts", "Unmapped"),
    "move": QT_TRANSLATE_NOOP("AuditTexts", "Moved"),
    "bulk_edit": QT_TRANSLATE_NOOP("AuditTexts", "Bulk edit"),
    "copy_week": QT_TRANSLATE_NOOP("AuditTexts", "Copy week"),
    "undo": QT_TRANSLATE_NOOP("AuditTexts", "Undo"),
    "redo": QT_TRANSLATE_NOOP("AuditTexts", "Redo"),
    "import": QT_TRANSLATE_NOOP("AuditTexts", "Import"),
    "set_status": QT_TRANSLATE_NOOP("AuditTexts", "Room status"),
    "assign_room": QT_TRANSLATE_NOOP("AuditTexts", "Room assigned"),
    "check_in": QT_TRANSLATE_NOOP("AuditTexts", "Check-in"),
    "check_out": QT_TRANSLATE_NOOP("AuditTexts", "Check-out"),
    "cancel": QT_TRANSLATE_NOOP("AuditTexts", "Cancelled"),
    "no_show": QT_TRANSLATE_NOOP("AuditTexts", "No-show"),
    "end": QT_TRANSLATE_NOOP("AuditTexts", "Ended"),
    "resolve": QT_TRANSLATE_NOOP("AuditTexts", "Resolved"),
    "overbooking_resolved": QT_TRANSLATE_NOOP("AuditTexts", "Overbooking resolved"),
    "sign_in": QT_TRANSLATE_NOOP("AuditTexts", "Signed in"),
    "sign_in_failed": QT_TRANSLATE_NOOP("AuditTexts", "Wrong password"),
    "sign_in_refused": QT_TRANSLATE_NOOP("AuditTexts", "Sign-in refused"),
    "locked": QT_TRANSLATE_NOOP("AuditTexts", "Locked"),
    "change_password": QT_TRANSLATE_NOOP("AuditTexts", "Password changed"),
    "reset_password": QT_TRANSLATE_NOOP("AuditTexts", "Password reset"),
    "refused": QT_TRANSLATE_NOOP("AuditTexts", "Refused"),
    "purge": QT_TRANSLATE_NOOP("AuditTexts", "Guest data purged"),
    "unmasked_export": QT_TRANSLATE_NOOP("AuditTexts", "Export with phone numbers"),
    "backup": QT_TRANSLATE_NOOP("AuditTexts", "Backup"),
    "restore": QT_TRANSLATE_NOOP("AuditTexts", "Restore"),
    "restore_refused": QT_TRANSLATE_NOOP("AuditTexts", "Restore refused"),
    "secret_unreadable": QT_TRANSLATE_NOOP("AuditTexts", "Password could not be opened"),
    }


def _worded(table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return translate("AuditTexts", source) if source else code


def action_label(action: str) -> str:
    return _worded(_ACTIONS, action)


_ENTITIES = {
    "calendar": QT_TRANSLATE_NOOP("AuditTexts", "Calendar"),
    "rate_plan": QT_TRANSLATE_NOOP("AuditTexts", "Rate plan"),
    "price_rule": QT_TRANSLATE_NOOP("AuditTexts", "Price rule"),
    "room_type": QT_TRANSLATE_NOOP("AuditTexts", "Room type"),
    "room": QT_TRANSLATE_NOOP("AuditTexts", "Room"),
    "room_out_of_order": QT_TRANSLATE_NOOP("AuditTexts", "Room out of order"),
    "property": QT_TRANSLATE_NOOP("AuditTexts", "Property"),
    "channel": QT_TRANSLATE_NOOP("AuditTexts", "Channel"),
    "reservation": QT_TRANSLATE_NOOP("AuditTexts", "Reservation"),
    "needs_attention": QT_TRANSLATE_NOOP("AuditTexts", "Needs attention"),
    "user": QT_TRANSLATE_NOOP("AuditTexts", "User"),
    "permission": QT_TRANSLATE_NOOP("AuditTexts", "Permission"),
    "setting": QT_TRANSLATE_NOOP("AuditTexts", "Setting"),
    "backup_settings": QT_TRANSLATE_NOOP("AuditTexts", "Backup settings"),
    "privacy": QT_TRANSLATE_NOOP("AuditTexts", "Privacy"),
    "revenue_target": QT_TRANSLATE_NOOP("AuditTexts", "Revenue target"),
    "database": QT_TRANSLATE_NOOP("AuditTexts", "Database"),
    }


def entity_label(entity: str) -> str:
    return _worded(_ENTITIES, entity)


# Where a change came from, as the core writes it (channelmgr.actor.Actor.cause): a fixed place
# ("bulk edit", "command line: sync") or a place and a name ("import rooms.xlsx"). Anything not
# listed (a free text, a newer desk's cause) is shown as it is.
_CAUSES = {
    "command line": QT_TRANSLATE_NOOP("AuditTexts", "Command line"),
    "command line: sync": QT_TRANSLATE_NOOP("AuditTexts", "Command line: sync"),
    "command line: calendar edit": QT_TRANSLATE_NOOP("AuditTexts", "Command line: calendar edit"),
    "desktop": QT_TRANSLATE_NOOP("AuditTexts", "Desktop"),
    "desktop: reservations": QT_TRANSLATE_NOOP("AuditTexts", "Desktop: reservations"),
    "desktop: new booking": QT_TRANSLATE_NOOP("AuditTexts", "Desktop: new booking"),
    "desktop: needs attention": QT_TRANSLATE_NOOP("AuditTexts", "Desktop: needs attention"),
    "first start": QT_TRANSLATE_NOOP("AuditTexts", "First start"),
    "change password": QT_TRANSLATE_NOOP("AuditTexts", "Change password"),
    "users dialog": QT_TRANSLATE_NOOP("AuditTexts", "Users dialog"),
    "settings page": QT_TRANSLATE_NOOP("AuditTexts", "Settings page"),
    "channels page": QT_TRANSLATE_NOOP("AuditTexts", "Channels page"),
    "channels page: push": QT_TRANSLATE_NOOP("AuditTexts", "Channels page: push"),
    "rooms panel": QT_TRANSLATE_NOOP("AuditTexts", "Rooms panel"),
    "room type list": QT_TRANSLATE_NOOP("AuditTexts", "Room type list"),
    "room type editor": QT_TRANSLATE_NOOP("AuditTexts", "Room type editor"),
    "room board": QT_TRANSLATE_NOOP("AuditTexts", "Room board"),
    "prices page": QT_TRANSLATE_NOOP("AuditTexts", "Prices page"),
    "front desk": QT_TRANSLATE_NOOP("AuditTexts", "Front desk"),
    "export dialog": QT_TRANSLATE_NOOP("AuditTexts", "Export dialog"),
    "excel import": QT_TRANSLATE_NOOP("AuditTexts", "Excel import"),
    "dashboard": QT_TRANSLATE_NOOP("AuditTexts", "Dashboard"),
    "bulk edit": QT_TRANSLATE_NOOP("AuditTexts", "Bulk edit"),
    "copy week": QT_TRANSLATE_NOOP("AuditTexts", "Copy week"),
    "undo": QT_TRANSLATE_NOOP("AuditTexts", "Undo"),
    "redo": QT_TRANSLATE_NOOP("AuditTexts", "Redo"),
    "walk-in": QT_TRANSLATE_NOOP("AuditTexts", "Walk-in"),
    "check-in": QT_TRANSLATE_NOOP("AuditTexts", "Check-in"),
    "check-out": QT_TRANSLATE_NOOP("AuditTexts", "Check-out"),
    "sync": QT_TRANSLATE_NOOP("AuditTexts", "Sync"),
    "reservation pull": QT_TRANSLATE_NOOP("AuditTexts", "Reservation pull"),
    "daily backup": QT_TRANSLATE_NOOP("AuditTexts", "Daily backup"),
    "daily privacy purge": QT_TRANSLATE_NOOP("AuditTexts", "Daily privacy purge"),
    "demo data": QT_TRANSLATE_NOOP("AuditTexts", "Demo data"),
    "Back up now": QT_TRANSLATE_NOOP("AuditTexts", "Back up now"),
    "Purge now": QT_TRANSLATE_NOOP("AuditTexts", "Purge now"),
    "Restore…": QT_TRANSLATE_NOOP("AuditTexts", "Restore…"),
    "channelmgr backup create": QT_TRANSLATE_NOOP("AuditTexts", "Command line: backup create"),
}


# (prefix, wording with %1 for the rest), longest prefix first
_NAMED_CAUSES = (
    ("reservation pull from ", QT_TRANSLATE_NOOP("AuditTexts", "Reservation pull from %1")),
    ("booking from ", QT_TRANSLATE_NOOP("AuditTexts", "Booking from %1")),
    ("iCal feed ", QT_TRANSLATE_NOOP("AuditTexts", "iCal feed %1")),
    ("import ", QT_TRANSLATE_NOOP("AuditTexts", "Import %1")),
    ("channelmgr backup restore ", QT_TRANSLATE_NOOP("AuditTexts", "Command line: restore %1")),
)


def cause_label(cause: str) -> str:
    if cause in _CAUSES:
        return _worded(_CAUSES, cause)
    for prefix, wording in _NAMED_CAUSES:
        if cause.startswith(prefix):
            return translate("AuditTexts", wording).replace("%1", cause[len(prefix):])
    return cause
