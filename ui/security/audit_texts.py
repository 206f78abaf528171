"""The audit trail's action and object names in the desk's language.

The core records stable English codes (``bulk_edit``, ``rate_plan``) so filters and exports stay
the same in every language; the Audit page and a cell's history show them as words. A code not
listed here (a newer desk wrote it) is shown as it is rather than hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from channelmgr.security.audit_trail import AuditRow

from ..calendar.texts import booking_status_label
from ..pricing.texts import kind_label

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


# The fields the core records (column and JSON key names), for the "Before → after" column. A
# field of a dict is recorded as "<field> <key>" (params adjust, min_stay 2026-12-09): each word
# is worded if listed, a night or a newer desk's name stays as it is.
_FIELDS = {
    "name": QT_TRANSLATE_NOOP("AuditTexts", "Name"),
    "display_name": QT_TRANSLATE_NOOP("AuditTexts", "Display name"),
    "name_zh": QT_TRANSLATE_NOOP("AuditTexts", "Chinese name"),
    "name_en": QT_TRANSLATE_NOOP("AuditTexts", "English name"),
    "label_en": QT_TRANSLATE_NOOP("AuditTexts", "English name"),
    "code": QT_TRANSLATE_NOOP("AuditTexts", "Code"),
    "role": QT_TRANSLATE_NOOP("AuditTexts", "Role"),
    "active": QT_TRANSLATE_NOOP("AuditTexts", "Account enabled"),
    "enabled": QT_TRANSLATE_NOOP("AuditTexts", "Enabled"),
    "locked_until": QT_TRANSLATE_NOOP("AuditTexts", "Locked until"),
    "failed_attempts": QT_TRANSLATE_NOOP("AuditTexts", "Wrong passwords in a row"),
    "reason": QT_TRANSLATE_NOOP("AuditTexts", "Reason"),
    "password": QT_TRANSLATE_NOOP("AuditTexts", "Password"),
    "lock": QT_TRANSLATE_NOOP("AuditTexts", "Lock"),
    "days": QT_TRANSLATE_NOOP("AuditTexts", "Days"),
    "kind": QT_TRANSLATE_NOOP("AuditTexts", "Kind"),
    "params": QT_TRANSLATE_NOOP("AuditTexts", "Rule"),
    "priority": QT_TRANSLATE_NOOP("AuditTexts", "Priority"),
    "scope": QT_TRANSLATE_NOOP("AuditTexts", "Applies to"),
    "valid_from": QT_TRANSLATE_NOOP("AuditTexts", "Valid from"),
    "valid_to": QT_TRANSLATE_NOOP("AuditTexts", "Valid to"),
    "adjust": QT_TRANSLATE_NOOP("AuditTexts", "Adjustment"),
    "value": QT_TRANSLATE_NOOP("AuditTexts", "Value"),
    "holidays": QT_TRANSLATE_NOOP("AuditTexts", "Holidays"),
    # a rule kind's own condition (pricing.rule_store): the screenshot showed within_days raw
    "within_days": QT_TRANSLATE_NOOP("AuditTexts", "Days ahead, at most"),
    "at_least_days": QT_TRANSLATE_NOOP("AuditTexts", "Days ahead, at least"),
    "sold_at_least": QT_TRANSLATE_NOOP("AuditTexts", "Share sold, at least"),
    "channels": QT_TRANSLATE_NOOP("AuditTexts", "Channels"),
    "start": QT_TRANSLATE_NOOP("AuditTexts", "Start"),
    "end": QT_TRANSLATE_NOOP("AuditTexts", "End"),
    "yearly": QT_TRANSLATE_NOOP("AuditTexts", "Every year"),
    "stage": QT_TRANSLATE_NOOP("AuditTexts", "Stage"),
    "rate_plans": QT_TRANSLATE_NOOP("AuditTexts", "Rate plans"),
    "room_types": QT_TRANSLATE_NOOP("AuditTexts", "Room types"),
    "protocol": QT_TRANSLATE_NOOP("AuditTexts", "Protocol"),
    "endpoint": QT_TRANSLATE_NOOP("AuditTexts", "Endpoint"),
    "hotel_code": QT_TRANSLATE_NOOP("AuditTexts", "Hotel code"),
    "username": QT_TRANSLATE_NOOP("AuditTexts", "User name"),
    "settings": QT_TRANSLATE_NOOP("AuditTexts", "Settings"),
    "address": QT_TRANSLATE_NOOP("AuditTexts", "Address"),
    "phone": QT_TRANSLATE_NOOP("AuditTexts", "Phone"),
    "timezone": QT_TRANSLATE_NOOP("AuditTexts", "Time zone"),
    "currency": QT_TRANSLATE_NOOP("AuditTexts", "Currency"),
    "number": QT_TRANSLATE_NOOP("AuditTexts", "Room number"),
    "floor": QT_TRANSLATE_NOOP("AuditTexts", "Floor"),
    "notes": QT_TRANSLATE_NOOP("AuditTexts", "Notes"),
    "status": QT_TRANSLATE_NOOP("AuditTexts", "Status"),
    "room_type": QT_TRANSLATE_NOOP("AuditTexts", "Room type"),
    "room_type_id": QT_TRANSLATE_NOOP("AuditTexts", "Room type"),
    "rate_plan": QT_TRANSLATE_NOOP("AuditTexts", "Rate plan"),
    "remote_room": QT_TRANSLATE_NOOP("AuditTexts", "Channel room code"),
    "remote_rate": QT_TRANSLATE_NOOP("AuditTexts", "Channel rate code"),
    "archived": QT_TRANSLATE_NOOP("AuditTexts", "Archived"),
    "order": QT_TRANSLATE_NOOP("AuditTexts", "Order"),
    "attributes": QT_TRANSLATE_NOOP("AuditTexts", "Details"),
    "photo_captions": QT_TRANSLATE_NOOP("AuditTexts", "Photo captions"),
    "from": QT_TRANSLATE_NOOP("AuditTexts", "Copied from"),
    "guest": QT_TRANSLATE_NOOP("AuditTexts", "Guest"),
    "room": QT_TRANSLATE_NOOP("AuditTexts", "Room"),
    "room_id": QT_TRANSLATE_NOOP("AuditTexts", "Room"),
    "arrival": QT_TRANSLATE_NOOP("AuditTexts", "Arrival"),
    "departure": QT_TRANSLATE_NOOP("AuditTexts", "Departure"),
    "amount_minor": QT_TRANSLATE_NOOP("AuditTexts", "Amount"),
    "commission_minor": QT_TRANSLATE_NOOP("AuditTexts", "Commission"),
    "base_price_minor": QT_TRANSLATE_NOOP("AuditTexts", "Base price"),
    "derive_kind": QT_TRANSLATE_NOOP("AuditTexts", "Derived by"),
    "derive_value": QT_TRANSLATE_NOOP("AuditTexts", "Derived value"),
    "availability": QT_TRANSLATE_NOOP("AuditTexts", "Rooms to sell"),
    "min_stay": QT_TRANSLATE_NOOP("AuditTexts", "Min stay"),
    "max_stay": QT_TRANSLATE_NOOP("AuditTexts", "Max stay"),
    "cta": QT_TRANSLATE_NOOP("AuditTexts", "Closed to arrival"),
    "ctd": QT_TRANSLATE_NOOP("AuditTexts", "Closed to departure"),
    "stop_sell": QT_TRANSLATE_NOOP("AuditTexts", "Stop-sell"),
    "price": QT_TRANSLATE_NOOP("AuditTexts", "Price"),
    "problem": QT_TRANSLATE_NOOP("AuditTexts", "Problem"),
}


def field_label(field: str) -> str:
    """``params adjust`` → 规则 调整方式; ``price:3 2026-12-09`` → 价格 2026-12-09 (the plan is the entity's)."""
    words = []
    for word in field.split(" "):
        base = word.split(":", 1)[0] if word.startswith("price:") else word
        words.append(_worded(_FIELDS, base))
    return " ".join(words)


_ROLES = {
    "administrator": QT_TRANSLATE_NOOP("AuditTexts", "Administrator"),
    "operator": QT_TRANSLATE_NOOP("AuditTexts", "Operator"),
    "viewer": QT_TRANSLATE_NOOP("AuditTexts", "Read-only"),
}
_ADJUSTMENTS = {
    "add": QT_TRANSLATE_NOOP("AuditTexts", "Add an amount"),
    "percent": QT_TRANSLATE_NOOP("AuditTexts", "Percent"),
    "factor": QT_TRANSLATE_NOOP("AuditTexts", "Factor"),
    "set": QT_TRANSLATE_NOOP("AuditTexts", "Fixed price"),
}
_BOOLEANS = {
    "True": QT_TRANSLATE_NOOP("AuditTexts", "Yes"),
    "False": QT_TRANSLATE_NOOP("AuditTexts", "No"),
}


def value_label(entity: str, field: str, value: str) -> str:
    """A recorded value in words where it is a code: a role, yes/no, a rule's kind or adjustment,
    a booking's status. Names, amounts and dates stay as they are."""
    last = field.rsplit(" ", 1)[-1]
    if value in _BOOLEANS:
        return _worded(_BOOLEANS, value)
    if last == "role":
        return _worded(_ROLES, value)
    if entity == "price_rule" and last == "kind":
        return kind_label(value)
    if last == "adjust":
        return _worded(_ADJUSTMENTS, value)
    if entity == "reservation" and last == "status":
        return booking_status_label(value)
    return value


def change_label(row: AuditRow) -> str:
    """An audit row's "before → after" in the desk's language (the stored text is in the tooltip).

    The values come formatted from the core (channelmgr.security.audit_values: fen as money, a
    list as its items); here they are joined the desk's way (、 in Chinese) and codes worded."""
    parts = []
    for field, before, after in row.shown_changes(translate("AuditTexts", ", ")):
        name = field_label(field)
        after = value_label(row.entity, field, after)
        if before == "":  # a new value: nothing was there before
            parts.append(translate("AuditTexts", "%1: %2").replace("%1", name).replace("%2", after))
        else:
            parts.append(translate("AuditTexts", "%1: %2 → %3").replace("%1", name)
                         .replace("%2", value_label(row.entity, field, before)).replace("%3", after))
    return translate("AuditTexts", "; ").join(parts)
