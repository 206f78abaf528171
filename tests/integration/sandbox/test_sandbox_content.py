"""The sandbox's content desk over real HTTP: a good message is stored per room, a bad one refused
whole with every problem named, nothing stored."""

from __future__ import annotations

import pytest
import requests

from channelmgr.catalog.listing_content import property_content, room_content
from channelmgr.channels.send_result import Outcome
from channelmgr.channels.opentravel_content import build_property_content_notif, build_room_content_notif
from channelmgr.channels.opentravel_messages import OTA_NS
from channelmgr.channels.opentravel_responses import parse_response
from tests.core.catalog.test_listing_content import ROOM

PATH = "OTA_HotelDescriptiveContentNotif"


def _post(ota, h1, body: bytes) -> requests.Response:
    return requests.post(f"{ota.endpoint(h1.hotel_code)}/{PATH}", data=body, auth=(h1.username, h1.password),
                         headers={"Content-Type": "text/xml; charset=utf-8"}, timeout=5)


def _raw(h1, inner: str) -> bytes:
    return (f'<OTA_HotelDescriptiveContentNotifRQ xmlns="{OTA_NS}" EchoToken="t" Version="1.000">'
            f'<HotelDescriptiveContents><HotelDescriptiveContent HotelCode="{h1.hotel_code}">{inner}'
            f"</HotelDescriptiveContent></HotelDescriptiveContents></OTA_HotelDescriptiveContentNotifRQ>").encode()


def test_a_built_room_and_property_are_stored_and_read_back(ota, h1, client):
    room = room_content("SEA", ROOM)
    assert client.send(build_room_content_notif(h1.hotel_code, ["DBL"], room)).outcome is Outcome.OK
    house = property_content("洱海小院", "Erhai Inn", "大理", "+86 872 555 0101", [room])
    assert client.send(build_property_content_notif(h1.hotel_code, house)).outcome is Outcome.OK
    content = ota.state(h1.hotel_code)["content"]
    stored = content["rooms"]["DBL"]
    assert (stored["beds"], stored["view"], stored["amenities"]) == ([5, 6], 25, [2, 41, 61, 123])
    assert stored["texts"]["en"] == {"title": "Sea View Queen", "description": "Open the window onto the sea."}
    assert stored["photos"][0] == "https://img.example/sea/1.jpg" and len(stored["photos"]) == 3
    assert content["property"] == {"check_in": "15:00:00", "check_out": "11:00:00", "address": "大理",
                                   "phone": "+86 872 555 0101",
                                   "texts": {"zh": {"title": "洱海小院", "description": ""},
                                             "en": {"title": "Erhai Inn", "description": ""}}}
    assert "TWN" not in content["rooms"]


@pytest.mark.parametrize("inner, words", [
    ('<FacilityInfo><GuestRooms><GuestRoom Code="DBL"><TypeRoom BedTypeCode="5 99"/></GuestRoom></GuestRooms>'
     "</FacilityInfo>", "BedTypeCode '99' is not a BED code"),
    ('<FacilityInfo><GuestRooms><GuestRoom Code="DBL"><TypeRoom RoomViewCode="4x"/></GuestRoom></GuestRooms>'
     "</FacilityInfo>", "RoomViewCode '4x' is not a RVT code"),
    ('<FacilityInfo><GuestRooms><GuestRoom Code="DBL"><Amenities><Amenity RoomAmenityCode="3"/></Amenities>'
     "</GuestRoom></GuestRooms></FacilityInfo>", "RoomAmenityCode '3' is not a RMA code"),
    ('<FacilityInfo><GuestRooms><GuestRoom Code="SUITE"/></GuestRooms></FacilityInfo>',
     "unknown room type code 'SUITE'"),
    ('<FacilityInfo><GuestRooms><GuestRoom Code="DBL"><Amenities/><TypeRoom/></GuestRoom></GuestRooms>'
     "</FacilityInfo>", "TypeRoom is out of order"),
    ('<ContactInfos/><Policies/>', "Policies is out of order"),
    ('<FacilityInfo><GuestRooms><GuestRoom Code="DBL"><MultimediaDescriptions><MultimediaDescription>'
     '<TextItems/><ImageItems/></MultimediaDescription></MultimediaDescriptions></GuestRoom></GuestRooms>'
     "</FacilityInfo>", "TextItems or ImageItems, one of them"),
    ('<FacilityInfo><GuestRooms><GuestRoom Code="DBL"><MultimediaDescriptions><MultimediaDescription>'
     "<ImageItems><ImageItem><ImageFormat><URL>file:///home/owner/a.jpg</URL></ImageFormat></ImageItem>"
     "</ImageItems></MultimediaDescription></MultimediaDescriptions></GuestRoom></GuestRooms></FacilityInfo>",
     "is not an http(s) address"),
    ('<Policies><Policy><PolicyInfo CheckInTime="2pm"/></Policy></Policies>', "is not an xs:time"),
    ('<FacilityInfo><GuestRooms><GuestRoom Code="DBL"><Bedrooms/></GuestRoom></GuestRooms></FacilityInfo>',
     "Bedrooms has no place in GuestRoom"),
])
def test_bad_codes_and_structure_are_refused_whole(ota, h1, inner, words):
    reply = _post(ota, h1, _raw(h1, inner))
    assert reply.status_code == 200
    response = parse_response(reply.content, expected="OTA_HotelDescriptiveContentNotifRS")
    assert not response.success and any(words in e.text for e in response.errors), response.errors
    assert ota.state(h1.hotel_code)["content"] == {"property": None, "rooms": {}}


def test_one_bad_room_sinks_the_message_and_every_problem_is_listed(ota, h1):
    inner = ('<FacilityInfo><GuestRooms><GuestRoom Code="TWN"/><GuestRoom Code="NOPE">'
             '<TypeRoom BedTypeCode="77"/></GuestRoom></GuestRooms></FacilityInfo>')
    response = parse_response(_post(ota, h1, _raw(h1, inner)).content)
    texts = [e.text for e in response.errors]
    assert len(texts) == 2 and all(t.startswith("HotelDescriptiveContent[1]/FacilityInfo/GuestRooms/GuestRoom[2]")
                                   for t in texts)
    assert ota.state(h1.hotel_code)["content"]["rooms"] == {}  # TWN was fine, but nothing is stored


def test_another_hotel_code_an_empty_message_and_garbage(ota, h1):
    other = _raw(h1, "<Policies/>").replace(f'HotelCode="{h1.hotel_code}"'.encode(), b'HotelCode="ELSE"')
    assert [e.code for e in parse_response(_post(ota, h1, other).content).errors] == ["392"]
    empty = parse_response(_post(ota, h1, _raw(h1, "")).content)
    assert "neither guest rooms nor property content" in empty.errors[0].text
    assert _post(ota, h1, b"<not xml").status_code == 400
    wrong_password = requests.post(f"{ota.endpoint(h1.hotel_code)}/{PATH}", data=_raw(h1, ""), timeout=5,
                                   auth=(h1.username, "guess"))
    assert wrong_password.status_code == 401


def test_a_hostile_body_is_refused_unread_and_nothing_stored(ota, h1):
    hostile = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
               + _raw(h1, '<FacilityInfo><GuestRooms><GuestRoom Code="DBL" RoomTypeName="&e;"/></GuestRooms>'
                          "</FacilityInfo>"))
    reply = _post(ota, h1, hostile)
    assert reply.status_code == 400 and b"DOCTYPE" in reply.content
    assert ota.state(h1.hotel_code)["content"]["rooms"] == {}


def test_the_listing_page_shows_the_content_escaped(ota, h1, client):
    room = room_content("SEA", {**ROOM, "name_en": "Sea <b>View</b>"})
    assert client.send(build_room_content_notif(h1.hotel_code, ["DBL"], room)).outcome is Outcome.OK
    page = requests.get(f"{ota.url}/listing/{h1.hotel_code}", timeout=5).text
    assert "<h2>Content</h2>" in page and "海景大床房" in page and "Sea &lt;b&gt;View&lt;/b&gt;" in page
    assert "<td>2 41 61 123</td>" in page and "<td>5 6</td>" in page
