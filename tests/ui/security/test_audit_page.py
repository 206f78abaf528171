"""The Audit page: entries with filters by user, entity, text and dates; export read back."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from channelmgr.actor import Actor
from channelmgr.inventory.property_details import PropertyDetails  # noqa: F401  (the type changed below)
from ui.pages.audit import AuditPage


def _page(qtbot, app_context):
    page = AuditPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)
    return page


def _reload(qtbot, page):
    page.loaded = False
    page.reload()
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)


def test_filters_and_export(qtbot, app_context, tmp_path):
    services = app_context.services
    details = services.properties.details(app_context.property_id)
    services.properties.update(Actor("li", "settings page"), details.changed(phone="0872-5550000"))
    services.users.add(Actor("admin", "test"), "lee", "administrator", "lee-password-1")
    services.users.authenticate("lee", "lee-password-1", cause="command line")
    page = _page(qtbot, app_context)
    assert page.model.rowCount() == len(page.rows) > 1
    assert "sign_in" not in {r.action for r in page.rows}  # a sign-in per command line run would bury the changes
    page.sign_ins.setChecked(True)
    qtbot.waitUntil(lambda: "sign_in" in {r.action for r in page.rows}, timeout=5000)
    page.sign_ins.setChecked(False)
    qtbot.waitUntil(lambda: "sign_in" not in {r.action for r in page.rows}, timeout=5000)
    page.user_box.setCurrentIndex(page.user_box.findData("li"))
    _reload(qtbot, page)
    assert [(r.user, r.entity) for r in page.rows] == [("li", "property")]
    assert page.model.index(0, 2).data() == "Changed" and page.model.index(0, 3).data().startswith("Property ")
    assert "Phone: " in page.model.index(0, 4).data() and "0872-5550000" in page.model.index(0, 4).data()
    assert page.model.index(0, 5).data() == "Settings page"  # the cause in words, the stored one in the tooltip
    page.user_box.setCurrentIndex(0)
    page.text.setText("0872-5550000")
    _reload(qtbot, page)
    assert [r.user for r in page.rows] == ["li"]
    page.text.clear()
    page.use_dates.setChecked(True)
    page.start.setDate(QDate(2001, 1, 1))
    page.end.setDate(QDate(2001, 1, 2))
    _reload(qtbot, page)
    assert page.rows == []
    page.end.setDate(QDate.fromString(date.today().isoformat(), "yyyy-MM-dd").addDays(1))
    _reload(qtbot, page)
    assert page.rows

    target = tmp_path / "audit.xlsx"
    page.export_to(target)
    qtbot.waitUntil(target.exists, timeout=5000)
    app_context.db_tasks.wait()
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert any(r[1] == "li" and r[5] == "phone" and r[7] == "087****0000" for r in rows[1:])  # masked


def test_causes_read_in_the_desks_language(qapp):
    from ui import i18n
    from ui.security.audit_texts import cause_label

    i18n.install_language("zh_CN")
    try:
        assert cause_label("import 房态.xlsx") == "导入 房态.xlsx"
        assert cause_label("reservation pull from ctrip") == "从 ctrip 拉取订单"
        assert cause_label("command line") == "命令行" and cause_label("bulk edit") == "批量修改"
        assert cause_label("a note someone typed") == "a note someone typed"  # unknown: shown as it is
    finally:
        i18n.install_language("en")


def test_fields_and_codes_read_in_the_desks_language(qtbot, app_context):
    # Screenshot review: the demo's account rows read "display_name:  → 只读; role:  → viewer".
    from ui import i18n

    app_context.services.users.add(Actor("admin", "test"), "owner", "administrator", "owner-password-1", "店主")
    i18n.install_language("zh_CN")
    try:
        page = _page(qtbot, app_context)
        owner = next(r for r, row in enumerate(page.rows) if row.entity == "user" and row.entity_id == "owner")
        cell = page.model.index(owner, 4)
        assert cell.data() == "显示名称：店主；角色：管理员"
        # The whole line (a long one is cut off in the cell), then the text as stored, for support.
        assert cell.data(Qt.ItemDataRole.ToolTipRole) == ("显示名称：店主；角色：管理员\n\n"
                                                          "display_name:  → 店主; role:  → administrator")
        rule = next(r for r, row in enumerate(page.rows) if row.entity == "price_rule")
        text = page.model.index(rule, 4).data()
        assert "启用：是" in text and "规则 调整方式：" in text and "kind" not in text and "True" not in text
    finally:
        i18n.install_language("en")


def test_a_channel_bookings_commission_reads_in_the_desks_language(qapp):
    # The ledger's audit view records commission_minor since OTA bookings keep their commission.
    from ui import i18n
    from ui.security.audit_texts import field_label

    i18n.install_language("zh_CN")
    try:
        assert field_label("commission_minor") == "佣金"
    finally:
        i18n.install_language("en")


def test_price_rule_amounts_lists_and_conditions_read_as_the_owner_typed_them(qtbot, app_context):
    # Screenshot review: the demo rules read "规则 数值：8000" (fen), "规则 节假日：['春节']" (a
    # Python list) and "规则 within_days：2" (a key left unworded).
    from ui import i18n

    i18n.install_language("zh_CN")
    try:
        page = _page(qtbot, app_context)
        texts = {row.entity_id: page.model.index(r, 4).data() for r, row in enumerate(page.rows)
                 if row.entity == "price_rule"}
        weekend, spring, last_minute = (next(t for t in texts.values() if f"名称：{name}" in t)
                                        for name in ("周末", "春节", "尾房"))
        assert "规则 数值：¥80；" in weekend and "8000" not in weekend
        assert "适用范围 价格计划：BAR" in weekend and "[" not in weekend
        assert "规则 节假日：春节；" in spring and "['春节']" not in spring
        assert "规则 数值：1.3" in spring  # a factor is a number, not money
        assert "within_days" not in last_minute and "规则 最多提前天数：2" in last_minute
        assert "规则 数值：-10" in last_minute  # a percentage is not money either
    finally:
        i18n.install_language("en")


def test_the_change_column_header_is_shown_whole_in_a_1000_px_window(window, qtbot):
    page = window.pages["audit"]
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.width() == 1000)
    window.show_page("audit")
    qtbot.waitUntil(lambda: page.loaded and page.model.rowCount() > 0)
    header = page.view.horizontalHeader()
    change = 4
    text = page.model.headerData(change, Qt.Orientation.Horizontal)
    assert text == "修改前 → 修改后"
    needed = header.fontMetrics().horizontalAdvance(text)
    assert header.sectionSize(change) >= needed
    # ...and on screen: the section, and the cause column after it, lie within the viewport
    # (sized to its text the column was 1,000+ px wide, its centred header off screen).
    for column in (change, change + 1):
        left = header.sectionViewportPosition(column)
        assert 0 <= left and left + header.sectionSize(column) <= page.view.viewport().width(), column
