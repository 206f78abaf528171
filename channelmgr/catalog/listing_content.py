"""What of a room type's attributes a listing-content push can carry, in no protocol's terms.

A channel that takes content (OpenTravel's ``OTA_HotelDescriptiveContentNotifRQ``, built in
``channelmgr.channels.opentravel_content``) gets, per room type: its names, one-line summaries and
full descriptions in Chinese and English, floor area, occupancy, bed count, bed types, view and amenities as the OpenTravel codes the
catalog declares (BED, RVT, RMA), and its photos that are web addresses. The property adds its
names, address, phone and the check-in/out times (OTAs hold those per property, not per room).

Nothing is invented: an attribute whose value has no declared code (a smart lock, a mahjong
table, the decoration style) is *not carried*, and says so (``RoomContent.not_carried``), as are
photos that are files on this computer (an OTA cannot fetch them). A ``False`` flag is carried
by its absence: the channel lists the amenities a room has.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from .attributes import ATTRIBUTES
from .coercion import is_blank
from .types import Attribute, Kind, OtaCode

LANGUAGES = ("zh", "en")

# Attributes that become a field of the listing rather than a code. Everything else is carried
# only through the OtaCode its value declares.
_NAMES = {"name_zh": "zh", "name_en": "en"}
_DESCRIPTIONS = {"description_zh": "zh", "description_en": "en"}
_SUMMARIES = {"summary_zh": "zh", "summary_en": "en"}  # the one-line introduction beside the description
_AREA = "area_sqm"
_COUNTS = ("max_occupancy", "max_adults", "max_children", "standard_occupancy", "bed_count")
_TIMES = ("check_in_from", "check_out_until")
_PHOTO_ALBUMS = ("photos", "bathroom_photos")  # room photos first: the first one is the cover
_FIELDS = {*_NAMES, *_DESCRIPTIONS, *_SUMMARIES, _AREA, *_COUNTS, *_TIMES, *_PHOTO_ALBUMS}
# Identifies the room type locally; the channel knows it by its own remote code instead.
_IDENTITY = {"room_code"}


@dataclass(frozen=True)
class RoomContent:
    """One room type's listing as a channel can carry it. Codes are OpenTravel code-list numbers."""

    room_type: str                            # the local room type code
    names: tuple[tuple[str, str], ...]        # (language, text), zh first
    descriptions: tuple[tuple[str, str], ...]
    summaries: tuple[tuple[str, str], ...] = ()  # (language, one-line introduction)
    area_sqm: str | None = None               # floor area in m², the catalog's decimal string ("25.5")
    max_occupancy: int | None = None
    max_adults: int | None = None
    max_children: int | None = None
    standard_occupancy: int | None = None
    bed_count: int | None = None
    bed_codes: tuple[int, ...] = ()           # BED, main bed first
    view_code: int | None = None              # RVT
    amenity_codes: tuple[int, ...] = ()       # RMA, ascending, each once
    photo_urls: tuple[str, ...] = ()          # cover first
    local_photos: int = 0                     # photos that are files here: not sent
    check_in_from: str | None = None          # "HH:MM"; sent at property level
    check_out_until: str | None = None
    not_carried: tuple[str, ...] = ()         # attribute keys filled in but not carried, catalog order

    def name(self, language: str) -> str:
        return dict(self.names).get(language, "")

    def carried(self) -> dict:
        """What the room's message is built from: its fingerprint, so a change to a local code, a
        local photo or an attribute not carried does not resend an unchanged message."""
        carried = {name: getattr(self, name) for name in _CARRIED}
        # Carried since the summary and the area were added: only when filled in, so a room type
        # without them keeps the fingerprint it had and is not resent for nothing.
        carried.update({name: getattr(self, name) for name in _CARRIED_WHEN_SET if getattr(self, name)})
        return carried


# RoomContent's fields that reach the channel (check-in/out times travel in the property's part)
_CARRIED = ("names", "descriptions", "max_occupancy", "max_adults", "max_children", "standard_occupancy",
            "bed_count", "bed_codes", "view_code", "amenity_codes", "photo_urls")
_CARRIED_WHEN_SET = ("summaries", "area_sqm")


@dataclass(frozen=True)
class PropertyContent:
    """The property-level part: names, contact and the house's check-in/out times."""

    names: tuple[tuple[str, str], ...]
    address: str = ""
    phone: str = ""
    check_in_from: str | None = None
    check_out_until: str | None = None
    # The room types disagree: the latest check-in and the earliest check-out are sent, the only
    # times every room type keeps.
    times_differ: bool = False


def room_content(room_type: str, values: Mapping[str, Any]) -> RoomContent:
    """The carried part of one room type's stored attribute values (``RoomType.attributes``)."""
    names = tuple((lang, values[key].strip()) for key, lang in _NAMES.items() if _filled(values.get(key)))
    descriptions, summaries = (tuple((lang, values[key].strip()) for key, lang in texts.items()
                                     if _filled(values.get(key))) for texts in (_DESCRIPTIONS, _SUMMARIES))
    bed_codes: list[int] = []
    view_codes: list[int] = []
    amenities: set[int] = set()
    not_carried: list[str] = []
    for attribute in ATTRIBUTES:
        value = values.get(attribute.key)
        if not _filled(value) or attribute.key in _IDENTITY:
            continue
        if attribute.key in _FIELDS:
            if attribute.key in _PHOTO_ALBUMS and not any(map(_is_web_address, value)):
                not_carried.append(attribute.key)
            continue
        codes, lost = _codes_of(attribute, value)
        for code in codes:
            if code.list == "BED":
                bed_codes.append(code.code)
            elif code.list == "RVT":
                view_codes.append(code.code)
            else:
                amenities.add(code.code)
        if lost:
            not_carried.append(attribute.key)
    photos = [ref for album in _PHOTO_ALBUMS for ref in values.get(album) or ()]
    web = [ref for ref in photos if _is_web_address(ref)]
    urls = tuple(dict.fromkeys(web))
    return RoomContent(
        room_type=room_type,
        names=names,
        descriptions=descriptions,
        summaries=summaries,
        area_sqm=str(values[_AREA]) if _filled(values.get(_AREA)) else None,
        **{key: values.get(key) for key in _COUNTS},
        bed_codes=tuple(dict.fromkeys(bed_codes)),
        view_code=view_codes[0] if view_codes else None,
        amenity_codes=tuple(sorted(amenities)),
        photo_urls=urls,
        local_photos=len(photos) - len(web),
        check_in_from=values.get("check_in_from"),
        check_out_until=values.get("check_out_until"),
        not_carried=tuple(not_carried),
    )


def property_content(name_zh: str, name_en: str, address: str, phone: str,
                     rooms: Sequence[RoomContent]) -> PropertyContent:
    """The property part, its check-in/out times read from the room types being sent."""
    check_ins = {r.check_in_from for r in rooms if r.check_in_from}
    check_outs = {r.check_out_until for r in rooms if r.check_out_until}
    names = tuple((lang, text.strip()) for lang, text in (("zh", name_zh), ("en", name_en)) if text and text.strip())
    return PropertyContent(
        names=names,
        address=(address or "").strip(),
        phone=(phone or "").strip(),
        # "HH:MM" strings sort as times do.
        check_in_from=max(check_ins) if check_ins else None,
        check_out_until=min(check_outs) if check_outs else None,
        times_differ=len(check_ins) > 1 or len(check_outs) > 1,
    )


def fingerprint(*parts: object) -> str:
    """A stable hash of content (dataclasses, codes, strings): equal content, equal hash, on any desk."""
    def plain(part: object) -> object:
        # Shallow: the fields are strings, numbers and tuples of them, which JSON writes as they
        # are (asdict's deep copy cost more than the whole message).
        if hasattr(part, "__dataclass_fields__"):
            return {f.name: getattr(part, f.name) for f in fields(part)}
        return part

    text = json.dumps([plain(p) for p in parts], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _codes_of(attribute: Attribute, value: Any) -> tuple[list[OtaCode], bool]:
    """(the codes the value declares, whether part of the value has none)."""
    if attribute.kind is Kind.BOOL:
        if value is not True:
            return [], False
        return ([attribute.ota_code], False) if attribute.ota_code else ([], True)
    if attribute.kind is Kind.CHOICE:
        chosen = [value]
    elif attribute.kind is Kind.MULTI_CHOICE:
        chosen = list(value)
    else:  # numbers, free text, money, other times: no code list holds them
        return [], True
    codes = [attribute.choice(v).ota_code for v in chosen if _has_choice(attribute, v)]
    found = [code for code in codes if code is not None]
    return found, len(found) < len(chosen)


def _has_choice(attribute: Attribute, value: str) -> bool:
    return any(choice.value == value for choice in attribute.choices)


def _filled(value: Any) -> bool:
    return not is_blank(value) and value is not False


def _is_web_address(ref: str) -> bool:
    parts = urlsplit(ref)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def carried_counts(rooms: Iterable[RoomContent]) -> tuple[int, int, tuple[str, ...]]:
    """(amenities, photo URLs, attribute keys not carried by any of them) over some room types."""
    rooms = list(rooms)
    keys = {key for r in rooms for key in r.not_carried}
    ordered = tuple(a.key for a in ATTRIBUTES if a.key in keys)
    return sum(len(r.amenity_codes) for r in rooms), sum(len(r.photo_urls) for r in rooms), ordered
