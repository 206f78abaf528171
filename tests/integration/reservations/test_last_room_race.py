"""Two desks, two processes, one last room, the same moment: exactly one sale, every round.

Each round both desks wait at a barrier and then book the same night of a room type with one
room. 200 rounds, each on its own night, so nothing is reset between rounds and every round is a
fresh "last room". Run on the real PostgreSQL server and on a SQLite file (WAL).
"""

from __future__ import annotations

import multiprocessing
from collections import Counter

import pytest
from sqlalchemy import func, select

from channelmgr.db.engine import open_database
from channelmgr.db.models import Reservation
from tests.support.ledger import build_ledger_hotel

from .race_desk import desk

ROUNDS = 200


def _race(url: str) -> None:
    db = open_database(url)
    hotel = build_ledger_hotel(db)
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    pipes, desks = [], []
    for name in ("desk-a", "desk-b"):
        mine, theirs = ctx.Pipe()
        process = ctx.Process(target=desk, args=(url, name, barrier, theirs), daemon=True)
        process.start()
        mine.send((hotel.property_id, hotel.types["TWN"]))
        pipes.append(mine)
        desks.append(process)
    try:
        for pipe in pipes:
            assert pipe.poll(60), "a desk process did not start"
            assert pipe.recv() == "ready"
        outcomes = []
        for round_number in range(ROUNDS):
            for pipe in pipes:
                pipe.send(round_number)
            results = []
            for pipe in pipes:
                assert pipe.poll(30), f"round {round_number}: a desk hangs"
                results.append(pipe.recv())
            kinds = sorted(kind for kind, _ in results)
            assert kinds == ["refused", "won"], f"round {round_number}: {results}"
            assert [detail for kind, detail in results if kind == "refused"] == ["booking_would_overbook"]
            outcomes.append(results)
        wins = Counter(0 if a[0] == "won" else 1 for a, _b in outcomes)
        print(f"wins per desk: {dict(wins)}")
    finally:
        for pipe in pipes:
            pipe.send(None)
        for process in desks:
            process.join(10)
    with db.session() as s:
        per_night = s.execute(
            select(Reservation.arrival, func.count()).where(Reservation.room_type_id == hotel.types["TWN"])
            .group_by(Reservation.arrival)
        ).all()
    db.dispose()
    assert len(per_night) == ROUNDS and all(n == 1 for _night, n in per_night)  # zero double sales


@pytest.mark.postgres
def test_two_desks_never_sell_the_last_room_twice_on_postgres(postgres_url):
    assert postgres_url.startswith("postgresql")
    _race(postgres_url)


def test_two_desks_never_sell_the_last_room_twice_on_sqlite(sqlite_url):
    _race(sqlite_url)
