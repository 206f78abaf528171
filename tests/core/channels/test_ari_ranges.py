"""Coalescing ARI cells into inclusive ranges and packing them into requests."""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta

import pytest

from channelmgr.channels.opentravel_messages import elements_per_range
from channelmgr.sync.ranges import (
    AvailCell,
    Range,
    RateCell,
    RestrictionCell,
    coalesce,
    minimum_requests,
    pack,
)

MON = date(2026, 6, 1)  # a Monday


def night(offset: int) -> date:
    return MON + timedelta(days=offset)


def test_equal_consecutive_nights_merge_into_one_inclusive_range():
    cells = [AvailCell("DBL", night(i), 3) for i in range(5)]
    assert coalesce(cells) == [Range(cells[0], night(0), night(4))]


def test_a_changed_value_or_a_missing_night_splits_the_range():
    cells = [AvailCell("DBL", night(i), 3) for i in (0, 1, 2, 4, 5)] + [AvailCell("DBL", night(6), 1)]
    ranges = coalesce(cells)
    assert [(r.start, r.end, r.cell.count) for r in ranges] == [
        (night(0), night(2), 3),
        (night(4), night(5), 3),  # night 3 was not asked for: never covered
        (night(6), night(6), 1),
    ]


def test_keys_coalesce_independently_and_come_out_ordered():
    cells = [
        RateCell("TWN", "BAR", night(1), 38800, "CNY"),
        RateCell("DBL", "BAR", night(0), 38800, "CNY"),
        RateCell("DBL", "BAR", night(1), 38800, "CNY"),
        RateCell("DBL", "BAR", night(1), 38800, "CNY", guests=1),
        RateCell("TWN", "BAR", night(0), 38800, "CNY"),
    ]
    ranges = coalesce(cells)
    assert len(ranges) == 3
    assert sorted((c for r in ranges for c in r.cells()), key=repr) == sorted(set(cells), key=repr)


def test_conflicting_cells_for_one_night_are_a_bug_but_duplicates_are_fine():
    same = AvailCell("DBL", night(0), 2)
    assert len(coalesce([same, same])) == 1
    with pytest.raises(ValueError, match="two different cells"):
        coalesce([same, AvailCell("DBL", night(0), 3)])


@pytest.mark.parametrize(
    "make",
    [
        lambda: RateCell("DBL", "BAR", night(0), 388.0, "CNY"),      # float money
        lambda: RateCell("DBL", "BAR", night(0), -1, "CNY"),         # negative
        lambda: RateCell("DBL", "BAR", night(0), 100, "rmb"),        # not ISO 4217
        lambda: AvailCell("DBL", datetime(2026, 6, 1, 12), 1),       # a timestamp, not a night
        lambda: AvailCell("DBL", night(0), True),                    # bool is not a count
        lambda: RestrictionCell("DBL", "BAR", night(0), min_stay=0),
        lambda: RestrictionCell("DBL", "BAR", night(0), min_stay=3, max_stay=2),
    ],
)
def test_cells_refuse_values_that_would_corrupt_a_channel(make):
    with pytest.raises((TypeError, ValueError)):
        make()


def test_a_range_checks_itself():
    cell = AvailCell("DBL", night(0), 1)
    with pytest.raises(ValueError):
        Range(cell, night(0), night(-1))
    with pytest.raises(ValueError):
        Range(cell, night(1), night(2))  # cell is not the first night's
    with pytest.raises(ValueError):
        Range(cell, night(0), night(9), frozenset({3}))  # pattern skips its own first night


def test_weekday_patterns_send_weekend_prices_as_two_ranges():
    cells = [
        RateCell("DBL", "BAR", night(i), 48800 if night(i).weekday() >= 4 else 38800, "CNY") for i in range(84)
    ]
    plain = coalesce(cells)
    patterned = coalesce(cells, weekday_patterns=True)
    assert len(plain) == 24  # Mon–Thu and Fri–Sun, twelve weeks
    assert [(r.cell.amount_minor, r.weekdays) for r in patterned] == [
        (38800, frozenset({0, 1, 2, 3})),
        (48800, frozenset({4, 5, 6})),
    ]
    assert sorted((c for r in patterned for c in r.cells()), key=repr) == sorted(cells, key=repr)


def test_a_holiday_breaks_the_pattern_only_where_it_falls():
    def price(n: date) -> int:
        if n == night(16):  # a Wednesday holiday
            return 58800
        return 48800 if n.weekday() >= 5 else 38800

    cells = [RateCell("DBL", "BAR", night(i), price(night(i)), "CNY") for i in range(35)]
    patterned = coalesce(cells, weekday_patterns=True)
    assert len(patterned) == 4  # weekdays before / after the holiday, the holiday, weekends
    assert sorted((c for r in patterned for c in r.cells()), key=repr) == sorted(cells, key=repr)


def test_weekday_patterns_are_not_used_where_they_do_not_pay():
    cells = [AvailCell("DBL", night(i), 2 if i < 10 else 1) for i in range(20)]
    assert coalesce(cells, weekday_patterns=True) == coalesce(cells)


@pytest.mark.parametrize("weekday_patterns", [False, True])
def test_randomized_ranges_expand_back_to_exactly_the_cells(weekday_patterns):
    for seed in range(150):
        rnd = random.Random(seed)
        cells = []
        for room in ("DBL", "TWN", "FAM")[: rnd.randint(1, 3)]:
            for i in range(rnd.randint(1, 60)):
                if rnd.random() < 0.15:
                    continue  # holes: nights already acknowledged, not in the diff
                weekend = night(i).weekday() >= 5
                if rnd.random() < 0.5:
                    cells.append(AvailCell(room, night(i), rnd.choice([1, 2]) + (2 if weekend else 0)))
                else:
                    cells.append(RestrictionCell(room, "BAR", night(i), stop_sell=rnd.random() < 0.2,
                                                 min_stay=2 if weekend else 1))
        ranges = coalesce(cells, weekday_patterns=weekday_patterns)
        expanded = [c for r in ranges for c in r.cells()]
        assert len(expanded) == len(set(expanded)), f"seed {seed}: a night covered twice"
        assert set(expanded) == set(cells), f"seed {seed}"
        plain = coalesce(cells)
        assert len(ranges) <= len(plain)
        # Plain runs are maximal: two touching ranges of one key always differ in value.
        for a, b in zip(plain, plain[1:]):
            if a.key == b.key and a.end + timedelta(days=1) == b.start:
                assert a.cell.value != b.cell.value, f"seed {seed}: {a} and {b} should have merged"


def test_pack_respects_the_limit_with_the_fewest_requests():
    ranges = coalesce(AvailCell(f"R{i}", night(0), 1) for i in range(23))
    requests = pack(ranges, 10)
    assert [len(r) for r in requests] == [10, 10, 3]
    assert [r for req in requests for r in req] == ranges


def test_pack_never_mixes_message_types_and_counts_elements():
    avail = coalesce(AvailCell(f"R{i}", night(0), 1) for i in range(4))
    restrictions = coalesce(RestrictionCell(f"R{i}", "BAR", night(0)) for i in range(10))
    requests = pack(avail + restrictions, 10, items_per_range=elements_per_range)
    kinds = [{type(r.cell) for r in req} for req in requests]
    assert all(len(k) == 1 for k in kinds)
    restriction_requests = [req for req in requests if isinstance(req[0].cell, RestrictionCell)]
    assert [len(req) for req in restriction_requests] == [3, 3, 3, 1]  # 3 elements each, ≤ 10 per request
    assert len(requests) == 1 + 4


def test_pack_refuses_a_range_larger_than_a_request():
    with pytest.raises(ValueError):
        pack(coalesce([RestrictionCell("DBL", "BAR", night(0))]), 2, items_per_range=elements_per_range)
    with pytest.raises(ValueError):
        pack([], 0)


def test_minimum_requests_is_the_packed_count_after_coalescing():
    cells = [AvailCell(f"R{room}", night(i), 5) for room in range(30) for i in range(90)]
    assert minimum_requests(cells, 7) == math.ceil(30 / 7)
    assert minimum_requests([], 7) == 0
