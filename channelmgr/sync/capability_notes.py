"""What a channel's capabilities change in a push, stated plainly: one short phrase per kind, one
line per channel ("airbnb: min stay sent as arrival-based; CTD not supported, 12 nights skipped").

``desired_state`` makes the notes while it works out what the channel can carry; the dry run
(CLI and dialog) and the sync log of a real pass show them, so nothing is skipped or translated
in silence. The phrases are made here in both languages for the CLI and the log; the desk
translates the same codes itself (ui/sync/texts.py). The sync log keeps the codes (``to_json``),
not a phrase, so each reader words a stored note in its own language.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Iterable, Mapping

from ..language import say

# Codes, in the order a line lists them.
MIN_STAY_TRANSLATED = "min_stay_translated"    # detail: the channel's basis; nights: raised
BEYOND_HORIZON = "beyond_horizon"              # nights not sent; limit: the channel's horizon
RESTRICTION_UNSUPPORTED = "restriction_unsupported"  # detail: the restriction; nights skipped
OCCUPANCY_SINGLE_PRICE = "occupancy_single_price"
PRICE_UNIT_UNSUPPORTED = "price_unit_unsupported"  # detail: the channel's unit
CODES = (MIN_STAY_TRANSLATED, BEYOND_HORIZON, RESTRICTION_UNSUPPORTED, OCCUPANCY_SINGLE_PRICE,
         PRICE_UNIT_UNSUPPORTED)

RESTRICTION_SHORT = {"stop_sell": ("stop-sell", "停售"), "cta": ("CTA", "禁止入住（CTA）"),
                     "ctd": ("CTD", "禁止离店（CTD）"), "min_stay": ("min stay", "最少入住"),
                     "max_stay": ("max stay", "最多入住")}


def _nights(n: int) -> str:
    return f"{n} night" if n == 1 else f"{n} nights"


@dataclass(frozen=True)
class CapabilityNote:
    code: str
    nights: int = 0   # room-type nights concerned (summed over the channel's room types)
    detail: str = ""
    limit: int = 0    # BEYOND_HORIZON: the channel's horizon in days

    def text(self, language: str = "en") -> str:
        n = self.nights
        if self.code == MIN_STAY_TRANSLATED:
            en, zh = "min stay sent as arrival-based", "最少入住按入住日发送"
            if n:
                en += f" (raised on {_nights(n)} so no stay sold breaks a later night's minimum)"
                zh += f"（{n} 晚已调高，以免售出的住宿违反其后某晚的最少入住）"
            return say(en, zh, language)
        if self.code == BEYOND_HORIZON:
            return say(f"{_nights(n)} beyond its {self.limit}-day horizon not sent",
                       f"超出其 {self.limit} 天可售期的 {n} 晚未发送", language)
        if self.code == RESTRICTION_UNSUPPORTED:
            en, zh = RESTRICTION_SHORT.get(self.detail, (self.detail, self.detail))
            return say(f"{en} not supported, {_nights(n)} skipped", f"不支持{zh}，{n} 晚未发送", language)
        if self.code == OCCUPANCY_SINGLE_PRICE:
            return say("one price sent for any number of guests (no occupancy prices set up)",
                       "各入住人数发送同一价格（未设置按人数定价）", language)
        if self.code == PRICE_UNIT_UNSUPPORTED:
            return say("prices not sent: the channel reads prices per person, ours are per room",
                       "价格未发送：该渠道按人计价，本店价格按间计", language)
        return self.code

    def to_json(self) -> dict[str, Any]:
        """The note as the sync log stores it: its code and counts, worded only when read."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "CapabilityNote":
        # Keys a newer desk may add are left out rather than refused: the log stays readable.
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


def notes_line(channel: str, notes: Iterable[CapabilityNote], language: str = "en") -> str:
    """``"<channel>: phrase; phrase"``, or "" when the channel carries everything as it is."""
    phrases = [note.text(language) for note in notes]
    if not phrases:
        return ""
    colon, separator = (": ", "; ") if language == "en" else ("：", "；")
    return f"{channel}{colon}{separator.join(phrases)}"
