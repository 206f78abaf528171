"""The dashboard on the demo homestay (bookings around today) and on the hand-computed hotel."""

from datetime import date, datetime, timedelta

from channelmgr.actor import Actor
from channelmgr.db.models import NeedsAttention
from channelmgr.reports.dashboard import DashboardService
from channelmgr.reports.service import ReportService
from channelmgr.reports.target import RevenueTarget
from channelmgr.services import Services

from .helpers import D, build_hotel
from tests.support.today import property_today


def test_demo_dashboard_today(demo_services):
    pid = demo_services.inventory.properties()[0].id
    today = property_today()
    board = demo_services.dashboard.load(pid, today)
    assert {a.guest_name for a in board.arrivals} == {"Emily Carter", "赵雪"}  # the demo's offset-0 stays
    assert board.departures == [] and board.in_house == 3  # 王芳 arrived yesterday
    tonight = board.occupancy[1]
    assert (tonight.room_nights, tonight.sold_nights, tonight.occupancy) == (18, 3, 3 / 18)
    assert board.occupancy[7].room_nights == 126
    incomplete = [a for a in board.alerts if a.kind == "listing_incomplete"]
    assert incomplete and all(a.subject.startswith("温馨大床房") and a.count < 80 for a in incomplete)
    assert board.month.target_minor is None


def test_dashboard_month_against_target_and_alerts(db):
    h = build_hotel(db)
    services = Services(db)
    today = D(2026, 6, 11)
    h.book("A", D(2026, 6, 9), 2, 600, created=datetime(2026, 6, 1))  # nights 9 (done) and 10 (done): 600
    h.book("B", D(2026, 6, 11), 2, 400, channel=True, created=datetime(2026, 6, 1))  # tonight and 12th: booked
    h.book("A", D(2026, 6, 30), 2, 1000, created=datetime(2026, 6, 1))  # 500 in June
    services.reports.set_revenue_target(h.property_id, RevenueTarget(2026, 365_000_00), Actor("owner"))
    with db.session() as s:
        s.add(NeedsAttention(property_id=h.property_id, channel_id=h.channel_id, remote_id="X1", problem="unmapped room R9"))
    board = services.dashboard.load(h.property_id, today)
    assert [(a.room_type_code, a.nights, a.channel, a.channel_label) for a in board.arrivals] == [("B", 2, "ctrip", "携程")]
    assert board.sold_ahead[:3] == [1, 1, 0]  # tonight and the 12th: the B stay
    assert [a.guest_name for a in board.departures] == ["客人"] and board.in_house == 1
    assert board.occupancy[7].sold_nights == 2  # 11th and 12th
    m = board.month
    assert (m.month, m.actual_minor, m.on_the_books_minor, m.target_minor) == ("2026-06", 600_00, 900_00, 30_000_00)
    assert m.done == 1500 / 30_000
    [attention] = [a for a in board.alerts if a.kind == "needs_attention"]
    assert attention.count == 1 and "unmapped room R9" in attention.detail


def test_failing_and_pending_channels_become_alerts(db):
    from channelmgr.sync.report import SyncState
    from channelmgr.sync.status import ChannelStatus

    h = build_hotel(db)
    services = Services(db)
    now = datetime(2026, 6, 1)
    statuses = {h.channel_id: ChannelStatus(h.channel_id, "ctrip", SyncState.ERROR, 12, None, now, ("HTTP 500",))}
    board = DashboardService(db, ReportService(db), services.reservations.list, services.reservations.overbookings,
                             services.reservations.attention, services.room_types.list, services.channels.list,
                             statuses.get)
    [failing] = [a for a in board.alerts(h.property_id) if a.kind == "channel_failing"]
    assert (failing.subject, failing.detail) == ("携程", "HTTP 500")
    statuses[h.channel_id] = ChannelStatus(h.channel_id, "ctrip", SyncState.PENDING, 12, None, now)
    [pending] = [a for a in board.alerts(h.property_id) if a.kind.startswith("channel")]
    assert (pending.kind, pending.count) == ("channel_pending", 12)


def test_a_channel_whose_last_audit_found_differences_is_an_alert(db):
    from channelmgr.sync.drift import AuditStatus
    from channelmgr.sync.drift_audit import AuditRun

    h = build_hotel(db)
    services = Services(db)
    now = datetime(2026, 6, 1)
    audits = {h.channel_id: AuditRun(h.channel_id, now, AuditStatus.DIFFERENCES, 3, "3 difference(s)")}
    board = DashboardService(db, ReportService(db), services.reservations.list, services.reservations.overbookings,
                             services.reservations.attention, services.room_types.list, services.channels.list,
                             {}.get, lambda pid: audits)
    [drift] = [a for a in board.alerts(h.property_id) if a.kind == "channel_drift"]
    assert (drift.subject, drift.count) == ("携程", 3)
    audits[h.channel_id] = AuditRun(h.channel_id, now, AuditStatus.CLEAN, 0, "")
    assert not [a for a in board.alerts(h.property_id) if a.kind == "channel_drift"]


def test_overbookings_become_alerts(db):
    h = build_hotel(db)
    services = Services(db)
    tomorrow = services.reports.today(h.property_id) + timedelta(days=1)
    h.book("B", tomorrow, 2, 300)
    h.book("B", tomorrow, 1, 300)  # B has one room
    [alert] = [a for a in services.dashboard.alerts(h.property_id) if a.kind == "overbooking"]
    assert (alert.subject, alert.count, alert.detail) == ("房B", 1, "B")  # the owner's name; the code in the tooltip


def test_late_arrivals_are_listed_as_the_rooms_board_marks_them(demo_services):
    # Screenshot check: the rooms board showed 王芳 "late: due yesterday", the dashboard nowhere.
    pid = demo_services.inventory.properties()[0].id
    today = property_today()
    board = demo_services.dashboard.load(pid, today)
    assert [(a.guest_name, a.arrival) for a in board.late_arrivals] == [("王芳", today - timedelta(days=1))]
    rooms = demo_services.calendar.room_board.board(pid)
    assert rooms.today == today
    assert sorted(a.guest_name for a in rooms.arrivals if a.late(today)) == [a.guest_name for a in board.late_arrivals]
    assert "王芳" not in {a.guest_name for a in board.arrivals}  # today's arrivals stay today's


def test_only_a_booking_still_expected_in_is_a_late_arrival(db):
    h = build_hotel(db)
    services = Services(db)
    today = D(2026, 6, 11)
    h.book("A", D(2026, 6, 9), 4, 800)  # due on the 9th, not here yet: late
    h.book("A", D(2026, 6, 10), 3, 600, status="checked_in")  # came: in house
    h.book("B", D(2026, 6, 8), 3, 600)  # its stay ended this morning: a departure, not late
    h.book("B", D(2026, 6, 10), 2, 400, status="no_show")  # the desk gave up on them
    h.book("B", D(2026, 6, 11), 1, 200)  # due today: an arrival
    board = services.dashboard.load(h.property_id, today)
    assert [(a.room_type_code, a.arrival, a.nights) for a in board.late_arrivals] == [("A", D(2026, 6, 9), 4)]
    assert [a.arrival for a in board.arrivals] == [today]
