"""Plain snapshots and inputs of the room-type services (no ORM objects cross this line)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChannelScore:
    """How complete a room type's listing is for one channel (see catalog/profiles.py)."""

    channel: str  # profile key: "meituan", "ctrip", …
    label_zh: str
    label_en: str
    score: int  # 0..100
    missing_required: tuple[str, ...]  # attribute keys, in editor order
    missing_recommended: tuple[str, ...]

    @property
    def first_missing(self) -> str | None:
        """The field to fill next: the first missing required one, else the first recommended."""
        for keys in (self.missing_required, self.missing_recommended):
            if keys:
                return keys[0]
        return None


@dataclass(frozen=True)
class RoomTypeSummary:
    id: int
    property_id: int
    code: str
    name_zh: str
    name_en: str
    sort_order: int
    archived: bool
    room_count: int
    scores: tuple[ChannelScore, ...]


@dataclass(frozen=True)
class RoomTypeDetail:
    """Everything the editor shows. `attributes` is in the stored form (catalog `Kind`)."""

    id: int
    property_id: int
    property_code: str
    currency: str
    code: str
    name_zh: str
    name_en: str
    sort_order: int
    archived: bool
    room_count: int
    attributes: dict
    photo_captions: dict  # photo reference -> caption
    version: str  # changes with every save; hand it back to `update` to refuse a stale form
    scores: tuple[ChannelScore, ...]


@dataclass(frozen=True)
class RoomDraft:
    """What a person fills in for one physical room."""

    number: str
    floor: int | None = None
    notes: str = ""
    status: str = "clean"


@dataclass(frozen=True)
class RoomDetail:
    id: int
    property_id: int
    room_type_id: int
    room_type_code: str
    number: str
    floor: int | None
    status: str
    notes: str


@dataclass(frozen=True)
class PhotoInfo:
    album: str  # the PHOTOS attribute holding it, e.g. "photos" or "bathroom_photos"
    ref: str  # as stored in the attribute: a path relative to the data folder, or a URL
    position: int
    caption: str = ""
    is_cover: bool = False
    path: str | None = None  # where the file should be; None for a URL
    missing: bool = False  # a local file that is not there (another desk's disk, deleted, moved)
