"""What one sync pass (or dry run) of one channel found and did: plain data for the UI and CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from enum import Enum

from ..channels.errors import Failure
from .capability_notes import CapabilityNote, notes_line
from .content_summary import ContentSummary
from .difference import ChangeGroup
from .hold import ChannelHold
from .mappings import SyncWarning


class SyncState(str, Enum):
    IN_SYNC = "in_sync"    # the channel shows the desired state
    PENDING = "pending"    # cells still to send (dry run, or a pass that was interrupted)
    ERROR = "error"        # the last pass failed or the channel refused cells
    DISABLED = "disabled"


@dataclass(frozen=True)
class PassReport:
    channel_id: int
    channel: str
    dry_run: bool
    full: bool
    started_at: datetime
    finished_at: datetime
    enabled: bool = True
    horizon_start: date | None = None
    horizon_end: date | None = None  # exclusive
    warnings: tuple[SyncWarning, ...] = ()
    groups: tuple[ChangeGroup, ...] = ()
    cells: int = 0              # cells in the difference (sent, or to send in a dry run)
    held_back: int = 0          # refused earlier with the same value: not resent automatically
    ranges: int = 0
    requests_planned: int = 0
    requests_sent: int = 0
    cells_acknowledged: int = 0
    cells_refused: int = 0
    errors: tuple[str, ...] = ()  # the full technical text of each failure (log, tooltip, --json)
    retry_later: bool = False   # stopped on a failure that may pass: try again soon
    retry_after: float | None = None  # seconds the channel asked us to wait (its Retry-After), if it said
    failures: tuple[Failure, ...] = ()  # the same failures with their kind, for the reader's sentence
    capabilities: tuple[CapabilityNote, ...] = ()  # what the channel's capabilities skip or translate
    content: ContentSummary | None = None  # the listing-content part; None for a channel that is not pushed
    # The channel asked us to wait (429 Retry-After) until ``held.not_before``: this pass sent nothing
    # (or, on the pass that met the 429, nothing more); its counts are what waits.
    held: ChannelHold | None = None

    def with_failures(self, failures) -> "PassReport":
        """The report with these failures (each once, in order) and their full texts as ``errors``."""
        unique = tuple(dict.fromkeys(failures))
        return replace(self, failures=unique, errors=tuple(dict.fromkeys(f.detail for f in unique)))

    @property
    def pending_content(self) -> int:
        """Content parts (room types, the property) still to send."""
        return self.content.pending if self.content is not None else 0

    @property
    def nothing_pending(self) -> bool:
        return self.pending_cells == 0 and self.pending_content == 0

    @property
    def pending_cells(self) -> int:
        return max(0, self.cells + self.held_back - self.cells_acknowledged)

    @property
    def in_sync(self) -> bool:
        return self.enabled and self.nothing_pending and not self.errors

    @property
    def state(self) -> SyncState:
        if not self.enabled:
            return SyncState.DISABLED
        if self.in_sync:
            return SyncState.IN_SYNC
        if self.errors:
            return SyncState.ERROR
        return SyncState.PENDING

    def capabilities_line(self, language: str = "en") -> str:
        """"<channel>: min stay sent as arrival-based; CTD not supported, 12 nights skipped", or ""."""
        return notes_line(self.channel, self.capabilities, language)

    def hold_line(self, language: str = "en") -> str:
        """"Booking.com asks to wait 600 s: next push at 12:40", or "" when the channel takes us."""
        return self.held.text(self.channel, language) if self.held is not None else ""

    def content_line(self, language: str = "en") -> str:
        """"content: 5 room type(s), 38 amenities, 12 photo(s); …", "content unchanged", or ""."""
        return self.content.text(language) if self.content is not None else ""

    def to_json(self) -> dict:
        data = asdict(self)
        data.update(state=self.state.value, in_sync=self.in_sync, pending_cells=self.pending_cells,
                    capabilities_line=self.capabilities_line(), pending_content=self.pending_content,
                    content_line=self.content_line(), hold_line=self.hold_line())
        return data
