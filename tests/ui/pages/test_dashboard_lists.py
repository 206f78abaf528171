"""The dashboard's arrival and departure lists show their rows whole in a window of an ordinary
laptop's size (the review saw the arrivals list squeezed under the chart, rows cut off)."""

from __future__ import annotations

from ui.pages.dashboard import DashboardPage

ROWS_SHOWN = 3


def test_the_arrivals_list_shows_its_rows_whole_in_a_small_window(qtbot, app_context):
    page = DashboardPage(app_context)
    qtbot.addWidget(page)
    page.resize(1000, 560)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.loaded)
    qtbot.waitExposed(page)
    arrivals = page.arrivals
    assert arrivals.count() >= 1
    viewport = arrivals.viewport().rect()
    row = arrivals.visualItemRect(arrivals.item(0))
    assert viewport.height() >= ROWS_SHOWN * row.height()  # room for a few arrivals, not a sliver
    for i in range(arrivals.count()):
        rect = arrivals.visualItemRect(arrivals.item(i))
        # a long line wraps inside the column rather than running past its right edge
        assert rect.right() <= viewport.right()
        assert arrivals.item(i).toolTip() == arrivals.item(i).text()
