"""OTA_HotelDescriptiveContentNotifRQ built from a hand-made room type: codes, languages, photos, order.

No OpenTravel XSD ships with the repository, so the 2015B sequences the message must follow are
checked explicitly here, element by element."""

from datetime import datetime, timezone

import pytest
from lxml import etree

from channelmgr.catalog.listing_content import property_content, room_content
from channelmgr.channels.opentravel_content import (DESCRIPTIVE_CONTENT, build_property_content_notif,
                                                    build_room_content_notif)
from channelmgr.channels.opentravel_messages import OTA_NS
from tests.core.catalog.test_listing_content import ROOM

NS = {"o": OTA_NS}
STAMP = datetime(2026, 6, 1, 2, 0, tzinfo=timezone.utc)
# The 2015B sequences (OTA_HotelDescriptiveContentNotifRQ.xsd, FacilityInfoType, ContactInfoType).
HOTEL_CONTENT_ORDER = ["HotelInfo", "FacilityInfo", "Policies", "AreaInfo", "MultimediaDescriptions", "ContactInfos"]
GUEST_ROOM_ORDER = ["TypeRoom", "Amenities", "Features", "MultimediaDescriptions", "DescriptiveText"]


def _children(element) -> list[str]:
    return [etree.QName(child).localname for child in element]


def _in_schema_order(names: list[str], order: list[str]) -> bool:
    positions = [order.index(name) for name in names]  # ValueError for an element the schema lacks
    return positions == sorted(positions) and len(set(positions)) == len(positions)


@pytest.fixture
def message():
    return build_room_content_notif("H1", ["R-SEA", "R-SEA2"], room_content("SEA", ROOM), echo_token="tok",
                                    timestamp=STAMP)


def test_envelope_and_one_guest_room_per_remote_code(message):
    root = etree.fromstring(message.body)
    assert etree.QName(root).localname == DESCRIPTIVE_CONTENT and etree.QName(root).namespace == OTA_NS
    assert (root.get("EchoToken"), root.get("Version")) == ("tok", "1.000")
    assert message.items == () and message.response_name == "OTA_HotelDescriptiveContentNotifRS"
    assert message.path == "OTA_HotelDescriptiveContentNotif"
    [content] = root.findall("o:HotelDescriptiveContents/o:HotelDescriptiveContent", NS)
    assert content.get("HotelCode") == "H1"
    rooms = content.findall("o:FacilityInfo/o:GuestRooms/o:GuestRoom", NS)
    assert [r.get("Code") for r in rooms] == ["R-SEA", "R-SEA2"]


def test_codes_occupancy_and_order(message):
    room = etree.fromstring(message.body).find(".//o:GuestRoom", NS)
    assert (room.get("RoomTypeName"), room.get("MaxOccupancy"), room.get("MaxAdultOccupancy"),
            room.get("MaxChildOccupancy")) == ("海景大床房", "3", "2", "1")
    assert _children(room) == ["TypeRoom", "Amenities", "MultimediaDescriptions"]
    assert _in_schema_order(_children(room), GUEST_ROOM_ORDER)
    type_room = room.find("o:TypeRoom", NS)
    assert dict(type_room.attrib) == {"StandardOccupancy": "2", "StandardNumBeds": "1", "BedTypeCode": "5 6",
                                      "RoomViewCode": "25", "SizeMeasurement": "25.5"}  # m², OpenTravel RoomGroup
    assert [a.get("RoomAmenityCode") for a in room.findall("o:Amenities/o:Amenity", NS)] == ["2", "41", "61", "123"]


def test_names_and_descriptions_in_both_languages_and_photo_urls_apart(message):
    first_room = etree.fromstring(message.body).find(".//o:GuestRoom", NS)
    media = first_room.findall("o:MultimediaDescriptions/o:MultimediaDescription", NS)
    assert [_children(m) for m in media] == [["TextItems"], ["TextItems"], ["ImageItems"]]  # never both in one
    texts = media[0].findall("o:TextItems/o:TextItem", NS)
    assert media[0].get("InfoCode") is None
    assert [(t.get("Language"), t.get("Title"), t.findtext("o:Description", namespaces=NS)) for t in texts] == [
        ("zh", "海景大床房", "推开窗就是大海。"), ("en", "Sea View Queen", "Open the window onto the sea.")]
    # The one-line summary: a description of its own, InfoCode 1, a TextItem per language it has.
    summary = media[1].findall("o:TextItems/o:TextItem", NS)
    assert media[1].get("InfoCode") == "1"
    assert [(t.get("Language"), t.get("Title"), t.find("o:Description", NS).get("Language"),
             t.findtext("o:Description", namespaces=NS)) for t in summary] == [("zh", None, "zh", "看海的房间")]
    urls = [u.text for u in media[2].findall("o:ImageItems/o:ImageItem/o:ImageFormat/o:URL", NS)]
    assert urls == ["https://img.example/sea/1.jpg", "https://img.example/sea/2.jpg",
                    "https://img.example/sea/bath.jpg"]
    assert b"photos/ERHAI" not in message.body  # a file on this computer is no address for an OTA


def test_nothing_without_a_code_is_written(message):
    body = message.body.decode()
    for word in ("smart_lock", "mahjong", "esports"):
        assert word not in body


def test_a_bare_room_type_writes_only_what_it_has():
    bare = build_room_content_notif("H1", ["R-X"], room_content("X", {"name_en": "Plain & simple <1>"}))
    room = etree.fromstring(bare.body).find(".//o:GuestRoom", NS)
    assert room.get("RoomTypeName") == "Plain & simple <1>"  # escaped by lxml, read back intact
    assert _children(room) == ["MultimediaDescriptions"]
    with pytest.raises(ValueError, match="no remote room code"):
        build_room_content_notif("H1", [], room_content("X", {"name_zh": "甲"}))


def test_property_policies_names_and_contact_in_schema_order():
    rooms = [room_content("SEA", ROOM)]
    prop = property_content("洱海小院", "Erhai Courtyard Inn", "大理市喜洲镇 8 号", "+86 872 555 0101", rooms)
    content = etree.fromstring(build_property_content_notif("H1", prop).body).find(".//o:HotelDescriptiveContent", NS)
    assert _children(content) == ["Policies", "MultimediaDescriptions", "ContactInfos"]
    assert _in_schema_order(_children(content), HOTEL_CONTENT_ORDER)
    info = content.find("o:Policies/o:Policy/o:PolicyInfo", NS)
    assert (info.get("CheckInTime"), info.get("CheckOutTime")) == ("15:00:00", "11:00:00")  # xs:time
    titles = [(t.get("Language"), t.get("Title")) for t in content.findall(".//o:TextItem", NS)]
    assert titles == [("zh", "洱海小院"), ("en", "Erhai Courtyard Inn")]
    contact = content.find("o:ContactInfos/o:ContactInfo", NS)
    assert _children(contact) == ["Addresses", "Phones"]
    assert contact.findtext("o:Addresses/o:Address/o:AddressLine", namespaces=NS) == "大理市喜洲镇 8 号"
    assert contact.find("o:Phones/o:Phone", NS).get("PhoneNumber") == "+86 872 555 0101"
