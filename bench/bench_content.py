"""What building a listing-content push costs (issue 12, content push).

50 room types with full listings (the demo's five complete ones, repeated with their own codes, 12
photo URLs each). Timed: reading the attributes into ``RoomContent`` and building one
``OTA_HotelDescriptiveContentNotifRQ`` per room type — what a pass does for a channel whose
content all changed — against the floor: serialising the very same 50 finished XML trees
(``etree.tostring``), the least any builder of these bytes pays. Best of 7 runs each, interleaved.

Prints ``METRIC name value unit`` lines.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from channelmgr.catalog.listing_content import fingerprint, room_content  # noqa: E402
from channelmgr.channels.opentravel_content import build_room_content_notif  # noqa: E402
from channelmgr.demo import LISTINGS, ROOM_TYPES  # noqa: E402

ROOM_TYPES_COUNT = 50
RUNS = 7


def metric(name: str, value: float, unit: str) -> None:
    print(f"METRIC {name} {value:.4g} {unit}", flush=True)


def _listings() -> list[tuple[str, dict]]:
    complete = [(code, zh, en) for code, zh, en, *_ in ROOM_TYPES if code != "CQN"]
    rooms = []
    for i in range(ROOM_TYPES_COUNT):
        code, zh, en = complete[i % len(complete)]
        values = {**LISTINGS[code], "room_code": f"{code}{i}", "name_zh": f"{zh}{i}", "name_en": f"{en} {i}",
                  "photos": [f"https://img.example.com/{code}{i}/{n}.jpg" for n in range(12)]}
        rooms.append((f"{code}{i}", {k: v for k, v in values.items() if v is not None}))
    return rooms


def _build(rooms) -> list[bytes]:
    bodies = []
    for code, values in rooms:
        content = room_content(code, values)
        fingerprint(content, (f"R-{code}",))  # a pass hashes each part to know whether it changed
        bodies.append(build_room_content_notif("H1", [f"R-{code}"], content).body)
    return bodies


def _serialise(trees) -> list[bytes]:
    return [etree.tostring(tree, xml_declaration=True, encoding="UTF-8") for tree in trees]


def main() -> None:
    rooms = _listings()
    trees = [etree.fromstring(body) for body in _build(rooms)]
    build_best = floor_best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        bodies = _build(rooms)
        build_best = min(build_best, time.perf_counter() - started)
        started = time.perf_counter()
        _serialise(trees)
        floor_best = min(floor_best, time.perf_counter() - started)
    metric("content_build_50_room_types", build_best * 1000, "ms")
    metric("content_serialise_floor_50_room_types", floor_best * 1000, "ms")
    metric("content_build_vs_floor", build_best / floor_best, "ratio")
    metric("content_bytes_per_room_type", sum(map(len, bodies)) / len(bodies), "bytes")


if __name__ == "__main__":
    main()
