"""What the sandbox OTA knows about each listing: codes, credentials, horizon, limits.

A JSON file holds the same fields, for ``channelmgr sandbox --config listings.json``::

    {"listings": [{"hotel_code": "H1001", "username": "owner", "password": "s3cret",
                   "rooms": ["DBL", "TWN"], "rates": ["BAR", "NRF"],
                   "horizon_days": 365, "currency": "CNY", "max_items_per_request": 100,
                   "commission_percent": 15}]}

A Channex-style listing (served at ``/channex/{hotel_code}/api/v1/…``; the password is its API
key) adds ``"rate_plans": {"RP-DBL-BAR": "DBL"}`` and its rate limit, ``"requests_per_window": 10``
per ``"rate_window_seconds": 60`` per pace (availability · restrictions).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class ListingConfig:
    hotel_code: str
    username: str
    password: str = field(repr=False)
    rooms: frozenset[str] = frozenset()
    rates: frozenset[str] = frozenset()       # rate plan codes, valid for every room
    horizon_days: int = 365                   # nights from today the OTA sells, today included
    currency: str = "CNY"
    max_items_per_request: int | None = None  # message elements per request; None: no limit
    # Channex-style hub only: each rate plan id belongs to one room type id (rate plan → room),
    # and the requests a property may make per pace in ``rate_window_seconds`` (None: no limit).
    rate_plans: dict[str, str] = field(default_factory=dict)
    requests_per_window: int | None = None
    rate_window_seconds: float = 60.0
    # What the OTA keeps of each booking made on it, in percent (Ctrip and Booking.com take about
    # 15, Meituan about 10); sent with every booking, as real extranets report it.
    commission_percent: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rooms", frozenset(self.rooms))
        object.__setattr__(self, "rates", frozenset(self.rates))
        if not self.hotel_code or "/" in self.hotel_code:
            raise ValueError(f"hotel_code must be non-empty and contain no '/': {self.hotel_code!r}")
        if self.horizon_days < 1:
            raise ValueError("horizon_days must be at least 1")
        object.__setattr__(self, "rate_plans", dict(self.rate_plans))
        unknown_rooms = set(self.rate_plans.values()) - self.rooms
        if unknown_rooms:
            raise ValueError(f"rate_plans name rooms this listing does not have: {sorted(unknown_rooms)}")
        if self.requests_per_window is not None and self.requests_per_window < 1:
            raise ValueError("requests_per_window must be at least 1 (or null for no limit)")
        if self.rate_window_seconds <= 0:
            raise ValueError("rate_window_seconds must be above 0")
        object.__setattr__(self, "commission_percent", Decimal(str(self.commission_percent)))
        if not 0 <= self.commission_percent < 100:
            raise ValueError("commission_percent must be from 0 to below 100")

    @classmethod
    def from_dict(cls, data: dict) -> "ListingConfig":
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown listing fields: {sorted(unknown)}")
        return cls(**data)


DEMO_LISTING = ListingConfig(
    hotel_code="DEMO",
    username="demo",
    password="demo",
    rooms=frozenset({"DBL", "TWN", "FAM"}),
    rates=frozenset({"BAR", "NRF"}),
)


def load_listings(path: str | Path) -> list[ListingConfig]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("listings"), list):
        raise ValueError(f"{path}: expected an object with a 'listings' list")
    return [ListingConfig.from_dict(item) for item in data["listings"]]
