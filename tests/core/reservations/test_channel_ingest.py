"""Channel bookings into the ledger: idempotent, ordered by revision, never dropped."""

from datetime import timedelta

from sqlalchemy import select

from channelmgr.db.models import NeedsAttention, Reservation
from channelmgr.reservations.channel_ingest import IngestOutcome
from tests.support.ledger import CHANNEL, DESK, TODAY, booking

from .helpers import audits, count, free_rooms, revisions

D = timedelta(days=1)


def test_a_new_booking_is_stored_assigned_and_acknowledged(ledger, hotel):
    report = ledger.ingest(hotel.channel_id, [booking("C-1")], CHANNEL)
    [result] = report.results
    assert result.outcome is IngestOutcome.STORED and report.to_acknowledge == ["C-1"]
    [row] = ledger.list(hotel.property_id)
    assert (row.remote_id, row.channel, row.room_type_code, row.room_number) == ("C-1", "ctrip", "DBL", "201")
    assert (row.arrival, row.departure, row.amount_minor, row.guest_name) == (TODAY, TODAY + 2 * D, 77600, "王小明")
    assert row.id in result.reservation_ids
    history = ledger.detail(row.id).history
    assert [(h.revision, h.change) for h in history] == [("2026-05-30T10:00:00+08:00", "created")]


def test_the_same_message_twice_changes_nothing(db, ledger, hotel):
    ledger.ingest(hotel.channel_id, [booking("C-1")], CHANNEL)
    before = (count(db, Reservation), revisions(db), audits(db))
    report = ledger.ingest(hotel.channel_id, [booking("C-1"), booking("C-1")], CHANNEL)
    assert [r.outcome for r in report.results] == [IngestOutcome.UNCHANGED, IngestOutcome.UNCHANGED]
    assert report.to_acknowledge == ["C-1"]  # acknowledged again: the channel must stop resending it
    assert (count(db, Reservation), revisions(db), audits(db)) == before


def test_an_older_revision_after_a_newer_one_changes_nothing_but_is_kept_in_history(db, ledger, hotel):
    newer = booking("C-1", arrival=TODAY + 5 * D, modified="2026-05-31T09:00:00+08:00")
    older = booking("C-1", arrival=TODAY, modified="2026-05-30T10:00:00+08:00")
    ledger.ingest(hotel.channel_id, [newer], CHANNEL)
    report = ledger.ingest(hotel.channel_id, [older], CHANNEL)
    assert report.results[0].outcome is IngestOutcome.UNCHANGED and report.to_acknowledge == ["C-1"]
    [row] = ledger.list(hotel.property_id)
    assert row.arrival == TODAY + 5 * D
    assert [h.change for h in ledger.detail(row.id).history] == ["created", "stale"]


def test_a_modification_moves_the_nights(db, ledger, hotel):
    ledger.ingest(hotel.channel_id, [booking("C-1", arrival=TODAY, nights=2)], CHANNEL)
    assert free_rooms(db, hotel, "DBL", TODAY) == 1
    moved = booking("C-1", arrival=TODAY + 3 * D, nights=2, status="Modify", modified="2026-05-31T09:00:00+08:00")
    report = ledger.ingest(hotel.channel_id, [moved], CHANNEL)
    assert report.results[0].outcome is IngestOutcome.STORED
    assert free_rooms(db, hotel, "DBL", TODAY) == 2
    assert free_rooms(db, hotel, "DBL", TODAY + 3 * D) == 1
    [row] = ledger.list(hotel.property_id)
    assert (row.arrival, row.status, row.room_number) == (TODAY + 3 * D, "confirmed", "201")
    assert [h.change for h in ledger.detail(row.id).history] == ["created", "modified"]


def test_a_cancellation_gives_the_nights_back(db, ledger, hotel):
    ledger.ingest(hotel.channel_id, [booking("C-1")], CHANNEL)
    cancel = {"remote_id": "C-1", "status": "Cancel", "modified": "2026-05-31T09:00:00+08:00", "rooms": [],
              "problems": ["a room stay has no TimeSpan"]}  # channels send cancellations half-filled
    report = ledger.ingest(hotel.channel_id, [cancel], CHANNEL)
    assert report.results[0].outcome is IngestOutcome.STORED and report.to_acknowledge == ["C-1"]
    assert free_rooms(db, hotel, "DBL", TODAY) == 2
    assert ledger.list(hotel.property_id)[0].status == "cancelled"


def test_a_booking_for_a_full_night_is_stored_and_flagged_never_dropped(db, ledger, hotel):
    report = ledger.ingest(
        hotel.channel_id, [booking("C-1"), booking("C-2"), booking("C-3", arrival=TODAY + D, nights=1)], CHANNEL
    )
    assert [r.outcome for r in report.results] == [IngestOutcome.STORED, IngestOutcome.STORED, IngestOutcome.OVERBOOKED]
    assert report.to_acknowledge == ["C-1", "C-2", "C-3"]  # kept locally, so the channel may forget it
    rows = {r.remote_id: r for r in ledger.list(hotel.property_id)}
    assert [rows[i].overbooked for i in ("C-1", "C-2", "C-3")] == [False, False, True]
    assert rows["C-3"].room_number is None  # no room is free for it
    assert free_rooms(db, hotel, "DBL", TODAY + D) == -1

    [conflict] = ledger.overbookings(hotel.property_id)
    assert (conflict.kind, conflict.night, conflict.room_type_code) == ("overbooked", TODAY + D, "DBL")
    assert (conflict.rooms, conflict.held) == (2, 3)
    assert [b.remote_id for b in conflict.bookings] == ["C-1", "C-2", "C-3"] and conflict.last.remote_id == "C-3"
    assert [u.code for u in conflict.upgrades] == ["STE", "TWN"]  # free for the whole stay, most rooms first

    # The channel cancels another booking: the conflict is gone and so is the flag.
    ledger.cancel(rows["C-1"].id, DESK)
    assert ledger.overbookings(hotel.property_id) == []
    assert {r.remote_id: r.overbooked for r in ledger.list(hotel.property_id)}["C-3"] is False


def test_an_unmapped_booking_waits_in_needs_attention_with_its_raw_data_and_is_not_acknowledged(db, ledger, hotel):
    unmapped = booking("C-9", room="KING")
    report = ledger.ingest(hotel.channel_id, [unmapped, booking("C-1")], CHANNEL, source_text="<OTA_ResRetrieveRS/>")
    assert [r.outcome for r in report.results] == [IngestOutcome.NEEDS_ATTENTION, IngestOutcome.STORED]
    assert report.to_acknowledge == ["C-1"]
    [entry] = ledger.attention(hotel.property_id)
    assert entry.remote_id == "C-9" and "'KING'" in entry.problem and "not mapped" in entry.problem
    assert entry.raw["rooms"][0]["room_code"] == "KING" and entry.raw["rooms"][0]["arrival"] == TODAY.isoformat()
    assert entry.raw_text == "<OTA_ResRetrieveRS/>" and entry.channel == "ctrip"
    assert [r.remote_id for r in ledger.list(hotel.property_id)] == ["C-1"]

    # Not acknowledged, so the channel delivers it again: still one entry.
    assert ledger.ingest(hotel.channel_id, [unmapped], CHANNEL).to_acknowledge == []
    assert count(db, NeedsAttention) == 1

    # Once the owner maps the code, the next delivery stores it and the entry is resolved.
    from channelmgr.db.models import ChannelMapping

    with db.session() as s:
        s.add(ChannelMapping(channel_id=hotel.channel_id, room_type_id=hotel.types["STE"], remote_room="KING"))
    report = ledger.ingest(hotel.channel_id, [unmapped], CHANNEL)
    assert report.results[0].outcome is IngestOutcome.STORED and report.to_acknowledge == ["C-9"]
    assert ledger.attention(hotel.property_id) == []
    assert ledger.attention(hotel.property_id, include_resolved=True)[0].status == "resolved"


def test_bad_bookings_go_to_needs_attention_with_the_reason(ledger, hotel):
    same_revision = booking("C-5", guest="大明")
    cases = {
        "C-1": (booking("C-1", nights=0), "not after arrival"),
        "C-2": (booking("C-2", nights=-2), "not after arrival"),
        "C-3": (booking("C-3", amount=-100), "negative amount"),
        "C-4": (booking("C-4", currency="RMB"), "'RMB' is not an ISO 4217 currency"),
        "C-5": (same_revision, "already stored with different content"),
        "C-6": (booking("C-6", status="Waitlisted"), "unknown reservation status"),
    }
    ledger.ingest(hotel.channel_id, [booking("C-5")], CHANNEL)
    report = ledger.ingest(hotel.channel_id, [raw for raw, _ in cases.values()], CHANNEL)
    assert all(r.outcome is IngestOutcome.NEEDS_ATTENTION for r in report.results)
    assert report.to_acknowledge == []
    problems = {a.remote_id: a.problem for a in ledger.attention(hotel.property_id)}
    for remote_id, (_raw, reason) in cases.items():
        assert reason in problems[remote_id], (remote_id, problems[remote_id])
    # The stored revision of C-5 is untouched.
    [c5] = [r for r in ledger.list(hotel.property_id) if r.remote_id == "C-5"]
    assert c5.guest_name == "王小明"


def test_a_multi_room_booking_is_one_row_per_room_and_a_dropped_room_is_cancelled(ledger, hotel):
    two = booking("C-7", rooms=[
        {"room_code": "DBL", "rate_code": "BAR", "arrival": TODAY, "departure": TODAY + 2 * D, "adults": 2,
         "children": 0, "amount_minor": 77600, "currency": "CNY"},
        {"room_code": "TWN", "rate_code": "NRF", "arrival": TODAY, "departure": TODAY + 2 * D, "adults": 1,
         "children": 0, "amount_minor": 59800, "currency": "CNY"},
    ])
    ledger.ingest(hotel.channel_id, [two], CHANNEL)
    rows = {r.remote_id: r for r in ledger.list(hotel.property_id)}
    assert (rows["C-7"].room_type_code, rows["C-7#2"].room_type_code) == ("DBL", "TWN")
    one = booking("C-7", modified="2026-05-31T09:00:00+08:00")
    ledger.ingest(hotel.channel_id, [one], CHANNEL)
    rows = {r.remote_id: r.status for r in ledger.list(hotel.property_id)}
    assert rows == {"C-7": "confirmed", "C-7#2": "cancelled"}


def _commissions(db) -> dict[str, tuple[int, int]]:
    with db.session() as s:
        return {r.remote_id: (r.amount_minor, r.commission_minor) for r in s.scalars(select(Reservation))}


def test_the_channel_commission_is_stored_with_the_booking_and_follows_its_revisions(db, ledger, hotel):
    ledger.ingest(hotel.channel_id, [booking("C-20", commission=11640)], CHANNEL)
    assert _commissions(db) == {"C-20": (77600, 11640)}
    ledger.ingest(hotel.channel_id, [booking("C-20", amount=70000, commission=7000,
                                             modified="2026-05-31T09:00:00+08:00")], CHANNEL)
    assert _commissions(db) == {"C-20": (70000, 7000)}
    ledger.ingest(hotel.channel_id, [booking("C-21")], CHANNEL)  # the channel names none: none is kept
    assert _commissions(db)["C-21"] == (77600, 0)


def test_a_booking_wide_commission_is_shared_over_its_rooms_by_their_amounts(db, ledger, hotel):
    rooms = [
        {"room_code": "DBL", "rate_code": "BAR", "arrival": TODAY, "departure": TODAY + 2 * D, "adults": 2,
         "children": 0, "amount_minor": 77600, "currency": "CNY"},
        {"room_code": "TWN", "rate_code": "NRF", "arrival": TODAY, "departure": TODAY + 2 * D, "adults": 1,
         "children": 0, "amount_minor": 59800, "currency": "CNY"},
    ]
    ledger.ingest(hotel.channel_id, [booking("C-22", rooms=rooms, commission=20611)], CHANNEL)
    # 20611 × 776/1374 = 11640.6… → 11640; the last room takes the rest, so the rooms add up.
    assert _commissions(db) == {"C-22": (77600, 11640), "C-22#2": (59800, 8971)}


def test_a_commission_that_cannot_be_right_waits_in_needs_attention(db, ledger, hotel):
    cases = {
        "C-23": (booking("C-23", commission=-1), "negative commission -1"),
        "C-24": (booking("C-24", commission=77601), "commission 77601 is more than the amount 77600"),
    }
    report = ledger.ingest(hotel.channel_id, [raw for raw, _ in cases.values()], CHANNEL)
    assert [r.outcome for r in report.results] == [IngestOutcome.NEEDS_ATTENTION] * 2
    assert report.to_acknowledge == [] and _commissions(db) == {}
    problems = {a.remote_id: a.problem for a in ledger.attention(hotel.property_id)}
    for remote_id, (_raw, reason) in cases.items():
        assert reason in problems[remote_id], (remote_id, problems[remote_id])


def test_a_cancellation_of_an_unknown_booking_is_kept_so_its_late_original_is_stale(ledger, hotel):
    cancel = {"remote_id": "C-8", "status": "Cancelled", "modified": "2026-05-31T09:00:00+08:00", "problems": []}
    assert ledger.ingest(hotel.channel_id, [cancel], CHANNEL).to_acknowledge == ["C-8"]
    report = ledger.ingest(hotel.channel_id, [booking("C-8")], CHANNEL)
    assert report.results[0].outcome is IngestOutcome.UNCHANGED
    assert ledger.list(hotel.property_id) == []


def test_an_id_is_not_acknowledged_while_one_of_its_revisions_needs_attention(ledger, hotel):
    good = booking("C-1")
    bad = booking("C-1", room="KING", modified="2026-05-31T09:00:00+08:00")
    report = ledger.ingest(hotel.channel_id, [good, bad], CHANNEL)
    assert [r.outcome for r in report.results] == [IngestOutcome.STORED, IngestOutcome.NEEDS_ATTENTION]
    assert report.to_acknowledge == []


def test_reservations_parsed_from_an_opentravel_reply_are_stored(ledger, hotel):
    from channelmgr.channels.opentravel_reservations import parse_res_retrieve

    reply = f"""<OTA_ResRetrieveRS xmlns="http://www.opentravel.org/OTA/2003/05"><Success/><ReservationsList>
      <HotelReservation CreateDateTime="2026-05-30T10:00:00+08:00" ResStatus="Book">
        <UniqueID Type="14" ID="CTRIP-88001"/>
        <RoomStays><RoomStay><RoomTypes><RoomType RoomTypeCode="TWN"/></RoomTypes>
          <RatePlans><RatePlan RatePlanCode="BAR"/></RatePlans>
          <GuestCounts><GuestCount AgeQualifyingCode="10" Count="1"/></GuestCounts>
          <TimeSpan Start="{TODAY}" End="{TODAY + 3 * D}"/><Total AmountAfterTax="1164.00" CurrencyCode="CNY"/>
        </RoomStay></RoomStays>
      </HotelReservation></ReservationsList></OTA_ResRetrieveRS>""".encode()
    _response, parsed = parse_res_retrieve(reply)
    report = ledger.ingest(hotel.channel_id, parsed, CHANNEL)
    assert report.to_acknowledge == ["CTRIP-88001"]
    [row] = ledger.list(hotel.property_id)
    assert (row.room_type_code, row.nights, row.amount_minor, row.adults, row.revision) == (
        "TWN", 3, 116400, 1, "2026-05-30T10:00:00+08:00")


def test_a_booking_booked_again_after_its_cancellation_holds_its_nights_once(ledger, hotel):
    ledger.ingest(hotel.channel_id, [booking("C-1")], CHANNEL)
    ledger.ingest(hotel.channel_id, [booking("C-1", status="Cancel", modified="2026-05-31T09:00:00+08:00")], CHANNEL)
    again = booking("C-1", status="Book", modified="2026-05-31T10:00:00+08:00")
    report = ledger.ingest(hotel.channel_id, [again, booking("C-2")], CHANNEL)
    assert [r.outcome for r in report.results] == [IngestOutcome.STORED, IngestOutcome.STORED]
    assert sorted((r.remote_id, r.status, r.room_number) for r in ledger.list(hotel.property_id)) == [
        ("C-1", "confirmed", "201"), ("C-2", "confirmed", "202")]


def test_a_batch_the_database_refuses_is_not_acknowledged(ledger, hotel, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from channelmgr.reservations import channel_ingest

    def lost_connection(self, raws):
        raise OperationalError("INSERT", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(channel_ingest._Batch, "run", lost_connection)
    report = ledger.ingest(hotel.channel_id, [booking("C-1"), booking("C-2")], CHANNEL)
    assert [r.outcome for r in report.results] == [IngestOutcome.FAILED] * 2
    assert report.to_acknowledge == [] and "server closed" in report.results[0].message
    monkeypatch.undo()
    assert ledger.ingest(hotel.channel_id, [booking("C-1")], CHANNEL).to_acknowledge == ["C-1"]


def _nameless(remote_id: str, **kw) -> dict:
    raw = booking(remote_id, **kw)
    raw["guest"] = {"given_name": None, "surname": None, "phone": None, "email": None}
    return raw


def test_a_zero_amount_nameless_booking_is_stored_and_flagged_with_both_reasons(db, ledger, hotel):
    report = ledger.ingest(hotel.channel_id, [_nameless("C-0", amount=0)], CHANNEL)
    assert report.results[0].outcome is IngestOutcome.STORED and report.to_acknowledge == ["C-0"]  # kept, held
    assert free_rooms(db, hotel, "DBL", TODAY) == 1
    [entry] = ledger.attention(hotel.property_id)
    assert entry.remote_id == "C-0"
    assert entry.problem == "stored, but the amount is 0; there is no guest name"

    ledger.ingest(hotel.channel_id, [_nameless("C-0", amount=0)], CHANNEL)  # delivered again: one entry
    assert len(ledger.attention(hotel.property_id)) == 1


def test_a_fixed_revision_clears_the_flag_and_a_normal_booking_is_never_flagged(db, ledger, hotel):
    ledger.ingest(hotel.channel_id, [booking("C-1"), booking("C-2", amount=0)], CHANNEL)
    [entry] = ledger.attention(hotel.property_id)
    assert (entry.remote_id, entry.problem) == ("C-2", "stored, but the amount is 0")
    fixed = booking("C-2", status="Modify", modified="2026-05-31T09:00:00+08:00")
    ledger.ingest(hotel.channel_id, [fixed], CHANNEL)
    assert ledger.attention(hotel.property_id) == []


def test_a_room_held_by_a_guest_of_another_type_is_not_given_away(db, ledger, hotel):
    # The batch loads the rooms of the types it books (DBL) only; a TWN guest upgraded into
    # room 201 holds it all the same.
    from channelmgr.db.models import ReservationStatus

    with db.session() as s:
        s.add(Reservation(property_id=hotel.property_id, source="phone", room_type_id=hotel.types["TWN"],
                          rate_plan_id=hotel.plans["TWN"], room_id=hotel.rooms["201"], arrival=TODAY,
                          departure=TODAY + 2 * D, guest_name="升级客人", status=ReservationStatus.CONFIRMED,
                          amount_minor=0, currency="CNY"))
    ledger.ingest(hotel.channel_id, [booking("C-9")], CHANNEL)
    row = next(r for r in ledger.list(hotel.property_id) if r.remote_id == "C-9")
    assert row.room_number == "202"


def test_a_booking_created_modified_and_cancelled_in_one_batch_is_written_once_as_it_ends(db, ledger, hotel):
    # New bookings are plain records written at the end of the batch (new_rows.py): the later
    # revisions in the same batch must change that record, and its nights must be given back.
    created = booking("C-1", arrival=TODAY, nights=2, modified="2026-05-30T10:00:00+08:00")
    moved = booking("C-1", arrival=TODAY + 3 * D, nights=1, status="Modify", modified="2026-05-31T09:00:00+08:00")
    kept = booking("C-2", arrival=TODAY + 3 * D, nights=1)
    cancel = {"remote_id": "C-2", "status": "Cancel", "modified": "2026-06-01T09:00:00+08:00", "rooms": []}
    report = ledger.ingest(hotel.channel_id, [created, moved, kept, cancel], CHANNEL)
    assert [r.outcome for r in report.results] == [IngestOutcome.STORED] * 4
    assert count(db, Reservation) == 2
    rows = {r.remote_id: r for r in ledger.list(hotel.property_id)}
    assert (rows["C-1"].arrival, rows["C-1"].departure, rows["C-1"].status) == (TODAY + 3 * D, TODAY + 4 * D, "confirmed")
    assert rows["C-2"].status == "cancelled"
    assert report.results[0].reservation_ids == report.results[1].reservation_ids == (rows["C-1"].id,)
    assert free_rooms(db, hotel, "DBL", TODAY) == 2 and free_rooms(db, hotel, "DBL", TODAY + 3 * D) == 1
    assert [h.change for h in ledger.detail(rows["C-1"].id).history] == ["created", "modified"]
    with db.session() as s:  # the columns the ledger does not set took their defaults
        stored = s.get(Reservation, rows["C-1"].id)
        assert stored.commission_minor == 0 and stored.updated_at is not None
