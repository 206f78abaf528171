"""Bar labels show a channel's whole name: level under the bars when each fits its slot (two lines
broken at a space at most), else every label turned 45° with the plot leaving them room. A name is
never broken inside a word: "Booking.com" read "Booki / ng.c…" at a 1000 px window."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetrics

from ui.charts import BarChart, Series
from ui.charts.bar_labels import MAX_TURNED, word_lines

NAMES = ["缤客 Booking.com", "携程 Ctrip", "爱彼迎 Airbnb", "美团民宿 Meituan", "途家 Tujia", "飞猪 Fliggy"]


def _chart(qtbot, width: int, names=NAMES) -> BarChart:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(width, 260)
    chart.set_data("各渠道营收", names, [Series("营收", [100.0 * (i + 1) for i in range(len(names))])])
    return chart


def _inside(chart: BarChart) -> bool:
    return all(chart.rect().toRectF().contains(label.box) for label in chart.placed_labels())


def test_a_name_wider_than_its_slot_takes_two_lines_at_its_space_and_stays_whole(qtbot):
    chart = _chart(qtbot, 700)
    fm = QFontMetrics(chart.font())
    slot = chart._slot(chart.plot_rect()) - 6
    assert fm.horizontalAdvance("缤客 Booking.com") > slot  # one line would cut it
    assert word_lines("缤客 Booking.com", fm, slot) == ["缤客", "Booking.com"]
    placed = chart.placed_labels()
    assert [label.lines for label in placed][0] == ("缤客", "Booking.com")
    assert not any(label.transform.isRotating() for label in placed)
    assert [label.text for label in placed] == NAMES and _inside(chart)


def test_a_word_wider_than_its_slot_turns_every_label_whole_instead_of_breaking_it(qtbot):
    chart = _chart(qtbot, 300)
    fm = QFontMetrics(chart.font())
    assert word_lines("缤客 Booking.com", fm, chart._slot(chart._level_plot()) - 6) is None
    placed = chart.placed_labels()
    assert all(label.transform.isRotating() for label in placed)
    assert [label.text for label in placed] == NAMES  # whole: no "…", no break
    assert _inside(chart)
    # The plot rose to leave the turned names their room under it.
    assert chart.plot_rect().bottom() < chart._level_plot().bottom()
    assert all(label.box.top() >= chart.plot_rect().bottom() for label in placed)


def test_the_chart_asks_for_the_height_its_turned_labels_need(qtbot):
    long = ["Trip.com 携程国际 (Channex) 直连", "电话"]
    chart = _chart(qtbot, 300, long)
    chart.set_floor_height(150)
    assert chart.minimumHeight() > 150
    chart.resize(300, chart.minimumHeight())
    assert chart.plot_rect().height() >= BarChart.MIN_PLOT and _inside(chart)


def test_a_name_too_long_even_turned_is_shortened_and_whole_in_the_tooltip_over_it(qtbot):
    name = "美团民宿 Meituan " * 8
    chart = _chart(qtbot, 300, [name.strip(), "电话"])
    chart.resize(300, chart.minimumHeight())
    label = chart.placed_labels()[0]
    assert label.text.endswith("…") and QFontMetrics(chart.font()).horizontalAdvance(label.text) <= MAX_TURNED
    plot = chart.plot_rect()
    index = chart.index_under(QPointF(chart.x_of(0, plot), plot.bottom() + 10))
    assert index == 0 and chart.tooltip_text(index).splitlines()[0] == name.strip()
