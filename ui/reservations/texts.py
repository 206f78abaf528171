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

__all__ = ["booking_status_label", "source_label", "change_label", "conflict_kind_label", "ledger_refusal_text"]


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
