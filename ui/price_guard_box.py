"""The fat-finger question, asked the same way wherever a price is typed (Prices page, calendar).

The core refuses a suspicious move with ConfirmationRequired carrying the guard's report; the
page shows the biggest moves here and, on "Save anyway", does the same work again with force.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from channelmgr.money import format_minor
from channelmgr.pricing.guard import GuardReason, GuardReport


translate = QCoreApplication.translate  # literal calls: lupdate collects them (context PriceGuardBox)


def ask_price_confirmation(parent: QWidget, report: GuardReport, where: Callable[[Hashable], str],
                           currency: str, on_confirm: Callable[[], None]) -> QMessageBox:
    """A window-modal box listing the biggest moves (``where(key)`` names a cell); "Save anyway"
    calls ``on_confirm``, "Go back" does nothing."""
    lines = []
    for move in report.biggest(8):
        percent = "" if move.change_percent is None else f" ({move.change_percent:+}%)"
        below = " " + translate("PriceGuardBox", "below the floor") if GuardReason.BELOW_FLOOR in move.reasons else ""
        before = "—" if move.old is None else format_minor(move.old, currency)
        lines.append(f"{where(move.key)}: {before} → {format_minor(move.new, currency)}{percent}{below}")
    count = len(report.suspicious)
    question = translate("PriceGuardBox", "%n price(s) would move more than usual. Is this what you meant?", "", count)
    box = QMessageBox(QMessageBox.Icon.Warning, translate("PriceGuardBox", "Check these prices"), question,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("price_guard_box")
    box.setInformativeText("\n".join(lines))
    confirm = box.addButton(translate("PriceGuardBox", "Save anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("PriceGuardBox", "Go back"), QMessageBox.ButtonRole.RejectRole)
    box.buttonClicked.connect(lambda button: on_confirm() if button is confirm else None)
    box.open()
    return box
