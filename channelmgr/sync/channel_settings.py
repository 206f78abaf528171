"""A channel's capabilities, limits and selling rules, kept in ``Channel.settings`` (JSON).

One frozen dataclass reads, validates and writes them, so the CLI (``channel set NAME --set
key=value``), the services and the sync engine agree on names, types and defaults. Keys this
version does not know are kept when the settings are saved (a newer desk may have written them),
but a *typed* unknown key is refused: a typo must not silently do nothing.

Price keys (``markup_percent``, ``fixed_adjust_minor``, ``rounding``, ``min_price_minor``,
``max_price_minor``) are the pricing engine's contract (channelmgr.pricing.channel_settings): it
validates them and turns them into a ``ChannelOutput``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Mapping

from ..errors import UserError
from ..pricing.channel_settings import ROUNDING_BY_SETTING, ChannelSettingsInvalid, channel_output_from_settings

RESTRICTIONS = ("stop_sell", "cta", "ctd", "min_stay", "max_stay")
ROUNDINGS = tuple(ROUNDING_BY_SETTING)  # none · up to whole yuan · up to …8 · up to …9
MAX_HORIZON_DAYS = 1100  # three years: no OTA sells further out

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


@dataclass(frozen=True)
class ChannelSettings:
    horizon_days: int = 365             # nights from today (today included) the channel is sent
    max_items_per_request: int = 100    # message elements per request (a restriction range costs 3)
    requests_per_minute: int = 120      # the channel's published rate limit
    timeout_seconds: float = 30.0       # read timeout of one request
    weekday_patterns: bool = True       # the channel reads Mon…Sun day flags (fewer ranges)
    supported_restrictions: frozenset[str] = frozenset(RESTRICTIONS)
    occupancy_pricing: bool = False     # the channel takes one price per number of guests
    markup_percent: Decimal = Decimal(0)  # commission cover, e.g. 15 for +15 %
    fixed_adjust_minor: int = 0         # added after the percentage, in fen (may be negative)
    rounding: str = "none"
    min_price_minor: int | None = None  # price guards, applied after rounding
    max_price_minor: int | None = None
    buffer_rooms: int = 0               # rooms held back from this channel every night
    stop_sell: bool = False             # close everything on this channel (0 rooms, Master closed)

    def __post_init__(self) -> None:
        object.__setattr__(self, "supported_restrictions", frozenset(self.supported_restrictions))
        object.__setattr__(self, "markup_percent", Decimal(self.markup_percent))
        problems = list(self._problems())
        if problems:
            raise UserError("Invalid channel settings: " + "; ".join(problems))

    def _problems(self):
        if not 1 <= self.horizon_days <= MAX_HORIZON_DAYS:
            yield f"horizon_days must be 1…{MAX_HORIZON_DAYS}, got {self.horizon_days}"
        if self.max_items_per_request < 3:  # one restriction range is three message elements
            yield f"max_items_per_request must be at least 3, got {self.max_items_per_request}"
        if self.requests_per_minute < 1:
            yield f"requests_per_minute must be at least 1, got {self.requests_per_minute}"
        if self.timeout_seconds <= 0:
            yield f"timeout_seconds must be above 0, got {self.timeout_seconds}"
        unknown = self.supported_restrictions - set(RESTRICTIONS)
        if unknown:
            yield f"unknown restrictions {sorted(unknown)}; choose from {', '.join(RESTRICTIONS)}"
        try:  # the price keys are the pricing engine's contract: it judges them
            self.price_output("this channel", "CNY")
        except ChannelSettingsInvalid as exc:
            yield str(exc)
        if self.buffer_rooms < 0:
            yield f"buffer_rooms cannot be negative, got {self.buffer_rooms}"

    def price_output(self, channel_name: str, currency: str):
        """The pricing engine's ``ChannelOutput`` for these settings (markup, rounding, guards)."""
        return channel_output_from_settings(channel_name, self.to_json(), currency=currency)

    # --- JSON ---------------------------------------------------------------------------------

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> "ChannelSettings":
        """Settings from the stored JSON: missing keys take their defaults, unknown keys are ignored."""
        data = data or {}
        known = {f.name: f for f in fields(cls)}
        values = {}
        for name, value in data.items():
            if name in known:
                values[name] = None if value is None else _from_json_value(name, known[name].type, value)
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Decimal):
                value = str(value)
            elif isinstance(value, frozenset):
                value = sorted(value, key=lambda r: (RESTRICTIONS.index(r) if r in RESTRICTIONS else 99, r))
            out[f.name] = value
        return out

    def merged_into(self, stored: Mapping[str, Any] | None) -> dict[str, Any]:
        """The JSON to store: these settings over ``stored``, keeping keys this version ignores."""
        return {**(stored or {}), **self.to_json()}

    # --- typed text (CLI) --------------------------------------------------------------------

    def with_text(self, assignments: Mapping[str, str]) -> "ChannelSettings":
        """These settings changed by ``{"markup_percent": "15", "rounding": "end8", …}`` as typed."""
        known = {f.name: f for f in fields(self)}
        changes = {}
        for name, text in assignments.items():
            if name not in known:
                raise UserError(f"Unknown channel setting {name!r}; known: {', '.join(known)}")
            changes[name] = _from_text(name, known[name].type, text)
        return replace(self, **changes)


def parse_assignment(text: str) -> tuple[str, str]:
    """``"key=value"`` → ``("key", "value")`` for ``--set``."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise UserError(f"Expected KEY=VALUE, got {text!r}")
    return name.strip(), value.strip()


def _from_json_value(name: str, kind: str, value: Any) -> Any:
    if "frozenset" in kind and isinstance(value, (list, tuple)):
        return frozenset(value)
    if isinstance(value, str) and kind != "str":
        return _from_text(name, kind, value)  # a hand-edited file may quote numbers
    if "Decimal" in kind:
        return Decimal(str(value))
    return value


def _from_text(name: str, kind: str, text: str) -> Any:
    lowered = text.strip().lower()
    if "None" in kind and lowered in ("", "none", "null"):
        return None
    try:
        if kind.startswith("bool"):
            if lowered in _TRUE:
                return True
            if lowered in _FALSE:
                return False
            raise ValueError
        if kind.startswith("int"):
            return int(lowered)
        if kind.startswith("float"):
            return float(lowered)
        if "Decimal" in kind:
            value = Decimal(lowered)
            if not value.is_finite():
                raise ValueError
            return value
        if "frozenset" in kind:
            return frozenset(part.strip() for part in lowered.split(",") if part.strip())
    except (ValueError, InvalidOperation):
        raise UserError(f"{name}: {text!r} is not a valid {kind.split(' ')[0]}") from None
    return text.strip()


DEFAULT_SETTINGS = ChannelSettings()
