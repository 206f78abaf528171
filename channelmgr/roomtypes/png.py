"""A minimal PNG writer for generated pictures (the demo's placeholder photos, tests).

The core never decodes images (the UI does, with Qt); it only needs to write a simple one
without pulling in Pillow.
"""

from __future__ import annotations

import struct
import zlib
from typing import Sequence

RGB = tuple[int, int, int]


def banded_png(width: int, height: int, bands: Sequence[tuple[float, RGB, RGB]]) -> bytes:
    """An RGB PNG of horizontal bands, each a vertical gradient: [(share of height, top, bottom)].

    Rows are single-coloured, so even a few hundred pixels a side are written in a millisecond.
    """
    total = sum(share for share, _, _ in bands)
    rows = []
    for index, (share, top, bottom) in enumerate(bands):
        band_rows = height - len(rows) if index == len(bands) - 1 else round(height * share / total)
        for y in range(band_rows):
            t = y / max(1, band_rows - 1)
            colour = bytes(round(a + (b - a) * t) for a, b in zip(top, bottom))
            rows.append(b"\x00" + colour * width)  # filter byte 0, then the pixels
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + _chunk(b"IEND", b""))


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
