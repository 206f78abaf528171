"""Price rules as stored in the ``price_rule`` table ↔ engine ``Rule`` objects.

A row is ``name`` (unique per property; it is the rule's code in the engine, so explain steps
and refusals name it), ``kind``, ``priority``, ``enabled``, ``valid_from``/``valid_to``
(inclusive nights, either may be empty) and two JSON columns.

``params`` — the adjustment, options, and the kind's own condition parameters::

    {"adjust": "add" | "percent" | "factor" | "set",
     "value": 8000          # int fen for add / set; a decimal string for percent / factor ("1.5")
     "stage": "final",      # optional: base | adjust | scale | final (default from "adjust")
     "min_stay": 2,         # optional: restriction hint carried with the price (国庆 ≥ 2 nights)
     "label_en": "Weekend", # optional: English label in explain (the name is the Chinese one)
     ...the kind's parameters below}

=====================  =================================================  ====================
kind                   parameters                                         matches nights
=====================  =================================================  ====================
weekend                —                                                  the property's
                                                                          weekend nights
weekdays               "days": [0…6] (0 = Monday)                         on those weekdays
season                 "start", "end": "YYYY-MM-DD", "yearly": bool       start…end inclusive
holiday                "holidays": ["国庆节", …] (empty = any)             in a holiday break
night_before_holiday   "holidays": [...] (empty = any)                    before a break
makeup_workday         —                                                  调休 working days
last_minute            "within_days": int ≥ 0                             0…n days ahead
early_bird             "at_least_days": int ≥ 0                           ≥ n days ahead
occupancy              "sold_at_least": "0.8" (fraction of rooms sold)    room type that full
=====================  =================================================  ====================

``scope`` — ``{"room_types": [codes], "rate_plans": [codes], "channels": [names]}``; a missing
or empty list means all (rate plans: all root plans, see rules.Scope).

Everything is checked when a spec becomes a ``Rule``; a bad value is refused as ``RuleInvalid``
naming the rule, so the CLI and UI can say which rule to fix.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from ..errors import UserError
from .rules import (
    Adjustment,
    AdjustmentKind,
    HolidayNights,
    LeadTime,
    MakeupWorkdays,
    NightBeforeHoliday,
    OccupancyAtLeast,
    Rule,
    Scope,
    Season,
    Stage,
    Weekdays,
    Weekend,
)


class RuleInvalid(UserError, ValueError):
    """A rule's settings are not usable; the message starts with the rule's name."""


@dataclass(frozen=True)
class RuleKind:
    key: str
    label_zh: str
    label_en: str
    params: tuple[str, ...]  # the kind's own parameter names in ``params``
    conditions: Callable[[Mapping], tuple]


def _days(params: Mapping) -> tuple:
    return (Weekdays(frozenset(params["days"])),)


def _season(params: Mapping) -> tuple:
    return (Season(_iso_date(params["start"], "start"), _iso_date(params["end"], "end"),
                   bool(params.get("yearly", False))),)


def _holidays(params: Mapping) -> frozenset[str]:
    return frozenset(params.get("holidays") or ())


def _occupancy(params: Mapping) -> tuple:
    return (OccupancyAtLeast(_decimal_text(params["sold_at_least"], "sold_at_least")),)


RULE_KINDS: dict[str, RuleKind] = {kind.key: kind for kind in (
    RuleKind("weekend", "周末", "Weekend", (), lambda p: (Weekend(),)),
    RuleKind("weekdays", "星期", "Weekdays", ("days",), _days),
    RuleKind("season", "季节", "Season", ("start", "end", "yearly"), _season),
    RuleKind("holiday", "节假日", "Holiday", ("holidays",), lambda p: (HolidayNights(_holidays(p)),)),
    RuleKind("night_before_holiday", "节前一晚", "Night before a holiday", ("holidays",),
             lambda p: (NightBeforeHoliday(_holidays(p)),)),
    RuleKind("makeup_workday", "调休工作日", "Make-up working day", (), lambda p: (MakeupWorkdays(),)),
    RuleKind("last_minute", "尾房", "Last minute", ("within_days",),
             lambda p: (LeadTime.last_minute(p["within_days"]),)),
    RuleKind("early_bird", "早鸟", "Early bird", ("at_least_days",),
             lambda p: (LeadTime.early_bird(p["at_least_days"]),)),
    RuleKind("occupancy", "入住率", "Occupancy", ("sold_at_least",), _occupancy),
)}

_OPTION_KEYS = ("adjust", "value", "stage", "min_stay", "label_en")
_STAGES = {stage.name.lower(): stage for stage in Stage}


@dataclass(frozen=True)
class RuleSpec:
    """A price rule as plain data: what the services take and return, and what a row holds.

    ``value`` is int fen for "add"/"set" and a decimal string for "percent"/"factor".
    ``id`` is None for a rule not saved yet.
    """

    name: str
    kind: str
    adjust: str
    value: int | str
    params: Mapping = field(default_factory=dict)
    room_types: tuple[str, ...] = ()
    rate_plans: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    priority: int = 100
    enabled: bool = True
    valid_from: date | None = None
    valid_to: date | None = None
    min_stay: int | None = None
    stage: str | None = None
    label_en: str = ""
    id: int | None = None

    def with_changes(self, **changes) -> RuleSpec:
        return replace(self, **changes)

    # -- the two JSON columns ---------------------------------------------------------------

    def params_json(self) -> dict:
        own = {key: _json_value(value) for key, value in self.params.items()}
        values = {"adjust": self.adjust, "value": _json_value(self.value), **own}
        if self.stage:
            values["stage"] = self.stage
        if self.min_stay is not None:
            values["min_stay"] = self.min_stay
        if self.label_en:
            values["label_en"] = self.label_en
        return values

    def scope_json(self) -> dict:
        return {name: sorted(values) for name, values in
                (("room_types", self.room_types), ("rate_plans", self.rate_plans),
                 ("channels", self.channels)) if values}

    def normalized(self) -> RuleSpec:
        """The spec exactly as it reads back from the database (JSON lists, date strings), so a
        spec just saved compares equal to the same rule loaded later."""
        params, scope = json.loads(json.dumps(self.params_json())), self.scope_json()
        return spec_from_columns(id=self.id, name=self.name, kind=self.kind, priority=self.priority,
                                 enabled=self.enabled, params=params, scope=scope,
                                 valid_from=self.valid_from, valid_to=self.valid_to)


def spec_from_columns(*, id: int | None, name: str, kind: str, priority: int, enabled: bool,
                      params: Mapping | None, scope: Mapping | None, valid_from: date | None,
                      valid_to: date | None) -> RuleSpec:
    """A spec from a row's columns. Never raises: a bad row shows up when it becomes a Rule."""
    params = dict(params or {})
    scope = dict(scope or {})
    return RuleSpec(
        id=id, name=name, kind=kind, priority=priority, enabled=enabled,
        valid_from=valid_from, valid_to=valid_to,
        adjust=params.get("adjust", ""), value=params.get("value", 0),
        stage=params.get("stage"), min_stay=params.get("min_stay"),
        label_en=params.get("label_en", ""),
        params={key: value for key, value in params.items() if key not in _OPTION_KEYS},
        room_types=tuple(scope.get("room_types") or ()),
        rate_plans=tuple(scope.get("rate_plans") or ()),
        channels=tuple(scope.get("channels") or ()),
    )


def rule_from_spec(spec: RuleSpec) -> Rule:
    """The engine rule for ``spec``; any bad value → RuleInvalid naming the rule."""
    name = spec.name.strip() if isinstance(spec.name, str) else ""
    if not name:
        raise RuleInvalid("a price rule needs a name")
    where = f"rule {name!r}"
    kind = RULE_KINDS.get(spec.kind)
    if kind is None:
        raise RuleInvalid(f"{where}: unknown kind {spec.kind!r}; known: {', '.join(RULE_KINDS)}")
    unknown = set(spec.params) - set(kind.params)
    if unknown:
        raise RuleInvalid(f"{where}: {spec.kind} rules take no parameter {sorted(unknown)}")
    try:
        return Rule(
            code=name,
            adjustment=_adjustment(spec),
            conditions=kind.conditions(spec.params),
            scope=Scope(frozenset(spec.room_types), frozenset(spec.rate_plans), frozenset(spec.channels)),
            priority=spec.priority,
            stage=_stage(spec.stage),
            valid_from=spec.valid_from,
            valid_to=spec.valid_to,
            enabled=bool(spec.enabled),
            min_stay=spec.min_stay,
            label_zh=name,
            label_en=spec.label_en or name,
        )
    except RuleInvalid as exc:
        raise RuleInvalid(f"{where}: {exc}") from None
    except KeyError as exc:
        raise RuleInvalid(f"{where}: {spec.kind} rules need the parameter {exc.args[0]!r}") from None
    except (TypeError, ValueError) as exc:
        message = str(exc)
        raise RuleInvalid(message if message.startswith(where) else f"{where}: {message}") from None


def _adjustment(spec: RuleSpec) -> Adjustment:
    try:
        kind = AdjustmentKind(spec.adjust)
    except ValueError:
        raise RuleInvalid(f"adjust must be add, percent, factor or set, got {spec.adjust!r}") from None
    if kind in (AdjustmentKind.PERCENT, AdjustmentKind.FACTOR):
        return Adjustment(kind, _decimal_text(spec.value, f"{kind.value} value"))
    return Adjustment(kind, spec.value)


def _stage(text: str | None) -> Stage | None:
    if not text:
        return None
    if text not in _STAGES:
        raise RuleInvalid(f"stage must be one of {', '.join(_STAGES)}, got {text!r}")
    return _STAGES[text]


def _json_value(value: object) -> object:
    """Python values people pass in code (dates, Decimals, sets) as the documented JSON types."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value)
    return value


def _decimal_text(value: object, what: str) -> Decimal:
    # JSON has no decimal type: percents and factors are stored as strings ("1.5"), never floats.
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RuleInvalid(f"{what} must be a decimal string such as \"1.5\", got {value!r}")
    try:
        result = Decimal(str(value).strip())
    except ArithmeticError:
        raise RuleInvalid(f"{what} must be a number, got {value!r}") from None
    if not result.is_finite():
        raise RuleInvalid(f"{what} must be a finite number, got {value!r}")
    return result


def _iso_date(value: object, what: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RuleInvalid(f"{what} must be a date YYYY-MM-DD, got {value!r}") from None
