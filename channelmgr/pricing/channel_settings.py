"""Channel output settings as stored in ``Channel.settings`` (JSON) → ``ChannelOutput``.

The contract other parts of the app write to (the sync engineer's channel editor, the demo):

==================  ===========================  ============================================
key                 JSON type                    meaning
==================  ===========================  ============================================
markup_percent      string decimal ("15")        +15% for the OTA's commission; "-5" allowed
fixed_adjust_minor  int, fen                     added after the percent (a fixed fee)
rounding            "none" | "yuan" | "end8" |   rounded **up**: whole yuan, or the next price
                    "end9"                       ending in 8 / 9 (¥807.30 → ¥808)
min_price_minor     int, fen                     never send less than this
max_price_minor     int, fen                     never send more than this
==================  ===========================  ============================================

Missing keys mean "no change". Every other key of ``Channel.settings`` (capabilities, limits,
buffer) belongs to the sync engine and is ignored here. A value that makes no sense — a float
amount, "15%" as a markup, a min guard above the max guard — is refused with the channel named,
because a silently ignored markup would under-sell on that channel.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ..errors import UserError
from .channel_output import ChannelOutput, Rounding

OUTPUT_KEYS = ("markup_percent", "fixed_adjust_minor", "rounding", "min_price_minor", "max_price_minor")

ROUNDING_BY_SETTING = {
    "none": Rounding.NONE,
    "yuan": Rounding.WHOLE,
    "end8": Rounding.END_IN_8,
    "end9": Rounding.END_IN_9,
}
SETTING_BY_ROUNDING = {rounding: key for key, rounding in ROUNDING_BY_SETTING.items()}

#: The desk's own price: no markup, always present, cannot be removed.
DIRECT_CHANNEL = "direct"

# Names people know the OTAs by, for explain steps of channels that have no display name.
KNOWN_CHANNEL_NAMES: dict[str, tuple[str, str]] = {
    DIRECT_CHANNEL: ("直销", "Direct"),
    "ctrip": ("携程", "Ctrip"),
    "meituan": ("美团", "Meituan"),
    "tujia": ("途家", "Tujia"),
    "fliggy": ("飞猪", "Fliggy"),
    "airbnb": ("爱彼迎", "Airbnb"),
    "booking": ("缤客", "Booking.com"),
}


class ChannelSettingsInvalid(UserError, ValueError):
    """A channel's output settings contradict themselves or are not the documented types."""


def output_settings(settings: Mapping | None) -> dict:
    """Only the output keys of a channel's settings (what pricing depends on)."""
    return {key: settings[key] for key in OUTPUT_KEYS if settings and key in settings}


def channel_output_from_settings(channel_name: str, settings: Mapping | None, *,
                                 display_name: str = "", currency: str = "CNY") -> ChannelOutput:
    """The ``ChannelOutput`` for a channel's settings; refuses bad values naming the channel."""
    where = f"channel {channel_name!r}"
    values = output_settings(settings)
    markup = _decimal(values.get("markup_percent", "0"), f"{where}: markup_percent")
    rounding_key = values.get("rounding", "none")
    if rounding_key not in ROUNDING_BY_SETTING:
        raise ChannelSettingsInvalid(
            f"{where}: rounding must be one of {', '.join(ROUNDING_BY_SETTING)}, got {rounding_key!r}")
    known_zh, known_en = KNOWN_CHANNEL_NAMES.get(channel_name, (channel_name, channel_name))
    try:
        return ChannelOutput(
            channel_name,
            markup_percent=markup,
            markup_amount=_fen(values.get("fixed_adjust_minor", 0), f"{where}: fixed_adjust_minor"),
            rounding=ROUNDING_BY_SETTING[rounding_key],
            min_price=_optional_fen(values.get("min_price_minor"), f"{where}: min_price_minor"),
            max_price=_optional_fen(values.get("max_price_minor"), f"{where}: max_price_minor"),
            currency=currency,
            # Explain steps read "携程 加价 +15%": the short name people use beats a display
            # name like "携程 Ctrip" for the channels everyone knows.
            name_zh=known_zh if channel_name in KNOWN_CHANNEL_NAMES else display_name or channel_name,
            name_en=known_en if channel_name in KNOWN_CHANNEL_NAMES else display_name or channel_name,
        )
    except (TypeError, ValueError) as exc:  # min above max, markup ≤ −100%: the message names it
        raise ChannelSettingsInvalid(str(exc)) from None


def settings_of_output(output: ChannelOutput) -> dict:
    """The JSON settings that give back ``output`` (the inverse, for editors and the demo)."""
    values: dict = {}
    if output.markup_percent:
        values["markup_percent"] = format(output.markup_percent.normalize(), "f")
    if output.markup_amount:
        values["fixed_adjust_minor"] = output.markup_amount
    if output.rounding is not Rounding.NONE:
        values["rounding"] = SETTING_BY_ROUNDING[output.rounding]
    if output.min_price is not None:
        values["min_price_minor"] = output.min_price
    if output.max_price is not None:
        values["max_price_minor"] = output.max_price
    return values


def _decimal(value: object, what: str) -> Decimal:
    # A decimal string is the contract; an int is harmless. A float is not exact money.
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ChannelSettingsInvalid(f"{what} must be a decimal string such as \"15\", got {value!r}")
    try:
        result = Decimal(str(value).strip())
    except ArithmeticError:
        raise ChannelSettingsInvalid(f"{what} must be a decimal string such as \"15\", got {value!r}") from None
    if not result.is_finite():
        raise ChannelSettingsInvalid(f"{what} must be a finite number, got {value!r}")
    return result


def _fen(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ChannelSettingsInvalid(f"{what} must be a whole number of fen, got {value!r}")
    return value


def _optional_fen(value: object, what: str) -> int | None:
    return None if value is None else _fen(value, what)
