"""A property's pricing settings, kept in the ``setting`` table under ``pricing/<property id>``.

The JSON value (every key optional; missing = the default)::

    {"guard_max_change_percent": "50",   # fat-finger guard: a move of more than 50% needs --force
     "guard_floor_minor": 9900,          # …and so does any price below ¥99 (null = no floor)
     "guard_horizon_days": 365,          # nights from today the guard compares
     "weekend_nights": [4, 5],           # weekdays whose nights are weekend nights (0 = Monday)
     "channel_outputs": {                # output settings for channels by name, used when the
         "ctrip": {"markup_percent": "15", "rounding": "end8"}}}   # channel row has none

``channel_outputs`` uses the keys of ``channel_settings`` and lets an owner price a channel before
it is connected (the demo's Ctrip markup lives here until a "ctrip" channel row exists). When a
``Channel`` row of that name carries output keys of its own, the row wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy.orm import Session

from ..db.models import Setting
from ..errors import UserError
from .channel_settings import DIRECT_CHANNEL as DIRECT, ROUNDING_BY_SETTING
from .guard import FatFingerGuard
from .settings import PricingSettings

DEFAULT_MAX_CHANGE_PERCENT = Decimal(50)
DEFAULT_HORIZON_DAYS = 365


class PricingSettingsInvalid(UserError, ValueError):
    pass


def setting_key(property_id: int) -> str:
    return f"pricing/{property_id}"


@dataclass(frozen=True)
class PropertyPricingSettings:
    guard_max_change_percent: Decimal = DEFAULT_MAX_CHANGE_PERCENT
    guard_floor_minor: int | None = None
    guard_horizon_days: int = DEFAULT_HORIZON_DAYS
    weekend_nights: frozenset[int] = frozenset({4, 5})
    channel_outputs: Mapping[str, Mapping] = field(default_factory=dict)

    def __post_init__(self) -> None:
        try:
            self.guard()
            self.engine_settings()
        except (TypeError, ValueError) as exc:
            raise PricingSettingsInvalid(f"pricing settings: {exc}") from None
        if not isinstance(self.guard_horizon_days, int) or not 1 <= self.guard_horizon_days <= 3 * 366:
            raise PricingSettingsInvalid(
                f"pricing settings: guard_horizon_days must be 1…{3 * 366}, got {self.guard_horizon_days!r}")

    def guard(self) -> FatFingerGuard:
        return FatFingerGuard(self.guard_max_change_percent, self.guard_floor_minor)

    def engine_settings(self) -> PricingSettings:
        return PricingSettings(weekend_nights=frozenset(self.weekend_nights))

    def to_json(self) -> dict:
        return {
            "guard_max_change_percent": format(self.guard_max_change_percent.normalize(), "f"),
            "guard_floor_minor": self.guard_floor_minor,
            "guard_horizon_days": self.guard_horizon_days,
            "weekend_nights": sorted(self.weekend_nights),
            "channel_outputs": {name: dict(values) for name, values in self.channel_outputs.items()},
        }

    @property
    def direct_rounding(self) -> str:
        """How the desk's own prices are rounded ("none", "yuan", "end8", "end9")."""
        return str(self.channel_outputs.get(DIRECT, {}).get("rounding", "none"))

    def with_direct_rounding(self, rounding: str) -> PropertyPricingSettings:
        """These settings with the desk's own prices rounded by ``rounding`` (the Settings page's
        "default rounding"); the direct channel's other output keys are kept."""
        if rounding not in ROUNDING_BY_SETTING:
            raise PricingSettingsInvalid(
                f"pricing settings: rounding must be one of {', '.join(ROUNDING_BY_SETTING)}, got {rounding!r}")
        outputs = {name: dict(values) for name, values in self.channel_outputs.items()}
        outputs[DIRECT] = {**outputs.get(DIRECT, {}), "rounding": rounding}
        return replace(self, channel_outputs=outputs)

    @classmethod
    def from_json(cls, value: Mapping | None) -> PropertyPricingSettings:
        value = value or {}
        try:
            percent = Decimal(str(value.get("guard_max_change_percent", DEFAULT_MAX_CHANGE_PERCENT)))
        except ArithmeticError:
            raise PricingSettingsInvalid(
                f"pricing settings: guard_max_change_percent is not a number: "
                f"{value.get('guard_max_change_percent')!r}") from None
        return cls(
            guard_max_change_percent=percent,
            guard_floor_minor=value.get("guard_floor_minor"),
            guard_horizon_days=value.get("guard_horizon_days", DEFAULT_HORIZON_DAYS),
            weekend_nights=frozenset(value.get("weekend_nights", (4, 5))),
            channel_outputs=dict(value.get("channel_outputs") or {}),
        )


#: The output settings a property starts with. The desk's own ("direct") prices are rounded up
#: to whole yuan: a rule of +8% on ¥490 gives ¥529.20, a price nobody would quote a guest. A
#: property made before this default keeps its jiao until the owner chooses (Settings).
NEW_PROPERTY_CHANNEL_OUTPUTS = {DIRECT: {"rounding": "yuan"}}


def start_new_property(session: Session, property_id: int) -> None:
    """The pricing settings of a property just created; every path that creates one calls this."""
    write_settings(session, property_id, PropertyPricingSettings(
        channel_outputs={name: dict(values) for name, values in NEW_PROPERTY_CHANNEL_OUTPUTS.items()}))


def read_settings_json(session: Session, property_id: int) -> dict:
    row = session.get(Setting, setting_key(property_id))
    return dict(row.value or {}) if row is not None else {}


def write_settings(session: Session, property_id: int, settings: PropertyPricingSettings) -> None:
    row = session.get(Setting, setting_key(property_id))
    if row is None:
        session.add(Setting(key=setting_key(property_id), value=settings.to_json()))
    else:
        row.value = settings.to_json()
