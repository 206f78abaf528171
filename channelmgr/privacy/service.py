"""Guest personal data kept only as long as the property wants: purge after check-out, audited.

The property sets how many days after check-out a booking keeps its guest's name, phone and notes
(``purge_after_days``). **Default: off.** The data-security policy this program follows
(seeds/004, 數據安全與保密) asks that guest data be encrypted where sensitive, reachable only by
the roles that need it and never leaked — it sets no retention period, and the same policy wants
order records complete and accurate. Deleting guests' details on a schedule nobody chose would be
the program deciding for the owner; so nothing is purged until an administrator sets a period
(the Settings page suggests 365 days).

Purged means: the guest's name, phone and notes replaced by ``PURGED``; the same personal keys in
the booking's revisions (the channel's message), in its audit entries and in resolved
needs-attention rows of that booking replaced too. Dates, nights, amounts, commission, channel and
status stay, so occupancy, ADR and revenue reports give the same figures after a purge. The purge
itself is audited with counts only, never the data.

Who: purging and exporting phone numbers unmasked are the administrator's (Permission.SETTINGS);
the daily automatic purge runs as the program (SYSTEM) on the period the administrator chose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.engine import Database
from ..db.models import AuditEntry, NeedsAttention, Reservation, ReservationRevision, Setting
from ..errors import UserError
from ..inventory.nights import Clock, property_today, utc_now
from ..security.audit import record
from ..security.roles import Permission, requires

PURGED = "[purged]"
MAX_DAYS = 36500
SUGGESTED_DAYS = 365
# keys that hold a person's data in a booking's revisions, its audit view and a channel's raw booking
PERSONAL_KEYS = frozenset({"guest", "guest_name", "guest_phone", "phone", "email", "given_name", "surname",
                           "name", "notes", "comments", "address", "customer", "raw_text"})


@dataclass(frozen=True)
class PrivacySettings:
    purge_after_days: int | None = None  # None: never purged automatically
    last_auto_purge: date | None = None


@dataclass(frozen=True)
class PurgeReport:
    cutoff: date  # bookings that checked out before this day
    reservations: int
    revisions: int
    audit_entries: int
    attention: int
    dry_run: bool


def _key(property_id: int) -> str:
    return f"privacy.{property_id}"


def check_days(days: object) -> int:
    try:
        value = int(days)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise UserError(f"Days after check-out: {days!r} is not a whole number",
                        zh=f"离店后天数：{days!r} 不是整数") from None
    if not 1 <= value <= MAX_DAYS:
        raise UserError(f"Days after check-out must be between 1 and {MAX_DAYS} (got {value})",
                        zh=f"离店后天数须在 1 到 {MAX_DAYS} 之间（填写的是 {value}）")
    return value


def scrub(value: object) -> object:
    """The personal keys of JSON-like ``value`` replaced by the marker, everything else kept."""
    if isinstance(value, dict):
        return {k: (PURGED if k in PERSONAL_KEYS and v not in (None, "", PURGED) else scrub(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


class PrivacyService:
    def __init__(self, db: Database, clock: Clock = utc_now):
        self.db = db
        self.clock = clock

    # --- the period ---------------------------------------------------------------------------

    def settings(self, property_id: int) -> PrivacySettings:
        with self.db.session() as s:
            return _read(s, property_id)

    @requires(Permission.SETTINGS)
    def set_purge_after(self, actor: Actor, property_id: int, days: int | None) -> PrivacySettings:
        """``days`` after check-out, or None to keep guest data until purged by hand."""
        days = None if days is None else check_days(days)
        with self.db.session() as s:
            before = _read(s, property_id)
            after = PrivacySettings(days, before.last_auto_purge)
            _write(s, property_id, after)
            if before.purge_after_days != days:
                record(s, actor, "update", "privacy", property_id, {"purge_after_days": before.purge_after_days},
                       {"purge_after_days": days})
            return after

    # --- purging ------------------------------------------------------------------------------

    def preview(self, property_id: int, older_than_days: int | None = None) -> PurgeReport:
        """What a purge would change now (a dry run needs no permission: it changes nothing)."""
        with self.db.session() as s:
            return self._purge(s, property_id, older_than_days, dry_run=True)

    @requires(Permission.SETTINGS)
    def purge(self, actor: Actor, property_id: int, older_than_days: int | None = None,
              dry_run: bool = False) -> PurgeReport:
        """Purge the guest data of bookings that checked out more than ``older_than_days`` ago
        (default: the property's period; refused when neither is set)."""
        with self.db.session() as s:
            report = self._purge(s, property_id, older_than_days, dry_run=dry_run)
            if not dry_run and report.reservations:
                record(s, actor, "purge", "privacy", property_id, None, _counts(report))
            return report

    @requires(Permission.SETTINGS)
    def purge_if_due(self, actor: Actor, property_id: int) -> PurgeReport | None:
        """The daily automatic purge: once a property day, only when a period is set."""
        with self.db.session() as s:
            current = _read(s, property_id)
            today = property_today(s, property_id, self.clock)
            if current.purge_after_days is None or current.last_auto_purge == today:
                return None
            report = self._purge(s, property_id, current.purge_after_days, dry_run=False)
            _write(s, property_id, PrivacySettings(current.purge_after_days, today))
            if report.reservations:
                record(s, actor.because("daily privacy purge"), "purge", "privacy", property_id, None, _counts(report))
            return report

    # --- exports in clear ---------------------------------------------------------------------

    @requires(Permission.SETTINGS)
    def allow_unmasked(self, actor: Actor, export: str, target: str) -> None:
        """Record that ``actor`` exports ``export`` with phone numbers in clear (to ``target``)."""
        with self.db.session() as s:
            record(s, actor, "unmasked_export", "privacy", export, None, {"export": export, "file": str(target)})

    # ------------------------------------------------------------------------------------------

    def _purge(self, s: Session, property_id: int, older_than_days: int | None, *, dry_run: bool) -> PurgeReport:
        if older_than_days is None:
            older_than_days = _read(s, property_id).purge_after_days
            if older_than_days is None:
                raise UserError("No purge period is set for this property: give --older-than DAYS, or set "
                                "the period in Settings › Privacy",
                                zh="此物业未设置清除期限：请用 --older-than 天数，或在 设置 › 隐私 中设置期限")
        cutoff = property_today(s, property_id, self.clock) - timedelta(days=check_days(older_than_days))
        bookings = s.execute(
            select(Reservation.id, Reservation.channel_id, Reservation.remote_booking_id)
            .where(Reservation.property_id == property_id, Reservation.departure <= cutoff,
                   Reservation.guest_name != PURGED)
        ).all()
        ids = [b.id for b in bookings]
        remote = {(b.channel_id, b.remote_booking_id) for b in bookings if b.channel_id and b.remote_booking_id}
        revisions = _rows(s, ReservationRevision, ReservationRevision.reservation_id, ids, remote)
        audits = [a for chunk in _chunks([str(i) for i in ids]) for a in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "reservation", AuditEntry.entity_id.in_(chunk)))]
        attention = [a for a in _rows(s, NeedsAttention, None, [], remote) if a.status == "resolved"]
        if not dry_run:
            for chunk in _chunks(ids):
                s.execute(update(Reservation).where(Reservation.id.in_(chunk)).values(
                    guest_name=PURGED, guest_phone=PURGED, notes=PURGED))
            for r in revisions:
                r.payload = scrub(r.payload)
            for a in audits:
                a.before, a.after = scrub(a.before), scrub(a.after)
            for n in attention:
                n.raw, n.raw_text = scrub(n.raw), PURGED
        return PurgeReport(cutoff, len(ids), len(revisions), len(audits), len(attention), dry_run)


def _rows(s: Session, model, by_reservation, ids: list[int], remote: set[tuple[int, str]]) -> list:
    """Rows of ``model`` belonging to the bookings: by reservation id, or by (channel, remote id)."""
    found: dict[int, object] = {}
    if by_reservation is not None:
        for chunk in _chunks(ids):
            found.update((r.id, r) for r in s.scalars(select(model).where(by_reservation.in_(chunk))))
    pairs = sorted(remote)
    for chunk in _chunks(pairs):
        condition = or_(*((model.channel_id == c) & (model.remote_id == rid) for c, rid in chunk))
        found.update((r.id, r) for r in s.scalars(select(model).where(condition)))
    return list(found.values())


def _counts(report: PurgeReport) -> dict:
    """What the audit keeps of a purge: the counts, never the data."""
    return {"checked_out_before": report.cutoff.isoformat(), "reservations": report.reservations,
            "revisions": report.revisions, "audit_entries": report.audit_entries, "needs_attention": report.attention}


def _chunks(items: list, size: int = 400):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _read(s: Session, property_id: int) -> PrivacySettings:
    row = s.get(Setting, _key(property_id))
    value = dict(row.value or {}) if row is not None else {}
    last = value.get("last_auto_purge")
    return PrivacySettings(value.get("purge_after_days"), date.fromisoformat(last) if last else None)


def _write(s: Session, property_id: int, settings: PrivacySettings) -> None:
    value = {"purge_after_days": settings.purge_after_days,
             "last_auto_purge": settings.last_auto_purge.isoformat() if settings.last_auto_purge else None}
    row = s.get(Setting, _key(property_id))
    if row is None:
        s.add(Setting(key=_key(property_id), value=value))
    else:
        row.value = value
