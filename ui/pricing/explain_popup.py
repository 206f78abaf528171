"""Why a price is what it is: the explain steps in a small popup (or as tooltip HTML).

Takes the steps of ``PricingService.explain`` (``PriceExplanation.steps``: label, operation,
price after) so any view can use it — the Prices page on a preview cell, the calendar on a cell::

    explanation = services.pricing.explain(pid, "LKV", "BAR", "ctrip", night)   # on ctx.db_tasks
    show_explain_popup(view, explanation, view.viewport().mapToGlobal(rect.bottomLeft()))
    # or: cell tooltip = explain_html(explanation.steps, explanation.currency)
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from channelmgr.pricing.views import ExplainStep, PriceExplanation

from . import texts


def notes_of(explanation: PriceExplanation) -> list[str]:
    notes = []
    if explanation.min_stay:
        nights = explanation.min_stay  # a plain name: lupdate skips calls with attribute arguments
        notes.append(QCoreApplication.translate("ExplainPopup", "Minimum stay: %n night(s)", "", nights))
    if explanation.estimated_holidays:
        notes.append(QCoreApplication.translate(
            "ExplainPopup", "This year's public holidays are not published yet: estimated."))
    return notes


def title_of(explanation: PriceExplanation) -> str:
    return f"{explanation.room_type} · {explanation.rate_plan} · {explanation.channel} · {explanation.night}"


class ExplainPopup(QFrame):
    """The steps as a three-column list: what, how (+80, ×1.5, +15%), price after."""

    def __init__(self, steps: Sequence[ExplainStep], currency: str = "CNY", title: str = "",
                 notes: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("explain_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        if title:
            heading = QLabel(f"<b>{escape(title)}</b>", self)
            heading.setObjectName("explain_title")
            layout.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self.step_labels: list[QLabel] = []
        for row, step in enumerate(steps):
            label = QLabel(texts.pick(step.label_zh, step.label_en), self)
            operation = QLabel(step.operation, self)
            price = QLabel(texts.money(step.price_after_minor, currency), self)
            price.setAlignment(Qt.AlignmentFlag.AlignRight)
            for column, widget in enumerate((label, operation, price)):
                grid.addWidget(widget, row, column)
            self.step_labels.append(label)
        layout.addLayout(grid)
        if steps:
            total = QLabel(f"<b>= {escape(texts.money(steps[-1].price_after_minor, currency))}</b>", self)
            total.setObjectName("explain_total")
            total.setAlignment(Qt.AlignmentFlag.AlignRight)
            layout.addWidget(total)
        for note in notes:
            text = QLabel(note, self)
            text.setWordWrap(True)
            layout.addWidget(text)


def show_explain_popup(parent: QWidget, explanation: PriceExplanation, at: QPoint,
                       extra_notes: Sequence[str] = ()) -> ExplainPopup:
    """Open the popup at global position ``at``; it closes itself on the next click elsewhere."""
    popup = ExplainPopup(explanation.steps, explanation.currency, title_of(explanation),
                         [*notes_of(explanation), *extra_notes], parent)
    popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    popup.move(at)
    popup.show()
    return popup


def explain_html(steps: Sequence[ExplainStep], currency: str = "CNY") -> str:
    """The steps as a small HTML table, for a tooltip."""
    rows = "".join(
        f"<tr><td>{escape(texts.pick(step.label_zh, step.label_en))}</td><td>{escape(step.operation)}</td>"
        f"<td align='right'>{escape(texts.money(step.price_after_minor, currency))}</td></tr>"
        for step in steps)
    return f"<table cellspacing='4'>{rows}</table>"
