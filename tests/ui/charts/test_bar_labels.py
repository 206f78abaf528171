"""Bar labels show a channel's whole name when two lines hold it, and the tooltip over a label
has it whole when it is still shortened (the review saw 缤客 Bo… cut under its bars)."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetrics

from ui.charts import BarChart, Series
from ui.charts.chart_view import label_lines

NAMES = ["缤客 Booking.com", "携程 Ctrip", "爱彼迎 Airbnb", "美团民宿 Meituan", "途家 Tujia", "飞猪 Fliggy"]


def _chart(qtbot, width: int) -> BarChart:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(width, 260)
    chart.set_data("各渠道营收", NAMES, [Series("营收", [100.0 * (i + 1) for i in range(len(NAMES))])])
    return chart


def test_a_name_wider_than_its_slot_takes_two_lines_and_stays_whole(qtbot):
    chart = _chart(qtbot, 560)
    fm = QFontMetrics(chart.font())
    slot = int(chart._slot(chart.plot_rect()) - 6)
    assert fm.horizontalAdvance("缤客 Booking.com") > slot  # one line would cut it
    lines = label_lines("缤客 Booking.com", fm, slot)
    assert lines == ["缤客", "Booking.com"]
    assert all(fm.horizontalAdvance(line) <= slot for line in lines)


def test_a_shortened_label_shows_its_whole_name_in_the_tooltip_over_it(qtbot):
    chart = _chart(qtbot, 300)
    fm = QFontMetrics(chart.font())
    plot = chart.plot_rect()
    slot = int(chart._slot(plot) - 6)
    assert "…" in "".join(label_lines("美团民宿 Meituan", fm, slot))
    under_label = QPointF(chart.x_of(3, plot), plot.bottom() + 4 + fm.height() * 1.5)  # its second line
    index = chart.index_under(under_label)
    assert index == 3 and chart.tooltip_text(index).splitlines()[0] == "美团民宿 Meituan"


def test_one_word_wider_than_its_slot_is_broken_inside_not_shortened(qtbot):
    # "Booking.com" has no space: it showed as "Booki…" in the reports' chart at 1000 px.
    chart = _chart(qtbot, 300)
    fm = QFontMetrics(chart.font())
    width = fm.horizontalAdvance("Booking.c")
    assert label_lines("Booking.com", fm, width) == ["Booking.", "com"]  # after its dot
    assert label_lines("Tujia", fm, fm.horizontalAdvance("Tuj")) == ["Tuj", "ia"]  # no mark: where it stops fitting
    lines = label_lines("携程国际商旅", fm, fm.horizontalAdvance("携程国际"))
    assert lines == ["携程国际", "商旅"]
    assert all(fm.horizontalAdvance(line) <= fm.horizontalAdvance("携程国际") for line in lines)
