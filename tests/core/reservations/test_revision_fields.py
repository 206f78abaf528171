"""A revision's content as labelled fields: a channel's message and a desk's booking read alike."""

from channelmgr.reservations.revision_fields import revision_fields


def test_a_channel_message_reads_as_guest_stay_and_money():
    payload = {"remote_id": "CT-1", "revision": "1", "status": "book", "currency": "CNY",
               "guest": {"given_name": "洋", "surname": "刘", "phone": "13800000010"},
               "total_minor": 135600, "commission_minor": 20340,
               "rooms": [{"room_code": "CT-LKV", "arrival": "2026-12-11", "departure": "2026-12-13", "adults": 2}]}
    assert revision_fields(payload) == [
        ("guest", "刘洋"), ("phone", "13800000010"), ("status", "book"),
        ("arrival", "2026-12-11"), ("departure", "2026-12-13"), ("nights", "2"),
        ("channel_room", "CT-LKV"), ("adults", "2"),
        ("amount", "¥1,356"), ("commission", "¥203.40"), ("remote_id", "CT-1")]


def test_a_booking_of_two_rooms_numbers_its_stays_and_an_unreadable_date_stays_as_sent():
    payload = {"remote_id": "X", "status": "modify", "guest": {"given_name": "Emily", "surname": "Carter"},
               "rooms": [{"arrival": "2026-12-11", "departure": "2026-12-12", "amount_minor": 50000},
                         {"arrival": "11/12/2026", "departure": "2026-12-13"}]}
    fields = revision_fields(payload)
    assert ("guest", "Emily Carter") in fields and ("stay", "1 / 2") in fields and ("stay", "2 / 2") in fields
    assert ("amount", "¥500") in fields and ("arrival", "11/12/2026") in fields
    assert [value for key, value in fields if key == "nights"] == ["1"]  # none made up for the unreadable one


def test_a_desk_revision_names_its_room_type_and_room():
    payload = {"guest": "王芳", "room_type_id": 1, "room_id": 7, "arrival": "2026-12-06", "departure": "2026-12-09",
               "status": "confirmed", "amount_minor": 176400, "commission_minor": 0, "currency": "CNY",
               "source": "phone", "remote_id": None, "revision": "1", "overbooked": False}
    assert revision_fields(payload, {1: "LKV"}, {7: "301"}) == [
        ("guest", "王芳"), ("status", "confirmed"), ("arrival", "2026-12-06"), ("departure", "2026-12-09"),
        ("nights", "3"), ("room_type", "LKV"), ("room", "301"), ("amount", "¥1,764"), ("source", "phone")]
    assert ("overbooked", "yes") in revision_fields({**payload, "overbooked": True})
    assert ("room_type", "#1") in revision_fields(payload)  # a type since removed: its id, not nothing
