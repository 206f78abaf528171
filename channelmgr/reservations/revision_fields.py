"""A booking revision's content as labelled lines: what a desk reads in the revision history.

A revision keeps what arrived as it arrived (a channel's message: ``total_minor``, ``rooms`` with
channel room codes, a guest split into given name and surname) or the booking as the desk left
it (``amount_minor``, ``room_type_id``). Both read here as the same fields — guest, arrival,
departure, room type, amount… — with money and nights worked out; the front end names the keys
in its language and words the codes (a status, a source). The raw JSON stays for support.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..money import format_minor
from .channel_booking import guest_name


def revision_fields(payload: Mapping, room_types: Mapping[int, str] | None = None,
                    rooms: Mapping[int, str] | None = None) -> list[tuple[str, str]]:
    """(key, value) lines of a revision, in reading order. Keys: guest, phone, email, status,
    stay (a channel booking's room n of m), arrival, departure, nights, room_type, channel_room,
    channel_rate, room, adults, children, amount, commission, source, remote_id, notes,
    overbooked. ``status`` and ``source`` are codes; ``overbooked`` is "yes" when it is."""
    if isinstance(payload.get("guest"), dict) or "rooms" in payload:
        return _from_channel(payload)
    return _from_desk(payload, room_types or {}, rooms or {})


def _from_channel(p: Mapping) -> list[tuple[str, str]]:
    guest = p.get("guest") or {}
    currency = p.get("currency") or "CNY"
    lines = _present(("guest", guest_name(guest.get("given_name"), guest.get("surname"))),
                     ("phone", guest.get("phone")), ("email", guest.get("email")), ("status", p.get("status")))
    stays = p.get("rooms") or []
    for number, room in enumerate(stays, start=1):
        if len(stays) > 1:
            lines.append(("stay", f"{number} / {len(stays)}"))
        lines += _dates(room.get("arrival"), room.get("departure"))
        lines += _present(("channel_room", room.get("room_code")), ("channel_rate", room.get("rate_code")),
                          ("adults", room.get("adults")), ("children", room.get("children")),
                          ("amount", _money(room.get("amount_minor"), room.get("currency") or currency)))
    lines += _present(("amount", _money(p.get("total_minor"), currency)),
                      ("commission", _money(p.get("commission_minor"), currency)),
                      ("remote_id", p.get("remote_id")), ("notes", "; ".join(map(str, p.get("comments") or ()))))
    return lines


def _from_desk(p: Mapping, room_types: Mapping[int, str], rooms: Mapping[int, str]) -> list[tuple[str, str]]:
    currency = p.get("currency") or "CNY"
    room_type, room = p.get("room_type_id"), p.get("room_id")
    return [
        *_present(("guest", p.get("guest")), ("status", p.get("status"))),
        *_dates(p.get("arrival"), p.get("departure")),
        *_present(("room_type", room_types.get(room_type, f"#{room_type}") if room_type is not None else None),
                  ("room", rooms.get(room, f"#{room}") if room is not None else None),
                  ("amount", _money(p.get("amount_minor"), currency)),
                  ("commission", _money(p.get("commission_minor") or None, currency)),  # none at the desk
                  ("source", p.get("source")), ("remote_id", p.get("remote_id")),
                  ("overbooked", "yes" if p.get("overbooked") else None)),
    ]


def _present(*pairs: tuple[str, object]) -> list[tuple[str, str]]:
    """The pairs that have a value (a field the message left out is no line)."""
    return [(key, str(value)) for key, value in pairs if value is not None and value != ""]


def _dates(arrival: object, departure: object) -> list[tuple[str, str]]:
    lines = _present(("arrival", arrival), ("departure", departure))
    try:
        nights = (date.fromisoformat(str(departure)) - date.fromisoformat(str(arrival))).days
    except ValueError:
        return lines  # a date the channel sent unreadable: shown as it came, no nights made up
    return [*lines, ("nights", str(nights))]


def _money(amount: object, currency: str) -> str | None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        return None if amount is None else str(amount)
    return format_minor(amount, currency)
