"""The Prices page offscreen: the rule form, the live preview's highlights, Save, the fat-finger
dialog, the rule list operations and the explain popup."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from channelmgr.pricing.views import ExplainStep
from ui.pages.prices import PricesPage
from ui.pricing.explain_popup import ExplainPopup, explain_html
from ui.pricing.preview_model import CHANGED_ROLE, SUSPICIOUS_COLOR

# "Today" at the property: 1 September 2026, so the 90-night preview holds 国庆 and its weekends.
NOW = datetime(2026, 8, 31, 20, 0, tzinfo=timezone.utc)
FRIDAY, TUESDAY = date(2026, 9, 4), date(2026, 9, 8)


@pytest.fixture
def page(qtbot, app_context):
    app_context.services.pricing.clock = lambda: NOW
    page = PricesPage(app_context)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.loaded and page.preview_model.rowCount() == 12)
    return page


def pricing(page):
    return page.ctx.services.pricing


def cell(page, room_type: str, plan: str, night: date):
    row = page.preview_model.plans.index((room_type, plan))
    return page.preview_model.index(row, page.preview_model.nights.index(night))


def test_the_page_shows_plans_rules_and_90_nights(page, qtmodeltester):
    assert page.rule_model.rowCount() == 5 and page.plan_model.rowCount() == 12
    assert page.preview_model.columnCount() == 90
    assert cell(page, "LKV", "BAR", FRIDAY).data() == "668"  # 588 + 80 on a Friday
    assert cell(page, "LKV", "BAR", date(2026, 10, 2)).data() == "1002"  # 国庆 × 1.5
    assert page.preview_model.changed_count() == 0 and not page.save_button.isEnabled()
    qtmodeltester.check(page.rule_model)
    qtmodeltester.check(page.preview_model)


def test_editing_a_rule_highlights_changed_cells_before_saving_and_save_persists(page, qtbot):
    page.rule_view.selectRow(page.rule_model.row_of(pricing(page).rule(page.ctx.property_id, "周末").id))
    dialog = page.edit_rule()
    dialog.value.setValue(120)
    dialog.accept()
    qtbot.waitUntil(lambda: page.preview_model.changed_count() > 0)

    friday, tuesday = cell(page, "LKV", "BAR", FRIDAY), cell(page, "LKV", "BAR", TUESDAY)
    assert friday.data(CHANGED_ROLE) and friday.data() == "708"
    assert friday.data(Qt.ItemDataRole.ToolTipRole) == "¥668 → ¥708"
    assert friday.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert not tuesday.data(CHANGED_ROLE) and tuesday.data(Qt.ItemDataRole.BackgroundRole) is None
    assert pricing(page).rule(page.ctx.property_id, "周末").spec.value == 8000  # not saved yet
    assert page.save_button.isEnabled() and "1" in page.pending_label.text()

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pricing(page).rule(page.ctx.property_id, "周末").spec.value == 12000)
    qtbot.waitUntil(lambda: not page.draft.dirty and page.preview_model.changed_count() == 0)
    assert cell(page, "LKV", "BAR", FRIDAY).data() == "708"


def test_the_preview_follows_the_form_while_it_is_open(page, qtbot):
    dialog = page.add_rule("weekdays")
    for weekday, box in enumerate(dialog.weekdays):
        box.setChecked(weekday == 1)  # Tuesdays
    dialog.adjust.setCurrentIndex(dialog.adjust.findData("add"))
    dialog.value.setValue(50)
    qtbot.waitUntil(lambda: cell(page, "LKV", "BAR", TUESDAY).data(CHANGED_ROLE))
    assert cell(page, "LKV", "BAR", TUESDAY).data() == "638"
    assert not cell(page, "LKV", "BAR", FRIDAY).data(CHANGED_ROLE)
    dialog.reject()
    qtbot.waitUntil(lambda: page.preview_model.changed_count() == 0)
    assert not page.draft.dirty


def test_a_form_that_cannot_be_saved_says_why_and_stays_open(page, qtbot):
    dialog = page.add_rule("season")
    dialog.season_yearly.setChecked(False)  # a yearly season may wrap over New Year; a dated one not
    dialog.season_start.setDate(dialog.season_end.date().addDays(5))
    dialog.accept()
    assert dialog.isVisible() and "season starts" in dialog.error.text()
    dialog.name.setText("国庆")
    assert "Another rule is already called 国庆" in dialog.problem()
    dialog.reject()


def test_a_draft_driving_a_price_to_zero_cannot_be_saved(page, qtbot):
    page.rule_view.selectRow(page.rule_model.row_of(pricing(page).rule(page.ctx.property_id, "周末").id))
    dialog = page.edit_rule()
    dialog.value.setValue(-500)
    dialog.accept()
    qtbot.waitUntil(lambda: "rule '周末'" in page.preview_status.text())
    assert not page.save_button.isEnabled()


def test_the_fat_finger_guard_asks_before_saving(page, qtbot):
    plan_row = next(i for i, plan in enumerate(page.plan_model.rows) if plan.key == ("LKV", "BAR"))
    page.plan_view.selectRow(plan_row)
    dialog = page.edit_plan()
    dialog.value.setValue(58.8)
    dialog.accept()
    qtbot.waitUntil(lambda: page.preview_model.changed_count() == 2 * 90)
    brush = cell(page, "LKV", "BAR", TUESDAY).data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == SUSPICIOUS_COLOR  # −90%: the guard would question it

    def guard_box() -> QMessageBox | None:
        box = page.findChild(QMessageBox, "price_guard_box")
        return box if box is not None and box.isVisible() else None

    page.save()
    qtbot.waitUntil(lambda: guard_box() is not None)
    box = guard_box()
    assert "LKV · BAR" in box.informativeText() and "¥588 → ¥59" in box.informativeText()  # ¥58.80, whole yuan
    go_back = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    go_back.click()
    assert pricing(page).rate_plans(page.ctx.property_id)[0].base_price_minor == 58800
    box.deleteLater()

    page.save()
    qtbot.waitUntil(lambda: guard_box() is not None and guard_box() is not box)
    confirm = next(b for b in guard_box().buttons() if guard_box().buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    confirm.click()
    qtbot.waitUntil(lambda: pricing(page).rate_plans(page.ctx.property_id)[0].base_price_minor == 5880)


def test_checkbox_move_and_discard_change_only_the_draft(page, qtbot):
    summer_row = page.rule_model.row_of(pricing(page).rule(page.ctx.property_id, "国庆").id)
    page.rule_model.setData(page.rule_model.index(summer_row, 0), Qt.CheckState.Unchecked.value,
                            Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: cell(page, "LKV", "BAR", date(2026, 10, 2)).data() == "668")
    key = page.rule_model.rules[summer_row].key
    page.rule_view.selectRow(summer_row)
    page.move_rule(-1)
    assert page.rule_model.row_of(key) == summer_row - 1
    assert [r.spec.priority for r in page.draft.rules()] == [10, 20, 30, 40, 50]
    assert pricing(page).rule(page.ctx.property_id, "国庆").spec.enabled  # nothing saved
    page.discard()
    assert not page.draft.dirty and page.rule_model.rules[summer_row].spec.enabled
    qtbot.waitUntil(lambda: cell(page, "LKV", "BAR", date(2026, 10, 2)).data() == "1002")


def test_double_clicking_a_price_explains_it(page, qtbot):
    page.explain_cell(cell(page, "LKV", "BAR", date(2026, 10, 2)))
    qtbot.waitUntil(lambda: getattr(page, "explain_popup", None) is not None and page.explain_popup.isVisible())
    texts = [label.text() for label in page.explain_popup.step_labels]
    assert texts == ["Base price (Best available rate)", "Weekend", "National Day"]
    page.explain_popup.close()


def test_the_explain_popup_takes_plain_steps(qtbot):
    steps = [ExplainStep("基础价", "Base price", "=388", 38800, 38800), ExplainStep("周末", "Weekend", "+80", 8000, 46800),
             ExplainStep("携程 取整", "Ctrip rounding", "↑…8", 1200, 48000)]
    popup = ExplainPopup(steps, "CNY", "LKV · BAR · ctrip · 2026-10-02", ["Minimum stay: 2 night(s)"])
    qtbot.addWidget(popup)
    assert [label.text() for label in popup.step_labels] == ["Base price", "Weekend", "Ctrip rounding"]
    assert popup.findChild(type(popup.step_labels[0]), "explain_total").text() == "<b>= ¥480</b>"
    assert "<td>+80</td>" in explain_html(steps)
