"""The words the reservation screens share: statuses, sources, history changes, refusals.

Every text goes through ``translate("ReservationTexts", …)`` (pyside6-lupdate collects the
literal calls); the calendar's shared words (booking status, source) are reused from there.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from channelmgr.inventory.refusals import Refusal
from ui.calendar.texts import booking_status_label, date_text, refusal_text, source_label

translate = QCoreApplication.translate

__all__ = ["booking_status_label", "source_label", "change_label", "conflict_kind_label", "ledger_refusal_text",
           "revision_field_label", "revision_text"]


def change_label(change: str) -> str:
    return {
        "created": translate("ReservationTexts", "Created"),
        "modified": translate("ReservationTexts", "Modified"),
        "cancelled": translate("ReservationTexts", "Cancelled"),
        "cancelled_unknown": translate("ReservationTexts", "Cancelled before it arrived"),
        "stale": translate("ReservationTexts", "Older revision, ignored"),
        "no_show": translate("ReservationTexts", "No-show"),
        "moved": translate("ReservationTexts", "Moved to another room"),
        "upgraded": translate("ReservationTexts", "Moved to another room type"),
        "assigned": translate("ReservationTexts", "Room assigned"),
        "checked_in": translate("ReservationTexts", "Checked in"),
        "checked_out": translate("ReservationTexts", "Checked out"),
    }.get(change, change)


def conflict_kind_label(kind: str) -> str:
    return {
        "overbooked": translate("ReservationTexts", "Overbooked"),
        "room_clash": translate("ReservationTexts", "Two bookings in one room"),
    }.get(kind, kind)


def _templates() -> dict[str, str]:
    return {
        "booking_would_overbook": translate("ReservationTexts", "{room_type} has no room left on {nights}: the booking would overbook."),
        "nights_range": translate("ReservationTexts", "A stay is 1 to {max} nights."),
        "arrival_past": translate("ReservationTexts", "The arrival {night} is before today."),
        "amount_negative": translate("ReservationTexts", "The amount cannot be negative."),
        "bad_source": translate("ReservationTexts", "Choose phone, WeChat, walk-in or other."),
        "not_cancellable": translate("ReservationTexts", "Only a confirmed booking can be cancelled."),
        "not_holding": translate("ReservationTexts", "{guest}'s booking holds no room."),
        "room_taken": translate("ReservationTexts", "Room {room} is taken by {guest} from {first} to {last}."),
        "already_resolved": translate("ReservationTexts", "This entry is already resolved."),
    }


def ledger_refusal_text(error: Exception) -> str:
    """A refusal from the ledger in the user's language; the calendar's words for shared codes."""
    if isinstance(error, Refusal):
        template = _templates().get(error.code)
        if template is not None:
            params = {k: date_text(v) if isinstance(v, date) else v for k, v in error.params.items()}
            try:
                return template.format(**params)
            except (KeyError, IndexError):
                pass
    return refusal_text(error)


def revision_field_label(key: str) -> str:
    """A key of channelmgr.reservations.revision_fields as the desk reads it."""
    return {
        "guest": translate("ReservationTexts", "Guest"),
        "phone": translate("ReservationTexts", "Phone"),
        "email": translate("ReservationTexts", "Email"),
        "status": translate("ReservationTexts", "Status"),
        "stay": translate("ReservationTexts", "Room of the booking"),
        "arrival": translate("ReservationTexts", "Arrival"),
        "departure": translate("ReservationTexts", "Departure"),
        "nights": translate("ReservationTexts", "Nights"),
        "room_type": translate("ReservationTexts", "Room type"),
        "channel_room": translate("ReservationTexts", "Channel room code"),
        "channel_rate": translate("ReservationTexts", "Channel rate code"),
        "room": translate("ReservationTexts", "Room"),
        "adults": translate("ReservationTexts", "Adults"),
        "children": translate("ReservationTexts", "Children"),
        "amount": translate("ReservationTexts", "Amount"),
        "commission": translate("ReservationTexts", "Commission"),
        "source": translate("ReservationTexts", "Source"),
        "remote_id": translate("ReservationTexts", "Reservation no."),
        "notes": translate("ReservationTexts", "Notes"),
        "overbooked": translate("ReservationTexts", "Overbooked"),
    }.get(key, key)


def _message_status_label(status: str) -> str:
    """A channel message's status (book, modify, cancel…) or the desk's booking status, in words."""
    words = {
        "book": translate("ReservationTexts", "New booking"),
        "new": translate("ReservationTexts", "New booking"),
        "commit": translate("ReservationTexts", "New booking"),
        "modify": translate("ReservationTexts", "Modified"),
        "modified": translate("ReservationTexts", "Modified"),
        "cancel": translate("ReservationTexts", "Cancelled"),
        "canceled": translate("ReservationTexts", "Cancelled"),
    }
    return words.get(status.strip().lower(), None) or booking_status_label(status)


def revision_text(fields: list[tuple[str, str]]) -> str:
    """Labelled lines ("入住：2026-12-11"), codes worded: a revision's content for the desk."""
    lines = []
    for key, value in fields:
        if key == "status":
            value = _message_status_label(value)
        elif key == "source":
            value = source_label(value)
        elif key == "overbooked":
            value = translate("ReservationTexts", "Yes")
        lines.append(translate("ReservationTexts", "%1: %2").replace("%1", revision_field_label(key))
                     .replace("%2", value))
    return "\n".join(lines)
