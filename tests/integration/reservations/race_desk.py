"""A desk in its own process, for the last-room race: sells one night per round when told to.

Run by multiprocessing (spawn): ``desk(url, barrier, pipe)`` opens the database, then for every
round number received books the "TWN" room type (one room) for that night, waiting at the barrier
first so both desks hit the database at the same moment. Replies ("won", id) or ("refused", code).
"""

from __future__ import annotations

from datetime import timedelta


def desk(url: str, name: str, barrier, pipe) -> None:
    from channelmgr.db.engine import open_database
    from channelmgr.errors import UserError
    from channelmgr.reservations.desk_bookings import DeskBooking
    from channelmgr.reservations.service import ReservationService
    from tests.support.ledger import CLOCK_NOW, TODAY, Actor

    db = open_database(url)
    ledger = ReservationService(db, clock=lambda: CLOCK_NOW)
    property_id, twin = pipe.recv()
    actor = Actor(name, "race")
    pipe.send("ready")
    while True:
        round_number = pipe.recv()
        if round_number is None:
            break
        request = DeskBooking(property_id, twin, TODAY + timedelta(days=round_number), 1, f"{name}-{round_number}")
        barrier.wait()
        try:
            pipe.send(("won", ledger.book(request, actor).id))
        except UserError as exc:
            pipe.send(("refused", getattr(exc, "code", str(exc))))
        except Exception as exc:  # reported, so the test shows what went wrong in the desk
            pipe.send(("error", f"{type(exc).__name__}: {exc}"))
    db.dispose()
