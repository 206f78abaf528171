"""Small builders shared by the pricing tests."""

from __future__ import annotations

from datetime import date, timedelta


from channelmgr.pricing import ChannelOutput, PriceEngine, RatePlan

AS_OF = date(2025, 9, 1)


def nights(start: date, count: int) -> list[date]:
    return [start + timedelta(days=i) for i in range(count)]


def plain_channel(code: str = "direct") -> ChannelOutput:
    """A channel that sends the engine's price unchanged."""
    return ChannelOutput(code)


def engine_with(rules=(), overrides=None, channels=None, plans=None, **kwargs) -> PriceEngine:
    """One room type DLX with BAR ¥388, BB = BAR + ¥30, NR = BAR − 10%, and a plain channel."""
    plans = plans or [
        RatePlan("BAR", "DLX", base_price=38800),
        RatePlan("BB", "DLX", parent="BAR", derive_kind="amount", derive_value=3000),
        RatePlan("NR", "DLX", parent="BAR", derive_kind="percent", derive_value=-10),
    ]
    return PriceEngine(plans, rules, overrides or {}, channels or [plain_channel()], **kwargs)


