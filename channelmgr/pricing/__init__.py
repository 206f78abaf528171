"""Pricing: rate plans, rules, holiday calendar, channel output and the engine with explain().

The engine modules are pure Python over plain dataclasses — no database, no Qt. Money is integer
minor units (fen), percentages and factors are Decimal. The order of application is documented
in ``rules``. Exported here as well: how channel settings, rules and plans are stored
(``channel_settings``, ``rule_store``, ``plan_store``, all pure). The database side lives in
``service`` (``Services.pricing``: prices, explain, rule and plan edits behind the fat-finger
guard), ``sources``, ``engine_inputs``, ``edits`` and ``price_cache``; import those modules
directly.
"""

from .channel_output import ChannelOutput, Rounding, round_up
from .channel_settings import (
    DIRECT_CHANNEL,
    OUTPUT_KEYS,
    ChannelSettingsInvalid,
    channel_output_from_settings,
    settings_of_output,
)
from .engine import PriceEngine, PriceGrid, Quote
from .guard import ConfirmationRequired, FatFingerGuard, GuardReason, GuardReport, SuspiciousChange
from .holidays_cn import (
    DayInfo,
    HolidayCalendar,
    HolidayDataUnavailable,
    UncoveredYears,
    canonical_holiday_name,
)
from .plan_store import RatePlanInvalid
from .rate_plans import GuestPricing, PlanCatalog, RatePlan, occupancy_prices, party_price
from .rule_store import RULE_KINDS, RuleInvalid, RuleKind, RuleSpec, rule_from_spec
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
    "Adjustment", "AdjustmentKind", "ChannelOutput", "ChannelSettingsInvalid", "ConfirmationRequired",
    "DIRECT_CHANNEL", "DayInfo", "OUTPUT_KEYS", "RULE_KINDS", "RatePlanInvalid", "RuleInvalid",
    "RuleKind", "RuleSpec", "channel_output_from_settings", "rule_from_spec", "settings_of_output",
    "FatFingerGuard", "GuardReason", "GuardReport", "GuestPricing", "HolidayCalendar",
    "HolidayDataUnavailable", "HolidayNights", "LeadTime", "MakeupWorkdays", "NightBeforeHoliday",
    "NightFacts", "OccupancyAtLeast", "PlanCatalog", "PriceEngine", "PriceGrid", "PriceRefused",
    "PricingSettings", "Quote", "RatePlan", "Rounding", "Rule", "Scope", "Season", "Stage", "Step",
    "SuspiciousChange", "UncoveredYears", "Weekdays", "Weekend", "apply_rules",
    "canonical_holiday_name", "occupancy_prices", "party_price", "round_up",
]
