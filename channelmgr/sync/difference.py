"""Desired minus acknowledged, and the fewest requests that carry the difference.

The difference is every (key, night) whose desired value is not what the channel last confirmed.
It is coalesced into ranges (equal consecutive nights; weekday patterns where the channel reads
day flags and they pay) and packed into requests within the channel's item limit. Availability
goes first: closing the last room is the change that prevents an overbooking.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Hashable, Mapping

from .acked import AckedNights, StorageKey, ValueCodec, storage_key
from .channel_settings import ChannelSettings
from .desired import DesiredState, Origin, Series
from .ranges import Range, coalesce_series, pack

KIND_ORDER = {"avail": 0, "restriction": 1, "rate": 2}


@dataclass(frozen=True)
class ChangeGroup:
    """The cells of one remote key that will change, for dry runs and reports."""

    kind: str  # avail · restriction · rate
    room_type: str
    rate_plan: str | None
    remote_room: str
    remote_rate: str | None
    cells: int
    first: date
    last: date


@dataclass(frozen=True)
class Difference:
    series: list[Series]  # only the nights to send
    parked: int           # cells held back: the channel refused exactly this value earlier

    @property
    def cell_count(self) -> int:
        return sum(len(values) for _, values in self.series)

    def groups(self, origins: Mapping[tuple, Origin]) -> list[ChangeGroup]:
        groups = []
        for prototype, values in self.series:
            if not values:
                continue
            kind, remote_room, remote_rate, _guests = storage_key(prototype)
            origin = origins.get(prototype.key, Origin("?"))
            groups.append(ChangeGroup(kind, origin.room_type, origin.rate_plan, remote_room, remote_rate or None,
                                      len(values), min(values), max(values)))
        groups.sort(key=lambda g: (KIND_ORDER[g.kind], g.room_type, g.rate_plan or "", g.remote_room))
        return groups


def difference(
    desired: DesiredState,
    acked: AckedNights,
    codec: ValueCodec,
    parked: Mapping[tuple[StorageKey, date], str] | None = None,
) -> Difference:
    series: list[Series] = []
    held_back = 0
    encode = codec.encode
    for prototype, values in desired.series:
        key = storage_key(prototype)
        confirmed = acked.get(key)
        if confirmed:
            changed = {night: value for night, value in values.items() if confirmed.get(night) != encode(value)}
        else:
            changed = dict(values)
        if parked and changed:
            for night in [n for n, v in changed.items() if parked.get((key, n)) == encode(v)]:
                del changed[night]
                held_back += 1
        if changed:
            series.append((prototype, changed))
    return Difference(series, held_back)


def plan_requests(diff: Difference, settings: ChannelSettings, items_per_range: Callable[[Range], int],
                  request_kind: Callable[[Range], Hashable] | None = None) -> list[list[Range]]:
    """``items_per_range`` and ``request_kind``: the channel adapter's — what one range costs on
    its wire, and which ranges may share a request (None: those of one cell type)."""
    ranges = coalesce_series(diff.series, weekday_patterns=settings.weekday_patterns)
    ranges.sort(key=lambda r: KIND_ORDER[storage_key(r.cell)[0]])  # stable: key and night order stay
    return pack(ranges, settings.max_items_per_request, items_per_range=items_per_range,
                request_kind=request_kind)
