"""The ledger's channel ingest, board and desk actions on the real PostgreSQL server."""

from datetime import timedelta

import pytest

from channelmgr.db.engine import open_database
from channelmgr.reservations.channel_ingest import IngestOutcome
from channelmgr.reservations.desk_bookings import DeskBooking
from channelmgr.reservations.service import ReservationService
from tests.support.ledger import CHANNEL, CLOCK_NOW, DESK, TODAY, booking, build_ledger_hotel

pytestmark = pytest.mark.postgres
D = timedelta(days=1)


def test_ingest_is_idempotent_flags_overbookings_and_keeps_the_unmapped_on_postgres(postgres_url):
    db = open_database(postgres_url)
    try:
        hotel = build_ledger_hotel(db)
        ledger = ReservationService(db, clock=lambda: CLOCK_NOW)
        batch = [booking("C-1"), booking("C-2"), booking("C-3"), booking("C-9", room="KING")]
        first = ledger.ingest(hotel.channel_id, batch, CHANNEL)
        assert [r.outcome for r in first.results] == [
            IngestOutcome.STORED, IngestOutcome.STORED, IngestOutcome.OVERBOOKED, IngestOutcome.NEEDS_ATTENTION]
        assert first.to_acknowledge == ["C-1", "C-2", "C-3"]
        again = ledger.ingest(hotel.channel_id, batch, CHANNEL)
        assert [r.outcome for r in again.results][:3] == [IngestOutcome.UNCHANGED] * 3
        assert len(ledger.attention(hotel.property_id)) == 1
        conflicts = ledger.overbookings(hotel.property_id)
        assert [c.night for c in conflicts] == [TODAY, TODAY + D] and conflicts[0].last.remote_id == "C-3"

        cancel = booking("C-1", status="Cancel", modified="2026-05-31T09:00:00+08:00")
        assert ledger.ingest(hotel.channel_id, [cancel], CHANNEL).to_acknowledge == ["C-1"]
        assert ledger.overbookings(hotel.property_id) == []
        assert not any(r.overbooked for r in ledger.list(hotel.property_id, status="confirmed"))

        with pytest.raises(Exception, match="would overbook"):
            ledger.book(DeskBooking(hotel.property_id, hotel.types["DBL"], TODAY, 1, "甲"), DESK)
        [c3] = [r for r in ledger.list(hotel.property_id, search="c-3")]
        moved = ledger.move_to_room(c3.id, hotel.rooms["301"], DESK)
        assert (moved.room_type_code, moved.room_number) == ("STE", "301")
        assert [h.change for h in ledger.detail(c3.id).history] == ["created", "upgraded"]
    finally:
        db.dispose()
