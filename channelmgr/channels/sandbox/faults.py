"""Fault switches for the sandbox OTA, so the sync engine can be tested against a bad day.

A plan is an ordered list of rules, each firing on a (seeded, so repeatable) fraction of OTA
requests, optionally only ``count`` times. ``delay`` rules add up and do not stop the request;
of the other kinds the first rule that fires decides the reply:

* ``error``      — HTTP 500 with a short text body
* ``reset``      — the connection is closed with no reply at all (TCP reset)
* ``rate_limit`` — HTTP 429 with ``Retry-After: seconds``
* ``garbage``    — HTTP 200 with an HTML error page, as a misbehaving proxy sends
* ``hostile``    — HTTP 200 with a billion-laughs XML document (on the Channex-style routes: JSON
  nested 5000 deep around a NaN)
* ``huge``       — HTTP 200 with a 9 MB body, more than any client reads
* ``delay``      — wait ``seconds`` before handling the request
"""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass, fields
from typing import Sequence

FAULT_KINDS = ("error", "reset", "rate_limit", "garbage", "hostile", "huge", "delay")


@dataclass(frozen=True)
class FaultRule:
    kind: str
    ratio: float = 1.0          # fraction of requests it fires on
    count: int | None = None    # fire at most this many times; None: no limit
    seconds: float = 1.0        # delay length, or the Retry-After value for rate_limit

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; choose from {', '.join(FAULT_KINDS)}")
        if not 0.0 <= self.ratio <= 1.0:
            raise ValueError("ratio must be between 0 and 1")
        if self.count is not None and self.count < 0:
            raise ValueError("count must be ≥ 0")
        if self.seconds < 0:
            raise ValueError("seconds must be ≥ 0")

    @classmethod
    def from_dict(cls, data: dict) -> "FaultRule":
        unknown = set(data) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown fault fields: {sorted(unknown)}")
        return cls(**data)


class FaultPlan:
    def __init__(self, rules: Sequence[FaultRule] = (), seed: int = 0) -> None:
        self.rules = tuple(rules)
        self.seed = seed
        self._left = [rule.count for rule in self.rules]
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def draw(self) -> tuple[float, FaultRule | None]:
        """Decide this request's fate: (seconds to delay, the fault to answer with or None)."""
        delay, chosen = 0.0, None
        with self._lock:
            for i, rule in enumerate(self.rules):
                if self._left[i] == 0 or (rule.kind != "delay" and chosen is not None):
                    continue
                # Ratio 1 and 0 skip the generator, so adding an always-on rule does not reshuffle
                # which requests a seeded ratio rule hits.
                fires = rule.ratio >= 1.0 or (rule.ratio > 0.0 and self._rng.random() < rule.ratio)
                if not fires:
                    continue
                if self._left[i] is not None:
                    self._left[i] -= 1
                if rule.kind == "delay":
                    delay += rule.seconds
                else:
                    chosen = rule
        return delay, chosen

    def describe(self) -> dict:
        with self._lock:
            return {
                "seed": self.seed,
                "rules": [dict(asdict(rule), left=left) for rule, left in zip(self.rules, self._left)],
            }
