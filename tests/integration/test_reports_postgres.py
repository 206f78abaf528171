"""Every report gives the same figures on PostgreSQL as on SQLite (dates, timestamps and statuses
come back as different Python types from the two drivers)."""

from datetime import date

import pytest

from channelmgr.db.engine import open_database
from channelmgr.reports.plain import plain
from channelmgr.reports.sample_ledger import add_sample_history
from channelmgr.reports.scope import ReportScope
from channelmgr.services import Services
from tests.core.reports.helpers import build_hotel

pytestmark = pytest.mark.postgres

TODAY = date(2026, 6, 15)


def _figures(db) -> dict:
    h = build_hotel(db)
    with db.session() as s:
        add_sample_history(s, h.property_id, date(2025, 5, 1), date(2026, 9, 1), TODAY, seed=7)
    reports = Services(db).reports
    scope = ReportScope(h.property_id, date(2026, 5, 1), date(2026, 8, 1))
    return {
        "occupancy": plain(reports.occupancy(scope)), "revenue": plain(reports.revenue(scope)),
        "channels": plain(reports.channels(scope)), "bookings": plain(reports.bookings(scope)),
        "pace": plain(reports.pace(ReportScope(h.property_id, date(2026, 7, 1), date(2026, 8, 1)), as_of=TODAY)),
    }


def test_reports_agree_between_sqlite_and_postgres(db, postgres_url):
    pg = open_database(postgres_url)
    try:
        on_pg = _figures(pg)
    finally:
        pg.dispose()
    on_sqlite = _figures(db)
    assert on_pg["occupancy"]["total"]["sold_nights"] > 50  # the sample history really booked
    assert on_pg["bookings"]["average_lead_days"] is not None and on_pg["pace"]["last_year_final_nights"] > 0
    for name in on_sqlite:
        assert on_pg[name] == on_sqlite[name], name
