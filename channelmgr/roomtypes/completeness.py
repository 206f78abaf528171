"""Listing completeness of one room type for every channel profile, in the profiles' order."""

from __future__ import annotations

from typing import Any, Mapping

from ..catalog import PROFILES, completeness
from .views import ChannelScore


def channel_scores(values: Mapping[str, Any]) -> tuple[ChannelScore, ...]:
    """One score per channel for stored-form `values`; cheap enough to run on every keystroke."""
    scores = []
    for channel, profile in PROFILES.items():
        result = completeness(values, profile)
        scores.append(ChannelScore(channel, profile["label_zh"], profile["label_en"], result.score,
                                   result.missing_required, result.missing_recommended))
    return tuple(scores)
