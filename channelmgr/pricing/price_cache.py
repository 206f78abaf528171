"""One property's engine and its latest price grid, kept between calls.

Building an engine is cheap; what is worth keeping is what it has worked out — per-rule night
masks and memoised prices — and the grid it computed (every room type × plan × channel over a
window of nights). The service keeps one ``PropertyPrices`` per property and replaces it when the
database changes under it (see ``sources``), except for rule changes: those are applied to the
engine and the grid in place with ``PriceEngine.put_rule``, which recomputes only the rows the
rule can reach.

Not thread-safe (the engine memoises); the service holds a lock around every use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from .engine import PriceEngine, PriceGrid
from .engine_inputs import EngineInputs, build_engine, install_rule
from .night_table import Occupancy
from .rule_store import RuleInvalid, RuleSpec

# A grid grows to cover the windows asked for (the calendar's month, the sync horizon) up to
# this many nights; beyond it, a window far away gets a grid of its own.
MAX_GRID_NIGHTS = 3 * 366
# Every rule swap gives out new engine bits and memo entries; a live preview swaps on each
# keystroke, so after this many the engine is rebuilt to keep memory flat.
MAX_SWAPS = 2000


class PropertyPrices:
    def __init__(self, inputs: EngineInputs):
        self.inputs = inputs
        self.engine, self.rule_problems = build_engine(inputs)
        self.grid: PriceGrid | None = None
        self._grid_key: tuple | None = None  # (as_of, occupancy digest)
        self._occupancy: Occupancy | None = None
        self.swaps = 0
        self.damaged = False  # an undo failed: engine and grid may disagree with ``inputs``

    @property
    def uses_occupancy(self) -> bool:
        return any(rule.enabled and rule.occupancy_threshold is not None for rule in self.engine.rules)

    @property
    def needs_rebuild(self) -> bool:
        return self.damaged or self.swaps > MAX_SWAPS

    def grid_for(self, start: date, end: date, as_of: date, occupancy_digest: object,
                 occupancy: Callable[[date, date], Occupancy]) -> PriceGrid:
        """A grid holding every night of [start, end), reused when it already covers them."""
        key = (as_of, occupancy_digest)
        if self.grid is not None and self._grid_key == key:
            first, last = self.grid.nights[0], self.grid.nights[-1]
            if first <= start and end - timedelta(days=1) <= last:
                return self.grid
            if (max(end - timedelta(days=1), last) - min(start, first)).days < MAX_GRID_NIGHTS:
                start, end = min(start, first), max(end, last + timedelta(days=1))
        nights = [start + timedelta(days=i) for i in range((end - start).days)]
        self._occupancy = occupancy(start, end) if self.uses_occupancy else None
        self.grid = self.engine.compute(None, None, None, nights, as_of, self._occupancy)
        self._grid_key = key
        return self.grid

    @property
    def occupancy(self) -> Occupancy | None:
        """The occupancy the current grid was computed with (for single-cell explain)."""
        return self._occupancy

    def swap_rules(self, new_rules: Sequence[RuleSpec]) -> Callable[[], None]:
        """Make the engine (and grid) follow ``new_rules``; returns the undo.

        The engine knows rules by name: a changed rule is put in place of the old one (one
        refresh of the rows it reaches), a rule whose name is gone is removed. A rule that cannot
        be used raises RuleInvalid, a price ≤ 0 PriceRefused — after undoing what was done.
        """
        old_by_name = {spec.name: spec for spec in self.inputs.rules}
        new_by_name = {spec.name: spec for spec in new_rules}
        gone = [name for name in old_by_name if name not in new_by_name]
        changed = [spec for name, spec in new_by_name.items() if old_by_name.get(name) != spec]
        old_inputs, old_problems = self.inputs, dict(self.rule_problems)
        touched: list[str] = []

        def restore(name: str) -> None:
            old = old_by_name.get(name)
            if old is not None and name not in old_problems:
                install_rule(self.engine, old, self.grid)
            elif self._installed(name):
                self.engine.remove_rule(name, self.grid)

        def undo() -> None:
            for name in reversed(touched):
                restore(name)
            self.inputs, self.rule_problems = old_inputs, old_problems

        try:
            for name in gone:
                touched.append(name)
                if self._installed(name):
                    self.engine.remove_rule(name, self.grid)
                self.rule_problems.pop(name, None)
            for spec in changed:
                touched.append(spec.name)  # before installing: a refused price leaves it in
                problem = install_rule(self.engine, spec, self.grid)
                if problem:
                    raise RuleInvalid(problem)
                self.rule_problems.pop(spec.name, None)
        except Exception:
            self._undo_or_forget(undo)
            raise
        self.swaps += len(touched)
        self.inputs = self.inputs.with_changes(rules=tuple(new_rules))
        return lambda: self._undo_or_forget(undo)

    def _installed(self, name: str) -> bool:
        return any(rule.code == name for rule in self.engine.rules)

    def _undo_or_forget(self, undo: Callable[[], None]) -> None:
        # A refused rule may leave a grid half refreshed; undoing recomputes the rows it
        # reached. Should the undo itself fail, the service builds a new engine next time.
        try:
            undo()
        except Exception:
            self.damaged = True


def fresh_engine(inputs: EngineInputs, edited_rules: Sequence[str]) -> PriceEngine:
    """An engine for a preview of edits that are not only rule edits. An edited rule that cannot
    be used is refused; rules that were already unusable stay out, as they are in the cache."""
    engine, problems = build_engine(inputs)
    for name in edited_rules:
        if name in problems:
            raise RuleInvalid(problems[name])
    return engine
