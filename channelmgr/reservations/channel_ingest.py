"""Channel bookings into the ledger: idempotent by (channel, remote id, revision), never dropped.

The flow (ARCHITECTURE.md, "Reservations flow the other way"): the adapter pulls and parses; this
module stores each booking and says which remote ids may be acknowledged — only those whose
transaction committed. The caller sends OTA_NotifReportRQ for exactly those, so a crash between
the pull and the commit means the channel delivers the booking again, and the revision history
turns the second delivery into "unchanged".

Per booking the outcome is one of:
* stored — a new booking, a modification or a cancellation was applied;
* unchanged — the same revision again, or a revision older than one already applied (kept in the
  history, changes nothing);
* overbooked — stored, but a night of the stay had no room left: the booking is kept and flagged
  (Reservation.overbooked), never dropped, and shows on the overbooking board;
* needs attention — unmapped codes, impossible dates, bad money, or different content under a
  revision already stored: the raw booking goes to the needs-attention list and is not
  acknowledged;
* failed — the database refused the batch twice (e.g. a lost connection): not acknowledged, so it
  comes again.

Speed: bookings are applied in batches of CHUNK_SIZE per transaction. Each batch locks the
property's room types once (selling_lock), reads availability and the rooms' nights once, and
then works in memory, so ten thousand bookings take a few seconds, not a query per booking. New
bookings are plain records written in one INSERT at the end of the batch (new_rows.py), not ORM
objects flushed one by one. A batch is short enough that a desk selling a room by
hand waits well under its busy timeout.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from functools import cached_property
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.base import utcnow
from ..db.engine import Database
from ..db.models import AuditEntry, Channel, NeedsAttention, Property, Reservation, ReservationRevision, ReservationStatus
from ..errors import NotFound
from ..inventory.availability import HOLDING_STATUSES
from ..inventory.batch_sql import gc_paused, insert_columns
from ..security.audit import record
from .attention import STORED_PREFIX, booking_concerns
from .channel_booking import ChannelBooking, CodeMap, StayLine, Unusable, read_channel_booking
from .history import audit_view
from .occupancy import NightCounts
from .new_rows import NewReservation, insert_rows
from .overbooking_flags import clear_resolved_overbookings
from .revisions import fingerprint, is_older, json_safe, revision_of
from .room_plan import RoomPlan
from .selling_lock import hold_property_room_types

CHUNK_SIZE = 1000
# A booking of the ledger: loaded (ORM), or created in this batch (a plain record, new_rows.py).
Booked = Reservation | NewReservation
MAX_SOURCE_TEXT = 200_000  # the raw message kept beside a needs-attention booking


class IngestOutcome(str, Enum):
    STORED = "stored"
    UNCHANGED = "unchanged"
    OVERBOOKED = "overbooked"
    NEEDS_ATTENTION = "needs_attention"
    FAILED = "failed"


ACKNOWLEDGED_OUTCOMES = (IngestOutcome.STORED, IngestOutcome.UNCHANGED, IngestOutcome.OVERBOOKED)


@dataclass(frozen=True)
class BookingResult:
    remote_id: str | None
    revision: str | None
    outcome: IngestOutcome
    reservation_ids: tuple[int, ...] = ()
    message: str = ""


@dataclass(frozen=True)
class IngestReport:
    results: tuple[BookingResult, ...]

    @property
    def to_acknowledge(self) -> list[str]:
        """Remote ids committed locally, each once. An id with any revision not stored in this
        pull is held back: acknowledging it would tell the channel to stop sending that revision."""
        held_back = {r.remote_id for r in self.results if r.outcome not in ACKNOWLEDGED_OUTCOMES}
        return list(dict.fromkeys(
            r.remote_id for r in self.results
            if r.remote_id and r.outcome in ACKNOWLEDGED_OUTCOMES and r.remote_id not in held_back
        ))

    def count(self, outcome: IngestOutcome) -> int:
        return sum(1 for r in self.results if r.outcome is outcome)


def line_remote_id(booking_id: str, line: int) -> str:
    """The unique remote id of the n-th room (from 0) of a channel booking."""
    return booking_id if line == 0 else f"{booking_id}#{line + 1}"[:64]


def ingest_channel_bookings(
    db: Database,
    channel_id: int,
    bookings: Sequence[dict],
    actor: Actor,
    today: date,
    *,
    source_text: str = "",
    chunk_size: int = CHUNK_SIZE,
) -> IngestReport:
    """Store parsed channel bookings (``parse_res_retrieve`` dicts); see the module docstring."""
    results: list[BookingResult] = []
    for start in range(0, len(bookings), chunk_size):
        chunk = bookings[start:start + chunk_size]
        for attempt in (1, 2):  # once more on a lost connection, deadlock or concurrent duplicate
            try:
                # The cycle collector held for the batch, as for an iCal feed (feed_import.py).
                with gc_paused(), db.session() as s:
                    batch = _Batch(s, channel_id, actor, today, source_text)
                    results.extend(batch.run(chunk))
                break
            except DBAPIError as exc:
                if attempt == 2:
                    reason = str(exc.orig or exc).strip().splitlines()[0]
                    results.extend(
                        BookingResult(raw.get("remote_id"), None, IngestOutcome.FAILED, message=f"not stored: {reason}")
                        for raw in chunk
                    )
    return IngestReport(tuple(results))


@dataclass
class _Pending:
    """A result whose reservation ids are known only after the batch is flushed."""

    remote_id: str | None
    revision: str | None
    outcome: IngestOutcome
    reservations: list[Booked] = field(default_factory=list)
    message: str = ""


class _Batch:
    def __init__(self, s: Session, channel_id: int, actor: Actor, today: date, source_text: str, *,
                 carries_guest_details: bool = True):
        channel = s.get(Channel, channel_id)
        if channel is None:
            raise NotFound(f"No channel with id {channel_id}")
        self.s = s
        self.channel = channel
        self.actor = actor.because(actor.cause or f"booking from {channel.name}")
        self.today = today
        self.now = utcnow()  # one moment for the batch's rows: it is one transaction
        self.source_text = source_text[:MAX_SOURCE_TEXT]
        # False for a calendar feed: it never carries a guest's name or a price, so "¥0, no
        # name" says nothing about one of its bookings, and flagging each would bury the entries
        # that do need a person.
        self.carries_guest_details = carries_guest_details
        self._audits: list[tuple[str, Booked, dict | None]] = []
        self._revisions: list[tuple[dict, Booked | None]] = []
        self._new: list[NewReservation] = []  # created in this batch: written at its end (new_rows.py)
        self._released: dict[int, tuple[date, date]] = {}  # room type → window where nights were freed

    # --- the batch --------------------------------------------------------------------------
    def run(self, raws: Sequence[dict], *, new_channel: bool = False) -> list[BookingResult]:
        """``new_channel``: the channel was created in this very transaction (an iCal feed's first
        import), so no booking, revision or needs-attention entry of it can exist to look up."""
        s, channel = self.s, self.channel
        hold_property_room_types(s, channel.property_id)  # first statement: see selling_lock.py
        currency = s.scalar(select(Property.currency).where(Property.id == channel.property_id)) or "CNY"
        codes = CodeMap.load(s, channel.id)
        read: list[tuple[dict, ChannelBooking | str]] = []
        for raw in raws:
            try:
                read.append((raw, read_channel_booking(raw, codes, currency)))
            except Unusable as exc:
                read.append((raw, str(exc)))
        remote_ids = {raw.get("remote_id") for raw in raws if raw.get("remote_id")}
        self._load_state(remote_ids, [b for _raw, b in read if isinstance(b, ChannelBooking)], read, new_channel)

        pending = [
            self._apply(raw, booking) if isinstance(booking, ChannelBooking) else self._attention(raw, booking)
            for raw, booking in read
        ]
        s.flush()
        insert_rows(s, channel.id, self._new)  # reservation ids exist from here on
        self._write_history()
        self._clear_resolved_overbookings()
        return [
            BookingResult(p.remote_id, p.revision, p.outcome, tuple(r.id for r in p.reservations), p.message)
            for p in pending
        ]

    def _load_state(self, remote_ids: set[str], bookings: list[ChannelBooking], read, new_channel: bool) -> None:
        self.lines: dict[str, list[Booked]] = defaultdict(list)
        self.revisions: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)  # id → revision → (hash, change)
        self.attention_open: dict[str, NeedsAttention] = {}
        self.attention_by_id: dict[str, list[NeedsAttention]] = defaultdict(list)
        if not new_channel:  # a channel created in this transaction has none of them: nothing to ask
            self._load_known(remote_ids, read)

        # One window covering every night this batch may book or release, and the room types it
        # may touch: the counts and rooms are loaded for those alone (an iCal feed's batch is one
        # room type of a property that may have fifty).
        first, last = self.today, self.today + timedelta(days=1)
        types: set[int] = set()
        for booking in bookings:
            for line in booking.lines:
                first, last = min(first, line.arrival), max(last, line.departure)
                types.add(line.room_type_id)
        for lines in self.lines.values():
            for r in lines:
                first, last = min(first, r.arrival), max(last, r.departure)
                types.add(r.room_type_id)
        self._window = (first, last)
        self._room_types = sorted(types)

    def _load_known(self, remote_ids: set[str], read) -> None:
        """The channel's bookings, revisions and open needs-attention entries this batch may meet."""
        s, channel = self.s, self.channel
        if remote_ids:
            for r in s.scalars(
                select(Reservation).where(
                    Reservation.channel_id == channel.id, Reservation.remote_booking_id.in_(remote_ids)
                )
            ):
                self.lines[r.remote_booking_id].append(r)
            for lines in self.lines.values():
                lines.sort(key=_line_number)
            for remote_id, revision, content_hash, change in s.execute(
                select(ReservationRevision.remote_id, ReservationRevision.revision, ReservationRevision.content_hash,
                       ReservationRevision.change).where(
                    ReservationRevision.channel_id == channel.id, ReservationRevision.remote_id.in_(remote_ids)
                )
            ):
                self.revisions[remote_id][revision] = (content_hash, change)
        hashes = [b.content_hash if isinstance(b, ChannelBooking) else fingerprint(raw) for raw, b in read]
        for row in s.scalars(
            select(NeedsAttention).where(
                NeedsAttention.channel_id == channel.id,
                NeedsAttention.status == "open",
                (NeedsAttention.content_hash.in_(hashes)) | (NeedsAttention.remote_id.in_(remote_ids)),
            )
        ):
            self.attention_open[row.content_hash] = row
            if row.remote_id:
                self.attention_by_id[row.remote_id].append(row)

    # Loaded on first use: a batch of redeliveries (all unchanged) never needs them. Without
    # autoflush: they must show the database as it was, since every change this batch makes is
    # added to them in memory (a booking being modified would otherwise be counted twice).
    @cached_property
    def nights(self) -> NightCounts:
        with self.s.no_autoflush:
            return NightCounts.load(self.s, self.channel.property_id, *self._window, self._room_types)

    @cached_property
    def rooms(self) -> RoomPlan:
        with self.s.no_autoflush:
            return RoomPlan.load(self.s, self.channel.property_id, *self._window, self.today, self._room_types)

    # --- one booking ----------------------------------------------------------------------
    def _apply(self, raw: dict, booking: ChannelBooking) -> _Pending:
        known = self.revisions[booking.remote_id]
        seen = known.get(booking.revision)
        if seen is not None:
            if seen[0] == booking.content_hash:
                return _Pending(booking.remote_id, booking.revision, IngestOutcome.UNCHANGED,
                                list(self.lines.get(booking.remote_id, ())), "already stored")
            return self._attention(
                raw, f"revision {booking.revision} was already stored with different content", booking.content_hash
            )
        newer = [rev for rev, (_h, change) in known.items() if change != "stale" and is_older(booking.revision, rev)]
        if newer:
            self._add_revision(booking, "stale", "")
            return _Pending(booking.remote_id, booking.revision, IngestOutcome.UNCHANGED,
                            list(self.lines.get(booking.remote_id, ())),
                            f"older than revision {max(newer)}; kept in the history only")
        lines = self.lines[booking.remote_id]
        if booking.cancelled:
            for r in lines:
                self._cancel(r, booking.revision)
            change, overbooked = ("cancelled" if lines else "cancelled_unknown"), False
        else:
            overbooked = False
            for number, line in enumerate(booking.lines):
                if number < len(lines):
                    overbooked |= self._modify(lines[number], line, booking)
                else:
                    lines.append(self._create(number, line, booking))
                    overbooked |= lines[-1].overbooked
            for extra in lines[len(booking.lines):]:  # the channel dropped rooms from the booking
                self._cancel(extra, booking.revision)
            change = "modified" if known else "created"
        self._add_revision(booking, change, "cancelled" if booking.cancelled else "confirmed")
        self._resolve_attention(booking)
        concerns = booking_concerns(booking) if self.carries_guest_details else []
        if concerns:
            # Stored and acknowledged like any booking; the entry only asks a person to look.
            self._attention(raw, STORED_PREFIX + "; ".join(concerns), "stored:" + booking.content_hash[:57])
        outcome = IngestOutcome.OVERBOOKED if overbooked else IngestOutcome.STORED
        message = "a night of the stay was already full: stored and flagged" if overbooked else change
        return _Pending(booking.remote_id, booking.revision, outcome, list(lines), message)

    def _create(self, number: int, line: StayLine, booking: ChannelBooking) -> NewReservation:
        r = NewReservation(
            property_id=self.channel.property_id,
            channel_id=self.channel.id,
            source="channel",
            remote_id=line_remote_id(booking.remote_id, number),
            remote_booking_id=booking.remote_id,
            status=ReservationStatus.CONFIRMED,
            room_id=None,
            created_at=self.now,
            updated_at=self.now,
        )
        self._fill(r, line, booking)
        r.overbooked = self._hold(r)
        self._new.append(r)
        self._audits.append(("create", r, None))
        return r

    def _modify(self, r: Booked, line: StayLine, booking: ChannelBooking) -> bool:
        before = audit_view(r)
        self._release(r)
        self._fill(r, line, booking)
        if r.status not in HOLDING_STATUSES and r.status is not ReservationStatus.CHECKED_OUT:
            r.status = ReservationStatus.CONFIRMED  # booked again after a cancellation (or a no-show)
        r.overbooked = self._hold(r) if r.status in HOLDING_STATUSES else False
        self._audits.append(("modify", r, before))
        return r.overbooked

    def _cancel(self, r: Booked, revision: str) -> None:
        if r.status is ReservationStatus.CANCELLED:
            return
        before = audit_view(r)
        self._release(r)
        r.status = ReservationStatus.CANCELLED
        r.overbooked = False
        r.revision = revision
        self._audits.append(("cancel", r, before))

    @staticmethod
    def _fill(r: Booked, line: StayLine, booking: ChannelBooking) -> None:
        if r.room_type_id != line.room_type_id:
            r.room_id = None  # the channel changed the room type: the old room is not of it
        r.room_type_id = line.room_type_id
        r.rate_plan_id = line.rate_plan_id
        r.arrival, r.departure = line.arrival, line.departure
        r.adults, r.children = line.adults, line.children
        r.amount_minor, r.currency = line.amount_minor, line.currency
        r.commission_minor = line.commission_minor
        r.guest_name, r.guest_phone, r.notes = booking.guest_name, booking.guest_phone, booking.notes
        r.revision = booking.revision

    # --- nights and rooms -------------------------------------------------------------------
    def _hold(self, r: Booked) -> bool:
        """Take the booking's nights (and a room); True when a night had no room left for it."""
        full = self.nights.full_nights(r.room_type_id, r.arrival, r.departure)
        self.nights.take(r.room_type_id, r.arrival, r.departure)
        # Keep the guest's room when it is still free for the (new) stay; a checked-in guest keeps
        # it whatever happens, they are in it.
        if r.room_id is not None and (
            r.status is ReservationStatus.CHECKED_IN or self.rooms.is_free(r.room_id, r.arrival, r.departure)
        ):
            self.rooms.take(r.room_id, r.arrival, r.departure)
        else:
            room = self.rooms.first_free(r.room_type_id, r.arrival, r.departure)
            r.room_id = room.id if room else None
            if room:
                self.rooms.take(room.id, r.arrival, r.departure)
        return bool(full)

    def _release(self, r: Booked) -> None:
        if r.status not in HOLDING_STATUSES:
            return
        self.nights.release(r.room_type_id, r.arrival, r.departure)
        if r.room_id is not None:
            self.rooms.release(r.room_id, r.arrival, r.departure)
        first, last = self._released.get(r.room_type_id, (r.arrival, r.departure))
        self._released[r.room_type_id] = (min(first, r.arrival), max(last, r.departure))

    def _clear_resolved_overbookings(self) -> None:
        for type_id, (first, last) in self._released.items():
            clear_resolved_overbookings(self.s, self.actor, type_id, first, last)

    # --- history and the needs-attention list -----------------------------------------------
    def _add_revision(self, booking: ChannelBooking, change: str, status: str) -> None:
        lines = self.lines.get(booking.remote_id) or [None]
        row = {
            "property_id": self.channel.property_id,
            "channel_id": self.channel.id,
            "remote_id": booking.remote_id,
            "revision": booking.revision,
            "received_at": self.now,
            "change": change,
            "status": status,
            "actor": self.actor.user,
            "content_hash": booking.content_hash,
            "payload": booking.payload,
        }
        self._revisions.append((row, lines[0]))
        self.revisions[booking.remote_id][booking.revision] = (booking.content_hash, change)

    def _write_history(self) -> None:
        """Revision and audit rows of the whole batch, each table in one executemany.

        Written as plain rows rather than ORM objects: they are never read back in this
        transaction, and for ten thousand bookings this halves the time of an ingest. Given column
        by column (batch_sql.insert_columns): a batch's rows share their moment, actor and
        channel, converted for the driver once instead of once a row. The audit
        rows carry what security.audit.record writes (who, why, what, before → after).
        """
        conn = self.s.connection()
        if self._revisions:
            rows = [row for row, _booking in self._revisions]
            columns = {key: [row[key] for row in rows] for key in rows[0]}
            columns["reservation_id"] = [b.id if b is not None else None for _row, b in self._revisions]
            insert_columns(conn, ReservationRevision.__table__, columns)
        if self._audits:
            count = len(self._audits)
            insert_columns(conn, AuditEntry.__table__, {
                "at": [utcnow()] * count, "actor": [self.actor.user] * count, "cause": [self.actor.cause] * count,
                "action": [action for action, _b, _before in self._audits], "entity": ["reservation"] * count,
                "entity_id": [str(booking.id) for _a, booking, _before in self._audits],
                "before": [before for _a, _b, before in self._audits],
                "after": [audit_view(booking) for _a, booking, _before in self._audits],
            })

    def _attention(self, raw: dict, problem: str, content_hash: str | None = None) -> _Pending:
        content_hash = content_hash or fingerprint(raw)
        remote_id = raw.get("remote_id")
        revision = revision_of(raw)
        if content_hash not in self.attention_open:  # the same booking delivered again: one entry
            row = NeedsAttention(
                property_id=self.channel.property_id,
                channel_id=self.channel.id,
                remote_id=remote_id,
                revision=revision,
                problem=problem,
                raw=json_safe(raw),
                raw_text=self.source_text,
                content_hash=content_hash,
                status="open",
                received_at=utcnow(),
            )
            self.s.add(row)
            self.attention_open[content_hash] = row
            record(self.s, self.actor, "needs_attention", "channel_booking", f"{self.channel.name}:{remote_id}",
                   None, {"problem": problem, "revision": revision})
        return _Pending(remote_id, revision, IngestOutcome.NEEDS_ATTENTION, message=problem)

    def _resolve_attention(self, booking: ChannelBooking) -> None:
        """Stored at last (e.g. once its room code was mapped): earlier entries are done."""
        for row in self.attention_by_id.pop(booking.remote_id, ()):
            if row.status == "open" and not is_older(booking.revision, row.revision or ""):
                row.status, row.resolved_at = "resolved", utcnow()
                row.resolved_by = f"{self.actor.user}: stored revision {booking.revision}"[:50]


def _line_number(r: Reservation) -> int:
    """1 for the room that carries the channel's own id, n for "id#n" (see line_remote_id)."""
    if r.remote_id == r.remote_booking_id:
        return 1
    _base, _sep, number = (r.remote_id or "").rpartition("#")
    return int(number) if number.isdigit() else 1

