"""Settings page: the property's details and its price settings, saved through the core services
off the GUI thread; a refused field is named and marked, and nothing is written."""

from datetime import timedelta

import pytest

from ui import i18n


@pytest.fixture
def page(qtbot, app_context):
    from ui.pages.settings import SettingsPage

    i18n.install_language("zh_CN")
    p = SettingsPage(app_context)
    qtbot.addWidget(p)
    p.resize(900, 800)
    p.show()
    qtbot.waitUntil(lambda: p.property_section.details is not None and p.pricing_section.settings is not None,
                    timeout=5000)
    yield p
    i18n.install_language("en")


def test_shows_the_demo_property_and_saves_a_new_phone(qtbot, page, app_context):
    section = page.property_section
    assert section.fields["name_zh"].text() == "云栖·洱海边的院子"
    assert section.timezone.currentText() == "Asia/Shanghai"
    assert section.code.text() == "ERHAI · CNY"
    section.fields["phone"].setText("0872-5550101")
    section.save_button.click()
    qtbot.waitUntil(lambda: section.status.text() == "物业信息已保存。", timeout=5000)
    assert app_context.services.properties.details(app_context.property_id).phone == "0872-5550101"


def test_unknown_time_zone_is_named_marked_and_nothing_is_saved(qtbot, page, app_context):
    section = page.property_section
    section.fields["address"].setText("新地址")
    section.timezone.setCurrentText("Asia/Dali")
    section.save_button.click()
    qtbot.waitUntil(lambda: "未知时区" in section.status.text(), timeout=5000)
    assert "b41e1e" in section.timezone.styleSheet() and section.save_button.isEnabled()
    saved = app_context.services.properties.details(app_context.property_id)
    assert saved.timezone == "Asia/Shanghai" and saved.address != "新地址"


def test_default_rounding_of_the_desk_prices_is_chosen_here(qtbot, page, app_context):
    section = page.pricing_section
    assert section.rounding.currentData() == "yuan"  # what a new property starts with
    assert section.rounding.currentText() == "向上取整到元"
    section.rounding.setCurrentIndex(section.rounding.findData("end8"))
    section.save_button.click()
    qtbot.waitUntil(lambda: section.status.text().startswith("价格设置已保存"), timeout=5000)
    settings = app_context.services.pricing.settings(app_context.property_id)
    assert settings.direct_rounding == "end8"
    pricing, pid = app_context.services.pricing, app_context.property_id
    today = pricing.today(pid)
    rows = pricing.prices(pid, "LKV", None, None, today, today + timedelta(days=60))
    assert rows and all(row.price_minor % 1000 == 800 for row in rows)  # the desk's prices end in 8
