"""What of a room type a content push carries: codes from the catalog, nothing invented."""

from channelmgr.catalog import validate
from channelmgr.catalog.listing_content import carried_counts, fingerprint, property_content, room_content

# A hand-made room type: every value here is valid catalog input (checked below).
ROOM = {
    "room_code": "SEA", "name_zh": "海景大床房", "name_en": "Sea View Queen",
    "description_zh": "推开窗就是大海。", "description_en": "Open the window onto the sea.",
    "summary_zh": "看海的房间",
    "max_occupancy": 3, "max_adults": 2, "max_children": 1, "standard_occupancy": 2,
    "bed_type": "queen", "bed_count": 1, "second_bed_type": "sofa_bed",
    "view": "sea",
    "wifi": True, "air_conditioning": True, "bathtub": False,   # False: carried by its absence
    "kitchen": "kitchenette",                                   # a choice with an RMA code
    "highlights": ["fireplace", "esports"],                     # one coded, one not
    "smart_lock": True, "mahjong_machine": True,                # no OTA code: not carried
    "area_sqm": "25.5",
    "check_in_from": "15:00", "check_out_until": "11:00",
    "photos": ["https://img.example/sea/1.jpg", "photos/ERHAI/SEA/abc.png", "https://img.example/sea/2.jpg"],
    "bathroom_photos": ["https://img.example/sea/bath.jpg"],
}


def test_the_hand_made_room_type_is_valid_catalog_data():
    assert validate(ROOM) == []


def test_codes_come_from_the_catalog_declarations():
    room = room_content("SEA", ROOM)
    assert room.bed_codes == (5, 6)                 # BED 5 Queen, BED 6 Sofa bed, main bed first
    assert room.view_code == 25                     # RVT 25 Sea view
    assert room.amenity_codes == (2, 41, 61, 123)   # air con, fireplace, kitchenette, wireless internet
    assert 13 not in room.amenity_codes             # bathtub: False
    assert (room.max_occupancy, room.max_adults, room.max_children, room.standard_occupancy,
            room.bed_count) == (3, 2, 1, 2, 1)


def test_both_languages_and_only_web_photos_are_carried():
    room = room_content("SEA", ROOM)
    assert room.names == (("zh", "海景大床房"), ("en", "Sea View Queen"))
    assert room.descriptions == (("zh", "推开窗就是大海。"), ("en", "Open the window onto the sea."))
    assert room.summaries == (("zh", "看海的房间"),) and room.area_sqm == "25.5"  # the summary and the floor area
    assert room.photo_urls == ("https://img.example/sea/1.jpg", "https://img.example/sea/2.jpg",
                               "https://img.example/sea/bath.jpg")
    assert room.local_photos == 1


def test_what_has_no_ota_code_is_not_carried_and_not_invented():
    room = room_content("SEA", ROOM)
    assert room.not_carried == ("highlights", "mahjong_machine", "smart_lock")
    assert "room_code" not in room.not_carried and "bathtub" not in room.not_carried
    amenities, photos, not_carried = carried_counts([room, room_content("B", {"name_zh": "乙", "karaoke": True})])
    assert (amenities, photos) == (4, 3)
    assert not_carried == ("highlights", "mahjong_machine", "karaoke", "smart_lock")


def test_photos_that_are_all_local_files_are_not_carried():
    room = room_content("X", {"name_zh": "甲", "photos": ["photos/a.png", "C:\\pics\\b.jpg"]})
    assert room.photo_urls == () and room.local_photos == 2 and room.not_carried == ("photos",)


def test_property_times_are_the_ones_every_room_type_keeps():
    early = room_content("A", {"name_zh": "甲", "check_in_from": "14:00", "check_out_until": "12:00"})
    late = room_content("B", {"name_zh": "乙", "check_in_from": "15:00", "check_out_until": "11:00"})
    same = property_content("洱海小院", "", " 大理 ", "", [early])
    assert (same.check_in_from, same.check_out_until, same.times_differ) == ("14:00", "12:00", False)
    assert same.names == (("zh", "洱海小院"),) and same.address == "大理"
    mixed = property_content("洱海小院", "Erhai Inn", "", "", [early, late])
    assert (mixed.check_in_from, mixed.check_out_until, mixed.times_differ) == ("15:00", "11:00", True)


def test_fingerprint_changes_with_the_content_only():
    room = room_content("SEA", ROOM)
    assert fingerprint(room, ["R1"]) == fingerprint(room_content("SEA", dict(ROOM)), ["R1"])
    assert fingerprint(room, ["R1"]) != fingerprint(room, ["R2"])
    changed = room_content("SEA", {**ROOM, "description_en": "Hear the sea."})
    assert fingerprint(changed, ["R1"]) != fingerprint(room, ["R1"])


def test_a_room_type_without_summary_or_area_keeps_the_fingerprint_it_had():
    # The summary and the area were carried later: a room type with neither is not resent for nothing.
    plain = room_content("X", {"name_zh": "甲", "max_occupancy": 2})
    assert "summaries" not in plain.carried() and "area_sqm" not in plain.carried()
    assert room_content("X", {"name_zh": "甲", "max_occupancy": 2, "area_sqm": "20"}).carried()["area_sqm"] == "20"
