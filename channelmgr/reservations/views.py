"""Plain reservation rows for lists, exports, the CLI and the UI (no ORM objects cross over)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


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
    guest_phone: str = ""
    revision: str = ""
    created_at: datetime | None = None
    notes: str = ""
    room_id: int | None = None
    commission_minor: int = 0  # what the OTA keeps of amount_minor; 0 for a booking taken at the desk

    @property
    def net_minor(self) -> int:
        """What the homestay keeps, as the reports count net revenue (gross minus commission)."""
        return self.amount_minor - self.commission_minor


@dataclass(frozen=True)
class RevisionInfo:
    """One line of a booking's history: what arrived (or was done at the desk), and when."""

    revision: str
    received_at: datetime
    change: str  # created, modified, cancelled, stale, moved, no_show, …
    status: str
    actor: str
    payload: dict


@dataclass(frozen=True)
class ReservationDetail:
    reservation: ReservationInfo
    history: tuple[RevisionInfo, ...]  # oldest first
    # The property's room type codes and room numbers by id: a desk revision records ids
    # (revision_fields names them), and a booking's type or room may have changed since.
    room_types: dict[int, str] = field(default_factory=dict)
    rooms: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AttentionInfo:
    """A booking the ledger could not store on its own, with the raw data and the reason."""

    id: int
    channel: str | None
    remote_id: str | None
    revision: str | None
    problem: str
    raw: dict
    raw_text: str
    status: str  # open, resolved
    received_at: datetime
    resolved_by: str
