"""The sandbox's content desk: ``OTA_HotelDescriptiveContentNotifRQ`` checked as a strict OTA would.

A message is taken whole or not at all (content has no items to refuse one by one):

* unreadable, hostile, or the wrong message for the URL → HTTP 400 with ``<Errors>``;
* a HotelCode that is not this listing's → 200, Error 392;
* structure: children out of the 2015B order or repeated, an element the schema has no place for,
  a MultimediaDescription holding both TextItems and ImageItems (or neither), a TextItem without
  a Language, an image URL that is not http(s), a SizeMeasurement that is no floor area, a check-in time that is not ``HH:MM:SS`` → 200,
  Error 450 (EWT 7, protocol violation) or 321 (required field missing);
* codes: a GuestRoom Code not among the listing's rooms (402), a BedTypeCode / RoomViewCode /
  RoomAmenityCode not in the BED / RVT / RMA lists we know (450, EWT 3) → 200 with Errors.

Every problem found is listed, each starting with the element's path, so one reply tells the
owner everything to fix. Nothing of a refused message is stored. An accepted one replaces what
the listing showed for each room it names (and the property part, if it has one): what tests
read back from ``GET /api/state/{hotel}`` under ``"content"``.
"""

from __future__ import annotations

import re
from typing import Callable
from urllib.parse import urlsplit

from lxml import etree

from channelmgr.catalog.ota_codes import OTA_CODE_LISTS
from channelmgr.channels.opentravel_content import DESCRIPTIVE_CONTENT, SUMMARY_INFO_CODE
from channelmgr.channels.opentravel_messages import ota_tag as _q
from channelmgr.channels.opentravel_responses import OtaIssue
from channelmgr.channels.sandbox.bookings import parse_request
from channelmgr.channels.sandbox.notif_processing import Reply, render_response, request_issue
from channelmgr.channels.sandbox.state import ListingState

CONTENT_PATH = DESCRIPTIVE_CONTENT[:-2]
RESPONSE = "OTA_HotelDescriptiveContentNotifRS"

# The 2015B sequences this desk checks (what the schema allows, in its order).
HOTEL_CONTENT = ("HotelInfo", "FacilityInfo", "Policies", "AreaInfo", "MultimediaDescriptions", "ContactInfos")
GUEST_ROOM = ("TypeRoom", "Amenities", "Features", "MultimediaDescriptions", "DescriptiveText")
CONTACT_INFO = ("Names", "Addresses", "Emails", "Phones", "URLs")
_DECIMAL = re.compile(r"\d+(\.\d+)?")
_XS_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d")
_OCCUPANCY = ("MaxOccupancy", "MaxAdultOccupancy", "MaxChildOccupancy")


class _Problems:
    """Everything wrong with one message, each with where it is."""

    def __init__(self) -> None:
        self.issues: list[OtaIssue] = []

    def add(self, where: str, text: str, code: str = "450", type_: str = "7") -> None:
        self.issues.append(OtaIssue("error", f"{where}: {text}", code, type_, "NotProcessed"))


def process_content(state: ListingState, body: bytes) -> Reply:
    root, echo, problem = parse_request(body, DESCRIPTIVE_CONTENT)
    if problem is not None:
        return Reply(400, render_response(RESPONSE, echo, [problem]), "bad_request")
    problems = _Problems()
    contents = root.findall(f"{_q('HotelDescriptiveContents')}/{_q('HotelDescriptiveContent')}")
    if not contents:
        issue = request_issue("321", "HotelDescriptiveContents/HotelDescriptiveContent is missing", "10")
        return Reply(200, render_response(RESPONSE, echo, [issue]), "rejected")
    hotel_code = state.config.hotel_code
    stored_rooms: dict[str, dict] = {}
    stored_property: dict | None = None
    for number, content in enumerate(contents, 1):
        where = f"HotelDescriptiveContent[{number}]"
        if content.get("HotelCode") != hotel_code:
            problems.add(where, f"HotelCode {content.get('HotelCode')!r} is not this listing ({hotel_code})", "392", "3")
            continue
        _check_sequence(content, HOTEL_CONTENT, where, problems)
        for position, room in enumerate(content.findall(f"{_q('FacilityInfo')}/{_q('GuestRooms')}/{_q('GuestRoom')}"), 1):
            read = _guest_room(room, f"{where}/FacilityInfo/GuestRooms/GuestRoom[{position}]", state, problems)
            if read is not None:
                stored_rooms[read["code"]] = read
        stored_property = _property_part(content, where, problems) or stored_property
    if problems.issues:
        return Reply(200, render_response(RESPONSE, echo, problems.issues), "rejected", refused=len(problems.issues))
    if not stored_rooms and stored_property is None:
        issue = request_issue("321", "the message carries neither guest rooms nor property content", "10")
        return Reply(200, render_response(RESPONSE, echo, [issue]), "rejected")
    with state.lock:
        state.room_content.update(stored_rooms)
        if stored_property is not None:
            state.property_content = stored_property
    return Reply(200, render_response(RESPONSE, echo, []), "ok", applied=len(stored_rooms) + (stored_property is not None))


def _guest_room(room: etree._Element, where: str, state: ListingState, problems: _Problems) -> dict | None:
    before = len(problems.issues)
    code = room.get("Code")
    if not code:
        problems.add(where, "GuestRoom/@Code is missing", "321", "10")
    elif code not in state.config.rooms:
        problems.add(where, f"unknown room type code {code!r}", "402", "3")
    _check_sequence(room, GUEST_ROOM, where, problems)
    occupancy = {name: _whole(room, name, where, problems) for name in _OCCUPANCY if room.get(name) is not None}
    type_room = room.find(_q("TypeRoom"))
    beds = _codes(type_room, "BedTypeCode", "BED", f"{where}/TypeRoom", problems) if type_room is not None else []
    views = _codes(type_room, "RoomViewCode", "RVT", f"{where}/TypeRoom", problems) if type_room is not None else []
    amenities = []
    for n, amenity in enumerate(room.findall(f"{_q('Amenities')}/{_q('Amenity')}"), 1):
        amenities += _codes(amenity, "RoomAmenityCode", "RMA", f"{where}/Amenities/Amenity[{n}]", problems,
                            required=True)
    area = _area(type_room, f"{where}/TypeRoom", problems) if type_room is not None else None
    texts, photos, summaries = _media(room.find(_q("MultimediaDescriptions")), f"{where}/MultimediaDescriptions",
                                      problems)
    if len(problems.issues) > before:
        return None
    return {"code": code, "name": room.get("RoomTypeName", ""), **{k: v for k, v in occupancy.items()},
            "standard_occupancy": type_room.get("StandardOccupancy") if type_room is not None else None,
            "beds": beds, "view": views[0] if views else None, "amenities": amenities, "texts": texts,
            "summaries": summaries, "area_sqm": area, "photos": photos}


def _area(type_room: etree._Element, where: str, problems: _Problems) -> str | None:
    """TypeRoom/@SizeMeasurement, the room's floor area: a positive number (square metres)."""
    text = type_room.get("SizeMeasurement")
    if text is None:
        return None
    if not _DECIMAL.fullmatch(text) or float(text) <= 0:
        problems.add(where, f"SizeMeasurement {text!r} is not a floor area in square metres", "321", "10")
        return None
    return text


def _property_part(content: etree._Element, where: str, problems: _Problems) -> dict | None:
    info = content.find(f"{_q('Policies')}/{_q('Policy')}/{_q('PolicyInfo')}")
    media = content.find(_q("MultimediaDescriptions"))
    contact = content.find(f"{_q('ContactInfos')}/{_q('ContactInfo')}")
    if info is None and media is None and contact is None:
        return None
    times = {}
    if info is not None:
        for attribute in ("CheckInTime", "CheckOutTime"):
            value = info.get(attribute)
            if value is not None and not _XS_TIME.fullmatch(value):
                problems.add(f"{where}/Policies/Policy/PolicyInfo", f"{attribute} {value!r} is not an xs:time (HH:MM:SS)",
                             "321", "10")
            times[attribute] = value
    texts, _photos, _summaries = _media(media, f"{where}/MultimediaDescriptions", problems)
    address = phone = None
    if contact is not None:
        _check_sequence(contact, CONTACT_INFO, f"{where}/ContactInfos/ContactInfo", problems)
        address = contact.findtext(f"{_q('Addresses')}/{_q('Address')}/{_q('AddressLine')}")
        found = contact.find(f"{_q('Phones')}/{_q('Phone')}")
        phone = found.get("PhoneNumber") if found is not None else None
    return {"check_in": times.get("CheckInTime"), "check_out": times.get("CheckOutTime"), "texts": texts,
            "address": address, "phone": phone}


def _media(media: etree._Element | None, where: str, problems: _Problems) -> tuple[dict, list[str], dict]:
    """({language: {"title", "description"}}, [photo URL], {language: summary}) of a
    MultimediaDescriptions; the summary is the TextItems description marked InfoCode 1."""
    texts: dict[str, dict] = {}
    photos: list[str] = []
    summaries: dict[str, str] = {}
    if media is None:
        return texts, photos, summaries
    for n, description in enumerate(media.findall(_q("MultimediaDescription")), 1):
        here = f"{where}/MultimediaDescription[{n}]"
        kinds = [etree.QName(child).localname for child in description]
        if kinds not in (["TextItems"], ["ImageItems"]):
            problems.add(here, f"a MultimediaDescription holds TextItems or ImageItems, one of them; got {kinds}")
            continue
        if kinds == ["TextItems"]:
            for item in description.iterfind(f"{_q('TextItems')}/{_q('TextItem')}"):
                language = item.get("Language")
                if not language:
                    problems.add(f"{here}/TextItems/TextItem", "TextItem/@Language is missing", "321", "10")
                    continue
                if description.get("InfoCode") == SUMMARY_INFO_CODE:
                    summaries[language] = item.findtext(_q("Description")) or ""
                else:
                    texts[language] = {"title": item.get("Title", ""),
                                       "description": item.findtext(_q("Description")) or ""}
        else:
            for url in description.iterfind(f"{_q('ImageItems')}/{_q('ImageItem')}/{_q('ImageFormat')}/{_q('URL')}"):
                address = (url.text or "").strip()
                parts = urlsplit(address)
                if parts.scheme not in ("http", "https") or not parts.netloc:
                    problems.add(f"{here}/ImageItems", f"image URL {address!r} is not an http(s) address", "321", "3")
                else:
                    photos.append(address)
    return texts, photos, summaries


def _codes(element: etree._Element, attribute: str, code_list: str, where: str, problems: _Problems, *,
           required: bool = False) -> list[int]:
    text = element.get(attribute)
    if text is None:
        if required:
            problems.add(where, f"{attribute} is missing", "321", "10")
        return []
    found = []
    for word in text.split():
        if not word.isdigit() or int(word) not in OTA_CODE_LISTS[code_list]:
            problems.add(where, f"{attribute} {word!r} is not a {code_list} code this channel knows", "450", "3")
        else:
            found.append(int(word))
    return found


def _whole(element: etree._Element, attribute: str, where: str, problems: _Problems) -> int | None:
    text = element.get(attribute, "")
    if not text.isdigit():
        problems.add(where, f"{attribute} {text!r} is not a whole number", "321", "10")
        return None
    return int(text)


def _check_sequence(element: etree._Element, order: tuple[str, ...], where: str, problems: _Problems) -> None:
    """Children in the schema's order, each once, none the schema does not know."""
    last = -1
    for child in element:
        name = etree.QName(child).localname
        if name not in order:
            problems.add(where, f"{name} has no place in {etree.QName(element).localname}")
            continue
        position = order.index(name)
        if position <= last:
            problems.add(where, f"{name} is out of order or repeated in {etree.QName(element).localname} "
                                f"(the schema's order: {', '.join(order)})")
        last = max(last, position)


PROCESSORS: dict[str, Callable[[ListingState, bytes], Reply]] = {CONTENT_PATH: process_content}
RESPONSES = {CONTENT_PATH: RESPONSE}
