"""Bulk edits: what they change, preview = apply, undo/redo exact, bad input refused whole."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from channelmgr.db.models import AuditEntry, CalendarDay, PriceOverride
from channelmgr.inventory.bulk_edit import ALL_WEEKDAYS, BulkEditRequest, CopyWeekRequest, Operation
from channelmgr.inventory.refusals import Refusal

from .builders import ACTOR, TODAY, day, fingerprint

SAT_SUN = frozenset({5, 6})


def request(hotel, op, value=None, first=0, last=13, types=("A", "B"), weekdays=ALL_WEEKDAYS, plans=()):
    return BulkEditRequest(
        property_id=hotel.property_id,
        first_night=day(first),
        last_night=day(last),
        room_type_ids=tuple(hotel.types[t] for t in types),
        operation=op,
        value=value,
        weekdays=weekdays,
        rate_plan_ids=tuple(hotel.plans[p] for p in plans),
    )


def stored(hotel, field, code="A", days=14):
    return [getattr(c, field) for c in hotel.snapshot(days=days).cells[list(hotel.types).index(code)]]


def test_close_on_weekends_only_touches_saturdays_and_sundays(hotel):
    req = request(hotel, Operation.CLOSE, weekdays=SAT_SUN)
    assert hotel.calendar.bulk_edit.preview(req).cells_changed == 8  # 2 types × 2 weekends × 2 days
    changes = hotel.calendar.bulk_edit.apply(req, ACTOR)
    assert len(changes) == changes.cell_count == 8
    # TODAY is a Monday: offsets 5, 6, 12, 13 are the weekend nights.
    assert stored(hotel, "stop_sell") == [d in (5, 6, 12, 13) for d in range(14)]
    assert stored(hotel, "stop_sell", "B") == stored(hotel, "stop_sell")
    assert {c.key.night.weekday() for c in changes.changes} == SAT_SUN
    assert all(c.before is False and c.after is True for c in changes.changes)


def test_open_undoes_a_close_and_only_counts_cells_that_change(hotel):
    hotel.calendar.bulk_edit.apply(request(hotel, Operation.CLOSE, first=0, last=2, types=("A",)), ACTOR)
    reopen = request(hotel, Operation.OPEN, first=0, last=6, types=("A",))
    preview = hotel.calendar.bulk_edit.preview(reopen)
    assert (preview.cells_selected, preview.cells_changed) == (7, 3)
    hotel.calendar.bulk_edit.apply(reopen, ACTOR)
    assert not any(stored(hotel, "stop_sell"))


@pytest.mark.parametrize(
    "op, value, field",
    [
        (Operation.ROOMS_CLOSED, 2, "closed"),
        (Operation.MIN_STAY, 3, "min_stay"),
        (Operation.MAX_STAY, 7, "max_stay"),
        (Operation.CLOSED_TO_ARRIVAL, True, "closed_to_arrival"),
        (Operation.CLOSED_TO_DEPARTURE, True, "closed_to_departure"),
    ],
)
def test_each_setting_is_written_to_the_chosen_nights_only(hotel, op, value, field):
    req = request(hotel, op, value, first=2, last=4, types=("A",))
    preview = hotel.calendar.bulk_edit.preview(req)
    changes = hotel.calendar.bulk_edit.apply(req, ACTOR)
    assert preview.cells_changed == changes.cell_count == 3
    default = hotel.snapshot(days=1).cells[1][0]  # room type B is untouched
    assert stored(hotel, field, days=7) == [getattr(default, field)] * 2 + [value] * 3 + [getattr(default, field)] * 2
    assert stored(hotel, field, "B", days=7) == [getattr(default, field)] * 7


def test_price_override_and_clear_for_chosen_plans(hotel):
    req = request(hotel, Operation.PRICE, 68800, first=0, last=2, types=("A",), plans=("A/BAR",))
    assert hotel.calendar.bulk_edit.apply(req, ACTOR).cell_count == 3
    assert stored(hotel, "price_minor", days=4) == [68800, 68800, 68800, 50000]
    details = hotel.calendar.bulk_edit.preview(
        request(hotel, Operation.CLEAR_PRICE, first=0, last=6, types=("A",), plans=("A/BAR", "A/BB"))
    )
    assert (details.cells_selected, details.cells_changed) == (14, 3)
    hotel.calendar.bulk_edit.apply(request(hotel, Operation.CLEAR_PRICE, first=1, last=1, types=("A",), plans=("A/BAR",)), ACTOR)
    assert stored(hotel, "price_minor", days=4) == [68800, 50000, 68800, 50000]


def test_preview_writes_nothing(hotel):
    before = fingerprint(hotel.db)
    assert hotel.calendar.bulk_edit.preview(request(hotel, Operation.MIN_STAY, 2)).cells_changed == 28
    assert fingerprint(hotel.db) == before


def test_applying_twice_changes_nothing_the_second_time(hotel):
    req = request(hotel, Operation.ROOMS_CLOSED, 1)
    assert len(hotel.calendar.bulk_edit.apply(req, ACTOR)) == 28
    assert hotel.calendar.bulk_edit.preview(req).cells_changed == 0
    assert len(hotel.calendar.bulk_edit.apply(req, ACTOR)) == 0


def test_every_edit_is_audited_per_room_type_with_the_actor(hotel):
    hotel.calendar.bulk_edit.apply(request(hotel, Operation.CLOSE, first=0, last=1), ACTOR)
    with hotel.db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "calendar").order_by(AuditEntry.id)).all()
        rows = [(e.actor, e.cause, e.action, e.entity_id, e.before, e.after) for e in entries]
    night0, night1 = day(0).isoformat(), day(1).isoformat()
    expected_before = {"stop_sell": {night0: False, night1: False}}
    expected_after = {"stop_sell": {night0: True, night1: True}}
    assert rows == [
        ("tester", "test", "bulk_edit", str(hotel.types["A"]), expected_before, expected_after),
        ("tester", "test", "bulk_edit", str(hotel.types["B"]), expected_before, expected_after),
    ]


def _mixed_start(hotel):
    """A calendar with different values per night, so undo must restore each one exactly."""
    with hotel.db.session() as s:
        s.add(CalendarDay(room_type_id=hotel.types["A"], night=day(1), min_stay=4, stop_sell=True))
        s.add(CalendarDay(room_type_id=hotel.types["A"], night=day(3), min_stay=1, rooms_closed=2))
        s.add(PriceOverride(rate_plan_id=hotel.plans["A/BAR"], night=day(2), price_minor=45600))


def test_undo_restores_the_exact_previous_values_and_redo_reapplies(hotel):
    _mixed_start(hotel)
    before = fingerprint(hotel.db)
    edits = [
        request(hotel, Operation.MIN_STAY, 2, first=0, last=5, types=("A",)),
        request(hotel, Operation.PRICE, 70000, first=0, last=5, types=("A",), plans=("A/BAR",)),
        request(hotel, Operation.ROOMS_CLOSED, 0, first=0, last=5, types=("A",)),
    ]
    sets = [hotel.calendar.bulk_edit.apply(r, ACTOR, force=True) for r in edits]  # big moves, on purpose
    after = fingerprint(hotel.db)
    assert after["calendar"] != before["calendar"] and after["prices"] != before["prices"]
    for changes in reversed(sets):
        hotel.calendar.bulk_edit.undo(changes, ACTOR)
    undone = fingerprint(hotel.db)
    # Rows created by the edit stay, holding the default values they had before: same meaning.
    assert stored(hotel, "min_stay", days=6) == [None, 4, None, 1, None, None]
    assert stored(hotel, "price_minor", days=6) == [50000, 50000, 45600, 50000, 50000, 50000]
    assert stored(hotel, "closed", days=6) == [0, 0, 0, 2, 0, 0]
    assert undone["prices"] == before["prices"]
    for changes in sets:
        hotel.calendar.bulk_edit.redo(changes, ACTOR)
    assert {k: v for k, v in fingerprint(hotel.db).items() if k != "audit"} == {
        k: v for k, v in after.items() if k != "audit"
    }


def test_undo_is_refused_when_a_cell_was_edited_since_and_nothing_is_written(hotel):
    first = hotel.calendar.bulk_edit.apply(request(hotel, Operation.MIN_STAY, 2, first=0, last=3, types=("A",)), ACTOR)
    hotel.calendar.bulk_edit.apply(request(hotel, Operation.MIN_STAY, 5, first=3, last=3, types=("A",)), ACTOR)
    before = fingerprint(hotel.db)
    with pytest.raises(Refusal) as refused:
        hotel.calendar.bulk_edit.undo(first, ACTOR)
    assert refused.value.code == "changed_since"
    assert fingerprint(hotel.db) == before


def test_copy_week_repeats_settings_and_prices_on_the_following_weeks(hotel):
    bulk = hotel.calendar.bulk_edit
    bulk.apply(request(hotel, Operation.CLOSE, first=5, last=5, types=("A",)), ACTOR)  # Saturday
    bulk.apply(request(hotel, Operation.MIN_STAY, 2, first=4, last=5, types=("A",)), ACTOR)  # Fri + Sat
    bulk.apply(request(hotel, Operation.PRICE, 60000, first=4, last=5, types=("A",), plans=("A/BAR",)), ACTOR)
    bulk.apply(request(hotel, Operation.CLOSE, first=15, last=15, types=("A",)), ACTOR)  # a Wednesday, overwritten
    req = CopyWeekRequest(hotel.property_id, day(0), 3, (hotel.types["A"],))
    preview = bulk.preview_copy_week(req)
    changes = bulk.copy_week(req, ACTOR)
    assert preview.cells_changed == changes.cell_count == 3 * 2 * 2 + 1  # (settings + price) × Fri/Sat × 3 weeks + Wed
    week = [d in (5,) for d in range(7)]
    assert stored(hotel, "stop_sell", days=28) == week * 4
    assert stored(hotel, "min_stay", days=28) == [None, None, None, None, 2, 2, None] * 4
    assert stored(hotel, "price_minor", days=28) == ([50000] * 4 + [60000] * 2 + [50000]) * 4
    bulk.undo(changes, ACTOR)
    assert stored(hotel, "stop_sell", days=28)[7:] == [False] * 8 + [True] + [False] * 12


def _refused(hotel, req, code):
    before = fingerprint(hotel.db)
    with pytest.raises(Refusal) as refused:
        hotel.calendar.bulk_edit.preview(req)
    assert refused.value.code == code, refused.value
    with pytest.raises(Refusal):
        hotel.calendar.bulk_edit.apply(req, ACTOR)
    assert fingerprint(hotel.db) == before  # nothing partly applied
    return refused.value


def test_nights_in_the_past_are_refused(hotel):
    _refused(hotel, request(hotel, Operation.CLOSE, first=-1, last=3), "past")


def test_an_end_before_the_start_is_refused(hotel):
    _refused(hotel, request(hotel, Operation.CLOSE, first=5, last=4), "end_before_start")


def test_closing_more_rooms_than_exist_is_refused_for_every_type(hotel):
    # A has 4 rooms and B only 2: closing 3 is refused as a whole, A included.
    error = _refused(hotel, request(hotel, Operation.ROOMS_CLOSED, 3), "too_many_closed")
    assert error.params["room_type"] == "双床房" and error.params["rooms"] == 2


@pytest.mark.parametrize("price", [0, -100])
def test_a_price_at_or_below_zero_is_refused(hotel, price):
    _refused(hotel, request(hotel, Operation.PRICE, price, plans=("A/BAR",)), "price_not_positive")


def test_min_stay_above_an_existing_max_stay_is_refused(hotel):
    hotel.calendar.bulk_edit.apply(request(hotel, Operation.MAX_STAY, 3, first=6, last=6, types=("B",)), ACTOR)
    error = _refused(hotel, request(hotel, Operation.MIN_STAY, 4), "min_above_max")
    assert error.params["night"] == day(6)


def test_max_stay_below_an_existing_min_stay_is_refused(hotel):
    hotel.calendar.bulk_edit.apply(request(hotel, Operation.MIN_STAY, 5, first=2, last=2, types=("A",)), ACTOR)
    _refused(hotel, request(hotel, Operation.MAX_STAY, 4), "min_above_max")


def test_unknown_room_types_are_refused(hotel):
    req = request(hotel, Operation.CLOSE)
    _refused(hotel, BulkEditRequest(**{**req.__dict__, "room_type_ids": (hotel.types["A"], 999)}), "unknown_room_type")


def test_a_rate_plan_of_another_room_type_is_refused(hotel):
    _refused(hotel, request(hotel, Operation.PRICE, 100, types=("A",), plans=("B/BAR",)), "foreign_rate_plan")


@pytest.mark.parametrize(
    "op, value, plans, code",
    [
        (Operation.PRICE, 100, (), "no_rate_plan"),
        (Operation.MIN_STAY, 0, (), "stay_range"),
        (Operation.MIN_STAY, "2", (), "bad_value"),
        (Operation.CLOSED_TO_ARRIVAL, None, (), "bad_value"),
        (Operation.ROOMS_CLOSED, -1, (), "bad_value"),
        (Operation.PRICE, 10.5, ("A/BAR",), "bad_value"),
    ],
)
def test_values_of_the_wrong_kind_are_refused(hotel, op, value, plans, code):
    _refused(hotel, request(hotel, op, value, plans=plans), code)


def test_no_weekday_or_no_room_type_is_refused(hotel):
    _refused(hotel, request(hotel, Operation.CLOSE, weekdays=frozenset()), "no_weekday")
    _refused(hotel, request(hotel, Operation.CLOSE, types=()), "no_room_type")


def test_copy_week_refuses_past_targets_and_silly_week_counts(hotel):
    bulk = hotel.calendar.bulk_edit
    with pytest.raises(Refusal) as refused:
        bulk.copy_week(CopyWeekRequest(hotel.property_id, TODAY - timedelta(days=8), 2, (hotel.types["A"],)), ACTOR)
    assert refused.value.code == "past"
    with pytest.raises(Refusal) as refused:
        bulk.preview_copy_week(CopyWeekRequest(hotel.property_id, TODAY, 0, (hotel.types["A"],)))
    assert refused.value.code == "weeks_range"


def test_a_fat_finger_price_is_refused_without_force_and_nothing_is_written(hotel):
    from channelmgr.pricing.guard import ConfirmationRequired

    before = fingerprint(hotel.db)
    typo = request(hotel, Operation.PRICE, 5000000, first=1, last=1, types=("A",), plans=("A/BAR",))  # ¥50,000 on ¥500
    with pytest.raises(ConfirmationRequired) as refused:
        hotel.calendar.bulk_edit.apply(typo, ACTOR)
    assert "A/BAR" in str(refused.value) and "¥500 → ¥50,000 (+9900%)" in str(refused.value)
    assert fingerprint(hotel.db) == before
    hotel.calendar.bulk_edit.apply(typo, ACTOR, force=True)
    assert hotel.cell("A", day(1)).price_minor == 5000000


def test_the_guard_compares_with_the_price_shown_not_only_a_typed_one(hotel):
    from channelmgr.pricing.guard import ConfirmationRequired

    # No override on this night: the base price ¥300 is what the cell shows, and ¥30 is a −90% typo.
    with pytest.raises(ConfirmationRequired):
        hotel.calendar.bulk_edit.apply(request(hotel, Operation.PRICE, 3000, first=2, last=2, types=("B",),
                                               plans=("B/BAR",)), ACTOR)
    # A modest change passes without asking, and undo needs no confirmation.
    changes = hotel.calendar.bulk_edit.apply(request(hotel, Operation.PRICE, 33000, first=2, last=2, types=("B",),
                                                     plans=("B/BAR",)), ACTOR)
    hotel.calendar.bulk_edit.undo(changes, ACTOR)
    assert hotel.cell("B", day(2)).price_minor == 30000
