"""The facade the UI and the CLI both call. Services take and return plain dataclasses.

Each domain keeps its own service class in its folder; this only wires them to one database,
so a front end needs a single object.
"""

from __future__ import annotations

from .db.engine import Database, open_database
from .inventory.service import InventoryService
from .reservations.service import ReservationService


class Services:
    def __init__(self, db: Database):
        self.db = db
        self.inventory = InventoryService(db)
        self.reservations = ReservationService(db)

    @classmethod
    def open(cls, url: str) -> "Services":
        return cls(open_database(url))

    def close(self) -> None:
        self.db.dispose()
