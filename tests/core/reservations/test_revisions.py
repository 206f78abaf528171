"""Naming, ordering and fingerprinting revisions; reading a channel's booking."""

from datetime import date

import pytest

from channelmgr.reservations.channel_booking import CodeMap, Unusable, guest_name, read_channel_booking
from channelmgr.reservations.currencies import is_currency
from channelmgr.reservations.revisions import fingerprint, is_older, revision_of
from tests.support.ledger import booking


@pytest.mark.parametrize("older, newer", [
    ("1", "2"), ("9", "10"),
    ("2026-05-30T10:00:00+08:00", "2026-05-30T03:00:01Z"),  # compared as moments, not as text
    ("2026-05-30T10:00:00", "2026-05-30T10:00:01"),
])
def test_revisions_are_ordered_by_number_or_moment(older, newer):
    assert is_older(older, newer) and not is_older(newer, older)


def test_revisions_that_cannot_be_compared_are_not_older():
    assert not is_older("abc", "def") and not is_older("1", "2026-05-30T10:00:00") and not is_older("3", "3")


def test_a_booking_names_its_revision_by_modification_time_or_else_by_content():
    assert revision_of({"modified": "2026-05-31T09:00:00+08:00", "created": "x"}) == "2026-05-31T09:00:00+08:00"
    assert revision_of({"created": "2026-05-30T10:00:00+08:00"}) == "2026-05-30T10:00:00+08:00"
    bare = {"remote_id": "A", "rooms": []}
    assert revision_of(bare).startswith("content:") and revision_of(bare) == revision_of(dict(bare))


def test_fingerprints_see_content_not_key_order():
    assert fingerprint({"a": 1, "b": date(2026, 6, 1)}) == fingerprint({"b": date(2026, 6, 1), "a": 1})
    assert fingerprint({"a": 1}) != fingerprint({"a": 2})


def test_names_follow_the_guests_convention():
    assert guest_name("小明", "王") == "王小明"
    assert guest_name("Emily", "Carter") == "Emily Carter"
    assert guest_name(None, "Smith") == "Smith"


def test_currency_codes():
    assert is_currency("CNY") and is_currency("JPY") and not is_currency("RMB") and not is_currency(None)


def test_codes_map_exactly_or_by_room_alone():
    codes = CodeMap({("DBL", "BAR"): (1, 10), ("TWN", None): (2, None)})
    assert codes.lookup("DBL", "BAR") == (1, 10)
    assert codes.lookup("DBL", "NRF") is None  # the room is mapped only with another rate
    assert codes.lookup("TWN", "ANY") == (2, None) and codes.lookup(None, "BAR") is None


def test_every_problem_of_a_booking_is_listed_at_once():
    raw = booking("X", room="KING", nights=0, amount=-5, currency="RMB")
    with pytest.raises(Unusable) as unusable:
        read_channel_booking(raw, CodeMap({}), "CNY")
    text = str(unusable.value)
    assert all(part in text for part in ("not mapped", "not after arrival", "negative amount", "ISO 4217"))
