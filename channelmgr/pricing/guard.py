"""Fat-finger guard: spot price changes big enough to be a typo before they reach the channels.

The UI asks for confirmation when ``GuardReport.needs_confirmation``; the CLI calls
``report.require_confirmation(force)`` and refuses without ``--force``.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ..errors import UserError
from .money import HUNDRED, as_decimal, as_fen, decimal_text


class GuardReason(Enum):
    RISE = "rise"  # up by more than the allowed percent
    DROP = "drop"  # down by more than the allowed percent
    BELOW_FLOOR = "below_floor"  # under the guard price


@dataclass(frozen=True)
class SuspiciousChange:
    key: Hashable  # whatever identifies the cell for the caller, e.g. (room type, plan, night)
    old: int | None  # None: the cell had no price before
    new: int
    change_percent: Decimal | None  # signed, None when there was no old price
    reasons: tuple[GuardReason, ...]


class ConfirmationRequired(ValueError, UserError):
    """Suspicious price changes were made without confirmation (CLI: pass --force).

    ``report`` lists them, so a UI can show the biggest moves and ask before retrying with force.
    """

    def __init__(self, message: str, report: GuardReport | None = None, zh: str | None = None):
        super().__init__(message)
        self.report = report
        self.message_zh = zh


@dataclass(frozen=True)
class GuardReport:
    suspicious: tuple[SuspiciousChange, ...]

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.suspicious)

    def biggest(self, limit: int | None = None) -> list[SuspiciousChange]:
        """The suspicious changes, biggest move first (a cell new or under the floor with no
        percent to compare ranks first: it is the likeliest typo)."""
        def size(change: SuspiciousChange):
            return (change.change_percent is not None,
                    -abs(change.change_percent) if change.change_percent is not None else 0)

        ranked = sorted(self.suspicious, key=size)
        return ranked if limit is None else ranked[:limit]

    def summary(self, limit: int = 5) -> str:
        lines = []
        for change in self.biggest(limit):
            moved = "" if change.change_percent is None else f" ({decimal_text(change.change_percent)}%)"
            reasons = ", ".join(reason.value for reason in change.reasons)
            lines.append(f"{change.key}: {change.old} → {change.new}{moved} [{reasons}]")
        if len(self.suspicious) > limit:
            lines.append(f"… and {len(self.suspicious) - limit} more")
        return "\n".join(lines)

    def require_confirmation(self, force: bool) -> None:
        """Raise ConfirmationRequired when anything is suspicious and ``force`` is not given."""
        if self.suspicious and not force:
            raise ConfirmationRequired(
                f"{len(self.suspicious)} price change(s) look like typos; check them or force:\n"
                + self.summary(),
                self,
            )


@dataclass(frozen=True)
class FatFingerGuard:
    """Flags a change of more than ``max_change_percent`` either way, or a price under
    ``floor_price`` (fen). Unchanged cells are never flagged."""

    max_change_percent: Decimal = Decimal(50)
    floor_price: int | None = None

    def __post_init__(self) -> None:
        limit = as_decimal(self.max_change_percent, "max_change_percent")
        if limit <= 0:
            raise ValueError(f"max_change_percent must be above zero, got {limit}")
        object.__setattr__(self, "max_change_percent", limit)
        if self.floor_price is not None:
            as_fen(self.floor_price, "floor_price")

    def check(self, old: Mapping[Hashable, int], new: Mapping[Hashable, int]) -> GuardReport:
        """Compare the prices about to be saved (``new``) with what each cell had (``old``)."""
        suspicious = []
        for key, price in new.items():
            before = old.get(key)
            if before == price:
                continue
            reasons = []
            change = None
            if before is not None and before > 0:
                change = (Decimal(price - before) * HUNDRED / before).quantize(Decimal("0.1"))
                if abs(Decimal(price - before)) * HUNDRED > self.max_change_percent * before:
                    reasons.append(GuardReason.RISE if price > before else GuardReason.DROP)
            if self.floor_price is not None and price < self.floor_price:
                reasons.append(GuardReason.BELOW_FLOOR)
            if reasons:
                suspicious.append(SuspiciousChange(key, before, price, change, tuple(reasons)))
        return GuardReport(tuple(suspicious))
