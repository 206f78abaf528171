"""Creating and editing room types through the service: validated as a whole, audited, never half-saved."""

import pytest

from channelmgr.catalog import validate
from channelmgr.db.models import AuditEntry, Room
from channelmgr.roomtypes import RoomTypeError, ValidationFailed, typed_record

NEW = {"room_code": "SEA", "name_zh": "海景双床房", "name_en": "Sea View Twin", "max_occupancy": "2",
       "area_sqm": "28平", "wifi": "有", "bed_type": "双床", "bed_count": 2, "deposit": "200元"}


def test_create_normalizes_typed_values_and_mirrors_code_and_names(services, pid, actor):
    created = services.room_types.create(actor, pid, NEW)
    assert created.code == "SEA" and created.name_zh == "海景双床房" and created.name_en == "Sea View Twin"
    assert created.attributes == {"room_code": "SEA", "name_zh": "海景双床房", "name_en": "Sea View Twin",
                                  "max_occupancy": 2, "area_sqm": "28", "wifi": True, "bed_type": "twin",
                                  "bed_count": 2, "deposit": 20000}
    codes = [rt.code for rt in services.room_types.list(pid)]
    assert codes[-1] == "SEA"  # a new type goes last
    assert services.inventory.room_type(pid, "SEA").name_en == "Sea View Twin"  # the calendar's reader sees it


@pytest.mark.parametrize("bad, key, words", [
    ({"area_sqm": "-5"}, "area_sqm", "at least 1"),
    ({"max_adults": 4, "max_occupancy": 2}, "max_adults", "must not exceed Maximum occupancy"),
    ({"bed_type": "waterbed"}, "bed_type", "unknown choice 'waterbed'"),
    ({"name_zh": "房" * 500}, "name_zh", "at most 40 characters, got 500"),
    ({"check_in_from": "25:00"}, "check_in_from", "invalid time"),
    ({"room_code": "LKV 2"}, "room_code", "expected format"),
    ({"room_code": "gtw"}, "room_code", "already used by Courtyard Twin"),
    ({"colour": "blue"}, "colour", "unknown attribute"),
])
def test_a_bad_value_refuses_the_whole_save_and_names_the_field(services, room_type, actor, audit_count, bad, key, words):
    before = room_type()
    entries = audit_count()
    # A valid change rides along: it must not be saved either.
    with pytest.raises(ValidationFailed) as refused:
        services.room_types.update(actor, before.id, {"summary_en": "Changed", **bad})
    assert key in refused.value.keys()
    assert words in str(refused.value)
    problem = next(p for p in refused.value.problems if p.key == key)
    assert problem.label_zh and problem.message_zh  # the UI shows it in Chinese too
    after = room_type()
    assert after.attributes == before.attributes and after.version == before.version
    assert audit_count() == entries


def test_every_problem_is_listed_at_once(services, pid, actor):
    with pytest.raises(ValidationFailed) as refused:
        services.room_types.create(actor, pid, {"room_code": "X", "area_sqm": "0", "bed_type": "?"})
    assert refused.value.keys() == ["name_zh", "bed_type", "area_sqm", "max_occupancy"]  # editor order
    assert "4 problems" in str(refused.value) and "共 4 处问题" in refused.value.message("zh")
    assert [rt.code for rt in services.room_types.list(pid, include_archived=True)].count("X") == 0


def test_update_changes_only_what_is_given_and_audits_before_and_after(services, room_type, actor):
    before = room_type()
    updated = services.room_types.update(actor, before.id, {"area_sqm": "35.5", "bathtub": "否", "summary_en": ""})
    assert updated.attributes["area_sqm"] == "35.5" and updated.attributes["bathtub"] is False
    assert "summary_en" not in updated.attributes  # blank clears a field
    untouched = {k: v for k, v in before.attributes.items() if k not in ("area_sqm", "bathtub", "summary_en")}
    assert {k: updated.attributes[k] for k in untouched} == untouched
    assert updated.version != before.version
    with services.db.session() as s:
        entry = s.query(AuditEntry).filter_by(entity="room_type", action="update").one()
        assert (entry.actor, entry.cause) == ("tester", "pytest")
        assert entry.before == {"area_sqm": "32", "bathtub": True,
                                "summary_en": before.attributes["summary_en"]}
        assert entry.after == {"area_sqm": "35.5", "bathtub": False, "summary_en": None}


def test_saving_an_unchanged_form_writes_nothing(services, room_type, actor, audit_count):
    before = room_type()
    entries = audit_count()
    again = services.room_types.update(actor, before.id, typed_record(before.attributes),
                                       photo_captions=before.photo_captions, expected_version=before.version)
    assert again.version == before.version and audit_count() == entries


def test_a_stale_form_is_refused_instead_of_overwriting_another_desk(services, room_type, actor):
    opened = room_type()
    services.room_types.update(actor, opened.id, {"area_sqm": "40"})  # the other desk saves first
    with pytest.raises(RoomTypeError, match="changed elsewhere"):
        services.room_types.update(actor, opened.id, {"area_sqm": "30"}, expected_version=opened.version)
    assert room_type().attributes["area_sqm"] == "40"


def test_renaming_the_code_updates_the_column(services, room_type, pid, actor):
    services.room_types.update(actor, room_type().id, {"room_code": "LKV-A", "name_en": "Lake King"})
    assert services.room_types.find(pid, "LKV-A").name_en == "Lake King"


def test_duplicate_copies_the_listing_under_a_new_code_right_after_the_original(services, room_type, pid, actor):
    source = room_type()
    copy = services.room_types.duplicate(actor, source.id, "LKV2")
    assert copy.name_zh == "洱海景观大床房（副本）" and copy.name_en == "Lake View King (copy)"
    same = {k: v for k, v in source.attributes.items() if k not in ("room_code", "name_zh", "name_en")}
    assert {k: copy.attributes[k] for k in same} == same
    assert copy.photo_captions == source.photo_captions
    assert copy.room_count == 0  # physical rooms are not duplicated
    assert [rt.code for rt in services.room_types.list(pid)][:3] == ["LKV", "LKV2", "GTW"]
    assert validate(copy.attributes) == []


def test_duplicate_with_a_taken_code_is_refused(services, room_type, pid, actor):
    with pytest.raises(ValidationFailed, match="already used"):
        services.room_types.duplicate(actor, room_type().id, "RTS")
    assert len(services.room_types.list(pid)) == 6


def test_a_long_name_is_shortened_so_the_copy_still_fits(services, room_type, actor):
    source = room_type()
    services.room_types.update(actor, source.id, {"name_zh": "房" * 40})
    copy = services.room_types.duplicate(actor, source.id, "LONG")
    assert len(copy.name_zh) == 40 and copy.name_zh.endswith("（副本）")


def test_archive_is_refused_while_rooms_or_guests_remain(services, room_type, pid, actor):
    lkv = room_type("LKV")
    with pytest.raises(RoomTypeError, match="still has 4 room"):
        services.room_types.set_archived(actor, lkv.id, True)
    rts = room_type("RTS")
    for room in services.rooms.list(pid, rts.id):  # no rooms left, but 周婷 arrives in 5 days
        services.rooms.move(actor, room.id, lkv.id)
    with pytest.raises(RoomTypeError, match="upcoming reservations .*周婷"):
        services.room_types.set_archived(actor, rts.id, True)


def test_archive_and_unarchive(services, pid, actor):
    empty = services.room_types.create(actor, pid, {"room_code": "OLD", "name_zh": "旧房型", "max_occupancy": 2})
    assert services.room_types.set_archived(actor, empty.id, True).archived
    assert "OLD" not in [rt.code for rt in services.room_types.list(pid)]
    assert "OLD" in [rt.code for rt in services.room_types.list(pid, include_archived=True)]
    assert "OLD" not in [rt.code for rt in services.inventory.room_types(pid)]  # gone from the calendar too
    with pytest.raises(ValidationFailed, match="archived"):  # its code stays taken
        services.room_types.create(actor, pid, {"room_code": "old", "name_zh": "新", "max_occupancy": 1})
    assert not services.room_types.set_archived(actor, empty.id, False).archived


def test_reorder_puts_the_listed_types_in_their_own_slots(services, pid, actor):
    types = {rt.code: rt.id for rt in services.room_types.list(pid)}
    archived = services.room_types.create(actor, pid, {"room_code": "ARC", "name_zh": "归档", "max_occupancy": 1})
    services.room_types.set_archived(actor, archived.id, True)
    # The list without archived types: swap the first two, the archived one keeps its place (last).
    order = [types["GTW"], types["LKV"], types["FAM"], types["LFT"], types["CQN"], types["RTS"]]
    result = services.room_types.reorder(actor, pid, order)
    assert [rt.code for rt in result] == ["GTW", "LKV", "FAM", "LFT", "CQN", "RTS", "ARC"]
    assert [rt.sort_order for rt in result] == list(range(7))
    with pytest.raises(RoomTypeError, match="unknown or repeated"):
        services.room_types.reorder(actor, pid, [types["LKV"], types["LKV"]])


def test_an_older_row_without_code_in_its_attributes_still_opens_and_saves(services, room_type, actor):
    with services.db.session() as s:
        from channelmgr.db.models import RoomType
        s.get(RoomType, room_type("CQN").id).attributes = {"max_occupancy": 2}
    cqn = room_type("CQN")
    assert cqn.attributes["room_code"] == "CQN" and cqn.attributes["name_zh"] == "温馨大床房"
    assert services.room_types.update(actor, cqn.id, {"wifi": True}).attributes["room_code"] == "CQN"


def test_rooms_are_counted(services, room_type):
    with services.db.session() as s:
        assert room_type("CQN").room_count == s.query(Room).filter_by(room_type_id=room_type("CQN").id).count() == 4
