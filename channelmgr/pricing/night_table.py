"""Which rules' night conditions hold on each night of a horizon, as one bitmask per night.

The engine gives every rule a bit. A ``NightTable`` is built once per ``compute`` (it depends on
the nights, ``as_of`` for lead times, and the occupancy input) and then only patched when a rule
is edited. Rules with an occupancy condition depend on the room type as well, so their bits are
added per room type in ``view``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from .rules import Rule
from .settings import PricingSettings

Occupancy = Mapping[tuple[str, date], object]  # (room type, night) → sold fraction (0…1)


class NightTable:
    """For one horizon and ``as_of``: which rules' night conditions hold on each night."""

    def __init__(self, settings: PricingSettings, nights: Iterable[date], as_of: date,
                 occupancy: Occupancy | None, rules: Iterable[tuple[int, Rule]]):
        self.nights = tuple(nights)
        self.index = {night: i for i, night in enumerate(self.nights)}
        if len(self.index) != len(self.nights):
            raise ValueError("the same night is listed twice")
        self.as_of = as_of
        self.occupancy = occupancy or {}
        self.facts = [settings.night_facts(night, as_of) for night in self.nights]
        self._shared = [0] * len(self.nights)  # rules without an occupancy condition
        self._by_occupancy: dict[int, tuple[Rule, list[int]]] = {}  # bit → (rule, candidate nights)
        self._views: dict[str | None, tuple[list[int], list[int], list[int]]] = {}
        for bit, rule in rules:
            self.add_rule(bit, rule)

    def add_rule(self, bit: int, rule: Rule) -> None:
        hits = [i for i, facts in enumerate(self.facts) if rule.matches_night(facts)]
        if rule.occupancy_threshold is None:
            flag = 1 << bit
            for i in hits:
                self._shared[i] |= flag
        else:
            self._by_occupancy[bit] = (rule, hits)
        self._views.clear()

    def remove_rule(self, bit: int) -> None:
        if self._by_occupancy.pop(bit, None) is None:
            keep = ~(1 << bit)
            self._shared = [mask & keep for mask in self._shared]
        self._views.clear()

    def view(self, room_type: str) -> tuple[list[int], list[int], list[int]]:
        """(rule mask per night, the distinct masks, each night's index into the distinct list).

        Room types share one view unless occupancy rules and occupancy data are both present.
        """
        key = room_type if self._by_occupancy and self.occupancy else None
        found = self._views.get(key)
        if found is None:
            masks = list(self._shared)
            if key is not None:
                for bit, (rule, hits) in self._by_occupancy.items():
                    for i in hits:
                        if rule.matches_occupancy(self.occupancy.get((room_type, self.nights[i]))):
                            masks[i] |= 1 << bit
            distinct: dict[int, int] = {}
            positions = [distinct.setdefault(mask, len(distinct)) for mask in masks]
            found = self._views[key] = (masks, list(distinct), positions)
        return found
