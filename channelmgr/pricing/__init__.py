"""Pricing: rate plans, rules, holiday calendar, channel output and the engine with explain().

Pure Python over plain dataclasses — no database, no Qt. Money is integer minor units (fen),
percentages and factors are Decimal. The order of application is documented in ``rules``.
"""

from .channel_output import ChannelOutput, Rounding, round_up
from .engine import PriceEngine, PriceGrid, Quote
from .guard import ConfirmationRequired, FatFingerGuard, GuardReason, GuardReport, SuspiciousChange
from .holidays_cn import (
    DayInfo,
    HolidayCalendar,
    HolidayDataUnavailable,
    UncoveredYears,
    canonical_holiday_name,
)
from .rate_plans import GuestPricing, PlanCatalog, RatePlan, occupancy_prices, party_price
from .rules import (
    Adjustment,
    AdjustmentKind,
    HolidayNights,
    LeadTime,
    MakeupWorkdays,
    NightBeforeHoliday,
    NightFacts,
    OccupancyAtLeast,
    Rule,
    Scope,
    Season,
    Stage,
    Weekdays,
    Weekend,
    apply_rules,
)
from .settings import PricingSettings
from .steps import PriceRefused, Step

__all__ = [
    "Adjustment", "AdjustmentKind", "ChannelOutput", "ConfirmationRequired", "DayInfo",
    "FatFingerGuard", "GuardReason", "GuardReport", "GuestPricing", "HolidayCalendar",
    "HolidayDataUnavailable", "HolidayNights", "LeadTime", "MakeupWorkdays", "NightBeforeHoliday",
    "NightFacts", "OccupancyAtLeast", "PlanCatalog", "PriceEngine", "PriceGrid", "PriceRefused",
    "PricingSettings", "Quote", "RatePlan", "Rounding", "Rule", "Scope", "Season", "Stage", "Step",
    "SuspiciousChange", "UncoveredYears", "Weekdays", "Weekend", "apply_rules",
    "canonical_holiday_name", "occupancy_prices", "party_price", "round_up",
]
