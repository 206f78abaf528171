"""What the Prices page shows before it is saved: the saved rules and plans with the owner's
pending changes on top, and the edits that would save them.

Plain Python (no Qt): the page turns clicks into calls here, then asks the service to preview
``edits()`` and, on Save, to apply them. The draft keeps the *wanted* state — the rule list as
it should be, the price each plan should have — and derives the edits by comparing with what was
saved, so toggling a checkbox twice leaves no edit behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from channelmgr.pricing.edits import DeleteRule, PriceEdit, PutRule, SetBasePrice, SetDerivation
from channelmgr.pricing.rule_store import RuleSpec
from channelmgr.pricing.views import PlanInfo, RuleInfo


@dataclass(frozen=True)
class DraftRule:
    key: int  # the saved rule's id, or a negative number for a rule not saved yet
    spec: RuleSpec
    saved: RuleInfo | None

    @property
    def pending(self) -> bool:
        return self.saved is None or self.saved.spec != self.spec

    @property
    def problem(self) -> str | None:
        return self.saved.problem if self.saved is not None and not self.pending else None


@dataclass(frozen=True)
class DraftPlan:
    info: PlanInfo
    base_price_minor: int | None
    derive_kind: str | None
    derive_value: str | None

    @property
    def key(self) -> tuple[str, str]:
        return self.info.room_type, self.info.code

    @property
    def pending(self) -> bool:
        return (self.base_price_minor, self.derive_kind, self.derive_value) != (
            self.info.base_price_minor, self.info.derive_kind, self.info.derive_value)


class PriceDraft:
    def __init__(self) -> None:
        self._new_keys = count(-1, -1)
        self.reset([], [])

    def reset(self, rules: list[RuleInfo], plans: list[PlanInfo]) -> None:
        """Start again from what is saved (after a load or a save)."""
        self._saved_rules = list(rules)
        self._rules = [DraftRule(info.id, info.spec, info) for info in
                       sorted(rules, key=lambda info: (info.spec.priority, info.name))]
        self._plans = {(p.room_type, p.code): DraftPlan(p, p.base_price_minor, p.derive_kind, p.derive_value)
                       for p in plans}

    def copy(self) -> PriceDraft:
        other = PriceDraft()
        other._new_keys = self._new_keys  # shared: a key is never given out twice
        other._saved_rules, other._rules, other._plans = self._saved_rules, list(self._rules), dict(self._plans)
        return other

    # -- what is shown --------------------------------------------------------------------------

    def rules(self) -> list[DraftRule]:
        """In priority order: within a stage, a rule further down acts later."""
        return list(self._rules)

    def rule(self, key: int) -> DraftRule:
        return next(rule for rule in self._rules if rule.key == key)

    def plans(self) -> list[DraftPlan]:
        return list(self._plans.values())

    def names_in_use(self, except_key: int | None = None) -> set[str]:
        return {rule.spec.name for rule in self._rules if rule.key != except_key}

    @property
    def dirty(self) -> bool:
        return bool(self.edits())

    # -- changing -------------------------------------------------------------------------------

    def put_rule(self, spec: RuleSpec, key: int | None = None) -> int:
        """Add a rule (``key`` None) or replace the one with ``key``; returns its key."""
        if key is None:
            key = next(self._new_keys)
            spec = spec.with_changes(id=None, priority=self._next_priority()).normalized()
            self._rules.append(DraftRule(key, spec, None))
            return key
        index = self._index(key)
        old = self._rules[index]
        # Normalised (JSON lists, date strings) so an unchanged rule compares equal to the saved one.
        self._rules[index] = DraftRule(key, spec.with_changes(id=old.spec.id).normalized(), old.saved)
        return key

    def set_enabled(self, key: int, enabled: bool) -> None:
        self.put_rule(self.rule(key).spec.with_changes(enabled=enabled), key)

    def delete_rule(self, key: int) -> None:
        del self._rules[self._index(key)]

    def move(self, key: int, step: int) -> bool:
        """Move a rule up (−1) or down (+1) the list; priorities become 10, 20, 30… in list order."""
        index = self._index(key)
        target = index + step
        if not 0 <= target < len(self._rules):
            return False
        self._rules[index], self._rules[target] = self._rules[target], self._rules[index]
        self._rules = [DraftRule(rule.key, rule.spec.with_changes(priority=10 * position), rule.saved)
                       for position, rule in enumerate(self._rules, start=1)]
        return True

    def set_base_price(self, room_type: str, plan: str, price_minor: int) -> None:
        old = self._plans[(room_type, plan)]
        self._plans[(room_type, plan)] = DraftPlan(old.info, price_minor, old.derive_kind, old.derive_value)

    def set_derivation(self, room_type: str, plan: str, kind: str, value: str) -> None:
        old = self._plans[(room_type, plan)]
        self._plans[(room_type, plan)] = DraftPlan(old.info, old.base_price_minor, kind, value)

    # -- what saving would do ------------------------------------------------------------------

    def edits(self) -> list[PriceEdit]:
        edits: list[PriceEdit] = []
        kept = {rule.key for rule in self._rules}
        edits += [DeleteRule(info.id) for info in self._saved_rules if info.id not in kept]
        edits += [PutRule(rule.spec) for rule in self._rules if rule.pending]
        for plan in self._plans.values():
            if not plan.pending:
                continue
            if plan.info.parent is None:
                edits.append(SetBasePrice(plan.info.room_type, plan.info.code, plan.base_price_minor))
            else:
                value = int(plan.derive_value) if plan.derive_kind == "amount" else plan.derive_value
                edits.append(SetDerivation(plan.info.room_type, plan.info.code, plan.derive_kind, value))
        return edits

    def _index(self, key: int) -> int:
        return next(i for i, rule in enumerate(self._rules) if rule.key == key)

    def _next_priority(self) -> int:
        return max((rule.spec.priority for rule in self._rules), default=0) + 10
