"""The dashboard's arrival and departure lists show their rows whole in a window of an ordinary
laptop's size (the review saw the arrivals list squeezed under the chart, rows cut off).

A row's height is what the view lays out (a Chinese fallback font's taller line, the style's
padding, a long line wrapped at the column's width), never a guess from the widget's font. The
lists are checked against the rows they really show, and against their minimum height (what the
page's layout guarantees them), not against whatever room today's chart and alerts happen to
leave, which varies with the demo data."""

from __future__ import annotations

from dataclasses import replace

from ui.pages.dashboard import DashboardPage

ROWS_SHOWN = 3
LONG_GUEST = "Alexandra Montgomery-Fitzwilliam 与欧阳娜娜一家三代同堂（含两位长辈与三个孩子）"


def _shown_page(qtbot, app_context) -> DashboardPage:
    page = DashboardPage(app_context)
    qtbot.addWidget(page)
    page.resize(1000, 560)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.loaded)
    qtbot.waitExposed(page)
    return page


def _assert_rows_whole(arrivals) -> None:
    viewport = arrivals.viewport().rect()
    heights = []
    for i in range(arrivals.count()):
        rect = arrivals.visualItemRect(arrivals.item(i))
        # a long line wraps inside the column rather than running past its right edge
        assert rect.right() <= viewport.right()
        assert arrivals.item(i).toolTip() == arrivals.item(i).text()
        heights.append(rect.height())
    chrome = arrivals.height() - arrivals.viewport().height()  # the frame around the rows
    room = arrivals.minimumHeight() - chrome
    first = heights[:ROWS_SHOWN]
    assert room >= sum(first), (room, heights)  # the first rows whole, however short the window
    assert room >= ROWS_SHOWN * min(first), (room, heights)  # and room for a few, not a sliver
    assert viewport.height() >= room


def test_the_arrivals_list_shows_its_rows_whole_in_a_small_window(qtbot, app_context):
    page = _shown_page(qtbot, app_context)
    assert page.arrivals.count() >= 1
    _assert_rows_whole(page.arrivals)


def test_a_guest_line_wrapped_over_several_lines_is_shown_whole(qtbot, app_context):
    page = _shown_page(qtbot, app_context)
    board = page.board
    assert board.arrivals
    first = replace(board.arrivals[0], guest_name=LONG_GUEST)
    page.show_board(replace(board, arrivals=[first, *board.arrivals[1:]], late_arrivals=[]))  # it is the first row
    arrivals = page.arrivals
    heights = [arrivals.visualItemRect(arrivals.item(i)).height() for i in range(arrivals.count())]
    assert heights[0] >= 3 * min(heights) // 2  # it did wrap over several lines
    _assert_rows_whole(arrivals)


def test_a_late_arrival_is_counted_and_listed_with_the_day_it_was_due(qtbot, app_context):
    # The rooms board marked 王芳 late (due yesterday, not checked in); the dashboard showed nothing.
    from ui.calendar.texts import date_text

    page = _shown_page(qtbot, app_context)
    [late] = page.board.late_arrivals
    assert page.tiles["arrivals"].value.text() == str(len(page.board.arrivals))
    assert page.tiles["arrivals"].note.text() == "and 1 late"
    texts = [page.arrivals.item(i).text() for i in range(page.arrivals.count())]
    assert texts[0].startswith(late.guest_name) and texts[0].endswith(f"late: due {date_text(late.arrival)}")
    assert len(texts) == len(page.board.arrivals) + 1
