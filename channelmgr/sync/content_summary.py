"""What a pass's listing-content part found and did, as one line per channel in both languages.

"content: 5 room types, 38 amenities, 12 photos, 5 summaries, 5 floor areas; 3 attributes not carried", "content unchanged",
or "content: not taken by this channel". The dry run (CLI and dialog) shows it before anything is
sent; the pass report carries it after. The desk says the same from the fields (ui/sync/texts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..language import say


@dataclass(frozen=True)
class ContentSummary:
    taken: bool                      # the channel's capability ``content``
    room_types: int = 0              # room types whose content is to be sent (changed, or forced)
    property_part: bool = False      # the property's part (check-in/out, names, contact) is to be sent
    amenities: int = 0               # amenity codes in what is to be sent
    photos: int = 0                  # photo URLs in what is to be sent
    summaries: int = 0               # room types sent with their one-line summary
    areas: int = 0                   # room types sent with their floor area
    local_photos: int = 0            # photos that are files on this computer: never sent
    not_carried: tuple[str, ...] = ()  # attribute keys filled in but without a place in the message
    requests_planned: int = 0
    acknowledged: int = 0            # parts the channel accepted in this pass
    held_back: int = 0               # parts refused before as they are: not resent by automatic passes

    @property
    def pending(self) -> int:
        return max(0, self.requests_planned - self.acknowledged) + self.held_back

    def text(self, language: str | None = None) -> str:
        if not self.taken:
            return say("content: not taken by this channel (capability content=false), nothing sent",
                       "房型内容：该渠道不接收（content=false），不发送", language)
        if not self.requests_planned:
            if self.held_back:
                return say(f"content: {self.held_back} part(s) refused earlier, held until changed or pushed by hand",
                           f"房型内容：{self.held_back} 项此前被拒，修改或手动推送前不再发送", language)
            return say("content unchanged", "房型内容未变", language)
        en = [f"{self.room_types} room type(s)", f"{self.amenities} amenities", f"{self.photos} photo(s)"]
        zh = [f"{self.room_types} 个房型", f"{self.amenities} 项设施", f"{self.photos} 张照片"]
        if self.property_part:
            en.append("property details")
            zh.append("酒店信息")
        for count, phrase_en, phrase_zh in ((self.summaries, "summary(ies)", "条简介"),
                                            (self.areas, "floor area(s)", "个面积")):
            if count:  # said only when a room type being sent has one
                en.append(f"{count} {phrase_en}")
                zh.append(f"{count} {phrase_zh}")
        tail_en, tail_zh = [], []
        if self.not_carried:
            tail_en.append(f"{len(self.not_carried)} attribute(s) not carried")
            tail_zh.append(f"{len(self.not_carried)} 项属性无法发送")
        if self.local_photos:
            tail_en.append(f"{self.local_photos} photo(s) on this computer only, not sent")
            tail_zh.append(f"{self.local_photos} 张照片仅在本机，未发送")
        return say("content: " + ", ".join(en) + "".join(f"; {t}" for t in tail_en),
                   "房型内容：" + "，".join(zh) + "".join(f"；{t}" for t in tail_zh), language)
