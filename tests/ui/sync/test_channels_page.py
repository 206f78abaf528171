"""The Channels page offscreen, against a real sandbox: list, warnings, dry run, push, log, CSV."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from channelmgr.actor import Actor
from channelmgr.channels.sandbox import FaultRule, serve
from channelmgr.inventory.nights import local_today, utc_now
from channelmgr.sync.demo_channels import DEMO_CHANNELS, DEMO_FEEDS, DEMO_HUBS, DEMO_SANDBOX_URL, demo_listings
from tests.support.sync_world import FAST_RETRY
from ui import i18n
from ui.pages.channels import ChannelsPage
from ui.sync.indicator import SyncIndicator
from ui.sync.texts import local_time
from tests.support.actors import TEST_ACTOR

LEFT = Qt.MouseButton.LeftButton


# three OpenTravel channels, a Channex-style hub and an iCal feed
DEMO_CHANNEL_COUNT = len(DEMO_CHANNELS) + len(DEMO_HUBS) + len(DEMO_FEEDS)
DEMO_NAMES = ["booking", "ctrip", "ical:airbnb-loft", "meituan", "trip-hub"]


@pytest.fixture
def ota(app_context):
    # The demo's channels, repointed from :8765 to a sandbox on a free port serving their listings.
    today = local_today("Asia/Shanghai", utc_now())
    handle = serve(listings=demo_listings(), today=lambda: today)
    channels = app_context.services.channels
    for info in channels.list(app_context.property_id):
        channels.update(Actor("tester"), info.id, endpoint=info.endpoint.replace(DEMO_SANDBOX_URL, handle.url))
    app_context.services.sync.engine.retry = FAST_RETRY  # a failing channel fails fast here
    yield handle
    app_context.services.sync.shutdown()
    handle.stop()


@pytest.fixture
def page(qtbot, app_context, ota):
    i18n.install_language("en")
    p = ChannelsPage(app_context)
    qtbot.addWidget(p)
    p.show()
    p.reload()
    qtbot.waitUntil(lambda: p.loaded and p.model.rowCount() == DEMO_CHANNEL_COUNT)
    return p


def _select(qtbot, page, name):
    row = next(i for i, r in enumerate(page.model.rows) if r.info.name == name)
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.selected_channel().info.name == name)


def _wait_preview(qtbot, page):
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None and page.preview.isVisible())
    return page.preview


def test_channels_mappings_and_unmapped_warnings_are_listed(page, qtbot, qtmodeltester):
    assert [r.info.name for r in page.model.rows] == DEMO_NAMES
    assert page.model.index(1, 0).data() == "携程 Ctrip"
    assert page.model.index(1, 5).data() == "Not synced yet"
    qtmodeltester.check(page.model)
    _select(qtbot, page, "meituan")
    qtbot.waitUntil(lambda: page.warnings.count() == 6)
    assert page.warnings.item(0).text() == "Rate plan LKV/BB is not mapped: its prices and restrictions are not sent"
    assert page.mapping_model.rowCount() == 12
    _select(qtbot, page, "booking")
    qtbot.waitUntil(lambda: page.warnings.count() == 1)
    assert "CQN" in page.warnings.item(0).text()


def test_dry_run_previews_without_sending_then_push_now_syncs_and_logs(page, qtbot, ota, tmp_path):
    _select(qtbot, page, "ctrip")
    qtbot.mouseClick(page.dry_run_button, LEFT)
    preview = _wait_preview(qtbot, page)
    assert preview.push_button is None  # a dry run only shows
    assert preview.model.rowCount() == 6 + 12 + 12
    # The same difference the engine computes headless (prices follow the demo's rules, so the
    # count of ranges and requests depends on weekends and holidays in the horizon).
    expected = page.ctx.services.sync.dry_run(page.selected_channel().info.id)
    assert expected.cells == 10950 and expected.requests_planned >= 3
    summary = preview.summary.text()
    assert f"{expected.cells} cell(s)" in summary and f"{expected.requests_planned} request(s)" in summary
    assert ota.counters("ERHAI-CTRIP") == {}
    preview.reject()

    qtbot.mouseClick(page.push_button, LEFT)
    preview = _wait_preview(qtbot, page)
    assert preview.push_button is not None
    qtbot.mouseClick(preview.push_button, LEFT)
    row = page.model.row_of(page.selected_channel().info.id)
    qtbot.waitUntil(lambda: page.model.index(row, 5).data() == "In sync", timeout=10000)
    sent = expected.requests_planned
    assert ota.counters("ERHAI-CTRIP")["requests"] == sent
    assert page.model.index(row, 6).data() != ""

    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.log_view.model.rowCount() == sent)
    assert {page.log_view.model.index(r, 8).data() for r in range(sent)} == {"OK"}
    # The channel as the owner named it (screenshot review), its short name in the tooltip and the filter's data.
    channel_cell = page.log_view.model.index(0, 1)
    assert channel_cell.data() == "携程 Ctrip" and channel_cell.data(Qt.ItemDataRole.ToolTipRole) == "ctrip"
    filter_box = page.log_view.channel
    assert filter_box.itemText(filter_box.findData("ctrip")) == "携程 Ctrip"
    page.log_view.result.setCurrentIndex(page.log_view.result.findData("fatal"))
    qtbot.waitUntil(lambda: page.log_view.model.rowCount() == 0)
    page.log_view.result.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.log_view.model.rowCount() == sent)
    target = tmp_path / "log.csv"
    # Wait on the export itself (its task says so on the status bar), not on the file appearing.
    with qtbot.waitSignal(page.ctx.events.status_message, timeout=10000,
                          check_params_cb=lambda text: str(target) in text):
        page.log_view.export_to(str(target))
    with open(target, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == sent and {r["channel"] for r in rows} == {"ctrip"} and rows[0]["result"] == "ok"


def test_full_resync_asks_first_and_resends(page, qtbot, ota, monkeypatch):
    _select(qtbot, page, "booking")
    page.ctx.services.sync.push(page.selected_channel().info.id, actor=TEST_ACTOR).result(timeout=30)
    sent = ota.counters("ERHAI-BDC")["requests"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.full_button, LEFT)
    preview = _wait_preview(qtbot, page)
    assert preview.report.full and preview.report.cells == 9125
    preview.accept()
    qtbot.waitUntil(lambda: ota.counters("ERHAI-BDC")["requests"] == sent + 3, timeout=10000)


def test_the_status_bar_indicator_follows_each_channel(qtbot, app_context, ota):
    i18n.install_language("en")
    indicator = SyncIndicator(app_context)
    qtbot.addWidget(indicator)
    qtbot.waitUntil(lambda: len(indicator.channels) == DEMO_CHANNEL_COUNT)
    ctrip = next(c for c in app_context.services.channels.list(app_context.property_id) if c.name == "ctrip")
    assert "Not synced yet" in indicator.channels[ctrip.id].tip
    app_context.services.sync.push(ctrip.id, actor=TEST_ACTOR).result(timeout=30)
    qtbot.waitUntil(lambda: "✓" in indicator.channels[ctrip.id].text)
    assert "In sync" in indicator.channels[ctrip.id].tip

    ota.set_faults([FaultRule("error")])
    app_context.services.channels.update(Actor("tester"), ctrip.id, settings={"markup_percent": "20"})
    app_context.services.sync.push(ctrip.id, actor=TEST_ACTOR).result(timeout=30)
    qtbot.waitUntil(lambda: "✗" in indicator.channels[ctrip.id].text)
    assert "HTTP 500" in indicator.channels[ctrip.id].tip


def test_a_channel_that_cannot_be_reached_is_told_in_chinese_with_the_full_text_in_the_tooltip(page, qtbot, ota):
    i18n.install_language("zh_CN")
    page.model.columns = page.model._columns()  # headers and texts in the language just installed
    _select(qtbot, page, "ctrip")
    ota.stop()  # nothing listens on the channel's port any more
    page.ctx.services.sync.push(page.selected_channel().info.id, actor=TEST_ACTOR).result(timeout=30)
    row = page.model.row_of(page.selected_channel().info.id)
    status_column = next(i for i, c in enumerate(page.model.columns) if c.tooltip is not None)
    index = page.model.index(row, status_column)
    qtbot.waitUntil(lambda: "无法连接到" in (index.data() or ""))
    assert "Connection" not in index.data() and "Error" not in index.data()  # no raw exception in the cell
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "OTA_Hotel" in tooltip and "connection failed" in tooltip  # the whole technical text
    log = page.log_view.model
    error_column = len(log.columns) - 1
    qtbot.waitUntil(lambda: any("ConnectionRefusedError" in (log.index(r, error_column).data() or "")
                                for r in range(log.rowCount())))
    failed = next(r for r in range(log.rowCount()) if "ConnectionRefusedError" in log.index(r, error_column).data())
    assert log.index(failed, error_column).data(Qt.ItemDataRole.ToolTipRole) == log.rows[failed].error
    i18n.install_language("en")


def test_a_channel_that_asked_to_wait_is_not_pushed_and_the_desk_is_told_until_when(page, qtbot, ota):
    _select(qtbot, page, "ctrip")
    channel_id = page.selected_channel().info.id
    ota.set_faults([FaultRule("rate_limit", count=1, seconds=600)])  # 429, Retry-After: 600
    first = page.ctx.services.sync.push(channel_id, actor=TEST_ACTOR).result(timeout=30)
    ota.clear_faults()
    at = local_time(first.held.not_before, "%H:%M")
    said = f"携程 Ctrip asks to wait 600 s: next push at {at}"
    row = page.model.row_of(channel_id)
    qtbot.waitUntil(lambda: said in (page.model.index(row, 5).data() or ""))
    indicator = SyncIndicator(page.ctx)  # the status bar's tooltip says it too
    qtbot.addWidget(indicator)
    qtbot.waitUntil(lambda: channel_id in indicator.channels and said in indicator.channels[channel_id].tip)
    assert said in indicator.toolTip()
    sent = ota.counters("ERHAI-CTRIP")["requests"]

    qtbot.mouseClick(page.push_button, LEFT)
    preview = _wait_preview(qtbot, page)
    assert preview.hold.text() == said and preview.push_button.text() == f"Push at {at}"  # offers to wait
    with qtbot.waitSignal(page.ctx.events.status_message, timeout=10000,
                          check_params_cb=lambda text: text == said):
        qtbot.mouseClick(preview.push_button, LEFT)
    assert ota.counters("ERHAI-CTRIP")["requests"] == sent  # nothing went to the channel

    page.tabs.setCurrentIndex(1)
    log = page.log_view.model
    qtbot.waitUntil(lambda: any(e.hold is not None for e in log.rows))
    noted = next(r for r, e in enumerate(log.rows) if e.hold is not None)
    assert log.index(noted, 2).data() == "The channel asks to wait"
    assert log.index(noted, len(log.columns) - 1).data() == said


def test_the_sync_log_csv_is_in_the_desk_s_language(page, qtbot, ota, tmp_path):
    _select(qtbot, page, "ctrip")
    ota.set_faults([FaultRule("rate_limit", count=1, seconds=600)])
    page.ctx.services.sync.push(page.selected_channel().info.id, actor=TEST_ACTOR).result(timeout=30)
    page.log_view.reload()
    qtbot.waitUntil(lambda: any(e.hold is not None for e in page.log_view.model.rows))
    held = next(e.hold for e in page.log_view.model.rows if e.hold is not None)
    target = tmp_path / "log.csv"
    try:
        i18n.install_language("zh_CN")
        with qtbot.waitSignal(page.ctx.events.status_message, timeout=10000,
                              check_params_cb=lambda text: str(target) in text):
            page.log_view.export_to(str(target))
    finally:
        i18n.install_language("en")
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert "渠道" in rows[0] and "错误或说明" in rows[0] and "channel" not in rows[0]
    [note] = [r for r in rows if r["消息"] == "retry_after"]
    assert note["错误或说明"] == f"ctrip 要求 600 秒后再试，下次推送 {local_time(held.not_before, '%H:%M')}"
