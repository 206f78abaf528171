"""``coalesce_series`` (values grouped by key, as the sync engine holds them) ≡ ``coalesce`` on cells."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from channelmgr.sync.ranges import AvailCell, RateCell, RestrictionCell, coalesce, coalesce_series

START = date(2026, 6, 1)


def _random_cells(rng: random.Random) -> list:
    cells = []
    for room in ("A", "B"):
        for i in range(90):
            night = START + timedelta(days=i)
            if rng.random() < 0.15:
                continue  # holes: nights already acknowledged are not in a difference
            weekend = night.weekday() >= 4
            cells.append(AvailCell(room, night, rng.choice([0, 1, 2]) if rng.random() < 0.2 else 3))
            cells.append(RateCell(room, "BAR", night, 48800 if weekend else 38800, "CNY"))
            cells.append(RateCell(room, "BAR", night, 30000, "CNY", guests=1))
            cells.append(RestrictionCell(room, "BAR", night, stop_sell=rng.random() < 0.05, cta=night.weekday() == 6,
                                         min_stay=2 if weekend else 1, max_stay=None if i % 30 else 7))
    return cells


def _series(cells):
    grouped: dict = {}
    for cell in cells:
        prototype, values = grouped.setdefault(cell.key, (cell, {}))
        values[cell.night] = cell.value
    return list(grouped.values())


@pytest.mark.parametrize("patterns", [False, True])
@pytest.mark.parametrize("seed", range(5))
def test_series_and_cells_coalesce_to_the_same_ranges(seed, patterns):
    cells = _random_cells(random.Random(seed))
    ranges = coalesce_series(_series(cells), weekday_patterns=patterns)
    assert ranges == coalesce(cells, weekday_patterns=patterns)
    assert sorted((c for r in ranges for c in r.cells()), key=repr) == sorted(cells, key=repr)


def test_with_value_is_the_inverse_of_value():
    for cell in (AvailCell("A", START, 2), RateCell("A", "BAR", START, 100, "CNY", 2),
                 RestrictionCell("A", "BAR", START, True, False, True, 2, 5)):
        other = START + timedelta(days=3)
        assert cell.with_value(other, cell.value) == type(cell)(**{**cell.__dict__, "night": other})


def test_a_key_given_twice_is_refused():
    cell = AvailCell("A", START, 1)
    with pytest.raises(ValueError, match="twice"):
        coalesce_series([(cell, {START: (1,)}), (AvailCell("A", START, 5), {START: (2,)})])
