"""Completeness badges, one per channel: the score, what is missing, and a click to go fill it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from channelmgr.catalog import by_key
from channelmgr.roomtypes import ChannelScore

from .language import label

# Background, text colour per band: full, nearly there, far off.
_BANDS = ((90, "#e3f2e1", "#1b5e20"), (60, "#fff3d6", "#7a4b00"), (0, "#fde2e1", "#8e1b12"))


def band_colours(score: int) -> tuple[str, str]:
    return next((bg, fg) for floor, bg, fg in _BANDS if score >= floor)


def channel_name(channel: str, profile_label: str) -> str:
    """The short name a badge or a column shows, e.g. 携程; a channel profile added later shows
    `profile_label` (its label in the UI language) until it gets a short name here."""
    translate = QCoreApplication.translate
    names = {"meituan": translate("CompletenessBar", "Meituan"), "ctrip": translate("CompletenessBar", "Ctrip"),
             "tujia": translate("CompletenessBar", "Tujia"), "fliggy": translate("CompletenessBar", "Fliggy"),
             "airbnb": translate("CompletenessBar", "Airbnb"), "booking": translate("CompletenessBar", "Booking")}
    return names.get(channel) or profile_label


class CompletenessBar(QWidget):
    jump_requested = Signal(str)  # the attribute key to go and fill

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.badges: dict[str, QToolButton] = {}
        self._first_missing: dict[str, str | None] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Listing completeness:"), self))
        self._row = row
        row.addStretch(1)

    def show_scores(self, scores: tuple[ChannelScore, ...]) -> None:
        for score in scores:
            badge = self.badges.get(score.channel)
            if badge is None:
                badge = QToolButton(self)
                badge.setObjectName(f"badge_{score.channel}")
                badge.setAutoRaise(False)
                badge.clicked.connect(lambda _checked=False, ch=score.channel: self._clicked(ch))
                self._row.insertWidget(self._row.count() - 1, badge)
                self.badges[score.channel] = badge
            background, foreground = band_colours(score.score)
            badge.setText(f"{channel_name(score.channel, label(score, self.lang))} {score.score}%")
            badge.setStyleSheet(f"QToolButton {{ background: {background}; color: {foreground};"
                                " border: 1px solid #c8c8c8; border-radius: 9px; padding: 2px 8px; }")
            badge.setToolTip(self._missing_text(score))
            self._first_missing[score.channel] = score.first_missing

    def _missing_text(self, score: ChannelScore) -> str:
        lines = [f"{label(score, self.lang)}: {score.score}%"]
        for title, keys in ((self.tr("Missing, required:"), score.missing_required),
                            (self.tr("Missing, recommended:"), score.missing_recommended)):
            if keys:
                lines.append(title + " " + ("、" if self.lang == "zh" else ", ").join(
                    label(by_key(key), self.lang) for key in keys))
        if score.first_missing:
            lines.append(self.tr("Click to go to the first missing field."))
        else:
            lines.append(self.tr("Everything this channel asks for is filled in."))
        return "\n".join(lines)

    def _clicked(self, channel: str) -> None:
        key = self._first_missing.get(channel)
        if key:
            self.jump_requested.emit(key)
