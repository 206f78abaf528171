"""Translated words for what the sync core reports as codes: states, kinds, warnings."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QObject

from channelmgr.channels.errors import Failure, FailureKind
from channelmgr.sync import capability_notes as notes
from channelmgr.sync.capability_notes import CapabilityNote
from channelmgr.sync.content_summary import ContentSummary
from channelmgr.sync.drift_audit import DRIFT_OUTSTANDING
from channelmgr.sync.hold import ChannelHold
from channelmgr.sync.mappings import SyncWarning
from channelmgr.sync.report import SyncState


class SyncTexts(QObject):
    """One place for the sync vocabulary, so every view says the same thing in both languages."""

    def state(self, state: SyncState, pending: int = 0, content: int = 0) -> str:
        if state is SyncState.IN_SYNC:
            return self.tr("In sync")
        if state is SyncState.PENDING:
            if content and not pending:  # only listing content waits (room types, the property)
                # %1, not %n: filled in from the lead's JSON tool, which has no plural forms.
                return self.tr("Pending: %1 content part(s)").replace("%1", str(content))
            return self.tr("Pending: %n cell(s)", "", pending)
        if state is SyncState.ERROR:
            return self.tr("Error")
        return self.tr("Disabled")

    def not_checked(self) -> str:
        return self.tr("Not synced yet")

    def kind(self, kind: str) -> str:
        return {
            "avail": self.tr("Rooms to sell"),
            "rate": self.tr("Prices"),
            "restriction": self.tr("Restrictions"),
        }.get(kind, kind)

    def result(self, result: str) -> str:
        return {
            "ok": self.tr("OK"),
            "partial": self.tr("Partly refused"),
            "rejected": self.tr("Refused"),
            "retryable": self.tr("Failed, will retry"),
            "fatal": self.tr("Failed"),
            "note": self.tr("Note"),
        }.get(result, result)

    def warning(self, w: SyncWarning) -> str:
        if w.code == "room_type_unmapped":
            return self.tr("Room type %1 is not mapped: nothing of it is sent").replace("%1", w.room_type or "")
        if w.code == "rate_plan_unmapped":
            return self.tr("Rate plan %1 is not mapped: its prices and restrictions are not sent").replace(
                "%1", f"{w.room_type}/{w.rate_plan}")
        if w.code == "archived":
            return self.tr("Room type %1 is archived: its mapping is not sent").replace("%1", w.room_type or "")
        if w.code == "remote_conflict":
            return self.tr("Remote code %1 is mapped from several room types or plans: not sent").replace(
                "%1", w.detail)
        if w.code == "no_price":
            return self.tr("Rate plan %1 has no price on %n night(s): those nights are not sent", "", w.nights).replace(
                "%1", f"{w.room_type}/{w.rate_plan}")
        if w.code == "restriction_unsupported":
            return self.tr("%1 on %n night(s) of %2: the channel does not take it", "", w.nights).replace(
                "%1", self.restriction(w.detail)).replace("%2", w.room_type or "")
        if w.code == "feed_only":
            return self.tr("The channel reads our iCal feed: nothing is pushed")
        if w.code == "content_unmapped":
            return self.tr("Room type %1 is not mapped: its content is not sent").replace("%1", w.room_type or "")
        if w.code == "content_times_differ":
            return self.tr("Check-in/out times differ between room types: the channel gets %1, the times every "
                           "room type keeps").replace("%1", w.detail)
        if w.code == "stay_inverted":
            return self.tr("Maximum stay below minimum stay on %n night(s) of %1: sent as the minimum", "",
                           w.nights).replace("%1", w.room_type or "")
        if w.code == DRIFT_OUTSTANDING:
            # %1, not %n: filled in from the lead's JSON tool, which has no plural forms.
            return self.tr("Note: the last drift audit found %1 difference(s): send ours again with “Push "
                           "again” or channelmgr channel audit --push-again").replace("%1", w.detail)
        return w.text

    def with_reason(self, subject: str, reason: str) -> str:
        # Its own string: Chinese puts a full-width colon between the two, English ": ".
        return self.tr("%1: %2", "a channel or its sync state, then what about it").replace(
            "%1", subject, 1).replace("%2", reason, 1)

    def hold(self, channel: str, hold: ChannelHold) -> str:
        """The channel asked us to wait (429 Retry-After): until when nothing is sent (hold.py)."""
        return self.tr("%1 asks to wait %2 s: next push at %3").replace("%1", channel).replace(
            "%2", str(hold.asked_seconds)).replace("%3", local_time(hold.not_before, "%H:%M"))

    def capability(self, note: CapabilityNote) -> str:
        """One phrase of what a channel's capabilities skip or translate (capability_notes)."""
        # %1-style counts, not %n: these phrases are filled in by the lead's JSON tool (no plural forms).
        nights = str(note.nights)
        if note.code == notes.MIN_STAY_TRANSLATED:
            if note.nights:
                return self.tr("min stay sent as arrival-based (raised on %1 night(s) so no stay sold breaks "
                               "a later night's minimum)").replace("%1", nights)
            return self.tr("min stay sent as arrival-based")
        if note.code == notes.BEYOND_HORIZON:
            return self.tr("%1 night(s) beyond its %2-day horizon not sent").replace("%1", nights).replace(
                "%2", str(note.limit))
        if note.code == notes.RESTRICTION_UNSUPPORTED:
            return self.tr("%1 not supported, %2 night(s) skipped").replace(
                "%1", self.restriction(note.detail)).replace("%2", nights)
        if note.code == notes.OCCUPANCY_SINGLE_PRICE:
            return self.tr("one price sent for any number of guests (no occupancy prices set up)")
        if note.code == notes.PRICE_UNIT_UNSUPPORTED:
            return self.tr("prices not sent: the channel reads prices per person, ours are per room")
        return note.text()

    def content(self, summary: ContentSummary) -> str:
        """The dry run's content line (content_summary), in the desk's language."""
        if not summary.taken:
            return self.tr("Content: not taken by this channel (capability content is off), nothing sent")
        if not summary.requests_planned:
            return self.tr("Content unchanged")
        # %1-style counts, as in capability(): filled in from the lead's JSON (no plural forms).
        text = self.tr("Content: %1 room type(s), %2 amenities, %3 photo(s)").replace(
            "%1", str(summary.room_types)).replace("%2", str(summary.amenities)).replace("%3", str(summary.photos))
        if summary.property_part:
            text += self.tr(", property details")
        if summary.summaries:
            text += self.tr(", %1 summary(ies)").replace("%1", str(summary.summaries))
        if summary.areas:
            text += self.tr(", %1 floor area(s)").replace("%1", str(summary.areas))
        if summary.not_carried:
            text += self.tr("; %1 attribute(s) not carried").replace("%1", str(len(summary.not_carried)))
        if summary.local_photos:
            text += self.tr("; %1 photo(s) on this computer only, not sent").replace("%1", str(summary.local_photos))
        return text

    def capabilities_line(self, channel: str, found) -> str:
        """"<channel>: phrase; phrase" in the desk's language, or "" when nothing is left out."""
        phrases = [self.capability(note) for note in found]
        if not phrases:
            return ""
        return self.with_reason(channel, self.tr("; ").join(phrases))

    def failure(self, failure: Failure, channel: str) -> str:
        """A short sentence saying what went wrong with ``channel`` and what to do; the full
        technical text (``failure.detail``) belongs in a tooltip and the sync log."""
        sentences = {
            FailureKind.CONNECTION_REFUSED: self.tr("Cannot connect to %1: check the network or the channel address"),
            FailureKind.CONNECTION_LOST: self.tr("The connection to %1 was cut: it will be retried"),
            FailureKind.TIMEOUT: self.tr("%1 did not answer in time: it will be retried"),
            FailureKind.UNREACHABLE: self.tr("%1 cannot be reached: check the internet connection and the address"),
            FailureKind.TLS: self.tr("The secure connection to %1 failed: check the address and this computer's clock"),
            FailureKind.AUTH: self.tr("%1 refused the login: check the user name and password (or the API key)"),
            FailureKind.RATE_LIMITED: self.tr("%1 asks to slow down: it will be retried"),
            FailureKind.SERVER_ERROR: self.tr("The server of %1 had an error: it will be retried"),
            FailureKind.CHANNEL_REFUSED: self.tr("%1 refused some of the data: see the sync log"),
            FailureKind.BAD_REPLY: self.tr("The reply of %1 could not be read: nothing confirmed, it will be retried"),
            FailureKind.CONFIG: self.tr("The settings of %1 are incomplete: check the address, password and mappings"),
            FailureKind.SECRET: self.tr("The stored password of %1 cannot be opened: restore the key file or set the "
                                        "password again"),
            FailureKind.INTERNAL: self.tr("An internal error while syncing %1: see the log"),
        }
        return sentences.get(failure.kind, sentences[FailureKind.INTERNAL]).replace("%1", channel)

    def capability_key(self, key: str) -> str:
        """A capability setting's name (channel_profiles.PROFILE_KEYS) in the desk's language: the
        settings form lists the ones the owner overrode, and the raw key meant nothing to the desk."""
        return {
            "supported_restrictions": self.tr("Restrictions taken"),
            "min_stay_basis": self.tr("Minimum stay basis"),
            "max_horizon_days": self.tr("Days ahead it takes"),
            "occupancy_pricing": self.tr("Prices per number of guests"),
            "price_unit": self.tr("Price unit"),
            "content": self.tr("Listing content"),
        }.get(key, key)

    def restriction(self, name: str) -> str:
        return {
            "stop_sell": self.tr("Stop-sell"),
            "cta": self.tr("Closed to arrival"),
            "ctd": self.tr("Closed to departure"),
            "min_stay": self.tr("Minimum stay"),
            "max_stay": self.tr("Maximum stay"),
        }.get(name, name)


def local_time(utc_naive: datetime, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
    """A stored time (naive UTC, see channelmgr.db.base.utcnow) in this desk's local time."""
    return utc_naive.replace(tzinfo=timezone.utc).astimezone().strftime(fmt)
