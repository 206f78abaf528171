"""Plain reservation rows for lists, exports and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ReservationInfo:
    id: int
    source: str
    channel: str | None
    remote_id: str | None
    room_type_code: str
    room_number: str | None
    arrival: date
    departure: date
    nights: int
    adults: int
    children: int
    guest_name: str
    amount_minor: int
    currency: str
    status: str
    overbooked: bool
