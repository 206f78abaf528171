"""Room types, their physical rooms and photos: the services behind the room-type editor.

    services.room_types.update(actor, room_type_id, {"area_sqm": "25平", "wifi": "有"})
    services.rooms.add_range(actor, room_type_id, "201-208")
    services.photos.add(actor, room_type_id, ["cover.jpg", "bed.jpg", "view.jpg"])

Values go in as typed (the catalog normalizes them) and come out in the catalog's stored form;
refusals are `RoomTypeError`s in both languages, `ValidationFailed` with every problem listed.
"""

from .completeness import channel_scores
from .errors import PhotoRejected, RoomTypeError, RoomTypeNotFound, ValidationFailed
from .photo_captions import PHOTO_ALBUMS
from .photos import PhotoService, PhotoStore
from .rooms import RoomService
from .service import RoomTypeService, check_record
from .value_forms import display_text, typed_form, typed_record
from .views import ChannelScore, PhotoInfo, RoomDetail, RoomDraft, RoomTypeDetail, RoomTypeSummary

__all__ = [
    "RoomTypeService", "RoomService", "PhotoService", "PhotoStore",
    "RoomTypeError", "RoomTypeNotFound", "ValidationFailed", "PhotoRejected",
    "ChannelScore", "PhotoInfo", "RoomDetail", "RoomDraft", "RoomTypeDetail", "RoomTypeSummary",
    "channel_scores", "check_record", "display_text", "typed_form", "typed_record", "PHOTO_ALBUMS",
]
