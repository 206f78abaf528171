import pytest

from channelmgr.roomtypes.errors import RoomTypeError
from channelmgr.roomtypes.room_numbers import expand_room_numbers, guess_floor


@pytest.mark.parametrize("text, numbers", [
    ("201–208", [f"20{n}" for n in range(1, 9)]),
    ("201-208", [f"20{n}" for n in range(1, 9)]),
    ("201 - 203", ["201", "202", "203"]),
    ("２０１～２０３", ["201", "202", "203"]),
    ("201至203", ["201", "202", "203"]),
    ("A01-A05", ["A01", "A02", "A03", "A04", "A05"]),
    ("A08-10", ["A08", "A09", "A10"]),
    ("9-12", ["9", "10", "11", "12"]),
    ("101, 103，105-106", ["101", "103", "105", "106"]),
    ("听风", ["听风"]),
])
def test_ranges_people_type(text, numbers):
    assert expand_room_numbers(text) == numbers


@pytest.mark.parametrize("text, words", [
    ("208-201", "ends below its start"),
    ("A01-B05", "same letters"),
    ("201-", "not a range"),
    ("201-203-205", "not a range"),
    ("x-y", "not a room number"),
    ("201-2080", "at most 200"),
    ("101, 101", "given twice"),
    ("", "Type room numbers"),
    ("1" * 21, "longer than 20"),
])
def test_bad_ranges_say_what_is_wrong(text, words):
    with pytest.raises(RoomTypeError, match=words):
        expand_room_numbers(text)


def test_floor_from_the_number():
    assert [guess_floor(n) for n in ("201", "1203", "A305", "8", "听风")] == [2, 12, 3, None, None]
