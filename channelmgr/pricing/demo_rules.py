"""The demo homestay's price rules and Ctrip markup: what an owner in Dali would set up first.

Weekend nights (Friday and Saturday) +¥80 on the standard rate (breakfast plans follow it), the
summer season +15%, 国庆 ×1.5 with a two-night minimum, 春节 ×1.3, and −10% for the last three
nights (tonight and the next two). Ctrip gets +15% rounded up to a price ending in 8.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.models import Channel
from .edits import PutRule
from .property_settings import PropertyPricingSettings, read_settings_json, write_settings
from .rule_store import RuleSpec

DEMO_RULES = (
    RuleSpec("周末", "weekend", "add", 8000, rate_plans=("BAR",), priority=10, label_en="Weekend"),
    RuleSpec("暑期", "season", "percent", "15",
             {"start": "2026-07-01", "end": "2026-08-31", "yearly": True}, priority=20, label_en="Summer"),
    RuleSpec("国庆", "holiday", "factor", "1.5", {"holidays": ["国庆节"]}, priority=30, min_stay=2,
             label_en="National Day"),
    RuleSpec("春节", "holiday", "factor", "1.3", {"holidays": ["春节"]}, priority=30,
             label_en="Spring Festival"),
    RuleSpec("尾房", "last_minute", "percent", "-10", {"within_days": 2}, priority=40,
             label_en="Last minute"),
)
CTRIP_OUTPUT = {"markup_percent": "15", "rounding": "end8"}


def add_demo_pricing(session: Session, property_id: int, actor: Actor) -> None:
    """Add the demo rules, and the Ctrip markup unless the "ctrip" channel row carries one."""
    for spec in DEMO_RULES:
        PutRule(spec).write(session, property_id, actor, inputs=None)  # a create needs no inputs
    ctrip = session.scalars(
        select(Channel).where(Channel.property_id == property_id, Channel.name == "ctrip")).first()
    if ctrip is not None:
        settings = dict(ctrip.settings or {})
        if str(settings.get("markup_percent", "0")) in ("0", ""):
            ctrip.settings = {**settings, **CTRIP_OUTPUT}
        return
    # No Ctrip channel yet (channels are added separately): the property-level setting prices
    # Ctrip until a channel row with its own markup exists.
    current = PropertyPricingSettings.from_json(read_settings_json(session, property_id))
    outputs = {**current.channel_outputs, "ctrip": CTRIP_OUTPUT}
    write_settings(session, property_id, PropertyPricingSettings.from_json({**current.to_json(),
                                                                           "channel_outputs": outputs}))
