"""The calendar on a real PostgreSQL server: the same snapshot, bulk edit, undo and walk-in."""

import pytest

from channelmgr.db.engine import open_database
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
from channelmgr.inventory.front_desk import WalkInRequest

from .builders import ACTOR, build_hotel, day

pytestmark = pytest.mark.postgres


def test_snapshot_bulk_edit_and_walk_in_on_postgres(postgres_url):
    db = open_database(postgres_url)
    try:
        hotel = build_hotel(db)
        hotel.book("A", day(0), 3)
        hotel.repair("104", day(1), day(2))
        edit = BulkEditRequest(hotel.property_id, day(0), day(6), (hotel.types["A"], hotel.types["B"]),
                               Operation.ROOMS_CLOSED, 1, weekdays=frozenset({0, 1}))
        assert hotel.calendar.bulk_edit.preview(edit).cells_changed == 4
        changes = hotel.calendar.bulk_edit.apply(edit, ACTOR)
        hotel.calendar.bulk_edit.apply(
            BulkEditRequest(hotel.property_id, day(2), day(2), (hotel.types["A"],), Operation.PRICE, 77700,
                            rate_plan_ids=(hotel.plans["A/BAR"],)), ACTOR, force=True)  # +55%, on purpose
        hotel.calendar.front_desk.walk_in(
            WalkInRequest(hotel.property_id, hotel.types["B"], 1, "散客", 30000), ACTOR)

        snap = hotel.snapshot(days=4)
        a, b = snap.cells
        assert [(c.booked, c.out_of_order, c.closed, c.left) for c in a] == [(1, 0, 1, 2), (1, 1, 1, 1), (1, 0, 0, 3), (0, 0, 0, 4)]
        assert [c.price_minor for c in a] == [50000, 50000, 77700, 50000]
        assert [c.left for c in b] == [0, 1, 2, 2]  # tonight: 1 walk-in + 1 closed of 2 rooms
        hotel.calendar.bulk_edit.undo(changes, ACTOR)
        assert [c.closed for c in hotel.snapshot(days=2).cells[0]] == [0, 0]
    finally:
        db.dispose()
