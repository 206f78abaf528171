"""A channel's capabilities, limits and selling rules, kept in ``Channel.settings`` (JSON).

One frozen dataclass reads, validates and writes them, so the CLI (``channel set NAME --set
key=value``), the services and the sync engine agree on names, types and defaults. Keys this
version does not know are kept when the settings are saved (a newer desk may have written them),
but a *typed* unknown key is refused: a typo must not silently do nothing.

Capability keys (what the channel can carry: ``supported_restrictions``, ``min_stay_basis``,
``max_horizon_days``, ``occupancy_pricing``, ``price_unit``, ``content``) default to the channel's
``profile`` (channelmgr.sync.channel_profiles); a value the owner sets explicitly overrides it. An
override is simply a value that differs from the profile's, so settings stored before profiles
existed (every key written, no ``profile``) read as the generic profile with today's behaviour, and
switching the profile keeps the owner's overrides while the rest follow the new profile.

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
from .channel_profiles import (DEFAULT_PROFILE, MIN_STAY_BASES, PRICE_UNITS, PROFILE_KEYS, RESTRICTIONS,
                               ChannelProfile, channel_profile)

ROUNDINGS = tuple(ROUNDING_BY_SETTING)  # none · up to whole yuan · up to …8 · up to …9
MAX_HORIZON_DAYS = 1100  # three years: no OTA sells further out

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


class _FromProfile:
    """The default of a capability key: the profile's value (filled in by ``__post_init__``)."""

    def __repr__(self) -> str:
        return "FROM_PROFILE"


FROM_PROFILE: Any = _FromProfile()


@dataclass(frozen=True)
class ChannelSettings:
    horizon_days: int = 365             # nights from today (today included) the channel is sent
    max_items_per_request: int = 100    # message elements per request (a restriction range costs 3)
    requests_per_minute: int = 120      # the channel's published rate limit
    timeout_seconds: float = 30.0       # read timeout of one request
    weekday_patterns: bool = True       # the channel reads Mon…Sun day flags (fewer ranges)
    profile: str = DEFAULT_PROFILE      # what kind of channel: the capability keys' defaults
    supported_restrictions: frozenset[str] = FROM_PROFILE
    min_stay_basis: str = FROM_PROFILE  # "through" | "arrival": how the channel reads a night's min stay
    max_horizon_days: int | None = FROM_PROFILE  # the furthest the channel accepts (None: no known limit)
    occupancy_pricing: bool = FROM_PROFILE  # the channel takes one price per number of guests
    price_unit: str = FROM_PROFILE      # "room_night" | "person_night": what one price stands for
    content: bool = FROM_PROFILE        # the channel takes listing content (the content push reads it)
    markup_percent: Decimal = Decimal(0)  # commission cover, e.g. 15 for +15 %
    fixed_adjust_minor: int = 0         # added after the percentage, in fen (may be negative)
    rounding: str = "none"
    min_price_minor: int | None = None  # price guards, applied after rounding
    max_price_minor: int | None = None
    buffer_rooms: int = 0               # rooms held back from this channel every night
    stop_sell: bool = False             # close everything on this channel (0 rooms, Master closed)
    audit_every_hours: int = 24         # the drift audit's period (channelmgr.sync.drift_service); 0: never

    def __post_init__(self) -> None:
        profile = channel_profile(self.profile)  # an unknown name is refused with the list
        object.__setattr__(self, "profile", profile.name)
        for name, value in profile.defaults().items():
            if getattr(self, name) is FROM_PROFILE:
                object.__setattr__(self, name, value)
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
        if not 0 <= self.audit_every_hours <= 24 * 366:
            yield f"audit_every_hours must be 0 (never) to {24 * 366}, got {self.audit_every_hours}"
        if self.buffer_rooms < 0:
            yield f"buffer_rooms cannot be negative, got {self.buffer_rooms}"
        if self.min_stay_basis not in MIN_STAY_BASES:
            yield f"min_stay_basis must be one of {', '.join(MIN_STAY_BASES)}, got {self.min_stay_basis!r}"
        if self.price_unit not in PRICE_UNITS:
            yield f"price_unit must be one of {', '.join(PRICE_UNITS)}, got {self.price_unit!r}"
        if self.max_horizon_days is not None and not 1 <= self.max_horizon_days <= MAX_HORIZON_DAYS:
            yield f"max_horizon_days must be 1…{MAX_HORIZON_DAYS} or none, got {self.max_horizon_days}"

    # --- capabilities --------------------------------------------------------------------------

    @property
    def channel_profile(self) -> ChannelProfile:
        return channel_profile(self.profile)

    @property
    def sent_horizon_days(self) -> int:
        """Nights from today actually sent: ours, cut at the channel's own limit."""
        limit = self.max_horizon_days
        return self.horizon_days if limit is None else min(self.horizon_days, limit)

    def overrides(self) -> dict[str, Any]:
        """The capability keys the owner set away from the profile's value."""
        defaults = self.channel_profile.defaults()
        return {name: getattr(self, name) for name in PROFILE_KEYS if getattr(self, name) != defaults[name]}

    def capability_matrix(self) -> list["Capability"]:
        """Each capability key: its effective value, the profile's, and whether the owner overrode it."""
        defaults = self.channel_profile.defaults()
        return [Capability(name, getattr(self, name), defaults[name]) for name in PROFILE_KEYS]

    def with_profile(self, name: str) -> "ChannelSettings":
        """These settings on profile ``name``: the overrides stay, every other capability key
        takes the new profile's value."""
        reset = {key: FROM_PROFILE for key in PROFILE_KEYS if key not in self.overrides()}
        return replace(self, profile=name, **reset)

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
        """Every setting, but of the capability keys only the overrides: a channel keeps following
        its profile where the owner did not differ (a corrected profile reaches it)."""
        out: dict[str, Any] = {}
        overrides = self.overrides()
        for f in fields(self):
            if f.name in PROFILE_KEYS and f.name not in overrides:
                continue
            value = getattr(self, f.name)
            if isinstance(value, Decimal):
                value = str(value)
            elif isinstance(value, frozenset):
                value = _restriction_list(value)
            out[f.name] = value
        return out

    def merged_into(self, stored: Mapping[str, Any] | None) -> dict[str, Any]:
        """The JSON to store: these settings over ``stored``, keeping keys this version ignores
        (and dropping a capability key that is no longer an override)."""
        known = {f.name for f in fields(self)}
        return {**{k: v for k, v in (stored or {}).items() if k not in known}, **self.to_json()}

    # --- typed text (CLI) --------------------------------------------------------------------

    def with_text(self, assignments: Mapping[str, str]) -> "ChannelSettings":
        """These settings changed by ``{"markup_percent": "15", "rounding": "end8", …}`` as typed."""
        known = {f.name: f for f in fields(self)}
        changes = {}
        for name, text in assignments.items():
            if name not in known:
                raise UserError(f"Unknown channel setting {name!r}; known: {', '.join(known)}")
            changes[name] = _from_text(name, known[name].type, text)
        # The profile first, so the keys typed with it override the new profile's values.
        base = self.with_profile(changes.pop("profile")) if "profile" in changes else self
        return replace(base, **changes)


@dataclass(frozen=True)
class Capability:
    key: str
    value: Any
    profile_value: Any

    @property
    def overridden(self) -> bool:
        return self.value != self.profile_value

    def to_json(self) -> dict[str, Any]:
        plain = lambda v: _restriction_list(v) if isinstance(v, frozenset) else v  # noqa: E731
        return {"value": plain(self.value), "profile": plain(self.profile_value), "overridden": self.overridden}


def _restriction_list(names: frozenset[str]) -> list[str]:
    return sorted(names, key=lambda r: (RESTRICTIONS.index(r) if r in RESTRICTIONS else 99, r))


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
