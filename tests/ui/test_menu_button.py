"""Menu buttons show their whole text beside the menu arrow (the review saw 导出 Excel… cut
under the arrow on the reports page, and the same on 添加规则 and 入住)."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QToolButton

from ui.menu_button import MenuButton


def _text_and_arrow_width(button: QToolButton) -> int:
    """What a button with this text and no menu asks for, plus the style's menu arrow."""
    plain = QToolButton()
    plain.setText(button.text())
    plain.setFont(button.font())
    plain.ensurePolished()
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    width = plain.sizeHint().width() + arrow
    plain.deleteLater()
    return width


def test_the_size_hint_makes_room_for_the_text_and_the_arrow(qtbot):
    for text in ("导出 Excel…", "Export to Excel…", "添加规则", "入住"):
        button = MenuButton(text)
        qtbot.addWidget(button)
        button.menu().addAction("x")
        # a plain InstantPopup QToolButton's hint is the text's only: the arrow covered its end
        assert button.sizeHint().width() >= _text_and_arrow_width(button)
        assert button.minimumSizeHint().width() >= button.sizeHint().width()
        assert button.popupMode() is QToolButton.ToolButtonPopupMode.InstantPopup


def test_the_reports_prices_and_board_buttons_are_menu_buttons(qtbot, app_context):
    from ui.pages.prices import PricesPage
    from ui.pages.reports import ReportsPage
    for page, name in ((ReportsPage(app_context), "export_button"), (PricesPage(app_context), "add_button")):
        qtbot.addWidget(page)
        button = getattr(page, name)
        assert isinstance(button, MenuButton)
        assert button.sizeHint().width() >= _text_and_arrow_width(button)
