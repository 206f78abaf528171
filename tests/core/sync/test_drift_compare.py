"""drift.compare: desired values against read-back values, field by field, without a channel."""

from __future__ import annotations

from datetime import date, timedelta

from channelmgr.sync.acked import ValueCodec
from channelmgr.sync.desired import DesiredState, Origin
from channelmgr.sync.drift import compare, desired_values, filter_drifts
from channelmgr.sync.ranges import AvailCell, RateCell, RestrictionCell

D0 = date(2026, 6, 1)
NIGHTS = [D0 + timedelta(days=i) for i in range(3)]


def _desired() -> DesiredState:
    state = DesiredState(1, D0, D0 + timedelta(days=3))
    avail, rate, rules = AvailCell("R1", D0, 0), RateCell("R1", "BAR", D0, 0, "CNY"), RestrictionCell("R1", "BAR", D0)
    state.series = [
        (avail, dict.fromkeys(NIGHTS, (2,))),
        (rate, dict.fromkeys(NIGHTS, (38800, "CNY"))),
        (rules, dict.fromkeys(NIGHTS, (False, False, False, 1, None))),
    ]
    state.origins = {avail.key: Origin("DBL"), rate.key: Origin("DBL", "BAR"), rules.key: Origin("DBL", "BAR")}
    return state


def _shown(desired: DesiredState) -> dict:
    return {key: dict(nights) for key, nights in desired_values(desired).items()}


def test_the_same_values_compare_clean_and_count_every_cell():
    desired = _desired()
    assert compare("ota", desired, _shown(desired)) == ([], 9)


def test_each_differing_field_is_one_drift_and_a_missing_night_is_one_drift_of_the_cell():
    desired = _desired()
    shown = _shown(desired)
    shown[("avail", "R1", "", 0)][NIGHTS[0]] = (0,)
    shown[("rate", "R1", "BAR", 0)][NIGHTS[1]] = (39800, "CNY")
    shown[("restriction", "R1", "BAR", 0)][NIGHTS[2]] = (True, False, True, 3, None)
    del shown[("rate", "R1", "BAR", 0)][NIGHTS[2]]
    drifts, compared = compare("ota", desired, shown)
    assert compared == 9
    assert [(d.night, d.field, d.ours, d.theirs, d.shown) for d in drifts] == [
        (NIGHTS[0], "availability", 2, 0, True),
        (NIGHTS[1], "price", 38800, 39800, True),
        (NIGHTS[2], "price", 38800, None, False),
        (NIGHTS[2], "min_stay", 1, 3, True),
        (NIGHTS[2], "ctd", False, True, True),
        (NIGHTS[2], "stop_sell", False, True, True),
    ]
    assert {d.room_type for d in drifts} == {"DBL"}
    assert [d.field for d in filter_drifts(drifts, night=NIGHTS[2], fields=["ctd", "price"])] == ["price", "ctd"]


def test_another_currency_is_its_own_field_not_a_price_difference():
    desired = _desired()
    shown = _shown(desired)
    shown[("rate", "R1", "BAR", 0)][NIGHTS[0]] = (38800, "USD")
    [drift] = compare("ota", desired, shown)[0]
    assert (drift.field, drift.ours, drift.theirs) == ("currency", "CNY", "USD")


def test_a_drift_is_pending_when_ours_was_never_confirmed_by_the_channel():
    desired = _desired()
    shown = _shown(desired)
    shown[("avail", "R1", "", 0)][NIGHTS[0]] = (0,)
    shown[("avail", "R1", "", 0)][NIGHTS[1]] = (0,)
    codec = ValueCodec()
    acked = {("avail", "R1", "", 0): {NIGHTS[0]: codec.encode((2,)), NIGHTS[1]: codec.encode((1,))}}
    drifts, _ = compare("ota", desired, shown, acked, codec)
    assert [(d.night, d.pending) for d in drifts] == [(NIGHTS[0], False), (NIGHTS[1], True)]
    assert drifts[1].to_json()["pending"] is True and drifts[0].to_json()["night"] == "2026-06-01"
