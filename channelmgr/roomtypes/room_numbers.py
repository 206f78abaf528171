"""Room numbers as owners type them: "201–208", "201-208", "A01-A05", "101, 103, 105-107".

Only the expansion lives here; whether the numbers are free is the room service's question.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import RoomTypeError

# A typo like "201-2080" must not create 1880 rooms: no homestay adds more than this at once.
MAX_ROOMS_AT_ONCE = 200
MAX_NUMBER_LENGTH = 20  # Room.number column

_PARTS = re.compile(r"[,，、;；\s]+")
# "-" as typed, the en/em dashes of Chinese input methods and of Word, "~", 至/到.
_DASH = r"(?:-|–|—|~|至|到)"
_SPACED_DASH = re.compile(rf"\s*({_DASH})\s*")
_RANGE = re.compile(rf"^([^-–—~至到]+){_DASH}([^-–—~至到]+)$")
_NUMBER = re.compile(r"^([A-Za-z]*)(\d+)$")


def expand_room_numbers(text: str) -> list[str]:
    """Every room number `text` stands for, in the order given; RoomTypeError says what is wrong."""
    text = unicodedata.normalize("NFKC", text or "").strip()  # full-width "２０１～２０８" -> "201~208"
    text = _SPACED_DASH.sub(r"\1", text)  # "201 - 208" is one range, not three parts
    if not text:
        raise RoomTypeError("Type room numbers, e.g. 201-208", "请填写房号，例如 201-208")
    numbers: list[str] = []
    for part in _PARTS.split(text):
        if part:
            numbers.extend(_expand_part(part))
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    if repeated:
        raise RoomTypeError(f"Room numbers given twice: {', '.join(repeated)}",
                            f"房号重复：{'、'.join(repeated)}")
    if len(numbers) > MAX_ROOMS_AT_ONCE:
        raise RoomTypeError(f"{text!r} makes {len(numbers)} rooms; at most {MAX_ROOMS_AT_ONCE} at once",
                            f"{text!r} 会生成 {len(numbers)} 间房，一次最多 {MAX_ROOMS_AT_ONCE} 间")
    return numbers


def guess_floor(number: str) -> int | None:
    """The floor a Chinese room number names: 201 -> 2, 1203 -> 12, A305 -> 3; None for 8 or 听风."""
    match = _NUMBER.match(number)
    if not match or len(match[2]) < 3:
        return None
    return int(match[2][:-2])


def _expand_part(part: str) -> list[str]:
    if not re.search(_DASH, part):
        return [_single(part)]
    span = _RANGE.match(part)
    if not span:
        raise RoomTypeError(f"{part!r} is not a range like 201-208", f"{part!r} 不是 201-208 这样的范围")
    first, last = span[1], span[2]
    start, end = _NUMBER.match(first), _NUMBER.match(last)
    if not start or not end:
        bad = first if not start else last
        raise RoomTypeError(f"{part!r}: {bad!r} is not a room number like 201 or A01",
                            f"{part!r}：{bad!r} 不是 201 或 A01 这样的房号")
    prefix, end_prefix = start[1], end[1] or start[1]  # "A01-05" means A01 to A05
    if prefix.casefold() != end_prefix.casefold():
        raise RoomTypeError(f"{part!r}: both ends need the same letters ({prefix or 'none'} vs {end_prefix})",
                            f"{part!r}：两端的字母前缀必须相同（{prefix or '无'} 与 {end_prefix}）")
    low, high = int(start[2]), int(end[2])
    if high < low:
        raise RoomTypeError(f"{part!r}: the range ends below its start; write it like 201-208",
                            f"{part!r}：结束房号小于起始房号，请写成 201-208 这样")
    if high - low + 1 > MAX_ROOMS_AT_ONCE:
        raise RoomTypeError(f"{part!r} makes {high - low + 1} rooms; at most {MAX_ROOMS_AT_ONCE} at once",
                            f"{part!r} 会生成 {high - low + 1} 间房，一次最多 {MAX_ROOMS_AT_ONCE} 间")
    # "A01-A05" keeps the zero padding; "9-12" has none to keep.
    width = len(start[2]) if start[2].startswith("0") or len(start[2]) == len(end[2]) else 0
    return [_single(f"{prefix}{n:0{width}d}") for n in range(low, high + 1)]


def _single(number: str) -> str:
    number = number.strip()
    if len(number) > MAX_NUMBER_LENGTH:
        raise RoomTypeError(f"Room number {number[:30]!r} is longer than {MAX_NUMBER_LENGTH} characters",
                            f"房号 {number[:30]!r} 超过 {MAX_NUMBER_LENGTH} 个字")
    if any(unicodedata.category(ch).startswith("C") for ch in number):
        raise RoomTypeError(f"Room number {number!r} contains control characters", f"房号 {number!r} 含有控制字符")
    return number
