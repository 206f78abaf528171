"""A channel's parsed booking, checked and translated to local room types and rate plans.

``read_channel_booking`` takes one dict from ``parse_res_retrieve`` (or any adapter that returns
the same shape) and either returns a ChannelBooking ready for the ledger or raises Unusable with
every reason it found, for the needs-attention list. It is pure: no database, so it is cheap to
run on ten thousand bookings and easy to test.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import ChannelMapping
from .currencies import is_currency
from .revisions import fingerprint, json_safe, revision_of

# OpenTravel ResStatus (and the plain words other adapters use) → is the booking cancelled?
_STATUS_CANCELLED = {
    "book": False, "commit": False, "modify": False, "reserved": False, "confirmed": False, "new": False,
    "modified": False, "cancel": True, "cancelled": True, "canceled": True,
}


class Unusable(Exception):
    """The booking cannot be stored as it is; the message lists every reason."""


@dataclass(frozen=True)
class StayLine:
    """One room of a channel booking, in local terms. Nights are ``[arrival, departure)``."""

    room_type_id: int
    rate_plan_id: int | None
    arrival: date
    departure: date
    adults: int
    children: int
    amount_minor: int
    currency: str
    commission_minor: int = 0  # what the channel keeps of amount_minor: net revenue is the difference


@dataclass(frozen=True)
class ChannelBooking:
    remote_id: str
    revision: str
    cancelled: bool
    lines: tuple[StayLine, ...]  # empty for a cancellation
    guest_name: str
    guest_phone: str
    notes: str
    payload: dict  # the booking as received, JSON-safe: what the revision history keeps
    content_hash: str


class CodeMap:
    """The channel's remote room/rate codes → (room type id, rate plan id), from ChannelMapping."""

    def __init__(self, pairs: dict[tuple[str, str | None], tuple[int, int | None]]):
        self._pairs = pairs

    @classmethod
    def load(cls, session: Session, channel_id: int) -> "CodeMap":
        rows = session.execute(
            select(ChannelMapping.remote_room, ChannelMapping.remote_rate, ChannelMapping.room_type_id,
                   ChannelMapping.rate_plan_id).where(ChannelMapping.channel_id == channel_id)
        )
        return cls({(room, rate or None): (type_id, plan_id) for room, rate, type_id, plan_id in rows})

    def lookup(self, room_code: str | None, rate_code: str | None) -> tuple[int, int | None] | None:
        """The exact (room, rate) mapping, else the room's mapping that names no rate."""
        if not room_code:
            return None
        return self._pairs.get((room_code, rate_code or None)) or self._pairs.get((room_code, None))


def read_channel_booking(raw: dict, codes: CodeMap, default_currency: str) -> ChannelBooking:
    problems = list(raw.get("problems") or ())
    remote_id = raw.get("remote_id")
    status = (raw.get("status") or "book").strip().lower()
    cancelled = _STATUS_CANCELLED.get(status)
    if cancelled is None:
        problems.append(f"unknown reservation status {raw.get('status')!r}")
    if not remote_id and not any("reservation id" in p for p in problems):
        problems.append("no reservation id")
    lines: list[StayLine] = []
    if cancelled:
        # A cancellation needs only the id: what it cancels is already in the ledger, and channels
        # often send it with the stay left out or unreadable.
        problems = [p for p in problems if "reservation id" in p or "status" in p]
    else:
        rooms = raw.get("rooms") or []
        if not rooms:
            problems.append("the booking has no room stay")
        for number, room in enumerate(rooms, start=1):
            line = _line(room, number, len(rooms), raw, codes, default_currency, problems)
            if line is not None:
                lines.append(line)
        if len(rooms) > 1 and len(lines) == len(rooms):
            lines = _spread_commission(lines, rooms, raw.get("commission_minor"), problems)
    if problems:
        raise Unusable("; ".join(dict.fromkeys(problems)))
    payload = json_safe(raw)
    content_hash = fingerprint(payload, is_json_safe=True)
    guest = raw.get("guest") or {}
    notes = [*(raw.get("comments") or ()), *([f"email {guest['email']}"] if guest.get("email") else [])]
    return ChannelBooking(
        remote_id=str(remote_id),
        revision=revision_of(raw, content_hash),
        cancelled=bool(cancelled),
        lines=tuple(lines),
        guest_name=guest_name(guest.get("given_name"), guest.get("surname"))[:100],
        guest_phone=(guest.get("phone") or "")[:50],
        notes="\n".join(notes),
        payload=payload,
        content_hash=content_hash,
    )


def _line(room: dict, number: int, count: int, raw: dict, codes: CodeMap, default_currency: str,
          problems: list[str]) -> StayLine | None:
    where = f"room {number}" if count > 1 else "the room"
    found = codes.lookup(room.get("room_code"), room.get("rate_code"))
    if found is None:
        problems.append(f"{where}: room code {room.get('room_code')!r} / rate code {room.get('rate_code')!r} "
                        "is not mapped to a room type of this channel")
    arrival, departure = room.get("arrival"), room.get("departure")
    if not isinstance(arrival, date) or not isinstance(departure, date):
        problems.append(f"{where}: no readable arrival and departure")
    elif departure <= arrival:
        problems.append(f"{where}: departure {departure} is not after arrival {arrival} (zero nights)")
    amount = room.get("amount_minor")
    if amount is None and count == 1:
        amount = raw.get("total_minor")  # one room: the booking total is the room's
    currency = room.get("currency") or raw.get("currency") or default_currency
    if amount is not None and amount < 0:
        problems.append(f"{where}: negative amount {amount}")
    if not is_currency(currency):
        problems.append(f"{where}: {currency!r} is not an ISO 4217 currency code")
    for key in ("adults", "children"):
        if (room.get(key) or 0) < 0:
            problems.append(f"{where}: negative number of {key}")
    commission = room.get("commission_minor")
    if commission is None and count == 1:
        commission = raw.get("commission_minor")  # one room: the booking's commission is the room's
    if commission is not None and commission < 0:
        problems.append(f"{where}: negative commission {commission}")
    elif commission is not None and amount is not None and commission > amount:
        # Net revenue below zero is never what a channel meant: a unit or decimal-places slip.
        problems.append(f"{where}: commission {commission} is more than the amount {amount}")
    if found is None or problems:
        return None
    return StayLine(found[0], found[1], arrival, departure, room.get("adults") or 0, room.get("children") or 0,
                    amount or 0, currency, commission or 0)


def _spread_commission(lines: list[StayLine], rooms: list[dict], total: int | None,
                       problems: list[str]) -> list[StayLine]:
    """A booking-wide commission (Channex sends only one) shared over its rooms by their amounts.

    Rooms that name their own commission keep it; the last room takes the rounding remainder, so
    the rooms add up to exactly what the channel said it keeps.
    """
    if total is None or any(room.get("commission_minor") is not None for room in rooms):
        return lines
    gross = sum(line.amount_minor for line in lines)
    if total < 0:
        problems.append(f"negative booking commission {total}")
        return lines
    if total > gross:
        problems.append(f"booking commission {total} is more than the rooms' amounts {gross}")
        return lines
    shares = [total * line.amount_minor // gross if gross else 0 for line in lines]
    shares[-1] += total - sum(shares)
    return [replace(line, commission_minor=share) for line, share in zip(lines, shares)]


def guest_name(given: str | None, surname: str | None) -> str:
    """王 + 小明 → 王小明; Emily + Carter → Emily Carter (Chinese names put the family name first)."""
    given, surname = (given or "").strip(), (surname or "").strip()
    if any(unicodedata.east_asian_width(ch) == "W" for ch in given + surname):
        return surname + given
    return " ".join(part for part in (given, surname) if part)
