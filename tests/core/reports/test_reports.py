"""Each report on a small hotel computed by hand (A: 2 rooms, B: 1 room; June 2026 = 90 room-nights)."""

from datetime import date, datetime

import pytest

from channelmgr.errors import UserError
from channelmgr.reports.scope import ReportScope
from channelmgr.reports.service import ReportService

from .helpers import D, build_hotel

JUNE = (D(2026, 6, 1), D(2026, 7, 1))


@pytest.fixture
def hotel(db):
    h = build_hotel(db)
    h.book("A", D(2026, 5, 30), 3, 900, channel=True, commission_yuan=90)  # 1 night in June: 300, commission 30
    h.book("A", D(2026, 6, 10), 2, 501, created=datetime(2026, 6, 1, 2, 0))  # phone, 2 nights: 250.50 each
    h.book("B", D(2026, 6, 29), 4, 400, channel=True, commission_yuan=40,  # 2 nights in June: 200, commission 20
           created=datetime(2026, 6, 28, 20, 0))  # 04:00 on the 29th in Dali: booked the day it arrives
    h.book("A", D(2026, 6, 15), 2, 999, channel=True, status="cancelled")
    h.book("B", D(2026, 6, 20), 1, 999, status="no_show", source="wechat")
    return h


@pytest.fixture
def reports(db):
    return ReportService(db)


def scope(hotel, start=JUNE[0], end=JUNE[1], **kw):
    return ReportScope(hotel.property_id, start, end, **kw)


def test_occupancy_counts_only_nights_inside_the_period(hotel, reports):
    r = reports.occupancy(scope(hotel))
    t = r.total
    assert (r.rooms, t.room_nights, t.sold_nights, t.gross_minor) == (3, 90, 5, 1001_00)
    assert t.occupancy == 5 / 90
    assert t.adr_minor == 200_20  # 1001.00 / 5
    assert t.revpar_minor == 1112  # 100100 / 90 = 1112.2
    first, tenth, last = r.nights[0], r.nights[9], r.nights[29]
    assert (first.night, first.sold_nights, first.gross_minor) == (D(2026, 6, 1), 1, 300_00)
    assert (tenth.sold_nights, tenth.gross_minor, tenth.occupancy) == (1, 250_50, 1 / 3)
    assert (last.night, last.sold_nights, last.gross_minor) == (D(2026, 6, 30), 1, 100_00)
    by_type = {line.code: line.figures for line in r.room_types}
    assert (by_type["A"].room_nights, by_type["A"].sold_nights, by_type["A"].gross_minor) == (60, 3, 801_00)
    assert (by_type["B"].room_nights, by_type["B"].sold_nights, by_type["B"].gross_minor) == (30, 2, 200_00)


def test_revenue_gross_commission_net_per_month(hotel, reports):
    r = reports.revenue(scope(hotel, D(2026, 5, 1)))
    assert (r.total.gross_minor, r.total.commission_minor, r.total.net_minor) == (1601_00, 110_00, 1491_00)
    may, june = r.months
    assert (may.month, may.figures.room_nights, may.figures.sold_nights, may.figures.gross_minor) == ("2026-05", 93, 2, 600_00)
    assert (may.figures.commission_minor, may.figures.net_minor) == (60_00, 540_00)
    assert (june.figures.gross_minor, june.figures.commission_minor, june.figures.net_minor) == (1001_00, 50_00, 951_00)
    assert june.figures.revpar_minor == 1112 and may.figures.adr_minor == 300_00


def test_channels_with_commission_cancellations_and_share(hotel, reports):
    r = reports.channels(scope(hotel))
    lines = {line.channel: line for line in r.channels}
    assert list(lines) == ["phone", "ctrip"]  # largest gross first; a no-show sold nothing
    ctrip, phone = lines["ctrip"], lines["phone"]
    assert (ctrip.label, ctrip.is_ota, phone.is_ota) == ("携程", True, False)
    f = ctrip.figures
    assert (f.bookings, f.sold_nights, f.gross_minor, f.commission_minor, f.net_minor) == (2, 3, 500_00, 50_00, 450_00)
    assert (ctrip.cancelled, ctrip.cancellation_rate, ctrip.commission_rate) == (1, 1 / 3, 0.1)
    assert ctrip.share_of_gross == 500 / 1001 and phone.figures.net_minor == phone.figures.gross_minor == 501_00
    assert r.total.commission_minor == 50_00 and r.total.bookings == 3


def test_scope_by_channel_and_by_room_type(hotel, reports):
    ota = reports.occupancy(scope(hotel, channel="ctrip")).total
    assert (ota.room_nights, ota.sold_nights, ota.gross_minor) == (90, 3, 500_00)  # the house's room-nights
    b = reports.revenue(scope(hotel, room_type="B")).total
    assert (b.room_nights, b.sold_nights, b.gross_minor, b.commission_minor) == (30, 2, 200_00, 20_00)
    phone = reports.channels(scope(hotel, channel="phone"))
    assert [line.channel for line in phone.channels] == ["phone"]


def test_length_of_stay_lead_time_and_cancellation_rate(hotel, reports):
    r = reports.bookings(scope(hotel))
    # Arriving in June: the 501 stay, the 400 stay, the cancelled one, the no-show (not the May 30 stay).
    assert (r.arrivals, r.sold, r.cancelled, r.no_show) == (4, 2, 1, 1)
    assert (r.cancellation_rate, r.no_show_rate) == (0.25, 0.25)
    assert r.average_stay == 3.0  # (2 + 4) / 2
    assert r.average_lead_days == 4.5  # 9 days (booked 1 June) and 0 (booked at 04:00 Dali time on the day)
    assert {b.label: b.bookings for b in r.stay_buckets} == {"1": 0, "2": 1, "3": 0, "4-6": 1, "7+": 0}
    assert {b.label: b.bookings for b in r.lead_buckets}["0"] == 1
    assert {b.label: b.bookings for b in r.lead_buckets}["8-30"] == 1


def test_empty_period(hotel, reports):
    quiet = scope(hotel, D(2027, 3, 1), D(2027, 3, 2))
    t = reports.occupancy(quiet).total
    assert (t.room_nights, t.sold_nights, t.occupancy, t.adr_minor, t.revpar_minor) == (3, 0, 0.0, None, 0)
    assert reports.channels(quiet).channels == []
    b = reports.bookings(quiet)
    assert (b.arrivals, b.cancellation_rate, b.average_stay, b.average_lead_days) == (0, None, None, None)


def test_a_hotel_without_rooms_has_no_occupancy(db):
    from channelmgr.db.models import Property

    with db.session() as s:
        s.add(Property(code="EMPTY", name_zh="空"))
    with db.session() as s:
        pid = s.query(Property.id).filter_by(code="EMPTY").scalar()
    t = ReportService(db).occupancy(ReportScope(pid, D(2026, 6, 1), D(2026, 6, 8))).total
    assert (t.room_nights, t.occupancy, t.revpar_minor) == (0, None, None)


@pytest.mark.parametrize("kw, words", [
    ({"room_type": "XYZ"}, "Unknown room type 'XYZ'; known: A, B"),
    ({"channel": "fliggy"}, "Unknown channel 'fliggy'; known: ctrip, other, phone, walk_in, wechat"),
    ({"start": D(2026, 6, 5), "end": D(2026, 6, 5)}, "ends (2026-06-05) on or before it starts"),
    ({"start": D(2026, 6, 5), "end": D(2226, 6, 5)}, "longer than"),
])
def test_bad_scopes_say_what_is_wrong(hotel, reports, kw, words):
    with pytest.raises(UserError, match=None) as err:
        reports.occupancy(scope(hotel, **kw))
    assert words in str(err.value)


def test_the_page_bundle_is_the_single_reports(hotel, reports):
    from channelmgr.reports.plain import plain

    s = scope(hotel)
    page = reports.page(s, as_of=D(2026, 6, 20))
    assert plain(page.occupancy) == plain(reports.occupancy(s)) and plain(page.revenue) == plain(reports.revenue(s))
    assert plain(page.channels) == plain(reports.channels(s)) and plain(page.bookings) == plain(reports.bookings(s))
    assert plain(page.pace) == plain(reports.pace(s, as_of=D(2026, 6, 20))) and page.target is None


@pytest.mark.parametrize("zone, raw, expected", [
    ("Asia/Shanghai", "2026-06-28 20:00:00.000000", D(2026, 6, 29)),  # +8: 04:00 the next day
    ("Asia/Shanghai", "2026-06-28 15:59:59.000000", D(2026, 6, 28)),
    ("Asia/Kolkata", "2026-06-28 18:20:00.000000", D(2026, 6, 28)),  # +5:30: 23:50
    ("Asia/Kolkata", "2026-06-28 18:40:00.000000", D(2026, 6, 29)),  # the same UTC hour: 00:10
    ("Europe/Berlin", "2026-03-29 00:30:00", D(2026, 3, 29)),  # the night clocks go forward
    ("America/New_York", datetime(2026, 11, 1, 3, 30), D(2026, 10, 31)),  # PostgreSQL gives datetimes
])
def test_booking_days_at_the_property(zone, raw, expected):
    from channelmgr.reports.ledger import LocalDays

    assert LocalDays(zone)[raw] == expected


def test_one_utc_hour_across_local_midnight_is_split_by_its_minutes():
    from channelmgr.reports.ledger import LocalDays

    days = LocalDays("Asia/Kolkata")  # one instance: the hour's offset is looked up once
    assert days["2026-06-28 18:20:00.000000"] == D(2026, 6, 28)
    assert days["2026-06-28 18:40:00.000000"] == D(2026, 6, 29)
