"""Refusals of the room-type services, worded in both languages.

The core does not know which language the desk reads, so every refusal carries both: the CLI
prints `str(error)` (English, then Chinese), the UI picks `error.message(lang)`. Validation
refusals also carry the catalog `Problem`s, so an editor can put each one next to its field.
"""

from __future__ import annotations

from typing import Iterable

from ..catalog import ATTRIBUTES, Problem
from ..errors import NotFound, UserError

_CATALOG_ORDER = {attribute.key: index for index, attribute in enumerate(ATTRIBUTES)}


class RoomTypeError(UserError):
    def __init__(self, message_en: str, message_zh: str):
        super().__init__(f"{message_en} / {message_zh}")
        self.message_en = message_en
        self.message_zh = message_zh

    def message(self, lang: str) -> str:
        """The message in "zh" or "en"."""
        return self.message_zh if lang == "zh" else self.message_en


class RoomTypeNotFound(RoomTypeError, NotFound):
    pass


class ValidationFailed(RoomTypeError):
    """A save refused as a whole: nothing was written. `problems` are in editor (catalog) order."""

    def __init__(self, problems: Iterable[Problem], what_en: str = "Room type", what_zh: str = "房型"):
        # Keys the catalog does not know (typos) come first: they are the surprise.
        self.problems = tuple(sorted(problems, key=lambda p: _CATALOG_ORDER.get(p.key, -1)))
        count = len(self.problems)
        super().__init__(
            f"{what_en} not saved, {count} problem{'s' if count != 1 else ''}: "
            + "; ".join(f"{p.label_en} ({p.key}): {p.message_en}" for p in self.problems),
            f"{what_zh}未保存，共 {count} 处问题：" + "；".join(f"{p.label_zh}：{p.message_zh}" for p in self.problems),
        )

    def keys(self) -> list[str]:
        return [problem.key for problem in self.problems]


class PhotoRejected(RoomTypeError):
    """A photo file that cannot be used; the message names the file."""
