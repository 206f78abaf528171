"""The sandbox OTA's published iCal calendar, as Airbnb, Tujia or Vrbo publish one per listing room.

``GET /ical/{hotel}/{room}.ics`` answers with one VEVENT per booking guests made on the sandbox for
that room (``POST /api/book/{hotel}``), cancelled ones left out — a cancellation is the event
disappearing, exactly what the channel manager's feed poll must handle. Like those hosts' export
feeds it carries no guest names and no prices, only "Reserved" nights, and a UID per booking that
never changes. Served without authentication: the real hosts rely on the URL being unguessable.
"""

from __future__ import annotations

from datetime import timezone

import icalendar

from channelmgr.channels.sandbox.state import ListingState

PRODID = "-//channelmgr//sandbox OTA//EN"


def room_feed(state: ListingState, room: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    with state.lock:
        bookings = [b for b in state.bookings.values() if b.room == room and b.status != "Cancel"]
    for booking in sorted(bookings, key=lambda b: (b.arrival, b.remote_id)):
        event = icalendar.Event()
        event.add("uid", f"{booking.remote_id}@sandbox-ota")
        event.add("dtstamp", booking.modified.astimezone(timezone.utc))
        event.add("dtstart", booking.arrival)
        event.add("dtend", booking.departure)  # check-out day, exclusive
        event.add("summary", "Reserved")
        calendar.add_component(event)
    return calendar.to_ical()


def feed_path(hotel_code: str, room: str) -> str:
    return f"/ical/{hotel_code}/{room}.ics"

