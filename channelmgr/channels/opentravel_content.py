"""OpenTravel 2015B listing content: ``OTA_HotelDescriptiveContentNotifRQ`` from the catalog's content.

One message carries one part of a listing, so the channel's answer is about that part alone:

* a room type (``build_room_content_notif``): ``FacilityInfo/GuestRooms/GuestRoom`` per remote room
  code it is mapped to — names and occupancy on GuestRoom, then in schema order ``TypeRoom``
  (standard occupancy, bed count, ``BedTypeCode`` BED codes, ``RoomViewCode`` RVT, the floor area
  in m² as ``SizeMeasurement`` — the RoomGroup attribute OpenTravel gives a room's size, which
  Booking.com's dialect reads as a number in square metres), ``Amenities/Amenity@RoomAmenityCode``
  (RMA), ``MultimediaDescriptions`` (one description of ``TextItems`` — a ``TextItem`` per
  language, the name as its Title, the full description as its Description — then the one-line
  summary as a description of its own with ``InfoCode="1"`` (INF "Description", where AlpineBits
  puts a room's short text), a ``TextItem`` per language again, and one of ``ImageItems`` with the
  photo URLs, cover first: a MultimediaDescription holds one or the other, never both);
* the property (``build_property_content_notif``): ``Policies/Policy/PolicyInfo`` with the
  check-in/out times (OTAs keep them per property), ``MultimediaDescriptions`` with its names,
  ``ContactInfos`` with its address and phone.

HotelDescriptiveContent children follow the schema's order: HotelInfo, FacilityInfo, Policies,
AreaInfo, MultimediaDescriptions, ContactInfos (only the ones we fill are written). The message
has no ranges: the channel's ``<Errors>`` refuse the whole of it (``OpenTravelClient``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from lxml import etree

from channelmgr.catalog.listing_content import PropertyContent, RoomContent
from channelmgr.channels.opentravel_messages import OutgoingMessage, ota_root, ota_subelement, outgoing

DESCRIPTIVE_CONTENT = "OTA_HotelDescriptiveContentNotifRQ"
SUMMARY_INFO_CODE = "1"  # INF "Description": the room's one-line summary (names and full text have none)


def build_room_content_notif(
    hotel_code: str, remote_rooms: Sequence[str], room: RoomContent, *,
    echo_token: str | None = None, timestamp: datetime | None = None,
) -> OutgoingMessage:
    """One room type's content, as a GuestRoom for each remote room code it is mapped to."""
    if not remote_rooms:
        raise ValueError(f"room type {room.room_type} has no remote room code to send its content under")
    root, content = _envelope(hotel_code, echo_token, timestamp)
    rooms = ota_subelement(ota_subelement(content, "FacilityInfo"), "GuestRooms")
    for code in remote_rooms:
        _guest_room(rooms, code, room)
    return outgoing(root, hotel_code)


def build_property_content_notif(
    hotel_code: str, prop: PropertyContent, *, echo_token: str | None = None, timestamp: datetime | None = None,
) -> OutgoingMessage:
    """The property's policies (check-in/out), names and contact details."""
    root, content = _envelope(hotel_code, echo_token, timestamp)
    if prop.check_in_from or prop.check_out_until:
        info = ota_subelement(ota_subelement(ota_subelement(content, "Policies"), "Policy"), "PolicyInfo")
        if prop.check_in_from:
            info.set("CheckInTime", _xs_time(prop.check_in_from))
        if prop.check_out_until:
            info.set("CheckOutTime", _xs_time(prop.check_out_until))
    if prop.names:
        _text_items(ota_subelement(content, "MultimediaDescriptions"), prop.names, ())
    if prop.address or prop.phone:
        contact = ota_subelement(ota_subelement(content, "ContactInfos"), "ContactInfo")
        if prop.address:  # ContactInfo's sequence: Addresses before Phones
            address = ota_subelement(ota_subelement(contact, "Addresses"), "Address")
            ota_subelement(address, "AddressLine").text = prop.address
        if prop.phone:
            ota_subelement(ota_subelement(contact, "Phones"), "Phone", PhoneNumber=prop.phone)
    return outgoing(root, hotel_code)


def _envelope(hotel_code: str, echo_token: str | None, timestamp: datetime | None) -> tuple[etree._Element, etree._Element]:
    if not hotel_code:
        raise ValueError("hotel_code is required")
    root = ota_root(DESCRIPTIVE_CONTENT, echo_token, timestamp)
    contents = ota_subelement(root, "HotelDescriptiveContents")
    return root, ota_subelement(contents, "HotelDescriptiveContent", HotelCode=hotel_code)


def _guest_room(parent: etree._Element, code: str, room: RoomContent) -> None:
    guest_room = ota_subelement(parent, "GuestRoom", Code=code)
    name = room.name("zh") or room.name("en")
    if name:
        guest_room.set("RoomTypeName", name)
    for attribute, value in (("MaxOccupancy", room.max_occupancy), ("MaxAdultOccupancy", room.max_adults),
                             ("MaxChildOccupancy", room.max_children)):
        if value is not None:
            guest_room.set(attribute, str(value))

    type_room = {}
    if room.standard_occupancy is not None:
        type_room["StandardOccupancy"] = str(room.standard_occupancy)
    if room.bed_count is not None:
        type_room["StandardNumBeds"] = str(room.bed_count)
    if room.bed_codes:
        type_room["BedTypeCode"] = " ".join(map(str, room.bed_codes))  # a list of BED codes
    if room.view_code is not None:
        type_room["RoomViewCode"] = str(room.view_code)
    if room.area_sqm is not None:
        type_room["SizeMeasurement"] = room.area_sqm
    if type_room:
        ota_subelement(guest_room, "TypeRoom", **type_room)
    if room.amenity_codes:
        amenities = ota_subelement(guest_room, "Amenities")
        for code_ in room.amenity_codes:
            ota_subelement(amenities, "Amenity", RoomAmenityCode=str(code_))
    if room.names or room.descriptions or room.summaries or room.photo_urls:
        media = ota_subelement(guest_room, "MultimediaDescriptions")
        if room.names or room.descriptions:
            _text_items(media, room.names, room.descriptions)
        if room.summaries:
            _text_items(media, (), room.summaries, info_code=SUMMARY_INFO_CODE)
        if room.photo_urls:
            images = ota_subelement(ota_subelement(media, "MultimediaDescription"), "ImageItems")
            for url in room.photo_urls:
                ota_subelement(ota_subelement(ota_subelement(images, "ImageItem"), "ImageFormat"), "URL").text = url


def _text_items(media: etree._Element, names: tuple[tuple[str, str], ...],
                descriptions: tuple[tuple[str, str], ...], *, info_code: str | None = None) -> None:
    """A TextItem per language: the name as its Title, the description as its Description."""
    titles, texts = dict(names), dict(descriptions)
    description = ota_subelement(media, "MultimediaDescription")
    if info_code is not None:
        description.set("InfoCode", info_code)
    items = ota_subelement(description, "TextItems")
    for language in dict.fromkeys([*titles, *texts]):
        item = ota_subelement(items, "TextItem", Language=language)
        if language in titles:
            item.set("Title", titles[language])
        if language in texts:
            ota_subelement(item, "Description", Language=language).text = texts[language]


def _xs_time(hh_mm: str) -> str:
    """"14:00" → "14:00:00": xs:time needs the seconds."""
    return f"{hh_mm}:00"
