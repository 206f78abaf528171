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

import pytest
from sqlalchemy import select

from channelmgr.actor import Actor
from channelmgr.db.engine import open_database
from channelmgr.db.models import AuditEntry, RatePlan, RoomType
from channelmgr.demo import load_demo
from channelmgr.pricing.edits import SetOverrides
from channelmgr.pricing.service import PricingService
from channelmgr.services import Services
from channelmgr.inventory import bulk_edit
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
from tests.support.desk_race import DeskRace, postgres_b_waits, sqlite_b_waits

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


# -- two desks editing one price ------------------------------------------------------------------
# Desk A types ¥610 for a night and is held between its preview (the fat-finger guard's "before")
# and its write; desk B, another process (its own PricingService), types ¥620 for the same night.
# B must plan from A's ¥610: its guard and its audit entry's "before" say ¥610, not the ¥ before A.
# SQLite: the write session's BEGIN IMMEDIATE. PostgreSQL: the property's row, locked first.

def _two_desks_price_race(db, monkeypatch, b_waits):
    load_demo(db)
    pid = Services(db).inventory.property_id(None)
    desk_a, desk_b = PricingService(db), PricingService(db)
    night = desk_a.clock().date() + timedelta(days=4)
    race = DeskRace(b_waits)
    monkeypatch.setattr(SetOverrides, "write", race.between_plan_and_write(SetOverrides.write))
    race.run(lambda: desk_a.set_overrides(ACTOR, pid, "LKV", "BAR", [night], 61000, force=True),
             lambda: desk_b.set_overrides(ACTOR, pid, "LKV", "BAR", [night], 62000, force=True))
    with db.session() as s:
        b_entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "price_override")
                            .order_by(AuditEntry.id.desc()).limit(1)).one()
    assert b_entry.after[night.isoformat()] == 62000
    assert b_entry.before[night.isoformat()] == 61000, "desk B planned from before desk A's commit"


def test_a_second_desk_prices_from_the_first_desk_s_commit_sqlite(db, monkeypatch):
    _two_desks_price_race(db, monkeypatch, sqlite_b_waits)


@pytest.mark.postgres
def test_a_second_desk_prices_from_the_first_desk_s_commit_postgres(postgres_url, monkeypatch):
    db = open_database(postgres_url)
    try:
        with postgres_b_waits(db.engine) as b_waits:
            _two_desks_price_race(db, monkeypatch, b_waits)
    finally:
        db.dispose()
