"""ARI cells and the ranges that carry them to a channel.

A *cell* is what one channel should show for one key on one night: rooms to sell for a remote room,
a price for a remote room × rate plan, or the restrictions for a remote room × rate plan. The
reconciler diffs desired cells against acknowledged ones; what differs goes out as *ranges*.

Nights, not stays: a night is the ``date`` the guest sleeps. Our core models stays half-open
``[arrival, departure)``; a stay's nights are ``arrival .. departure - 1 day``. Ranges here are
**inclusive** ``[start, end]`` nights because that is what OpenTravel's StatusApplicationControl
Start/End mean — the conversion from half-open happens when the reconciler turns stays into nights,
so nothing downstream of this module ever subtracts a day again.

Everything is plain frozen data: the module knows nothing about XML, HTTP or the database.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import compress
from operator import ne, or_, sub
from typing import Callable, Hashable, Iterable, Iterator, Mapping, Sequence, Union

ONE_DAY = timedelta(days=1)
ALL_WEEKDAYS = frozenset(range(7))  # date.weekday(): Monday = 0 … Sunday = 6


def _require_night(night: object) -> None:
    if type(night) is date:  # the common case, decided without the failing hasattr below (slow)
        return
    # datetime is a subclass of date; a datetime here means someone passed a timestamp, not a night.
    if not isinstance(night, date) or hasattr(night, "hour"):
        raise TypeError(f"a night must be a datetime.date, got {night!r}")


def _require_count(name: str, value: object, minimum: int) -> None:
    # bool is an int subclass and float creeps in from spreadsheets: both are bugs here.
    if type(value) is not int and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be ≥ {minimum}, got {value}")


@dataclass(frozen=True)
class AvailCell:
    """Rooms to sell for one remote room type on one night (OpenTravel InvCount CountType 2)."""

    remote_room: str
    night: date
    count: int

    def __post_init__(self) -> None:
        _require_night(self.night)
        _require_count("count", self.count, 0)

    @property
    def key(self) -> tuple[Hashable, ...]:
        return ("avail", self.remote_room)

    @property
    def value(self) -> tuple[Hashable, ...]:
        return (self.count,)

    def with_value(self, night: date, value: tuple[Hashable, ...]) -> "AvailCell":
        """The cell of this key for ``night`` carrying ``value``: the inverse of ``value``."""
        (count,) = value
        return AvailCell(self.remote_room, night, count)


@dataclass(frozen=True)
class RateCell:
    """Price of one night for a remote room × rate plan, after tax, in integer minor units (fen).

    ``guests`` is the occupancy the price is for (OpenTravel NumberOfGuests); ``None`` means the
    channel's default occupancy. It is part of the key: two occupancies are two independent prices.
    """

    remote_room: str
    remote_rate: str
    night: date
    amount_minor: int
    currency: str
    guests: int | None = None

    def __post_init__(self) -> None:
        _require_night(self.night)
        _require_count("amount_minor", self.amount_minor, 0)
        if not (len(self.currency) == 3 and self.currency.isascii() and self.currency.isupper()):
            raise ValueError(f"currency must be an ISO 4217 code like 'CNY', got {self.currency!r}")
        if self.guests is not None:
            _require_count("guests", self.guests, 1)

    @property
    def key(self) -> tuple[Hashable, ...]:
        return ("rate", self.remote_room, self.remote_rate, self.guests)

    @property
    def value(self) -> tuple[Hashable, ...]:
        return (self.amount_minor, self.currency)

    def with_value(self, night: date, value: tuple[Hashable, ...]) -> "RateCell":
        amount_minor, currency = value
        return RateCell(self.remote_room, self.remote_rate, night, amount_minor, currency, self.guests)


@dataclass(frozen=True)
class RestrictionCell:
    """Restrictions on one night for a remote room × rate plan.

    ``stop_sell`` closes the night outright, ``cta``/``ctd`` close it to arrival/departure,
    ``min_stay``/``max_stay`` are lengths of stay in nights (``max_stay=None``: no maximum).
    The cell is always sent whole, so a channel converges to exactly this state whatever it held.
    """

    remote_room: str
    remote_rate: str
    night: date
    stop_sell: bool = False
    cta: bool = False
    ctd: bool = False
    min_stay: int = 1
    max_stay: int | None = None

    def __post_init__(self) -> None:
        _require_night(self.night)
        _require_count("min_stay", self.min_stay, 1)
        if self.max_stay is not None:
            _require_count("max_stay", self.max_stay, self.min_stay)

    @property
    def key(self) -> tuple[Hashable, ...]:
        return ("restriction", self.remote_room, self.remote_rate)

    @property
    def value(self) -> tuple[Hashable, ...]:
        return (self.stop_sell, self.cta, self.ctd, self.min_stay, self.max_stay)

    def with_value(self, night: date, value: tuple[Hashable, ...]) -> "RestrictionCell":
        stop_sell, cta, ctd, min_stay, max_stay = value
        return RestrictionCell(self.remote_room, self.remote_rate, night, stop_sell, cta, ctd, min_stay, max_stay)


Cell = Union[AvailCell, RateCell, RestrictionCell]


@dataclass(frozen=True)
class Range:
    """Equal cells over inclusive nights ``[start, end]``, optionally only on some weekdays.

    ``cell`` is the first night's cell; every covered night carries its value. ``weekdays`` is
    ``None`` when every night from start to end is covered, else the ``date.weekday()`` numbers
    covered (OpenTravel's Mon … Sun flags).
    """

    cell: Cell
    start: date
    end: date
    weekdays: frozenset[int] | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"range ends ({self.end}) before it starts ({self.start})")
        if self.cell.night != self.start:
            raise ValueError("a range's cell is the cell of its first night")
        if self.weekdays is not None:
            if not self.weekdays or not self.weekdays <= ALL_WEEKDAYS:
                raise ValueError(f"weekdays must be a non-empty subset of 0..6, got {self.weekdays}")
            if self.start.weekday() not in self.weekdays:
                raise ValueError("a weekday pattern must cover its first night")

    @property
    def key(self) -> tuple[Hashable, ...]:
        return self.cell.key

    def nights(self) -> Iterator[date]:
        night = self.start
        while night <= self.end:
            if self.weekdays is None or night.weekday() in self.weekdays:
                yield night
            night += ONE_DAY

    def cells(self) -> list[Cell]:
        """The cells this range stands for: the inverse of :func:`coalesce`."""
        return [replace(self.cell, night=night) for night in self.nights()]


def coalesce(cells: Iterable[Cell], *, weekday_patterns: bool = False) -> list[Range]:
    """Merge equal cells on consecutive nights into inclusive ranges, one key at a time.

    With ``weekday_patterns`` a key whose nights alternate in a weekly rhythm (weekend prices,
    Sunday closures) may be sent as a few Mon…Sun-flagged ranges instead; the pattern form is used
    for a key only when it needs strictly fewer ranges than plain consecutive runs.

    A range never covers a night that was not among the cells: the diff may have holes (nights
    already acknowledged) and we must not overwrite what we were not asked to send.
    Two different cells for the same key and night are a caller bug and raise ``ValueError``.
    Output is ordered by key, then by start.
    """
    by_key: dict[tuple[Hashable, ...], dict[date, Cell]] = {}
    for cell in cells:
        nights = by_key.setdefault(cell.key, {})
        earlier = nights.setdefault(cell.night, cell)
        if earlier != cell:
            raise ValueError(f"two different cells for {cell.key} on {cell.night}: {earlier} and {cell}")
    series = [
        (next(iter(nights.values())), {night: cell.value for night, cell in nights.items()})
        for nights in by_key.values()
    ]
    return coalesce_series(series, weekday_patterns=weekday_patterns)


def coalesce_series(
    series: Iterable[tuple[Cell, Mapping[date, tuple[Hashable, ...]]]], *, weekday_patterns: bool = False
) -> list[Range]:
    """:func:`coalesce` for cells already grouped by key: ``(any cell of the key, {night: value})``.

    The sync engine holds desired and acknowledged state in this shape. Building a cell object only
    for the first night of each range (``Cell.with_value``), not for every night, is what keeps a
    two-year full resync of a large property fast. A key given twice is a caller bug.
    """
    ranges: list[Range] = []
    seen: set[tuple[Hashable, ...]] = set()
    for prototype, values in sorted(series, key=lambda item: repr(item[0].key)):
        if prototype.key in seen:
            raise ValueError(f"{prototype.key} is given twice")
        seen.add(prototype.key)
        if not values:
            continue
        blocks = _blocks_by_value(values)
        best = _consecutive_spans(blocks)
        if weekday_patterns and len(best) > 1:
            patterned = _weekday_spans(blocks)
            if len(patterned) < len(best):
                best = patterned
        for first, last, value, weekdays in best:
            start = date.fromordinal(first)
            ranges.append(Range(prototype.with_value(start, value), start, date.fromordinal(last), weekdays))
    return ranges


# Spans are found on date ordinals (plain ints) and become Range objects only for the form that
# wins: a two-year resync walks ~10⁵ nights per channel, where int arithmetic and plain tuples are
# several times cheaper than dates and validated dataclasses. A span is
# (first ordinal, last ordinal, value, weekdays or None); date.weekday() of ordinal n is (n + 6) % 7.
Span = tuple[int, int, tuple, "frozenset[int] | None"]
# Maximal runs of consecutive nights, per value: {value: [(first ordinal, last ordinal), …]} in
# night order. Both forms are built from these: the per-night work is done once per key by C-level
# iterators, and the Python loops run per block, of which a horizon has far fewer than nights.
Blocks = dict[tuple, list[tuple[int, int]]]

_NOT_ONE = (1).__ne__
# _WEEKDAYS[first % 7][min(length, 7) - 1]: the weekdays a block of consecutive nights covers.
_WEEKDAYS = [[frozenset((first + i + 6) % 7 for i in range(length)) for length in range(1, 8)] for first in range(7)]


def _blocks_by_value(values: Mapping[date, tuple]) -> Blocks:
    nights = sorted(values)
    nightly = list(map(values.__getitem__, nights))
    first, last = nights[0].toordinal(), nights[-1].toordinal()
    # Night i opens a block when its value differs from night i − 1's or a night lies between them.
    opens_block = map(ne, nightly[1:], nightly)
    if last - first + 1 == len(nights):  # no night missing (a full resync): no gaps to look for
        ordinals: Sequence[int] = range(first, last + 1)
    else:
        ordinals = list(map(date.toordinal, nights))
        opens_block = map(or_, opens_block, map(_NOT_ONE, map(sub, ordinals[1:], ordinals)))
    opens = list(compress(range(1, len(nights)), opens_block))
    blocks: Blocks = {}
    for opened, closed in zip([0, *opens], [*opens, len(nights)]):
        blocks.setdefault(nightly[opened], []).append((ordinals[opened], ordinals[closed - 1]))
    return blocks


def _consecutive_spans(blocks: Blocks) -> list[Span]:
    # A run of equal values on consecutive nights is exactly a block of its value.
    spans = [(first, last, value, None) for value, runs in blocks.items() for first, last in runs]
    spans.sort(key=lambda span: span[0])
    return spans


def _weekday_spans(blocks: Blocks) -> list[Span]:
    """Per value, stretch a span over every night of that value until a night on one of the
    value's weekdays is missing or carries another value — such a night would be wrongly covered."""
    spans: list[Span] = []
    for value, runs in blocks.items():
        pattern = _weekdays_of(runs)
        if len(pattern) == 7:  # every gap holds a pattern weekday: the blocks stay as they are
            spans.extend((first, last, value, None) for first, last in runs)
            continue
        joined = [runs[0]]
        for block in runs[1:]:
            if _gap_avoids(joined[-1][1], block[0], pattern):
                joined.append(block)
            else:
                spans.append(_pattern_span(value, joined))
                joined = [block]
        spans.append(_pattern_span(value, joined))
    spans.sort(key=lambda span: (span[0], span[1]))
    return spans


def _weekdays_of(runs: list[tuple[int, int]]) -> frozenset[int]:
    covered: set[int] = set()
    for first, last in runs:
        covered.update(_WEEKDAYS[first % 7][min(last - first, 6)])
        if len(covered) == 7:
            break
    return frozenset(covered)


def _gap_avoids(last: int, following: int, pattern: frozenset[int]) -> bool:
    """True if no night strictly between the ordinals ``last`` and ``following`` falls on a
    pattern weekday."""
    gap = following - last - 1
    if gap >= 7:
        return False
    return _gap_misses(last % 7, gap, pattern)  # the night after ``last`` falls on weekday last % 7


@lru_cache(maxsize=None)  # at most 7 × 6 × 127 answers; a horizon asks the same ones again and again
def _gap_misses(first_weekday: int, gap: int, pattern: frozenset[int]) -> bool:
    return not any((first_weekday + i) % 7 in pattern for i in range(gap))


def _pattern_span(value: tuple, joined: list[tuple[int, int]]) -> Span:
    first, last = joined[0][0], joined[-1][1]
    if len(joined) == 1:  # one block: every night from first to last
        return (first, last, value, None)
    return (first, last, value, _weekdays_of(joined))


def pack(
    ranges: Iterable[Range],
    max_items_per_request: int,
    *,
    items_per_range: Callable[[Range], int] = lambda r: 1,
    request_kind: Callable[[Range], Hashable] | None = None,
) -> list[list[Range]]:
    """Split ranges into the fewest requests a channel accepts.

    One request carries one message type, so ranges of different kinds never share a request. The
    kind is the cell type unless ``request_kind`` says otherwise (a Channex-style hub takes prices
    and restrictions in one request, see ``channex_messages.endpoint_of``).
    ``items_per_range`` says how many message elements a range becomes (see
    ``opentravel_messages.elements_per_range``: a restriction range is three elements). Within a
    type every range costs the same, so filling each request in order is already optimal:
    ``ceil(n / (limit // cost))`` requests.
    """
    if max_items_per_request < 1:
        raise ValueError("max_items_per_request must be ≥ 1")
    kind_of = request_kind or (lambda r: type(r.cell))
    by_type: dict[Hashable, list[Range]] = {}
    for rng in ranges:
        by_type.setdefault(kind_of(rng), []).append(rng)

    requests: list[list[Range]] = []
    for same_type in by_type.values():
        current: list[Range] = []
        used = 0
        for rng in same_type:
            cost = items_per_range(rng)
            if cost > max_items_per_request:
                raise ValueError(f"one range needs {cost} items but a request allows {max_items_per_request}")
            if used + cost > max_items_per_request:
                requests.append(current)
                current, used = [], 0
            current.append(rng)
            used += cost
        if current:
            requests.append(current)
    return requests


def minimum_requests(
    cells: Iterable[Cell],
    max_items_per_request: int,
    *,
    items_per_range: Callable[[Range], int] = lambda r: 1,
    weekday_patterns: bool = False,
    request_kind: Callable[[Range], Hashable] | None = None,
) -> int:
    """The fewest requests that can carry these cells: the benchmark's yardstick for the sync engine."""
    ranges = coalesce(cells, weekday_patterns=weekday_patterns)
    return len(pack(ranges, max_items_per_request, items_per_range=items_per_range, request_kind=request_kind))
