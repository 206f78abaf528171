"""Room-type photos: files copied into the data folder, listed in the catalog's PHOTOS attributes.

Design (why no photo table): the catalog already has the photo lists ("photos", where the first
is the cover, and "bathroom_photos"), and completeness, validation and the Excel/OTA exports
read them there. Keeping the list, its order and the cover in that one place means a photo edit
is an ordinary audited room-type save, all or nothing, and a duplicated room type keeps its
photos for free. Only captions need a home of their own (RoomType.photo_captions).

Files live in ``data_dir()/photos/<property>/<room type>/<content hash>.<ext>`` and are referred
to by that path relative to the data folder, so moving the data folder keeps them working.
Naming by content makes a second import of the same picture a no-op instead of a copy. Files
are never deleted when a photo is removed from a list: a duplicated room type may still show
it, and a photo is the kind of thing an owner does not want to lose to a wrong click.
A reference whose file is not on this desk (another desk's disk, a deleted file) is reported as
missing, never an error.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Mapping, Sequence

from sqlalchemy import select

from ..files import atomic_target
from ..actor import Actor
from ..config import data_dir
from ..db.engine import Database
from ..db.models import Property
from .errors import RoomTypeError
from .image_files import EXTENSIONS, read_photo
from .photo_captions import PHOTO_ALBUMS
from .service import RoomTypeService
from .views import PhotoInfo
from ..security.roles import Permission, requires

COVER_ALBUM = "photos"  # the catalog: "the first one is the cover"
_UNSAFE_IN_FOLDER = re.compile(r"[^A-Za-z0-9_-]+")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class PhotoStore:
    """The photo files on this desk. `root` defaults to the data folder at the time of use."""

    def __init__(self, root: Path | None = None):
        self._root = root

    @property
    def root(self) -> Path:
        return self._root if self._root is not None else data_dir()

    def store_file(self, source: str | Path, property_code: str, room_type_code: str | None) -> str:
        """Check and copy a photo in; returns its reference. PhotoRejected names a bad file."""
        data, image_format = read_photo(source)
        return self.store_bytes(data, image_format, property_code, room_type_code)

    def store_bytes(self, data: bytes, image_format: str, property_code: str, room_type_code: str | None) -> str:
        name = hashlib.sha256(data).hexdigest()[:24] + EXTENSIONS[image_format]
        ref = PurePosixPath("photos", _folder(property_code), _folder(room_type_code or "new"), name)
        target = self.root / ref
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # Written beside the target and renamed: a crash never leaves half a photo under its name.
            with atomic_target(target) as temp:
                temp.write_bytes(data)
        return str(ref)

    def locate(self, ref: str) -> Path | None:
        """Where the file of `ref` is expected on this desk; None for a URL."""
        if _URL.match(ref):
            return None
        path = Path(ref)
        return path if path.is_absolute() else self.root / path

    def describe(self, album: str, refs: Sequence[str], captions: Mapping[str, str]) -> list[PhotoInfo]:
        infos = []
        for position, ref in enumerate(refs):
            path = self.locate(ref)
            infos.append(PhotoInfo(album, ref, position, captions.get(ref, ""),
                                   is_cover=album == COVER_ALBUM and position == 0,
                                   path=str(path) if path else None,
                                   missing=path is not None and not path.is_file()))
        return infos


class PhotoService:
    """Photo edits as room-type saves (validated, audited, all or nothing)."""

    def __init__(self, db: Database, room_types: RoomTypeService, store: PhotoStore | None = None):
        self.db = db
        self.room_types = room_types
        self.store = store or PhotoStore()

    def import_file(self, property_id: int, room_type_code: str | None, source: str | Path) -> str:
        """Copy a photo into the data folder without touching any room type (an editor adds the
        reference to its form and saves it with everything else)."""
        with self.db.session() as s:
            property_code = s.scalar(select(Property.code).where(Property.id == property_id))
        if property_code is None:
            raise RoomTypeError(f"No property with id {property_id}", f"没有编号为 {property_id} 的物业")
        return self.store.store_file(source, property_code, room_type_code)

    def photos(self, room_type_id: int, album: str = COVER_ALBUM) -> list[PhotoInfo]:
        _check_album(album)
        detail = self.room_types.get(room_type_id)
        return self.store.describe(album, detail.attributes.get(album) or [], detail.photo_captions)

    @requires(Permission.ROOM_TYPES)
    def add(self, actor: Actor, room_type_id: int, sources: Iterable[str | Path],
            album: str = COVER_ALBUM) -> list[PhotoInfo]:
        """Import files and append them; if any file is refused, none is added."""
        _check_album(album)
        detail = self.room_types.get(room_type_id)
        refs = [self.store.store_file(source, detail.property_code, detail.code) for source in sources]
        return self._rewrite(actor, room_type_id, album, lambda current: current + [r for r in refs if r not in current])

    @requires(Permission.ROOM_TYPES)
    def remove(self, actor: Actor, room_type_id: int, ref: str, album: str = COVER_ALBUM) -> list[PhotoInfo]:
        return self._rewrite(actor, room_type_id, album, lambda current: [r for r in _with(current, ref) if r != ref])

    @requires(Permission.ROOM_TYPES)
    def move(self, actor: Actor, room_type_id: int, ref: str, position: int,
             album: str = COVER_ALBUM) -> list[PhotoInfo]:
        def moved(current: list[str]) -> list[str]:
            rest = [r for r in _with(current, ref) if r != ref]
            rest.insert(max(0, min(position, len(rest))), ref)
            return rest

        return self._rewrite(actor, room_type_id, album, moved)

    @requires(Permission.ROOM_TYPES)
    def set_cover(self, actor: Actor, room_type_id: int, ref: str) -> list[PhotoInfo]:
        return self.move(actor, room_type_id, ref, 0, COVER_ALBUM)

    @requires(Permission.ROOM_TYPES)
    def set_caption(self, actor: Actor, room_type_id: int, ref: str, caption: str) -> list[PhotoInfo]:
        detail = self.room_types.get(room_type_id)
        album = next((a for a in PHOTO_ALBUMS if ref in (detail.attributes.get(a) or [])), None)
        if album is None:
            raise _not_listed(ref)
        updated = self.room_types.update(actor, room_type_id, {},
                                         photo_captions={**detail.photo_captions, ref: caption},
                                         expected_version=detail.version)
        return self.store.describe(album, updated.attributes.get(album) or [], updated.photo_captions)

    def _rewrite(self, actor: Actor, room_type_id: int, album: str,
                 change: Callable[[list[str]], list[str]]) -> list[PhotoInfo]:
        _check_album(album)
        detail = self.room_types.get(room_type_id)
        refs = change(list(detail.attributes.get(album) or []))
        # The version check makes "read the list, save the new list" safe against another desk.
        updated = self.room_types.update(actor, room_type_id, {album: refs}, expected_version=detail.version)
        return self.store.describe(album, updated.attributes.get(album) or [], updated.photo_captions)


def _folder(code: str) -> str:
    return _UNSAFE_IN_FOLDER.sub("_", code).strip("_") or "_"


def _check_album(album: str) -> None:
    if album not in PHOTO_ALBUMS:
        raise RoomTypeError(f"{album!r} is not a photo list; one of {', '.join(PHOTO_ALBUMS)}",
                            f"{album!r} 不是照片列表")


def _with(refs: list[str], ref: str) -> list[str]:
    if ref not in refs:
        raise _not_listed(ref)
    return refs


def _not_listed(ref: str) -> RoomTypeError:
    return RoomTypeError(f"Photo {ref} is not in this room type's photos", f"照片 {ref} 不属于该房型")
