"""Price edits: one small dataclass per kind of change, each able to do two things.

``apply_to(inputs)`` makes the change in memory (checking it), so a preview can price the result
before anything is saved; ``write(session, …)`` makes the same change in the database and writes
the audit entry in the same transaction. The service previews, asks the fat-finger guard, and only
then writes — so what was previewed is what is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.models import PriceOverride, PriceRule, RatePlan as RatePlanRow
from ..errors import NotFound, UserError
from ..security import audit
from .engine_inputs import EngineInputs, channels_for
from .plan_store import OCCUPANCY_KEY, derive_value_text, guest_pricing_json
from .property_settings import PropertyPricingSettings, write_settings
from .rate_plans import GuestPricing
from .rule_store import RuleInvalid, RuleSpec, rule_from_spec


class PriceEditInvalid(UserError, ValueError):
    pass


# -- rules -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PutRule:
    """Create (``spec.id`` None) or replace a rule."""

    spec: RuleSpec

    def apply_to(self, inputs: EngineInputs) -> EngineInputs:
        spec = self.spec.with_changes(name=str(self.spec.name).strip()).normalized()
        rule_from_spec(spec)  # refuses bad values, naming the rule
        others = [rule for rule in inputs.rules if spec.id is None or rule.id != spec.id]
        if spec.id is not None and len(others) == len(inputs.rules):
            raise NotFound(f"No price rule with id {spec.id}", f"没有编号为 {spec.id} 的价格规则")
        if any(rule.name == spec.name for rule in others):
            raise RuleInvalid(f"rule {spec.name!r}: another rule already has this name")
        if spec.id is None:
            return inputs.with_changes(rules=(*inputs.rules, spec))
        return inputs.with_changes(rules=tuple(spec if rule.id == spec.id else rule for rule in inputs.rules))

    def write(self, session: Session, property_id: int, actor: Actor, inputs: EngineInputs) -> None:
        spec = self.spec.with_changes(name=str(self.spec.name).strip()).normalized()
        values = dict(name=spec.name, kind=spec.kind, priority=spec.priority, enabled=spec.enabled,
                      params=spec.params_json(), scope=spec.scope_json(),
                      valid_from=spec.valid_from, valid_to=spec.valid_to)
        if spec.id is None:
            row = PriceRule(property_id=property_id, **values)
            session.add(row)
            session.flush()
            audit.record(session, actor, "create", "price_rule", row.id, after=_rule_audit(spec))
            return
        row = _rule_row(session, property_id, spec.id)
        before = next(rule for rule in inputs.sources.rules if rule.id == spec.id)
        for name, value in values.items():
            setattr(row, name, value)
        audit.record(session, actor, "update", "price_rule", row.id,
                     before=_rule_audit(before), after=_rule_audit(spec))

    def describe(self) -> str:
        return f"{'add' if self.spec.id is None else 'change'} rule {self.spec.name!r}"


@dataclass(frozen=True)
class DeleteRule:
    rule_id: int

    def apply_to(self, inputs: EngineInputs) -> EngineInputs:
        kept = tuple(rule for rule in inputs.rules if rule.id != self.rule_id)
        if len(kept) == len(inputs.rules):
            raise NotFound(f"No price rule with id {self.rule_id}", f"没有编号为 {self.rule_id} 的价格规则")
        return inputs.with_changes(rules=kept)

    def write(self, session: Session, property_id: int, actor: Actor, inputs: EngineInputs) -> None:
        row = _rule_row(session, property_id, self.rule_id)
        before = next(rule for rule in inputs.sources.rules if rule.id == self.rule_id)
        session.delete(row)
        audit.record(session, actor, "delete", "price_rule", self.rule_id, before=_rule_audit(before))

    def describe(self) -> str:
        return f"delete rule #{self.rule_id}"


def reorder_rules(rules: Sequence[RuleSpec], ordered_ids: Sequence[int]) -> list[PutRule]:
    """Edits giving the rules priorities 10, 20, 30… in ``ordered_ids`` order (the rules not
    listed keep theirs). Only rules whose priority changes get an edit."""
    by_id = {rule.id: rule for rule in rules}
    unknown = [rule_id for rule_id in ordered_ids if rule_id not in by_id]
    if unknown:
        raise NotFound(f"No price rule with id {unknown[0]}", f"没有编号为 {unknown[0]} 的价格规则")
    if len(set(ordered_ids)) != len(ordered_ids):
        raise PriceEditInvalid("a rule is listed twice in the new order")
    return [PutRule(by_id[rule_id].with_changes(priority=10 * position))
            for position, rule_id in enumerate(ordered_ids, start=1)
            if by_id[rule_id].priority != 10 * position]


# -- rate plans ---------------------------------------------------------------------------------
# Plan edits change the stored row in memory and re-derive the plans from it, so a plan that
# cannot be priced yet (a root plan without a base price) can be fixed by the same edit.


@dataclass(frozen=True)
class SetBasePrice:
    room_type: str
    rate_plan: str
    price_minor: int

    def apply_to(self, inputs: EngineInputs) -> EngineInputs:
        row = inputs.plan_row(self.room_type, self.rate_plan)
        if row.parent_id is not None:
            raise PriceEditInvalid(
                f"rate plan {self.room_type}/{self.rate_plan} follows another plan; "
                f"change its derivation or its parent's base price")
        return inputs.with_plan_row(row._replace(base_price_minor=self.price_minor))

    def write(self, session: Session, property_id: int, actor: Actor, inputs: EngineInputs) -> None:
        row = session.get(RatePlanRow, inputs.plan_row(self.room_type, self.rate_plan).id)
        before = row.base_price_minor
        row.base_price_minor = self.price_minor
        audit.record(session, actor, "update", "rate_plan", f"{self.room_type}/{self.rate_plan}",
                     before={"base_price_minor": before}, after={"base_price_minor": self.price_minor})

    def describe(self) -> str:
        return f"base price of {self.room_type}/{self.rate_plan}"


@dataclass(frozen=True)
class SetDerivation:
    """A derived plan follows its parent by ``value``: fen for "amount", a percent for "percent"."""

    room_type: str
    rate_plan: str
    kind: str
    value: int | str

    def apply_to(self, inputs: EngineInputs) -> EngineInputs:
        row = inputs.plan_row(self.room_type, self.rate_plan)
        if row.parent_id is None:
            raise PriceEditInvalid(f"rate plan {self.room_type}/{self.rate_plan} has its own base price")
        text = derive_value_text(self.kind, self.value)
        return inputs.with_plan_row(row._replace(derive_kind=self.kind, derive_value=text))

    def write(self, session: Session, property_id: int, actor: Actor, inputs: EngineInputs) -> None:
        row = session.get(RatePlanRow, inputs.plan_row(self.room_type, self.rate_plan).id)
        before = {"derive_kind": row.derive_kind, "derive_value": row.derive_value}
        row.derive_kind, row.derive_value = self.kind, derive_value_text(self.kind, self.value)
        audit.record(session, actor, "update", "rate_plan", f"{self.room_type}/{self.rate_plan}",
                     before=before, after={"derive_kind": row.derive_kind, "derive_value": row.derive_value})

    def describe(self) -> str:
        return f"derivation of {self.room_type}/{self.rate_plan}"


@dataclass(frozen=True)
class SetGuestPricing:
    room_type: str
    rate_plan: str
    pricing: GuestPricing

    def apply_to(self, inputs: EngineInputs) -> EngineInputs:
        row = inputs.plan_row(self.room_type, self.rate_plan)
        settings = {**(row.settings or {}), OCCUPANCY_KEY: guest_pricing_json(self.pricing)}
        return inputs.with_plan_row(row._replace(settings=settings))

    def write(self, session: Session, property_id: int, actor: Actor, inputs: EngineInputs) -> None:
        row = session.get(RatePlanRow, inputs.plan_row(self.room_type, self.rate_plan).id)
        settings = dict(row.settings or {})
        before = settings.get(OCCUPANCY_KEY)
        settings[OCCUPANCY_KEY] = guest_pricing_json(self.pricing)
        row.settings = settings  # a new dict: the JSON column notices only reassignment
        audit.record(session, actor, "update", "rate_plan", f"{self.room_type}/{self.rate_plan}",
                     before={OCCUPANCY_KEY: before}, after={OCCUPANCY_KEY: settings[OCCUPANCY_KEY]})

    def describe(self) -> str:
        return f"occupancy prices of {self.room_type}/{self.rate_plan}"


# -- manual prices ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetOverrides:
    """Type a price for nights of one plan (``price_minor`` None clears them)."""

    room_type: str
    rate_plan: str
    nights: tuple[date, ...]
    price_minor: int | None

    def apply_to(self, inputs: EngineInputs) -> EngineInputs:
        inputs.plan(self.room_type, self.rate_plan)
        price = self.price_minor
        if price is not None and (isinstance(price, bool) or not isinstance(price, int) or price <= 0):
            raise PriceEditInvalid(f"a manual price must be a whole number of fen above zero, got {price!r}")
        overrides = dict(inputs.overrides)
        for night in self.nights:
            key = (self.room_type, self.rate_plan, night)
            if price is None:
                overrides.pop(key, None)
            else:
                overrides[key] = price
        return inputs.with_changes(overrides=overrides)

    def write(self, session: Session, property_id: int, actor: Actor, inputs: EngineInputs) -> None:
        plan_id = inputs.plan_row(self.room_type, self.rate_plan).id
        before = {night.isoformat(): inputs.overrides.get((self.room_type, self.rate_plan, night))
                  for night in self.nights}
        session.execute(delete(PriceOverride).where(PriceOverride.rate_plan_id == plan_id,
                                                    PriceOverride.night.in_(self.nights)))
        if self.price_minor is not None:
            session.add_all(PriceOverride(rate_plan_id=plan_id, night=night, price_minor=self.price_minor)
                            for night in self.nights)
        audit.record(session, actor, "clear" if self.price_minor is None else "set", "price_override",
                     f"{self.room_type}/{self.rate_plan}", before=before,
                     after={night.isoformat(): self.price_minor for night in self.nights})

    def describe(self) -> str:
        return f"manual prices of {self.room_type}/{self.rate_plan}"


# -- property settings --------------------------------------------------------------------------


@dataclass(frozen=True)
class SetPricingSettings:
    settings: PropertyPricingSettings

    def apply_to(self, inputs: EngineInputs) -> EngineInputs:
        return inputs.with_changes(settings=self.settings,
                                   channels=channels_for(inputs.sources, self.settings))

    def write(self, session: Session, property_id: int, actor: Actor, inputs: EngineInputs) -> None:
        write_settings(session, property_id, self.settings)
        audit.record(session, actor, "update", "pricing_settings", property_id,
                     before=inputs.settings.to_json(), after=self.settings.to_json())

    def describe(self) -> str:
        return "pricing settings"


PriceEdit = PutRule | DeleteRule | SetBasePrice | SetDerivation | SetGuestPricing | SetOverrides | SetPricingSettings


# -- helpers ------------------------------------------------------------------------------------


def _rule_row(session: Session, property_id: int, rule_id: int) -> PriceRule:
    row = session.get(PriceRule, rule_id)
    if row is None or row.property_id != property_id:
        raise NotFound(f"No price rule with id {rule_id}", f"没有编号为 {rule_id} 的价格规则")
    return row


def _rule_audit(spec: RuleSpec) -> dict:
    return {"name": spec.name, "kind": spec.kind, "priority": spec.priority, "enabled": spec.enabled,
            "params": spec.params_json(), "scope": spec.scope_json(),
            "valid_from": spec.valid_from.isoformat() if spec.valid_from else None,
            "valid_to": spec.valid_to.isoformat() if spec.valid_to else None}
