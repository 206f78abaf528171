"""The words the calendar screens share: weekdays, operations, states, and refusals.

One place, so a label reads the same in the grid, the dialogs and the side panel. Every text goes
through ``translate("CalendarTexts", …)`` (pyside6-lupdate collects the literal calls).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from channelmgr.errors import UserError
from channelmgr.inventory.availability import AvailabilityState
from channelmgr.inventory.bulk_edit import Operation
from channelmgr.inventory.day_marks import DayMark
from channelmgr.inventory.refusals import Refusal

translate = QCoreApplication.translate


def weekday_short(weekday: int) -> str:
    """0 = Monday → '一' in Chinese, 'Mon' in English."""
    return [
        translate("CalendarTexts", "Mon"),
        translate("CalendarTexts", "Tue"),
        translate("CalendarTexts", "Wed"),
        translate("CalendarTexts", "Thu"),
        translate("CalendarTexts", "Fri"),
        translate("CalendarTexts", "Sat"),
        translate("CalendarTexts", "Sun"),
    ][weekday]


def weekday_name(weekday: int) -> str:
    """0 = Monday → '周一'."""
    return [
        translate("CalendarTexts", "Monday"),
        translate("CalendarTexts", "Tuesday"),
        translate("CalendarTexts", "Wednesday"),
        translate("CalendarTexts", "Thursday"),
        translate("CalendarTexts", "Friday"),
        translate("CalendarTexts", "Saturday"),
        translate("CalendarTexts", "Sunday"),
    ][weekday]


def date_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def day_title(day: date) -> str:
    """'2026/11/25 周三' — a date with its weekday."""
    return f"{date_text(day)} {weekday_name(day.weekday())}"


def holiday_name(day: DayMark) -> str:
    """The day's holiday in the UI language ('' when it is none)."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    return (day.holiday_zh if chinese else day.holiday_en or day.holiday_zh) or ""


def holiday_short_name(day: DayMark) -> str:
    """The holiday's name for a narrow date header, where the full name does not fit.

    Chinese names shorten to their first two characters (国庆, 春节, 中秋); English ones cannot be
    cut ("New Year's Day" → "Ne"), so each has an abbreviation of its own."""
    if QLocale().language() == QLocale.Language.Chinese or not day.holiday_zh:
        return (day.holiday_zh or "")[:2]
    short = {
        "元旦": translate("CalendarTexts", "NY", "New Year's Day, in a narrow date header"),
        "春节": translate("CalendarTexts", "CNY", "Spring Festival, in a narrow date header"),
        "清明节": translate("CalendarTexts", "Tomb", "Tomb-sweeping Day, in a narrow date header"),
        "劳动节": translate("CalendarTexts", "May 1", "Labour Day, in a narrow date header"),
        "端午节": translate("CalendarTexts", "Boat", "Dragon Boat Festival, in a narrow date header"),
        "中秋节": translate("CalendarTexts", "Moon", "Mid-autumn Festival, in a narrow date header"),
        "国庆节": translate("CalendarTexts", "Natl", "National Day, in a narrow date header"),
    }
    return short.get(day.holiday_zh, translate("CalendarTexts", "Hol.", "any other holiday, in a narrow date header"))


def makeup_workday_badge() -> str:
    """Marks a weekend day that is a working day (调休) in the date header."""
    return translate("CalendarTexts", "Work")


def stop_badge() -> str:
    """The short stop-sell marker painted in a calendar cell."""
    return translate("CalendarTexts", "Stop")


def operation_label(op: Operation) -> str:
    return {
        Operation.OPEN: translate("CalendarTexts", "Open for sale"),
        Operation.CLOSE: translate("CalendarTexts", "Stop-sell"),
        Operation.ROOMS_CLOSED: translate("CalendarTexts", "Rooms closed"),
        Operation.MIN_STAY: translate("CalendarTexts", "Minimum stay"),
        Operation.MAX_STAY: translate("CalendarTexts", "Maximum stay"),
        Operation.CLOSED_TO_ARRIVAL: translate("CalendarTexts", "Closed to arrival (CTA)"),
        Operation.CLOSED_TO_DEPARTURE: translate("CalendarTexts", "Closed to departure (CTD)"),
        Operation.PRICE: translate("CalendarTexts", "Set price"),
        Operation.CLEAR_PRICE: translate("CalendarTexts", "Clear typed price"),
    }[op]


def setting_label(field: str) -> str:
    """A stored calendar field (as the audit names it) in words."""
    return {
        "rooms_closed": translate("CalendarTexts", "Rooms closed"),
        "stop_sell": translate("CalendarTexts", "Stop-sell"),
        "min_stay": translate("CalendarTexts", "Minimum stay"),
        "max_stay": translate("CalendarTexts", "Maximum stay"),
        "closed_to_arrival": translate("CalendarTexts", "Closed to arrival (CTA)"),
        "closed_to_departure": translate("CalendarTexts", "Closed to departure (CTD)"),
    }.get(field, field)


def state_label(state: AvailabilityState) -> str:
    return {
        AvailabilityState.OPEN: translate("CalendarTexts", "Available"),
        AvailabilityState.LOW: translate("CalendarTexts", "Few left"),
        AvailabilityState.SOLD_OUT: translate("CalendarTexts", "Sold out"),
        AvailabilityState.STOP_SELL: translate("CalendarTexts", "Stop-sell"),
        AvailabilityState.OVERBOOKED: translate("CalendarTexts", "Overbooked"),
    }[state]


def room_status_label(status: str) -> str:
    return {
        "clean": translate("CalendarTexts", "Clean"),
        "dirty": translate("CalendarTexts", "Dirty"),
        "occupied": translate("CalendarTexts", "Occupied"),
        "out_of_order": translate("CalendarTexts", "Out of order"),
    }.get(status, status)


def booking_status_label(status: str) -> str:
    return {
        "confirmed": translate("CalendarTexts", "Confirmed"),
        "checked_in": translate("CalendarTexts", "Checked in"),
        "checked_out": translate("CalendarTexts", "Checked out"),
        "cancelled": translate("CalendarTexts", "Cancelled"),
        "no_show": translate("CalendarTexts", "No-show"),
    }.get(status, status)


def source_label(source: str) -> str:
    return {
        "phone": translate("CalendarTexts", "Phone"),
        "walk_in": translate("CalendarTexts", "Walk-in"),
        "wechat": translate("CalendarTexts", "WeChat"),
        "channel": translate("CalendarTexts", "Channel"),
        "other": translate("CalendarTexts", "Other"),
    }.get(source, source)


def action_label(action: str) -> str:
    return {
        "bulk_edit": translate("CalendarTexts", "Bulk edit"),
        "copy_week": translate("CalendarTexts", "Copy week"),
        "undo": translate("CalendarTexts", "Undo"),
        "redo": translate("CalendarTexts", "Redo"),
    }.get(action, action)


def _refusal_templates() -> dict[str, str]:
    return {
        "past": translate("CalendarTexts", "Nights before today ({today}) cannot be changed."),
        "end_before_start": translate("CalendarTexts", "The end ({last}) is before the start ({first})."),
        "range_too_long": translate("CalendarTexts", "At most {max} nights can be changed at a time."),
        "no_weekday": translate("CalendarTexts", "Choose at least one weekday."),
        "no_room_type": translate("CalendarTexts", "Choose at least one room type."),
        "unknown_room_type": translate("CalendarTexts", "A chosen room type no longer exists; reload the calendar."),
        "no_rate_plan": translate("CalendarTexts", "Choose at least one rate plan for a price change."),
        "foreign_rate_plan": translate("CalendarTexts", "A chosen rate plan does not belong to the chosen room types."),
        "bad_value": translate("CalendarTexts", "Enter a valid value."),
        "price_not_positive": translate("CalendarTexts", "A price must be above zero."),
        "no_price": translate("CalendarTexts", "This room type has no price for every night of the stay: enter the amount."),
        "stay_range": translate("CalendarTexts", "A stay limit is 1 to {max} nights."),
        "too_many_closed": translate("CalendarTexts", "{room_type} has {rooms} rooms; {value} cannot be closed."),
        "min_above_max": translate(
            "CalendarTexts", "Minimum stay {min} would be above maximum stay {max} for {room_type} on {night}."
        ),
        "weeks_range": translate("CalendarTexts", "Copy to 1–104 weeks."),
        "changed_since": translate(
            "CalendarTexts", "{count} of these cells were changed again since; nothing was undone or redone, so the newer values are kept."
        ),
        "bad_status": translate("CalendarTexts", "Unknown room status."),
        "already_out_of_order": translate("CalendarTexts", "Room {room} is already out of order from {first} to {last}."),
        "room_booked": translate("CalendarTexts", "Room {room} is booked by {guest} from {first} to {last}."),
        "would_overbook": translate(
            "CalendarTexts", "Taking room {room} out on {night} would leave too few rooms for that night's bookings."
        ),
        "booking_would_overbook": translate("CalendarTexts", "{room_type} has no room left on {night}."),
        "no_guest_name": translate("CalendarTexts", "Enter the guest's name."),
        "nights_range": translate("CalendarTexts", "A walk-in stays 1 to {max} nights."),
        "guests_range": translate("CalendarTexts", "A booking needs at least one adult."),
        "not_checked_in": translate("CalendarTexts", "{guest} is not checked in."),
        "not_confirmed": translate("CalendarTexts", "{guest}'s booking is not confirmed."),
        "arrives_later": translate("CalendarTexts", "{guest} arrives on {night}."),
        "stay_over": translate("CalendarTexts", "{guest}'s stay ended on {night}."),
        "wrong_room_type": translate("CalendarTexts", "Room {room} is not of the booked room type."),
        "room_occupied": translate("CalendarTexts", "Room {room} is occupied."),
        "room_taken": translate("CalendarTexts", "Room {room} is taken by {guest} from {first} to {last}."),
        "room_out_of_order": translate("CalendarTexts", "Room {room} is out of order."),
    }


def refusal_text(error: Exception) -> str:
    """A refusal from the core in the user's language; other errors as the core worded them."""
    if isinstance(error, Refusal):
        template = _refusal_templates().get(error.code)
        if template is not None:
            params = {k: date_text(v) if isinstance(v, date) else v for k, v in error.params.items()}
            try:
                return template.format(**params)
            except (KeyError, IndexError):
                pass  # a translation naming a parameter the code does not send: fall back below
    if isinstance(error, UserError):
        return str(error)
    return translate("CalendarTexts", "Something went wrong: %1").replace("%1", str(error))
