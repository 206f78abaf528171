"""Captions of room-type photos: one short line per photo, kept apart from the catalog values.

Which photos a room type has, in which order, and which is the cover (the first) are the
catalog's PHOTOS attributes themselves, so completeness, validation and exports need nothing
else. Captions are the one thing a list of references cannot hold; they live in
RoomType.photo_captions as {reference: caption}.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from ..catalog import ATTRIBUTES, Kind, Problem

MAX_CAPTION_LENGTH = 100
PHOTO_ALBUMS: tuple[str, ...] = tuple(a.key for a in ATTRIBUTES if a.kind is Kind.PHOTOS)
_ALBUM_LABELS = {a.key: (a.label_zh, a.label_en) for a in ATTRIBUTES if a.kind is Kind.PHOTOS}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_captions(values: Mapping[str, Any], captions: Mapping[str, Any]) -> tuple[dict[str, str], list[Problem]]:
    """(captions worth keeping, problems). A caption of a photo no longer listed is dropped with it."""
    album_of = {ref: album for album in PHOTO_ALBUMS for ref in values.get(album) or ()}
    kept: dict[str, str] = {}
    problems: list[Problem] = []
    for ref, caption in captions.items():
        album = album_of.get(ref)
        if album is None or caption is None:
            continue
        text = caption.strip() if isinstance(caption, str) else None
        name = ref.rsplit("/", 1)[-1]
        if text is None or _CONTROL.search(text):
            problems.append(_problem(album, f"照片 {name} 的说明只能是一行文字", f"the caption of {name} must be one line of text"))
        elif len(text) > MAX_CAPTION_LENGTH:
            problems.append(_problem(album, f"照片 {name} 的说明最多 {MAX_CAPTION_LENGTH} 个字，现在 {len(text)} 个",
                                     f"the caption of {name} has {len(text)} characters; at most {MAX_CAPTION_LENGTH}"))
        elif text:
            kept[ref] = text
    return kept, problems


def _problem(album: str, message_zh: str, message_en: str) -> Problem:
    label_zh, label_en = _ALBUM_LABELS[album]
    return Problem(album, label_zh, label_en, message_zh, message_en)
