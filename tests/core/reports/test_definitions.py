from datetime import date

from channelmgr.reports.definitions import Stay, summarize

D = date


def test_hand_computed_month_with_edges_cancellation_and_no_show():
    stays = [
        Stay(D(2026, 5, 30), D(2026, 6, 2), 900_00, "confirmed"),   # 1 night inside: 300.00
        Stay(D(2026, 6, 10), D(2026, 6, 12), 500_01, "checked_out"),  # 2 nights: 250.01 + 250.00
        Stay(D(2026, 6, 29), D(2026, 7, 3), 400_00, "confirmed"),   # 2 nights inside: 200.00
        Stay(D(2026, 6, 15), D(2026, 6, 17), 999_00, "cancelled"),
        Stay(D(2026, 6, 20), D(2026, 6, 21), 999_00, "no_show"),
    ]
    s = summarize(stays, rooms=2, start=D(2026, 6, 1), end=D(2026, 7, 1))
    assert (s.room_nights, s.sold_nights, s.gross_minor) == (60, 5, 300_00 + 500_01 + 200_00)
    assert s.occupancy == 5 / 60
    assert s.adr_minor == 200_00  # 1000.01 / 5 = 200.002 → 200.00
    assert s.revpar_minor == 1667  # 100001 / 60 = 1666.68 → 1667


def test_empty_period():
    s = summarize([], rooms=3, start=D(2026, 6, 1), end=D(2026, 6, 1))
    assert (s.occupancy, s.adr_minor, s.revpar_minor) == (None, None, None)
