"""The drift audit's comparison: what a channel shows against what it should show, per night and field.

Pure data in, data out: the desired state (``desired.desired_state``, the very values a pass would
send) and the channel's read-back (``ReadBackValues``: the engine's keys and value tuples, however
the channel's wire carried them) give the list of :class:`Drift` — one per cell field that differs
(rooms to sell, price, min stay, max stay, CTA, CTD, stop-sell). A night the channel shows nothing
for is one drift of the whole cell ("not shown"), not five.

Nothing here reads the network or writes the database: ``drift_audit`` fetches and records,
``drift_actions`` acts. That keeps the compare measurable on its own (bench/bench_drift.py).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Collection, Hashable, Iterable

from ..channels.adapter import ReadBackKey, ReadBackValues
from ..channels.errors import Failure, FailureKind
from .acked import AckedNights, ValueCodec, storage_key
from .desired import DesiredState, Origin

# The fields of a cell, in the order the audit lists them; a restriction cell's value tuple is
# (stop_sell, cta, ctd, min_stay, max_stay).
AVAILABILITY, PRICE, CURRENCY, RESTRICTIONS = "availability", "price", "currency", "restrictions"
BLOCKED = "blocked"  # an iCal channel's night: taken or not (channelmgr.ical.feed_audit)
RESTRICTION_FIELDS = ("stop_sell", "cta", "ctd", "min_stay", "max_stay")
FIELDS = (AVAILABILITY, PRICE, CURRENCY, "min_stay", "max_stay", "cta", "ctd", "stop_sell", RESTRICTIONS, BLOCKED)
_FIELD_ORDER = {name: i for i, name in enumerate(FIELDS)}


class AuditStatus(str, enum.Enum):
    CLEAN = "clean"                    # read back, nothing differs
    DIFFERENCES = "differences"
    CANNOT_READ_BACK = "unreadable"    # the channel offers no read: never reported as "clean"
    FAILED = "failed"                  # the read failed (network, credentials, a bad reply): nothing compared


@dataclass(frozen=True)
class Drift:
    """One field of one cell that the channel shows differently."""

    channel: str
    room_type: str
    rate_plan: str | None
    key: ReadBackKey          # the cell's storage key: (kind, remote room, remote rate or "", guests)
    night: date
    field: str                # one of FIELDS ("restrictions" only for a cell the channel does not show)
    ours: Hashable
    theirs: Hashable          # None with ``shown`` False: the channel shows nothing for this cell
    shown: bool = True
    pending: bool = False     # ours is not acknowledged yet: the next pass sends it anyway

    @property
    def remote_room(self) -> str:
        return self.key[1]

    @property
    def remote_rate(self) -> str | None:
        return self.key[2] or None

    def to_json(self, *, for_log: bool = False) -> dict:
        """The CLI's shape; ``for_log`` adds the storage key, which from_json needs."""
        data = {"channel": self.channel, "room_type": self.room_type, "rate_plan": self.rate_plan,
                "remote_room": self.remote_room, "remote_rate": self.remote_rate, "night": self.night.isoformat(),
                "field": self.field, "ours": _plain(self.ours), "theirs": _plain(self.theirs), "shown": self.shown,
                "pending": self.pending}
        return {**data, "key": list(self.key)} if for_log else data

    @classmethod
    def from_json(cls, data: dict) -> "Drift":
        """A drift as ``to_json(for_log=True)`` wrote it (the sync log keeps the last audit's list)."""
        return cls(data["channel"], data["room_type"], data["rate_plan"], tuple(data["key"]),
                   date.fromisoformat(data["night"]), data["field"], _hashable(data["ours"]),
                   _hashable(data["theirs"]), data["shown"], data["pending"])


@dataclass(frozen=True)
class AuditReport:
    channel_id: int
    channel: str
    status: AuditStatus
    at: datetime
    start: date | None = None
    end: date | None = None             # exclusive
    cells_compared: int = 0
    differences: tuple[Drift, ...] = ()
    failure: Failure | None = None
    reason: str = ""                    # why a channel cannot be read back, in English
    reason_zh: str = ""
    ours: ReadBackValues = field(default_factory=dict, repr=False, compare=False)    # for "accept theirs"
    theirs: ReadBackValues = field(default_factory=dict, repr=False, compare=False)  # re-checks, no network

    def summary(self) -> str:
        """One English line for the sync log (the CLI and the desk word it from ``status``)."""
        if self.status is AuditStatus.CLEAN:
            return f"drift audit: {self.cells_compared} cells compared, no difference"
        if self.status is AuditStatus.DIFFERENCES:
            return f"drift audit: {len(self.differences)} difference(s) in {self.cells_compared} cells compared"
        if self.status is AuditStatus.CANNOT_READ_BACK:
            return f"drift audit: cannot be read back ({self.reason})"
        return f"drift audit failed, nothing compared: {self.failure.detail if self.failure else '?'}"

    def to_json(self, *, for_log: bool = False) -> dict:
        """The CLI's shape; ``for_log`` adds what from_json needs besides (keys, the Chinese reason)."""
        data = {"channel": self.channel, "status": self.status.value, "at": self.at.isoformat(),
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None, "cells_compared": self.cells_compared,
                "differences": [d.to_json(for_log=for_log) for d in self.differences],
                "failure": ({"kind": self.failure.kind.value, "detail": self.failure.detail}
                            if self.failure else None),
                "reason": self.reason or None}
        return {**data, "reason_zh": self.reason_zh or None} if for_log else data

    @classmethod
    def from_json(cls, channel_id: int, data: dict) -> "AuditReport":
        """The report as ``to_json(for_log=True)`` wrote it, without the read-back values (not kept)."""
        failure = data.get("failure")
        return cls(channel_id, data["channel"], AuditStatus(data["status"]), datetime.fromisoformat(data["at"]),
                   start=date.fromisoformat(data["start"]) if data.get("start") else None,
                   end=date.fromisoformat(data["end"]) if data.get("end") else None,
                   cells_compared=data.get("cells_compared") or 0,
                   differences=tuple(Drift.from_json(d) for d in data.get("differences") or ()),
                   failure=Failure(FailureKind(failure["kind"]), failure["detail"]) if failure else None,
                   reason=data.get("reason") or "", reason_zh=data.get("reason_zh") or "")


def desired_values(desired: DesiredState) -> ReadBackValues:
    """The desired state in read-back shape (storage key → night → value)."""
    return {storage_key(prototype): values for prototype, values in desired.series}


def compare(
    channel: str,
    desired: DesiredState,
    shown: ReadBackValues,
    acked: AckedNights | None = None,
    codec: ValueCodec | None = None,
) -> tuple[list[Drift], int]:
    """(the differences, in room type / night / field order; the number of cells compared).

    ``acked`` (what the channel last confirmed) only marks a drift ``pending``: a value not yet
    confirmed is one the next pass sends whatever the audit says.
    """
    codec = codec or ValueCodec()
    found: list[Drift] = []
    compared = 0
    for prototype, values in desired.series:
        key = storage_key(prototype)
        theirs = shown.get(key, {})
        compared += len(values)
        origin = desired.origins.get(prototype.key, Origin("?"))
        confirmed = acked.get(key, {}) if acked is not None else None
        for night, ours in values.items():
            their = theirs.get(night)
            if their == ours:
                continue
            pending = confirmed is not None and confirmed.get(night) != codec.encode(ours)
            found.extend(_field_drifts(channel, origin, key, night, ours, their, pending))
    found.sort(key=lambda d: (d.room_type, d.rate_plan or "", d.night, _FIELD_ORDER[d.field], d.key))
    return found, compared


def _field_drifts(channel: str, origin: Origin, key: ReadBackKey, night: date, ours: tuple, theirs: tuple | None,
                  pending: bool) -> list[Drift]:
    kind = key[0]

    def drift(name: str, mine, their, shown: bool = True) -> Drift:
        return Drift(channel, origin.room_type, origin.rate_plan, key, night, name, mine, their, shown, pending)

    if theirs is None:
        name = {"avail": AVAILABILITY, "rate": PRICE}.get(kind, RESTRICTIONS)
        return [drift(name, _whole(kind, ours), None, shown=False)]
    if kind == "avail":
        return [drift(AVAILABILITY, ours[0], theirs[0])]
    if kind == "rate":
        if ours[1] != theirs[1]:
            return [drift(CURRENCY, ours[1], theirs[1])]
        return [drift(PRICE, ours[0], theirs[0])]
    return [drift(name, mine, their) for name, mine, their in zip(RESTRICTION_FIELDS, ours, theirs) if mine != their]


def _whole(kind: str, value: tuple) -> Hashable:
    if kind in ("avail", "rate"):
        return value[0]
    return tuple(value)


def _plain(value: Hashable):
    return list(value) if isinstance(value, tuple) else value


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value


def filter_drifts(drifts: Iterable[Drift], *, room_type: str | None = None, night: date | None = None,
                  fields: Collection[str] | None = None) -> list[Drift]:
    """The drifts of one room type and/or night (the CLI's and the desk's selection)."""
    return [d for d in drifts
            if (room_type is None or d.room_type == room_type) and (night is None or d.night == night)
            and (fields is None or d.field in fields)]
