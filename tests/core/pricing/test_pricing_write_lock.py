"""A price edit and a calendar write at the same moment on one desk: both go through.

A calendar write (bulk edit, Excel import, accept theirs) holds the database's write lock from
its first statement and then, at its price guard, asks the pricing engine for the prices the
cells show (``nightly_prices``, under the engine's lock). A price edit that took the engine's lock
first and the database's at its first write waited for the calendar write while holding what the
calendar write waited for: on SQLite it failed after the busy timeout ("database is locked").

Desk A is the real BulkEditService.apply of a typed price, held at its price guard (tests/support/
desk_race.py) until desk B, the real PricingService.set_overrides, waits for the database.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from channelmgr.actor import Actor
from channelmgr.db.models import RatePlan, RoomType
from channelmgr.inventory import bulk_edit
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
from tests.support.desk_race import DeskRace

ACTOR = Actor("tester", "test")
WRITES = ("BEGIN", "INSERT", "UPDATE", "DELETE")


def b_waits_for_the_database(race: DeskRace) -> bool:
    # B has asked SQLite for its write lock (BEGIN IMMEDIATE, or the driver's BEGIN before a
    # write), which A holds: B waits from here on.
    return any(sql.lstrip().upper().startswith(WRITES) for _conn, sql in list(race.b_statements))


def test_a_price_edit_waits_for_a_calendar_write_instead_of_failing(demo_services, monkeypatch):
    services = demo_services
    pid = services.inventory.property_id(None)
    night = services.calendar.availability.today(pid) + timedelta(days=3)
    with services.db.session() as s:
        lkv, bar = s.execute(select(RoomType.id, RatePlan.id).join(RatePlan, RatePlan.room_type_id == RoomType.id)
                             .where(RoomType.code == "LKV", RatePlan.code == "BAR")).one()
    race = DeskRace(b_waits_for_the_database)
    monkeypatch.setattr(bulk_edit, "check_typed_prices", race.between_plan_and_write(bulk_edit.check_typed_prices))
    request = BulkEditRequest(pid, night, night, (lkv,), Operation.PRICE, 60000, rate_plan_ids=(bar,))

    results = race.run(lambda: services.calendar.bulk_edit.apply(request, ACTOR),
                       lambda: services.pricing.set_overrides(ACTOR, pid, "LKV", "BAR", [night + timedelta(days=1)],
                                                              61000))

    assert [c.after for c in results["A"].changes] == [60000]
    prices = services.pricing.price_grid(pid, night, night + timedelta(days=2))
    assert (prices[("LKV", "BAR", night)], prices[("LKV", "BAR", night + timedelta(days=1))]) == (60000, 61000)
