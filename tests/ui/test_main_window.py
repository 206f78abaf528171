"""The desktop shell offscreen: pages, navigation, actions, window state, languages."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from channelmgr.demo import RESERVATIONS

from ui import i18n
from ui.main_window import MainWindow


def test_every_page_can_be_shown(window, qtbot):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["首页", "房态日历", "房型", "价格", "渠道", "订单", "报表", "设置", "审计记录"]
    for page_id, page in window.pages.items():
        window.actions_[f"go.{page_id}"].trigger()
        assert window.current_page() is page and page.isVisible()


def test_room_types_and_reservations_show_demo_data(window, qtbot):
    window.show_page("room_types")
    page = window.pages["room_types"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 6)
    assert page.model.index(0, 1).data() == "洱海景观大床房"
    assert "6 个房型" in page.heading.text()
    window.show_page("reservations")
    res = window.pages["reservations"]
    qtbot.waitUntil(lambda: res.model.rowCount() == len(RESERVATIONS))
    statuses = {res.model.index(r, 8).data() for r in range(len(RESERVATIONS))}
    assert statuses == {"已确认"}


def test_record_model_passes_qtmodeltester(window, qtbot, qtmodeltester):
    window.show_page("reservations")
    page = window.pages["reservations"]
    qtbot.waitUntil(lambda: page.model.rowCount() == len(RESERVATIONS))
    qtmodeltester.check(page.model)


def test_window_state_is_saved_on_close(window):
    window.resize(1111, 777)
    window.close()
    assert QSettings().value("main_window/geometry") is not None


def test_language_switch_english(qtbot, app_context):
    i18n.install_language("en")
    w = MainWindow(app_context)
    qtbot.addWidget(w)
    assert w.nav.item(0).text() == "Dashboard"
    assert w.menuBar().actions()[0].text() == "&File"


def test_language_setting_is_saved_for_next_start(window, qtbot):
    window.show_page("settings")
    page = window.pages["settings"]
    page.language.setCurrentIndex(page.language.findData("en"))
    assert i18n.saved_language() == "en"
    assert "下次启动" in page.note.text()


def test_help_about_names_the_version_and_hides_a_database_password(qtbot, app_context):
    from channelmgr import __version__
    from ui.about_box import about_text, masked_url
    from ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.actions_["help.about"].trigger()
    box = window.findChild(QMessageBox, "about_box")
    assert box is not None and __version__ in box.text()
    assert masked_url("postgresql+psycopg://desk:s3cret@db/channelmgr") == "postgresql+psycopg://desk:***@db/channelmgr"
    assert "s3cret" not in about_text("postgresql+psycopg://desk:s3cret@db/channelmgr")
    box.close()


def test_a_long_status_message_ends_before_the_channel_indicators(window, qtbot):
    # Screenshot review: QStatusBar.showMessage cut an overbooking announcement off under the channel
    # indicators. The message has its own label: elided before the indicators, whole in its tooltip.
    window.resize(1000, 700)
    indicator = window.sync_indicator
    qtbot.waitUntil(lambda: len(indicator.channels) == 5)
    text = "超订：亲子家庭套房 在 2026-12-09 已满，最后到达的是 Emily Carter（携程 Ctrip）；请查看 订单 ▸ 超订。" * 2
    window.ctx.events.status_message.emit(text)
    message = window.status_message
    qtbot.waitUntil(lambda: message.message() == text)
    qtbot.waitUntil(lambda: message.isVisible() and message.width() > 0)
    right = message.mapTo(window, message.rect().topRight()).x()
    assert right < indicator.mapTo(window, indicator.rect().topLeft()).x()
    shown = message.text()
    assert shown.endswith("…") and shown != text
    assert message.fontMetrics().horizontalAdvance(shown) <= message.contentsRect().width()
    assert message.toolTip() == text
    assert window.statusBar().currentMessage() == ""  # nothing painted across the indicators
