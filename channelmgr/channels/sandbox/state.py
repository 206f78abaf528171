"""What each sandbox listing currently shows, per (room, rate, night), plus request counters."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Iterable

from channelmgr.channels.opentravel_messages import minor_to_decimal
from channelmgr.channels.sandbox.listings import ListingConfig


@dataclass(frozen=True)
class Restrictions:
    stop_sell: bool = False
    cta: bool = False
    ctd: bool = False
    min_stay: int = 1
    max_stay: int | None = None
    # How the minimum stay was given where the protocol says: "arrival" or "through" (a
    # Channex-style min_stay_arrival / min_stay_through); None: the protocol does not say (OpenTravel).
    min_stay_basis: str | None = None


class ListingState:
    """One listing's shelf. All access goes through ``lock``: handler threads write, tests read."""

    def __init__(self, config: ListingConfig) -> None:
        self.config = config
        self.lock = threading.RLock()
        self.counts: dict[tuple[str, date], int] = {}
        self.prices: dict[tuple[str, str, int | None, date], tuple[int, str]] = {}
        self.restrictions: dict[tuple[str, str, date], Restrictions] = {}
        self.counters: Counter[str] = Counter()
        # remote id → SandboxBooking (see bookings.py): what guests booked here, in booking order
        self.bookings: dict = {}
        # pace → monotonic times of the requests inside the hub's rate window (channex_api.py)
        self.request_times: dict[str, list[float]] = {}
        # What the listing's content shows (content_processing.py): per room code, and the property's.
        self.room_content: dict[str, dict] = {}
        self.property_content: dict | None = None

    def set_count(self, room: str, nights: Iterable[date], count: int) -> None:
        for night in nights:
            self.counts[(room, night)] = count

    def set_price(
        self, room: str, rate: str, guests: int | None, nights: Iterable[date], amount_minor: int, currency: str
    ) -> None:
        for night in nights:
            self.prices[(room, rate, guests, night)] = (amount_minor, currency)

    def set_restrictions(self, room: str, rate: str, nights: Iterable[date], changes: dict) -> None:
        """Apply only the fields one AvailStatusMessage carried; the rest keep their value."""
        for night in nights:
            current = self.restrictions.get((room, rate, night), Restrictions())
            self.restrictions[(room, rate, night)] = replace(current, **changes)

    def count(self, event: str, n: int = 1) -> None:
        with self.lock:
            self.counters[event] += n

    def snapshot(self) -> dict:
        """JSON-ready: flat, sorted lists that mirror the sync engine's cells."""
        with self.lock:
            inventory = [
                {"room": room, "night": night.isoformat(), "count": count}
                for (room, night), count in sorted(self.counts.items())
            ]
            rates = [
                {
                    "room": room, "rate": rate, "guests": guests, "night": night.isoformat(),
                    "amount": minor_to_decimal(amount, currency), "amount_minor": amount, "currency": currency,
                }
                for (room, rate, guests, night), (amount, currency) in sorted(
                    self.prices.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or 0, kv[0][3])
                )
            ]
            restrictions = [
                {"room": room, "rate": rate, "night": night.isoformat(), **asdict(value)}
                for (room, rate, night), value in sorted(self.restrictions.items())
            ]
            return {
                "hotel_code": self.config.hotel_code,
                "currency": self.config.currency,
                "inventory": inventory,
                "rates": rates,
                "restrictions": restrictions,
                "bookings": [b.to_json() for b in self.bookings.values()],
                "content": {"property": self.property_content,
                            "rooms": {code: self.room_content[code] for code in sorted(self.room_content)}},
                "counters": dict(sorted(self.counters.items())),
            }
