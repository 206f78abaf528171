"""The yearly revenue target, split by month or by season, and how far the year has come.

The owner sets one figure for the year (年度营收目标). Split **by month** it follows the days
(each month's share is its nights, or weights the owner gives); split **by season** the owner
names seasons with their dates and share of the year, and the rest of the year takes what is
left. Each part's target is then spread evenly over its days, so "where should we be today" is
a sum of days, and the parts add up to the target to the fen (largest remainders).

Progress counts room revenue by the night it is earned (definitions.py): nights before today are
done (``actual``); tonight and later nights already booked are ``on the books``. The owners'
formula, revenue = visitors × conversion × average order value, becomes for rooms
revenue = nights sold × ADR: what is left to reach the target, at this year's ADR, is a number
of nights, and per remaining day a number of rooms to sell each night.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..errors import UserError
from .periods import months

SPLITS = ("month", "season")
REST_OF_YEAR = "rest"  # the part of a season split no named season covers


@dataclass(frozen=True)
class Season:
    name: str
    start: str  # MM-DD, the first day
    end: str  # MM-DD, the last day (inclusive: how owners say "5月1日到10月7日")
    share_percent: int

    def days_in(self, year: int) -> tuple[date, date]:
        """[first, end) in ``year``; a season over New Year (12-20 … 01-05) is not supported."""
        return _month_day(year, self.start, self.name), _month_day(year, self.end, self.name) + timedelta(days=1)


@dataclass(frozen=True)
class RevenueTarget:
    year: int
    target_minor: int
    split: str = "month"
    month_weights: tuple[int, ...] = ()  # 12 weights; empty: by days
    seasons: tuple[Season, ...] = ()

    def as_setting(self) -> dict:
        return {"year": self.year, "target_minor": self.target_minor, "split": self.split,
                "month_weights": list(self.month_weights),
                "seasons": [s.__dict__ for s in self.seasons]}

    @classmethod
    def from_setting(cls, value: dict) -> "RevenueTarget":
        return cls(int(value["year"]), int(value["target_minor"]), value.get("split", "month"),
                   tuple(value.get("month_weights") or ()),
                   tuple(Season(**s) for s in value.get("seasons") or ()))


@dataclass(frozen=True)
class TargetPart:
    name: str  # YYYY-MM, a season's name, or REST_OF_YEAR
    first: date
    end: date  # exclusive
    target_minor: int
    days: int = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "days", (self.end - self.first).days)

    def target_between(self, start: date, end: date) -> int:
        """The part's target for the days of [start, end) inside it (spread evenly, exact fen)."""
        first = max(0, (start - self.first).days)
        last = min(self.days, (end - self.first).days)
        if last <= first:
            return 0
        base, extra = divmod(self.target_minor, self.days)
        return base * (last - first) + max(0, min(last, extra) - first)


def _month_day(year: int, text: str, season: str) -> date:
    try:
        month, day = (int(x) for x in text.split("-"))
        return date(year, month, day)
    except (ValueError, TypeError):
        raise UserError(f"Season {season!r}: {text!r} is not a month and day (want MM-DD, e.g. 05-01)",
                        f"季节 {season!r}：{text!r} 不是月-日（应为 MM-DD，如 05-01）") from None


def check_target(target: RevenueTarget) -> None:
    """Refuse a target that cannot be split, saying what is wrong (nothing is stored then)."""
    if not 2000 <= target.year <= 2100:
        raise UserError(f"{target.year} is not a year a target can be set for", f"不能为 {target.year} 年设定目标")
    if target.target_minor <= 0:
        raise UserError("The revenue target must be more than zero", "营收目标必须大于零")
    if target.split not in SPLITS:
        raise UserError(f"Unknown split {target.split!r}; use one of {', '.join(SPLITS)}",
                        f"没有分配方式 {target.split!r}；可选：{', '.join(SPLITS)}")
    if target.month_weights and (len(target.month_weights) != 12 or min(target.month_weights) < 0
                                 or sum(target.month_weights) == 0):
        raise UserError("Month weights: give 12 numbers, none negative, not all zero", "月份权重：需要 12 个数，不能为负，不能全为零")
    if target.split == "season":
        if not target.seasons:
            raise UserError("A split by season needs at least one season (name, first day, last day, share)",
                        "按季节分配至少需要一个季节（名称、首日、末日、占比）")
        taken: list[tuple[date, date, str]] = []
        for s in target.seasons:
            first, end = s.days_in(target.year)
            if end <= first:
                raise UserError(f"Season {s.name!r} ends before it starts ({s.start} – {s.end})",
                                f"季节 {s.name!r} 结束早于开始（{s.start} – {s.end}）")
            if not 0 < s.share_percent <= 100:
                raise UserError(f"Season {s.name!r}: the share must be 1–100 %, not {s.share_percent}",
                                f"季节 {s.name!r}：占比应为 1–100%，而不是 {s.share_percent}")
            for a, b, other in taken:
                if first < b and a < end:
                    raise UserError(f"Seasons {other!r} and {s.name!r} overlap", f"季节 {other!r} 与 {s.name!r} 重叠")
            taken.append((first, end, s.name))
        if sum(s.share_percent for s in target.seasons) > 100:
            raise UserError("The seasons' shares add up to more than 100 %", "各季节占比合计超过 100%")


def _largest_remainder(total: int, weights: list[int]) -> list[int]:
    whole = sum(weights)
    parts = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: -(total * weights[i] % whole))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def split_target(target: RevenueTarget) -> list[TargetPart]:
    check_target(target)
    year_start, year_end = date(target.year, 1, 1), date(target.year + 1, 1, 1)
    if target.split == "month":
        ms = months(year_start, year_end)
        weights = list(target.month_weights) or [m.nights for m in ms]
        amounts = _largest_remainder(target.target_minor, weights)
        return [TargetPart(m.label, m.first, m.end, a) for m, a in zip(ms, amounts)]
    seasons = sorted(target.seasons, key=lambda s: s.days_in(target.year))
    spans = [(s.name, *s.days_in(target.year), s.share_percent) for s in seasons]
    rest_share = 100 - sum(s.share_percent for s in seasons)
    rest_days = (year_end - year_start).days - sum((b - a).days for _n, a, b, _p in spans)
    weights = [p for *_x, p in spans] + ([rest_share] if rest_share and rest_days else [])
    amounts = _largest_remainder(target.target_minor, weights)
    parts = [TargetPart(name, a, b, amount) for (name, a, b, _p), amount in zip(spans, amounts)]
    if len(amounts) > len(spans):
        # The rest of the year is the gaps between seasons: one part per gap, its amount by days.
        gaps, cursor = [], year_start
        for _n, a, b, _p in spans:
            if cursor < a:
                gaps.append((cursor, a))
            cursor = b
        if cursor < year_end:
            gaps.append((cursor, year_end))
        for (a, b), amount in zip(gaps, _largest_remainder(amounts[-1], [(b - a).days for a, b in gaps])):
            parts.append(TargetPart(REST_OF_YEAR, a, b, amount))
        parts.sort(key=lambda p: p.first)
    return parts


@dataclass(frozen=True)
class PartProgress:
    name: str
    first: date
    end: date
    target_minor: int
    target_to_date_minor: int  # the part's target for its days before today
    actual_minor: int  # revenue of its nights before today
    on_the_books_minor: int  # revenue already booked for its nights from tonight on
    done: float | None  # (actual + on the books) ÷ target


@dataclass(frozen=True)
class TargetProgress:
    year: int
    currency: str
    today: date
    split: str
    target_minor: int
    target_to_date_minor: int
    actual_minor: int  # the year's revenue of nights before today
    on_the_books_minor: int  # booked for tonight and later nights of the year
    remaining_minor: int  # target − actual − on the books (0 once reached)
    days_left: int  # nights from tonight to the year's end
    needed_per_day_minor: int | None  # remaining ÷ days left
    adr_minor: int | None  # this year's ADR so far (actual and booked)
    nights_needed: int | None  # remaining ÷ ADR, rounded up: the rooms still to sell
    parts: list[PartProgress]


def target_progress(target: RevenueTarget, gross_by_night: list[int], sold_by_night: list[int], today: date,
                    currency: str) -> TargetProgress:
    """``gross_by_night`` and ``sold_by_night``: one value per night of the target's year."""
    year_start = date(target.year, 1, 1)
    cut = min(max((today - year_start).days, 0), len(gross_by_night))  # nights before today
    parts = []
    for part in split_target(target):
        a, b = (part.first - year_start).days, (part.end - year_start).days
        actual = sum(gross_by_night[a:min(b, cut)])
        booked = sum(gross_by_night[max(a, cut):b])
        parts.append(PartProgress(part.name, part.first, part.end, part.target_minor,
                                  part.target_between(part.first, min(part.end, max(today, part.first))),
                                  actual, booked, (actual + booked) / part.target_minor if part.target_minor else None))
    actual, booked = sum(gross_by_night[:cut]), sum(gross_by_night[cut:])
    remaining = max(0, target.target_minor - actual - booked)
    days_left = len(gross_by_night) - cut
    sold = sum(sold_by_night)
    adr = (2 * (actual + booked) + sold) // (2 * sold) if sold else None
    return TargetProgress(
        target.year, currency, today, target.split, target.target_minor, sum(p.target_to_date_minor for p in parts),
        actual, booked, remaining, days_left, -(-remaining // days_left) if days_left else None, adr,
        -(-remaining // adr) if adr else None, parts)
