"""Photo thumbnails, made off the GUI thread and cached in the data folder.

QImage (unlike QPixmap) may be used in a worker thread, so decoding and scaling happen there;
the GUI thread only turns the small result into an icon. QImageReader scales while decoding,
which for a 12-megapixel JPEG is several times faster than decoding and scaling after.
The cache file is named after the photo's path, size and modification time: a replaced file
gets a new thumbnail, an unchanged one is read back in a millisecond.
"""

from __future__ import annotations

import hashlib
from enum import Enum
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from channelmgr.config import data_dir

from ..tasks import TaskRunner

THUMBNAIL_SIZE = QSize(160, 120)


class PhotoState(Enum):
    OK = "ok"
    MISSING = "missing"  # no file at that path on this computer
    UNREADABLE = "unreadable"  # a file, but not one Qt can decode (damaged, cut off)


def make_thumbnail(path: str, cache_dir: Path) -> tuple[PhotoState, QImage | None]:
    """Runs in a worker thread."""
    source = Path(path)
    if not source.is_file():
        return PhotoState.MISSING, None
    stat = source.stat()
    key = f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{THUMBNAIL_SIZE.width()}x{THUMBNAIL_SIZE.height()}"
    cached = cache_dir / (hashlib.sha1(key.encode()).hexdigest() + ".png")
    if cached.is_file():
        image = QImage(str(cached))
        if not image.isNull():
            return PhotoState.OK, image
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)  # phone photos stand upright as the EXIF orientation says
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return PhotoState.UNREADABLE, None
    cache_dir.mkdir(parents=True, exist_ok=True)
    image.save(str(cached), "PNG")
    return PhotoState.OK, image


class ThumbnailLoader(QObject):
    def __init__(self, parent: QObject | None = None, cache_dir: Path | None = None):
        super().__init__(parent)
        self.runner = TaskRunner(max_threads=2, parent=self)
        self.cache_dir = cache_dir or data_dir() / "thumbnails"

    def request(self, path: str, on_ready: Callable[[PhotoState, QImage | None], None]) -> None:
        """`on_ready(state, image)` is called on the GUI thread."""
        cache_dir = self.cache_dir
        self.runner.submit(lambda: make_thumbnail(path, cache_dir), lambda result: on_ready(*result),
                           lambda _exc: on_ready(PhotoState.UNREADABLE, None))

    def wait(self, msecs: int = -1) -> bool:
        return self.runner.wait(msecs)
