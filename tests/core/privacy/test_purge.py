"""Purging guest data after check-out: dry run counts, purge replaces, reports stay, audited by count."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from channelmgr.actor import Actor
from channelmgr.db.models import AuditEntry, Reservation
from channelmgr.errors import UserError
from channelmgr.privacy.service import PURGED, PrivacyService
from channelmgr.reports.scope import ReportScope
from channelmgr.reports.service import ReportService
from channelmgr.reservations.desk_bookings import DeskBooking
from channelmgr.reservations.service import ReservationService
from tests.support.ledger import CHANNEL, CLOCK_NOW, DESK, TODAY, booking, build_ledger_hotel

D = timedelta(days=1)
ADMIN = Actor("owner", "test")  # a database without accounts: every actor may act


@pytest.fixture
def hotel(db):
    hotel = build_ledger_hotel(db)
    ledger = ReservationService(db, clock=lambda: CLOCK_NOW)
    # two channel bookings that checked out on TODAY+2 and TODAY+12, one desk booking (TODAY+5)
    ledger.ingest(hotel.channel_id, [booking("C-OLD", guest="老客"), booking("C-NEW", arrival=TODAY + 10 * D)], CHANNEL)
    ledger.book(DeskBooking(property_id=hotel.property_id, room_type_id=hotel.types["TWN"], arrival=TODAY + 3 * D,
                            nights=2, guest_name="电话客", guest_phone="13912345678",
                            notes="wants a quiet room", amount_minor=50000), DESK)
    return hotel


def _privacy(db, days_after_today: int) -> PrivacyService:
    return PrivacyService(db, clock=lambda: CLOCK_NOW + days_after_today * D)


def _guests(db):
    with db.session() as s:
        return sorted((r.guest_name, r.guest_phone, r.notes) for r in s.scalars(select(Reservation)))


def _every_byte(db) -> str:
    with db.session() as s:
        tables = ("reservation", "reservation_revision", "audit_entry", "needs_attention")
        return json.dumps([list(map(str, row)) for t in tables for row in s.execute(text(f"SELECT * FROM {t}"))],
                          ensure_ascii=False)


def test_dry_run_counts_and_changes_nothing(db, hotel):
    before = _every_byte(db)
    # 400 days after TODAY, older than 395 days: checked out on or before TODAY+5 → C-OLD and the desk booking
    report = _privacy(db, 400).purge(ADMIN, hotel.property_id, 395, dry_run=True)
    assert (report.reservations, report.dry_run, report.cutoff) == (2, True, TODAY + 5 * D)
    assert _privacy(db, 400).preview(hotel.property_id, 395).reservations == 2
    assert _every_byte(db) == before


def test_purge_replaces_the_guest_everywhere_and_keeps_money_and_nights(db, hotel):
    scope = ReportScope(hotel.property_id, TODAY - 10 * D, TODAY + 30 * D)
    reports = ReportService(db)
    occupancy, revenue = reports.occupancy(scope), reports.revenue(scope)
    assert "老客" in _every_byte(db) and "13912345678" in _every_byte(db)

    report = _privacy(db, 400).purge(ADMIN, hotel.property_id, 395)

    assert report.reservations == 2 and report.revisions >= 2 and report.audit_entries >= 1
    guests = _guests(db)
    assert guests.count((PURGED, PURGED, PURGED)) == 2
    assert len([g for g in guests if g[0] != PURGED]) == 1
    stored = _every_byte(db)
    for personal in ("老客", "电话客", "13912345678", "wants a quiet room"):
        assert personal not in stored
    assert "+86 138 0000 0000" in stored  # C-NEW checked out later: kept
    # the figures of the reports are the same after the purge
    assert reports.occupancy(scope) == occupancy and reports.revenue(scope) == revenue
    # audited with counts, not the data
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "purge")).one()
    assert entry.after["reservations"] == 2 and "老客" not in json.dumps(entry.after, ensure_ascii=False)
    # a second purge finds nothing left to do
    assert _privacy(db, 400).purge(ADMIN, hotel.property_id, 395).reservations == 0


def test_purge_without_a_period_is_refused_and_the_period_is_checked(db, hotel):
    privacy = _privacy(db, 400)
    with pytest.raises(UserError, match="No purge period"):
        privacy.purge(ADMIN, hotel.property_id)
    for bad in (0, -3, "abc", 99999999):
        with pytest.raises(UserError, match="Days after check-out"):
            privacy.set_purge_after(ADMIN, hotel.property_id, bad)
    assert privacy.settings(hotel.property_id).purge_after_days is None  # default: off
    privacy.set_purge_after(ADMIN, hotel.property_id, 395)
    assert privacy.purge(ADMIN, hotel.property_id, dry_run=True).reservations == 2


def test_the_daily_purge_runs_once_a_day_on_the_set_period(db, hotel):
    privacy = _privacy(db, 400)
    assert privacy.purge_if_due(ADMIN, hotel.property_id) is None  # off: nothing
    privacy.set_purge_after(ADMIN, hotel.property_id, 395)
    assert privacy.purge_if_due(ADMIN, hotel.property_id).reservations == 2
    assert privacy.purge_if_due(ADMIN, hotel.property_id) is None  # same day: not again
    later = _privacy(db, 410)  # ten days on, C-NEW has been out for 396 days
    assert later.purge_if_due(ADMIN, hotel.property_id).reservations == 1
    assert all(g[0] == PURGED for g in _guests(db))
