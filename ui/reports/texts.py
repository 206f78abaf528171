"""How the reports' plain data reads at the desk: money, rates, channel and alert words."""

from __future__ import annotations

from PySide6.QtCore import QObject

from channelmgr.money import format_minor
from channelmgr.reports.dashboard import Alert


def money(minor: int | None, currency: str = "CNY", *, cents: bool = False) -> str:
    return "—" if minor is None else format_minor(minor, currency, cents=cents)


def whole_money(minor: int | None, currency: str = "CNY") -> str:
    """A big figure at a glance: whole yuan, rounded half up (¥42,594 rather than ¥42,594.17)."""
    return "—" if minor is None else format_minor((minor + 50) // 100 * 100, currency)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def short_money(minor: float | None) -> str:
    """An axis label: ¥12.5万 rather than ¥125,000.00."""
    if minor is None:
        return "—"
    yuan = minor / 100
    if abs(yuan) >= 10_000:
        return f"¥{yuan / 10_000:.1f}万".replace(".0万", "万")
    return f"¥{yuan:,.0f}"


class ReportTexts(QObject):
    """Translated words, owned by a widget so tr() finds its context."""

    def source(self, key: str) -> str:
        return {"phone": self.tr("Phone"), "wechat": self.tr("WeChat"), "walk_in": self.tr("Walk-in"),
                "other": self.tr("Other")}.get(key, key)

    def channel(self, line) -> str:
        return line.label if line.is_ota else self.source(line.channel)

    def alert(self, alert: Alert) -> str:
        n = str(alert.count)
        if alert.kind == "overbooking":
            return self.tr("Overbooked: %1, %2 night(s)").replace("%1", alert.subject).replace("%2", n)
        if alert.kind == "channel_failing":
            return self.tr("Channel failing: %1").replace("%1", alert.subject)
        if alert.kind == "channel_pending":
            return self.tr("Channel not in sync: %1, %2 change(s) waiting").replace("%1", alert.subject).replace("%2", n)
        if alert.kind == "channel_drift":
            return self.tr("%1 shows %2 value(s) other than ours: see Channels ▸ Drift audit").replace(
                "%1", alert.subject).replace("%2", n)
        if alert.kind == "listing_incomplete":
            return self.tr("Listing %1 only %2% complete").replace("%1", alert.subject).replace("%2", n)
        if alert.kind == "needs_attention":
            return self.tr("%1 channel booking(s) could not be stored (unmapped room or rate)").replace("%1", n)
        return f"{alert.kind}: {alert.subject}"
