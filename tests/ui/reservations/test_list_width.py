"""The bookings list shows the columns a desk reads in a 1000 px window, without scrolling sideways.

Screenshot check: at 1000 px the source, status and room columns were past the right edge of the
list (the number and nights columns and a 356 px details panel took the room), reachable only by
the horizontal scroll bar.
"""

from PySide6.QtCore import QPoint, Qt

# Widths are measured in the app's own font (ui.fonts), as the desk sees them: the same autouse
# fixture as the window-width checks.
from tests.ui.test_window_width import _the_apps_font  # noqa: F401

SCREEN = 1000
# English headers are longer (and so are the details' buttons): the dates and amount may need the
# scroll bar there, the columns the screenshot missed do not.
IN_VIEW_IN_ENGLISH = ("Guest", "Room type", "Room", "Status", "Source")


def _columns_in_view(window, qtbot) -> dict[str, tuple[int, int, int]]:
    window.resize(SCREEN, 700)
    qtbot.waitUntil(lambda: window.width() == SCREEN)
    page = window.pages["reservations"]
    window.show_page("reservations")
    qtbot.waitUntil(lambda: page.loaded and page.model.rowCount() > 0)
    panel = page.bookings
    header, width = panel.view.horizontalHeader(), panel.view.viewport().width()
    english = {column: col for column, col in enumerate(page.model.columns)}
    return {english[c].header: (header.sectionViewportPosition(c), header.sectionSize(c), width)
            for c in range(header.count()) if not header.isSectionHidden(c)}


def _assert_in_view(found, names):
    for name in names:
        left, size, width = found[name]
        assert 0 <= left and left + size <= width, (name, found)


def test_source_status_and_room_are_in_view_at_1000_px(window, qtbot):
    found = _columns_in_view(window, qtbot)  # the default desk language, Chinese
    _assert_in_view(found, ("来源", "状态", "房间", "客人", "房型", "入住", "离店", "金额"))
    assert "编号" not in found and "间夜" not in found  # hidden at first, a right-click away


def test_in_english_too(qtbot, app_context):
    from ui import i18n
    from ui.main_window import MainWindow

    i18n.install_language("en")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    _assert_in_view(_columns_in_view(window, qtbot), IN_VIEW_IN_ENGLISH)


def test_a_hidden_column_comes_back_from_the_headers_menu(window, qtbot):
    _columns_in_view(window, qtbot)
    panel = window.pages["reservations"].bookings
    header = panel.view.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(5, 5))
    menu = panel.column_menu
    nights = next(a for a in menu.actions() if a.text() == "间夜")
    assert not nights.isChecked()
    nights.setChecked(True)
    column = next(c for c, col in enumerate(panel.model.columns) if col.header == "间夜")
    assert not header.isSectionHidden(column) and header.sectionSize(column) > 0
    guest = next(a for a in menu.actions() if a.text() == "客人")
    assert not guest.isEnabled()  # the guest's name always stays
    menu.close()


def test_a_long_guest_name_is_cut_off_with_the_whole_name_in_the_tooltip(window, qtbot):
    _columns_in_view(window, qtbot)
    panel = window.pages["reservations"].bookings
    guest = next(c for c, col in enumerate(panel.model.columns) if col.header == "客人")
    index = panel.model.index(0, guest)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()


def test_the_details_take_a_third_at_most_400_px_until_the_desk_drags_the_handle(window, qtbot):
    _columns_in_view(window, qtbot)
    panel = window.pages["reservations"].bookings
    splitter = panel.splitter
    list_width, details = splitter.sizes()
    assert details >= panel.detail.minimumSizeHint().width() and list_width > 2 * details - 20
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: splitter.sizes()[1] == 400)
    splitter.moveSplitter(900, 1)  # the desk drags the handle: the rule no longer applies
    assert splitter.sizes()[1] > 400
    window.resize(1500, 900)
    qtbot.waitUntil(lambda: window.width() == 1500)
    assert splitter.sizes()[1] > 400  # the rule would have put the details back at 400 px
