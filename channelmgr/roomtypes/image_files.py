"""Is this file a photo we can publish? Decided from its first bytes and its size, without Pillow.

OTAs take JPEG and PNG everywhere and WebP on most extranets; anything else is refused here, at
import, with the file named, instead of failing later in an upload. The magic bytes decide, not
the file name: "photo.jpg" that is really a HEIC from a phone is caught, with a hint.
Whether the pixels decode is the UI's business (it decodes them anyway to make thumbnails).
"""

from __future__ import annotations

from pathlib import Path

from .errors import PhotoRejected

# 20 MB: above what a phone camera writes for a JPEG, below the upload limits of the OTAs
# (Booking.com and Airbnb take more, some Chinese extranets stop around 20 MB).
MAX_PHOTO_BYTES = 20 * 1024 * 1024

EXTENSIONS = {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}

# Formats people often have that we do not take, so the refusal can say what the file is.
_OTHER_FORMATS = (
    (b"GIF8", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"%PDF", "PDF"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"mif1", b"msf1", b"avif")


def sniff_image_format(head: bytes) -> str | None:
    """"jpeg", "png" or "webp" when the first bytes (32 are enough) say so, else None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    # PNG: the 8-byte signature, then the first chunk must be IHDR (catches a cut-off download).
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP" and head[12:16] in (b"VP8 ", b"VP8L", b"VP8X"):
        return "webp"
    return None


def read_photo(path: str | Path) -> tuple[bytes, str]:
    """(content, format) of a photo file; PhotoRejected, naming the file, when it cannot be used."""
    path = Path(path)
    name = path.name or str(path)
    if not path.is_file():
        raise PhotoRejected(f"{name}: no such file ({path})", f"{name}：文件不存在（{path}）")
    size = path.stat().st_size
    if size == 0:
        raise PhotoRejected(f"{name} is empty", f"{name} 是空文件")
    if size > MAX_PHOTO_BYTES:
        mb, limit = size / 1024 / 1024, MAX_PHOTO_BYTES // 1024 // 1024
        raise PhotoRejected(f"{name} is {mb:.1f} MB; photos may be at most {limit} MB",
                            f"{name} 有 {mb:.1f} MB，照片最大 {limit} MB")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PhotoRejected(f"{name} cannot be read: {exc.strerror}", f"{name} 无法读取：{exc.strerror}") from None
    image_format = sniff_image_format(data[:32])
    if image_format is None:
        what = _describe_other(data[:32])
        raise PhotoRejected(f"{name} is not a JPEG, PNG or WebP image{what[0]}",
                            f"{name} 不是 JPEG、PNG 或 WebP 图片{what[1]}")
    return data, image_format


def _describe_other(head: bytes) -> tuple[str, str]:
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return (" (it is a HEIC/HEIF photo: export it as JPEG first)", "（这是 HEIC/HEIF 照片，请先导出为 JPEG）")
    for magic, label in _OTHER_FORMATS:
        if head.startswith(magic):
            return f" (it is a {label} file)", f"（这是 {label} 文件）"
    return "", ""
