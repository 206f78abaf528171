"""Our minimum stays (stay-through) as a channel that reads them arrival-based must be sent.

Our calendar's minimum stay belongs to the night: a stay that *includes* night n must last at
least m(n) nights (channel_profiles.OUR_MIN_STAY_BASIS). An arrival-based channel checks only the
arrival night's number: a stay arriving on d is sold when its length L ≥ a(d).

Sending a(d) = m(d) unchanged would sell stays we refuse: with 国庆 (1–7 Oct) at 3 nights, a
2-night stay arriving 30 Sep covers 1 Oct, yet 30 Sep itself has no minimum. Under "through" the
stays allowed from d are not always every length from some L on (30 Sep: 1 night yes, 2 no, 3
yes), and one arrival number cannot say that. We send the smallest a(d) from which *every*
longer stay honours every night it covers: an arrival-based channel then never sells a stay our
calendar forbids. The price is a few stays we would take that the channel now refuses (the
1-night stay on 30 Sep above) — the owner's minimum is the firmer intent, as with max < min.

Nights beyond the horizon are unknown here and taken as without minimum (a stay arriving near
the end still covers the known nights' minimums).
"""

from __future__ import annotations

from typing import Sequence


def arrival_min_stays(through: Sequence[int]) -> list[int]:
    """The arrival-based minimum of each night of ``through`` (consecutive nights, each ≥ 1).

    a(d) = 1 + the longest L whose stay [d, d+L) covers a night asking more than L. Only L below
    the largest minimum can fall short, so the work is nights × that minimum.
    """
    n = len(through)
    highest = max(through, default=1)
    out = []
    for start in range(n):
        longest_short = 0
        covered_max = 0
        for length in range(1, highest):  # lengths 1 … highest − 1
            last = start + length - 1
            if last < n:  # beyond the horizon: no minimum known
                covered_max = max(covered_max, through[last])
            if covered_max > length:
                longest_short = length
        out.append(longest_short + 1)
    return out
