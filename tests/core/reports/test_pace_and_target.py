"""Booking pace against last year, and the revenue target split by month or season (by hand)."""

from datetime import datetime

import pytest

from channelmgr.actor import Actor
from channelmgr.db.models import AuditEntry
from channelmgr.errors import UserError
from channelmgr.reports.scope import ReportScope
from channelmgr.reports.service import ReportService
from channelmgr.reports.target import REST_OF_YEAR, RevenueTarget, Season, split_target

from .helpers import D, build_hotel

NOON = dict(hour=4)  # 04:00 UTC is noon in Dali: the booking's local date is the UTC date


def test_pace_on_the_books_now_and_same_time_last_year(db):
    h = build_hotel(db)
    # This year, period 1–2 July 2026, seen on 20 June.
    h.book("A", D(2026, 7, 1), 2, 800, created=datetime(2026, 6, 1, **NOON))
    h.book("B", D(2026, 7, 2), 1, 300, status="cancelled", created=datetime(2026, 6, 10, **NOON),
           updated=datetime(2026, 6, 15, **NOON))  # on the books 10–14 June
    # Last year, 1–2 July 2025.
    h.book("A", D(2025, 7, 1), 2, 700, created=datetime(2025, 5, 1, **NOON))
    h.book("B", D(2025, 6, 30), 3, 600, created=datetime(2025, 6, 25, **NOON))  # 2 nights inside: 400, booked late
    h.book("A", D(2025, 7, 2), 1, 500, status="no_show", created=datetime(2025, 6, 1, **NOON))
    r = ReportService(db).pace(ReportScope(h.property_id, D(2026, 7, 1), D(2026, 7, 3)), as_of=D(2026, 6, 20))
    assert (r.last_year_start, r.last_year_end) == (D(2025, 7, 1), D(2025, 7, 3))
    assert (r.nights, r.gross_minor) == (2, 800_00)
    assert (r.last_year_nights, r.last_year_gross_minor) == (3, 1200_00)  # the no-show was still on the books
    assert (r.last_year_final_nights, r.last_year_final_gross_minor) == (4, 1100_00)  # …and sold nothing
    assert r.nights_change == 2 / 3 - 1
    points = {p.day: p for p in r.points}
    assert r.points[0].day == D(2026, 4, 2) and r.points[0].days_before == 90 and r.points[-1].day == D(2026, 7, 2)
    assert (points[D(2026, 6, 14)].nights, points[D(2026, 6, 15)].nights) == (3, 2)
    assert points[D(2026, 6, 14)].gross_minor == 1100_00
    assert points[D(2026, 6, 21)].nights is None  # the future has no pace yet
    assert points[D(2026, 6, 26)].last_year_nights == 5  # 2025-06-26: all three of last year's
    assert points[D(2026, 5, 31)].nights == 0


def test_pace_for_an_empty_period(db):
    h = build_hotel(db)
    r = ReportService(db).pace(ReportScope(h.property_id, D(2026, 8, 1), D(2026, 8, 8)), as_of=D(2026, 6, 20))
    assert (r.nights, r.last_year_nights, r.last_year_final_nights, r.nights_change) == (0, 0, 0, None)
    assert len(r.points) == 90 + 7  # 90 days ahead of 1 August (3 May) to the last night, 7 August
    assert r.points[0].day == D(2026, 5, 3) and r.points[-1].nights is None


def test_month_split_follows_the_days_and_adds_up():
    parts = split_target(RevenueTarget(2026, 365_000_00))
    assert [p.name for p in parts][:2] == ["2026-01", "2026-02"]
    assert [p.target_minor for p in parts][:3] == [31_000_00, 28_000_00, 31_000_00]
    assert sum(p.target_minor for p in parts) == 365_000_00
    weighted = split_target(RevenueTarget(2026, 100_00, month_weights=(1,) * 11 + (0,)))
    assert weighted[-1].target_minor == 0 and sum(p.target_minor for p in weighted) == 100_00


def test_season_split_gives_the_rest_of_the_year_by_days():
    target = RevenueTarget(2026, 100_000_00, "season", seasons=(
        Season("旺季", "05-01", "10-07", 60), Season("春节", "02-10", "02-20", 10)))
    parts = split_target(target)
    assert [(p.name, p.first, p.end) for p in parts] == [
        (REST_OF_YEAR, D(2026, 1, 1), D(2026, 2, 10)), ("春节", D(2026, 2, 10), D(2026, 2, 21)),
        (REST_OF_YEAR, D(2026, 2, 21), D(2026, 5, 1)), ("旺季", D(2026, 5, 1), D(2026, 10, 8)),
        (REST_OF_YEAR, D(2026, 10, 8), D(2027, 1, 1))]
    # 30 % = 30 000.00 over 40 + 69 + 85 days; the two largest remainders (.9 and .7) take a fen each.
    assert [p.target_minor for p in parts] == [618557, 10_000_00, 1067010, 60_000_00, 1314433]


@pytest.mark.parametrize("target, words", [
    (RevenueTarget(2026, 0), "more than zero"),
    (RevenueTarget(2026, 100, "quarter"), "Unknown split 'quarter'"),
    (RevenueTarget(2026, 100, "season"), "needs at least one season"),
    (RevenueTarget(2026, 100, "season", seasons=(Season("a", "05-01", "06-30", 50), Season("b", "06-01", "07-01", 10))),
     "'a' and 'b' overlap"),
    (RevenueTarget(2026, 100, "season", seasons=(Season("a", "05-01", "06-30", 70), Season("b", "07-01", "08-01", 40))),
     "more than 100 %"),
    (RevenueTarget(2026, 100, "season", seasons=(Season("a", "13-01", "06-30", 70),)), "'13-01' is not a month and day"),
    (RevenueTarget(2026, 100, month_weights=(1, 2)), "12 numbers"),
])
def test_bad_targets_are_refused_with_the_reason(target, words):
    with pytest.raises(UserError) as err:
        split_target(target)
    assert words in str(err.value)


def test_target_progress_by_month(db):
    h = build_hotel(db)
    reports = ReportService(db)
    assert reports.target_progress(h.property_id, 2026, today=D(2026, 2, 1)) is None  # no target yet
    reports.set_revenue_target(h.property_id, RevenueTarget(2026, 365_000_00), Actor("owner", "test"))
    h.book("A", D(2026, 1, 10), 2, 2000)  # done: January
    h.book("B", D(2026, 2, 5), 1, 500)  # on the books
    h.book("A", D(2025, 12, 31), 2, 1000)  # half in 2025, half (500) on 1 January
    p = reports.target_progress(h.property_id, 2026, today=D(2026, 2, 1))
    assert (p.target_minor, p.target_to_date_minor) == (365_000_00, 31_000_00)
    assert (p.actual_minor, p.on_the_books_minor) == (2500_00, 500_00)
    assert p.remaining_minor == 362_000_00 and p.days_left == 334
    assert p.needed_per_day_minor == 108384  # 36 200 000 / 334 = 108 383.2, rounded up
    assert p.adr_minor == 75000  # 3000.00 / 4 nights
    assert p.nights_needed == 483  # 36 200 000 / 75 000 = 482.7, rounded up
    jan, feb = p.parts[:2]
    assert (jan.actual_minor, jan.on_the_books_minor, jan.target_to_date_minor) == (2500_00, 0, 31_000_00)
    assert (feb.actual_minor, feb.on_the_books_minor, feb.target_to_date_minor) == (0, 500_00, 0)
    assert feb.done == 500 / 28_000


def test_setting_the_target_is_stored_and_audited_and_a_bad_one_changes_nothing(db):
    h = build_hotel(db)
    reports = ReportService(db)
    reports.set_revenue_target(h.property_id, RevenueTarget(2026, 500_000_00), Actor("owner", "test"))
    with pytest.raises(UserError):
        reports.set_revenue_target(h.property_id, RevenueTarget(2026, -5), Actor("owner", "test"))
    assert reports.revenue_target(h.property_id, 2026).target_minor == 500_000_00
    with db.session() as s:
        [entry] = s.query(AuditEntry).filter_by(entity="revenue_target").all()
        assert (entry.actor, entry.entity_id, entry.after["target_minor"]) == ("owner", "revenue_target/H/2026", 500_000_00)
