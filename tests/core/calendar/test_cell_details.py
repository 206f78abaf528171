"""Cell details: the night's bookings, every plan's price, and the night's recent changes."""

from channelmgr.actor import Actor
from channelmgr.db.models import ReservationStatus
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation

from .builders import ACTOR, day


def _edit(hotel, op, value=None, first=0, last=0, plans=(), actor=ACTOR):
    hotel.calendar.bulk_edit.apply(
        BulkEditRequest(hotel.property_id, day(first), day(last), (hotel.types["A"],), op, value,
                        rate_plan_ids=tuple(hotel.plans[p] for p in plans)),
        actor,
    )


def test_details_show_the_nights_bookings_prices_and_changes(hotel):
    staying = hotel.book("A", day(-1), 2)
    arriving = hotel.book("A", day(0), 1)
    hotel.book("A", day(0), 1, status=ReservationStatus.CANCELLED)
    hotel.book("A", day(-2), 2)  # left this morning
    _edit(hotel, Operation.PRICE, 61000, plans=("A/BAR",))
    _edit(hotel, Operation.MIN_STAY, 2, first=0, last=3, actor=Actor("owner", "weekend rule"))
    _edit(hotel, Operation.CLOSE, first=1, last=1)  # another night: not shown

    details = hotel.calendar.details.details(hotel.types["A"], day(0))
    assert (details.room_type_code, details.night, details.cell.booked, details.cell.left) == ("A", day(0), 2, 2)
    assert [b.reservation_id for b in details.bookings] == [staying, arriving]
    assert [(p.code, p.price_minor, p.overridden) for p in details.prices] == [("BAR", 61000, True), ("BB", 64000, False)]
    assert [(c.actor, c.cause, c.action, c.before, c.after) for c in details.changes] == [
        ("owner", "weekend rule", "bulk_edit", {"min_stay": None}, {"min_stay": 2}),
        ("tester", "test", "bulk_edit", {f"price:{hotel.plans['A/BAR']}": None}, {f"price:{hotel.plans['A/BAR']}": 61000}),
    ]
