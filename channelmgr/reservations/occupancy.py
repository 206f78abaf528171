"""Nights held per room type, kept current inside one ledger transaction.

Loaded once from the calendar's physical counts (``held_nights``: rooms, holding bookings and rooms
out of order per night), then updated in memory as the transaction books and releases nights, so a
batch of thousands of channel bookings checks availability without a query per booking. Valid only
under the selling lock (channelmgr/reservations/selling_lock.py), which keeps other writers out.

"Full" here is physical: a night is full when every room of the type is booked or out of order.
Rooms the owner closed and stop-sell are what channels are offered, not what exists: a channel that
sells a closed night is not an overbooking, and the owner may still take a phone booking on it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from sqlalchemy.orm import Session

from ..inventory.availability import held_nights


class NightCounts:
    def __init__(self, start: date, end: date, totals: dict[int, int], held: dict[int, list[int]]):
        self.start = start
        self.end = end
        self._totals = totals
        self._held = held  # bookings + rooms out of order, per night of the window

    @classmethod
    def load(
        cls, session: Session, property_id: int, start: date, end: date, room_type_ids: Sequence[int] | None = None
    ) -> "NightCounts":
        loaded = held_nights(session, property_id, start, end, room_type_ids)
        return cls(start, end, {t: rooms for t, (rooms, _) in loaded.items()},
                   {t: nights for t, (_, nights) in loaded.items()})

    def _row(self, room_type_id: int) -> list[int]:
        # A type the snapshot does not show (archived) has no rooms to sell: every night is full.
        row = self._held.get(room_type_id)
        if row is None:
            row = self._held[room_type_id] = [0] * (self.end - self.start).days
            self._totals[room_type_id] = 0
        return row

    def _columns(self, arrival: date, departure: date) -> range:
        if arrival < self.start or departure > self.end:
            raise ValueError(f"stay {arrival}–{departure} is outside the loaded window {self.start}–{self.end}")
        return range((arrival - self.start).days, (departure - self.start).days)

    def rooms(self, room_type_id: int) -> int:
        self._row(room_type_id)
        return self._totals[room_type_id]

    def free(self, room_type_id: int, night: date) -> int:
        """Rooms of the type neither booked nor out of order that night (negative: overbooked)."""
        row = self._row(room_type_id)
        return self._totals[room_type_id] - row[(night - self.start).days]

    def full_nights(self, room_type_id: int, arrival: date, departure: date) -> list[date]:
        """Nights of the stay with no room left for one more booking."""
        row, total = self._row(room_type_id), self.rooms(room_type_id)
        return [self.start + timedelta(days=i) for i in self._columns(arrival, departure) if row[i] + 1 > total]

    def overbooked_nights(self, room_type_id: int, arrival: date, departure: date) -> list[date]:
        """Nights of the stay with more bookings (and repairs) than rooms."""
        row, total = self._row(room_type_id), self.rooms(room_type_id)
        return [self.start + timedelta(days=i) for i in self._columns(arrival, departure) if row[i] > total]

    def take(self, room_type_id: int, arrival: date, departure: date) -> None:
        row = self._row(room_type_id)
        for i in self._columns(arrival, departure):
            row[i] += 1

    def release(self, room_type_id: int, arrival: date, departure: date) -> None:
        row = self._row(room_type_id)
        for i in self._columns(arrival, departure):
            row[i] -= 1
