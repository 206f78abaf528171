"""The Reports page's tables: by channel and by month, as read-only record models."""

from __future__ import annotations

from datetime import timedelta
from typing import Sequence

from PySide6.QtCore import QObject

from ..models.record_table import Column
from .texts import ReportTexts, money, percent


class ReportColumns(QObject):
    """Column headers through tr() (this object is their translation context)."""

    def _figure_columns(self, figures, currency: str, rows: Sequence) -> list[Column]:
        """Nights, revenue, commission, net and ADR of a line whose Figures ``figures(line)`` gives.

        ``rows``: the lines the table will show. A money column where one of them has cents shows
        cents on every line (¥0.00 above ¥427.50), so the column reads as one kind of figure."""
        def amount(header: str, field: str) -> Column:
            cents = any((getattr(figures(r), field) or 0) % 100 for r in rows)
            return Column(header, lambda r: money(getattr(figures(r), field), currency, cents=cents), True,
                          lambda r: getattr(figures(r), field) or 0)

        return [Column(self.tr("Nights"), lambda r: str(figures(r).sold_nights), True, lambda r: figures(r).sold_nights),
                amount(self.tr("Revenue"), "gross_minor"), amount(self.tr("Commission"), "commission_minor"),
                amount(self.tr("Net"), "net_minor"), amount(self.tr("ADR"), "adr_minor")]

    def channel_columns(self, texts: ReportTexts, currency: str, rows: Sequence = ()) -> list[Column]:
        return [
            Column(self.tr("Channel"), texts.channel),
            Column(self.tr("Bookings"), lambda r: str(r.figures.bookings), True, lambda r: r.figures.bookings),
            *self._figure_columns(lambda r: r.figures, currency, rows),
            Column(self.tr("Share"), lambda r: percent(r.share_of_gross), True, lambda r: r.share_of_gross or 0),
            Column(self.tr("Cancelled"), lambda r: f"{r.cancelled} ({percent(r.cancellation_rate)})", True,
                   lambda r: r.cancelled),
        ]

    def month_columns(self, currency: str, rows: Sequence = ()) -> list[Column]:
        return [
            Column(self.tr("Month"), lambda m: m.month),
            Column(self.tr("Occupancy"), lambda m: percent(m.figures.occupancy), True,
                   lambda m: m.figures.occupancy or 0),
            *self._figure_columns(lambda m: m.figures, currency, rows),
            Column(self.tr("RevPAR"), lambda m: money(m.figures.revpar_minor, currency), True,
                   lambda m: m.figures.revpar_minor or 0),
        ]

    def target_columns(self, currency: str) -> list[Column]:
        """One line per part of the yearly target (a month, a season, the rest of the year)."""
        return [
            Column(self.tr("Part"), lambda p: self.tr("Rest of the year") if p.name == "rest" else p.name),
            Column(self.tr("Dates"), lambda p: f"{p.first:%m-%d} – {p.end - timedelta(days=1):%m-%d}"),
            Column(self.tr("Target"), lambda p: money(p.target_minor, currency), True, lambda p: p.target_minor),
            Column(self.tr("Earned"), lambda p: money(p.actual_minor, currency), True, lambda p: p.actual_minor),
            Column(self.tr("On the books"), lambda p: money(p.on_the_books_minor, currency), True,
                   lambda p: p.on_the_books_minor),
            Column(self.tr("Done"), lambda p: percent(p.done), True, lambda p: p.done or 0),
        ]
