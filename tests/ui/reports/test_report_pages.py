"""The Dashboard and Reports pages offscreen on the demo homestay: the numbers shown, the charts
drawn, tooltips, PNG export, a workbook export."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication

from channelmgr.actor import Actor
from channelmgr.reports.target import RevenueTarget
from tests.support.today import property_today


def test_the_dashboard_is_the_first_page_and_shows_today(window, qtbot):
    page = window.pages["dashboard"]
    assert window.current_page() is page
    qtbot.waitUntil(lambda: page.board is not None)
    t = page.tiles
    assert t["arrivals"].value.text() == "2" and t["departures"].value.text() == "0"
    assert t["in_house"].value.text() == "3" and "18" in t["in_house"].note.text()
    assert t["tonight"].value.text() == "16.7%"  # 3 of 18 rooms
    arrivals = {page.arrivals.item(i).text().split(" · ")[0]: page.arrivals.item(i).text() for i in range(page.arrivals.count())}
    assert set(arrivals) == {"Emily Carter", "赵雪", "王芳"}  # 王芳 is late: due yesterday, not checked in
    assert "迟到：应于" in arrivals["王芳"] and "迟到" not in arrivals["赵雪"]
    assert "苍山景观Loft" in arrivals["赵雪"] and " LFT " not in arrivals["赵雪"]  # the room type's name, not its code
    alerts = [page.alerts.item(i).text() for i in range(page.alerts.count())]
    assert any("温馨大床房" in a and "完整度" in a for a in alerts), alerts
    assert "未设定年度目标" in page.revenue_label.text() and page.revenue_bar.isHidden()
    chart = page.ahead_chart
    assert len(chart.categories) == 30 and chart.series[0].values[0] == pytest.approx(3 / 18)
    assert chart.tooltip_text(0).endswith("已售 3 / 18 间房")


def test_dashboard_month_against_a_target(window, qtbot, app_context):
    page = window.pages["dashboard"]
    qtbot.waitUntil(lambda: page.board is not None)
    services = app_context.services
    pid = app_context.property_id
    year = page.board.today.year
    services.reports.set_revenue_target(pid, RevenueTarget(year, 365 * 1000_00), Actor("test"))
    page.board = None
    page.reload()
    qtbot.waitUntil(lambda: page.board is not None)
    month = page.board.month
    first = page.board.today.replace(day=1)
    days = ((first + timedelta(days=32)).replace(day=1) - first).days
    assert month.target_minor == days * 1000_00  # 1000 yuan a day
    assert page.revenue_bar.isVisible() and f"¥{days * 1000:,}" in page.revenue_label.text()


def test_reports_page_numbers_charts_and_tooltips(window, qtbot, app_context, tmp_path):
    window.show_page("reports")
    page = window.pages["reports"]
    today = property_today()
    page.set_period(today - timedelta(days=1), today + timedelta(days=13))  # 15 nights around the demo's stays
    qtbot.waitUntil(lambda: page.loaded is not None and page.loaded.scope.start == today - timedelta(days=1))
    occ = page.loaded.occupancy
    # The demo's thirteen stays, all inside these 15 nights: the desk's eight (王芳 3 nights from
    # yesterday, …: 22 nights) and the OTAs' five (黄静 2, 刘洋 2, 张伟 3, Sophie Martin 2,
    # James Wilson 3: 12 nights).
    assert occ.total.sold_nights == 34 and occ.total.room_nights == 18 * 15
    assert page.tiles["occupancy"].value.text() == f"{34 / 270:.1%}"
    # The amounts: the desk's 1764 + 1176 + … + 1790 = 13386, the OTAs' 788 + … + 2664 = 8880.
    assert page.tiles["gross"].value.text() == "¥22,266"
    chart = page.occupancy_chart
    assert len(chart.categories) == 15 and chart.series[0].values[0] == pytest.approx(1 / 18)
    assert chart.series[0].values[1] == pytest.approx(3 / 18)  # tonight: 王芳, Emily Carter, 赵雪
    # By gross: phone 7422, WeChat 856 + 668 + 3264, Ctrip 1356 + 1494, the hub 2664, Booking.com
    # 2578, walk-in 1176, Meituan 788.
    assert [c for c in page.channel_chart.categories] == [
        "电话", "微信", "携程 Ctrip", "Trip.com 携程国际 (Channex)", "Booking.com", "散客", "美团民宿 Meituan"]
    assert page.channel_model.rowCount() == 7 and page.month_model.rowCount() >= 1
    assert page.channel_model.index(0, 3).data() == "¥7,422"  # phone: 1764 + 3152 + 716 + 1790
    # A desk booking pays no commission. The commission and net columns have cents (Ctrip's
    # below), so every line shows them and the figures line up; the gross column has none.
    assert [page.channel_model.index(0, column).data() for column in (4, 5)] == ["¥0.00", "¥7,422.00"]
    # Ctrip keeps 15 %: 203.40 + 224.10 of its two bookings; the owner nets the rest.
    assert [page.channel_model.index(2, column).data() for column in (3, 4, 5)] == ["¥2,850", "¥427.50", "¥2,422.50"]
    # All seven channels show without a scrollbar of the table's own (the page scrolls), and at a
    # desktop width the longest name is whole: the figures' columns take only what they need.
    window.resize(1600, 1000)
    table = page.channel_table
    qtbot.waitUntil(lambda: table.viewport().height() >= table.verticalHeader().length())
    assert table.rowAt(table.viewport().height() - 1) in (-1, 6)  # the last row is not cut by the edge
    hub = next(r for r in range(7) if page.channel_model.index(r, 0).data().startswith("Trip.com"))
    assert table.columnWidth(0) >= table.sizeHintForColumn(0), page.channel_model.index(hub, 0).data()
    # Hover over tonight's point: the tooltip names the night and the rate.
    plot = chart.plot_rect()
    x = chart.x_of(1, plot)
    QApplication.sendEvent(chart, QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(x, plot.center().y()),
                                              chart.mapToGlobal(QPoint(int(x), int(plot.center().y()))).toPointF(),
                                              Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                              Qt.KeyboardModifier.NoModifier))
    assert chart.hovered == 1
    assert chart.tooltip_text(1) == f"{today:%m-%d}\n入住率: 16.7%\n已售 3 / 18 间房 · ¥1,844"  # 588 + 588 + 668
    # PNG export of a chart that really drew something.
    out = tmp_path / "occupancy.png"
    assert chart.export_png(str(out))
    image = QImage(str(out))
    assert image.width() == chart.width() and image.height() == chart.height()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert "#1f77b4" in colours  # the series' line


def test_reports_page_filters_and_workbook_export(window, qtbot, app_context, tmp_path):
    from openpyxl import load_workbook

    window.show_page("reports")
    page = window.pages["reports"]
    today = property_today()
    page.reload()
    qtbot.waitUntil(lambda: page.room_type.findData("LKV") > 0)  # the filters' codes come with the first load
    page.room_type.setCurrentIndex(page.room_type.findData("LKV"))
    page.set_period(today - timedelta(days=1), today + timedelta(days=13))
    qtbot.waitUntil(lambda: page.loaded is not None and page.loaded.scope.room_type == "LKV")
    # 王芳 3 + Emily 2 + 刘洋 2 (Ctrip)
    assert page.loaded.occupancy.rooms == 4 and page.loaded.occupancy.total.sold_nights == 7
    path = tmp_path / "channels.xlsx"
    page.export_workbook("channels", str(path))
    qtbot.waitUntil(path.exists)
    app_context.db_tasks.wait()
    ws = load_workbook(path)["渠道"]
    assert [ws.cell(r, 2).value for r in (2, 3, 4)] == ["电话", "携程 Ctrip", "散客"] and len(ws._charts) == 2


def test_charts_say_so_when_a_period_is_empty(window, qtbot):
    window.show_page("reports")
    page = window.pages["reports"]
    far = property_today() + timedelta(days=600)
    page.set_period(far, far + timedelta(days=6))
    qtbot.waitUntil(lambda: page.loaded is not None and page.loaded.scope.start == far)
    assert page.channel_model.rowCount() == 0 and page.tiles["adr"].value.text() == "—"
    assert page.channel_chart.grab().width() > 0  # painting an empty chart draws its "no data" text


def test_reports_page_shows_the_yearly_target_by_season(window, qtbot, app_context):
    from channelmgr.reports.target import Season

    today = property_today()
    app_context.services.reports.set_revenue_target(
        app_context.property_id, RevenueTarget(today.year, 1_000_000_00, "season",
                                               seasons=(Season("旺季", "07-01", "08-31", 40),)), Actor("test"))
    window.show_page("reports")
    page = window.pages["reports"]
    page.set_period(today.replace(day=1), today.replace(day=1) + timedelta(days=20))
    qtbot.waitUntil(lambda: page.loaded is not None and page.loaded.target is not None)
    parts = [page.target_model.index(r, 0).data() for r in range(page.target_model.rowCount())]
    assert parts == ["其余时间", "旺季", "其余时间"]
    assert page.target_model.index(1, 2).data() == "¥400,000"
    assert "目标 ¥1,000,000" in page.target_label.text()
