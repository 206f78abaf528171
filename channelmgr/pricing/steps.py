"""The unit of ``explain()``: one step of a price's computation, and the refusal of a bad one."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UserError


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a price computation.

    ``amount`` is the change this step made in minor units (the first step's amount is the whole
    starting price), so ``sum(step.amount for step in steps) == steps[-1].price_after`` always.
    ``operation`` is a short human text of what was done: '+80', '×1.5', '+15%', '=198', '↑…8'.
    """

    label_zh: str
    label_en: str
    operation: str
    amount: int
    price_after: int


class PriceRefused(ValueError, UserError):
    """A step would make a price ≤ 0: the rule, plan, override or channel named in it must be fixed.

    Raised rather than clamped: a rule that drives a price to zero or below is a typo or a
    contradiction (−¥500 on a ¥388 room), and quietly selling at a guard price would hide it.
    ``source`` is what produced the bad value, e.g. "rule 'lastmin'" or "channel 'ctrip'".
    A UserError too: the CLI prints it as one line and the UI as a message naming the rule.
    """

    def __init__(self, source: str, operation: str, price_before: int | None, price_after: int):
        self.source = source
        self.operation = operation
        self.price_before = price_before
        self.price_after = price_after
        before = "" if price_before is None else f" on {price_before} fen"
        super().__init__(
            f"{source}: {operation}{before} gives {price_after} fen; prices must stay above zero"
        )


def step(label_zh: str, label_en: str, operation: str, before: int, after: int, source: str) -> Step:
    """A step from ``before`` to ``after``; refuses (``PriceRefused``) if ``after`` is ≤ 0."""
    if after <= 0:
        raise PriceRefused(source, operation, before, after)
    return Step(label_zh, label_en, operation, after - before, after)


def first_step(label_zh: str, label_en: str, operation: str, price: int, source: str) -> Step:
    """The step that starts a computation: its amount is the whole starting price."""
    if price <= 0:
        raise PriceRefused(source, operation, None, price)
    return Step(label_zh, label_en, operation, price, price)
