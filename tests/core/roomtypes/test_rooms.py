"""Physical rooms: bulk create all-or-nothing, collisions named, moves guarded by allocated bookings."""

from datetime import date, timedelta

import pytest

from channelmgr.db.models import AuditEntry, Reservation, Room
from channelmgr.roomtypes import RoomDraft, RoomTypeError
from tests.support.today import property_today


def test_bulk_create_a_range_with_floors_from_the_numbers(services, room_type, pid, actor):
    cqn = room_type("CQN")
    rooms = services.rooms.add_range(actor, cqn.id, "401–405")
    assert [(r.number, r.floor, r.room_type_code, r.status) for r in rooms] == [
        (f"40{n}", 4, "CQN", "clean") for n in range(1, 6)]
    assert room_type("CQN").room_count == 9
    with services.db.session() as s:
        assert s.query(AuditEntry).filter_by(entity="room", action="create").count() == 5


def test_an_explicit_floor_wins(services, room_type, actor):
    rooms = services.rooms.add_range(actor, room_type("CQN").id, "A01-A03", floor=1)
    assert [(r.number, r.floor) for r in rooms] == [("A01", 1), ("A02", 1), ("A03", 1)]


def test_a_bad_range_creates_nothing(services, room_type, pid, actor):
    before = len(services.rooms.list(pid))
    with pytest.raises(RoomTypeError, match="ends below its start"):
        services.rooms.add_range(actor, room_type("CQN").id, "408-401")
    assert len(services.rooms.list(pid)) == before


def test_numbers_that_exist_are_named_and_nothing_is_added(services, room_type, pid, actor):
    before = len(services.rooms.list(pid))
    with pytest.raises(RoomTypeError) as refused:
        services.rooms.add_range(actor, room_type("CQN").id, "305-308")  # 305 and 306 are RTS rooms
    assert "305, 306" in str(refused.value) and "nothing was added" in str(refused.value)
    assert "305、306" in refused.value.message("zh")
    assert len(services.rooms.list(pid)) == before


def test_numbers_collide_regardless_of_case(services, room_type, actor):
    services.rooms.add_range(actor, room_type("CQN").id, "A01")
    with pytest.raises(RoomTypeError, match="already exist: A01"):
        services.rooms.add(actor, room_type("CQN").id, RoomDraft("a01"))


def test_no_rooms_for_an_archived_type(services, pid, actor):
    old = services.room_types.create(actor, pid, {"room_code": "OLD", "name_zh": "旧", "max_occupancy": 1})
    services.room_types.set_archived(actor, old.id, True)
    with pytest.raises(RoomTypeError, match="archived"):
        services.rooms.add_range(actor, old.id, "501")


def test_move_a_room_to_another_type(services, room_type, pid, actor):
    room = next(r for r in services.rooms.list(pid) if r.number == "206")
    moved = services.rooms.move(actor, room.id, room_type("LKV").id)
    assert moved.room_type_code == "LKV" and moved.room_type_id == room_type("LKV").id
    assert room_type("LKV").room_count == 5 and room_type("CQN").room_count == 3
    assert "206" in [r.number for r in services.rooms.list(pid, room_type("LKV").id)]


def test_a_room_allocated_to_a_coming_guest_is_not_moved(services, room_type, pid, actor):
    room = next(r for r in services.rooms.list(pid) if r.number == "301")
    with services.db.session() as s:
        booking = s.query(Reservation).filter_by(guest_name="Emily Carter").one()
        booking.room_id = room.id
    with pytest.raises(RoomTypeError, match="allocated to Emily Carter"):
        services.rooms.move(actor, room.id, room_type("GTW").id)
    assert next(r for r in services.rooms.list(pid) if r.number == "301").room_type_code == "LKV"


def test_a_room_whose_guest_has_left_may_move(services, room_type, pid, actor):
    room = next(r for r in services.rooms.list(pid) if r.number == "301")
    with services.db.session() as s:
        booking = s.query(Reservation).filter_by(guest_name="Emily Carter").one()
        booking.room_id = room.id
        booking.arrival, booking.departure = property_today() - timedelta(days=5), property_today()
    assert services.rooms.move(actor, room.id, room_type("GTW").id).room_type_code == "GTW"


def test_update_a_room(services, pid, actor):
    room = next(r for r in services.rooms.list(pid) if r.number == "101")
    updated = services.rooms.update(actor, room.id, RoomDraft("101", 1, "靠近前台，适合行动不便的客人", "dirty"))
    assert (updated.notes, updated.status) == ("靠近前台，适合行动不便的客人", "dirty")
    with pytest.raises(RoomTypeError, match="102"):
        services.rooms.update(actor, room.id, RoomDraft("102", 1))
    with pytest.raises(RoomTypeError, match="floor 300"):
        services.rooms.update(actor, room.id, RoomDraft("101", 300))
    with pytest.raises(RoomTypeError, match="unknown status"):
        services.rooms.update(actor, room.id, RoomDraft("101", 1, "", "haunted"))
    with services.db.session() as s:
        assert s.get(Room, room.id).status.value == "dirty"
