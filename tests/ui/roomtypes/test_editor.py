"""The room-type editor offscreen: generated from the catalog, round trip, inline problems, guard, badges."""

from decimal import Decimal

import pytest
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QMessageBox, QPlainTextEdit,
                               QSpinBox)

from channelmgr.catalog import ATTRIBUTES, Attribute, Group, Kind
from tests.ui.roomtypes.conftest import settle

WIDGET_FOR_KIND = {Kind.TEXT: (QLineEdit, QPlainTextEdit), Kind.INTEGER: QSpinBox, Kind.DECIMAL: QDoubleSpinBox,
                   Kind.MONEY: QDoubleSpinBox, Kind.BOOL: QComboBox, Kind.CHOICE: QComboBox, Kind.TIME: QLineEdit}


def test_every_catalog_attribute_has_a_field_of_its_kind(open_editor):
    editor = open_editor("LKV")
    assert list(editor.values()) == [a.key for a in ATTRIBUTES]
    for attribute in ATTRIBUTES:
        widget = editor.field(attribute.key).widget
        if attribute.kind in WIDGET_FOR_KIND:
            assert isinstance(widget, WIDGET_FOR_KIND[attribute.kind]), attribute.key
    assert editor.form.count() == 10 and editor.form.tabText(0) == "基本信息"
    assert isinstance(editor.field("description_zh").widget, QPlainTextEdit)
    assert editor.field("area_sqm").widget.suffix() == " m²" and editor.field("deposit").widget.prefix() == "¥"
    assert editor.field("highlights").widget.findChildren(QCheckBox)


def test_a_new_catalog_attribute_appears_without_editor_changes(open_editor, monkeypatch):
    from ui.roomtypes import attribute_form

    extra = Attribute("sauna", "桑拿", "Sauna", Group.AMENITIES, Kind.BOOL)
    original = attribute_form.attributes_in_group
    monkeypatch.setattr(attribute_form, "attributes_in_group",
                        lambda group: original(group) + ((extra,) if group is Group.AMENITIES else ()))
    editor = open_editor("LKV")
    assert editor.field("sauna").value() is None and isinstance(editor.field("sauna").widget, QComboBox)


def test_open_shows_the_stored_values_and_is_not_dirty(open_editor, detail):
    editor = open_editor("LKV")
    assert editor.field("name_zh").value() == "洱海景观大床房"
    assert editor.field("bed_type").widget.currentText() == "特大床"
    assert editor.field("area_sqm").value() == "32.0"
    assert editor.field("deposit").value() == "0.00"
    assert editor.field("bathtub").value() is True and editor.field("iron").value() is False
    assert editor.field("second_bed_type").value() is None  # not filled, not "no"
    assert editor.field("check_in_from").value() == "14:00"
    assert editor.field("photos").value() == detail("LKV").attributes["photos"]
    assert not editor.is_dirty() and editor._problems == []


def fill_several_kinds(editor):
    f = editor.field
    f("name_en").widget.setText("Cosy Queen Room")
    f("description_zh").widget.setPlainText("一楼内窗房，安静，适合只想睡个好觉的客人。\n步行五分钟到洱海边。")
    f("bedroom_count").widget.setValue(1)
    f("area_sqm").widget.setValue(19.5)
    f("deposit").widget.setValue(200.5)
    f("bathtub").widget.setCurrentIndex(2)  # 否
    f("pets_allowed").widget.setCurrentIndex(1)  # 是
    f("bathroom_type").widget.setCurrentIndex(f("bathroom_type").widget.findText("独立卫浴"))
    f("highlights").boxes["skylight"].setChecked(True)
    f("highlights").boxes["kids_theme"].setChecked(True)
    f("quiet_hours_start").widget.setText("22点")
    f("quiet_hours_end").widget.setText("7:30")


def test_round_trip_of_several_kinds(open_editor, qtbot, detail, app_context):
    editor = open_editor("CQN")
    fill_several_kinds(editor)
    assert editor.is_dirty() and editor.windowTitle().endswith("*")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save_button.click()
    stored = detail("CQN").attributes
    assert stored["name_en"] == "Cosy Queen Room"
    assert stored["description_zh"].startswith("一楼内窗房") and "\n" in stored["description_zh"]
    assert stored["bedroom_count"] == 1 and stored["area_sqm"] == "19.5" and stored["deposit"] == 20050
    assert stored["bathtub"] is False and stored["pets_allowed"] is True
    assert stored["bathroom_type"] == "private" and stored["highlights"] == ["skylight", "kids_theme"]
    assert (stored["quiet_hours_start"], stored["quiet_hours_end"]) == ("22:00", "07:30")
    assert "iron" not in stored  # never answered stays unanswered
    assert not editor.is_dirty()
    # A fresh editor on the stored record shows exactly what was saved.
    again = open_editor("CQN")
    assert ({a.key: again.field(a.key).value() for a in ATTRIBUTES}
            == {a.key: editor.field(a.key).value() for a in ATTRIBUTES})
    assert again.field("quiet_hours_start").value() == "22:00"


def test_a_new_room_type_is_created(open_editor, qtbot, services, app_context):
    editor = open_editor(None)
    assert editor.heading.text() == "<h3>新房型</h3>"
    editor.field("room_code").widget.setText("TRI")
    editor.field("name_zh").widget.setText("三人间")
    editor.field("max_occupancy").widget.setValue(3)
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    created = services.room_types.find(app_context.property_id, "TRI")
    assert created.name_zh == "三人间" and created.attributes["max_occupancy"] == 3
    assert editor.detail.id == created.id  # the next save updates it


def test_problems_show_under_their_field_while_typing(open_editor, qtbot):
    editor = open_editor("LKV")
    editor.field("max_adults").widget.setValue(4)  # max occupancy is 2
    settle(qtbot, editor)
    message = editor.form.message("max_adults")
    assert not message.isHidden() and message.text() == "最多成人数（4）不能大于最多入住人数（2）"
    assert editor.form.tabText(2) == "空间与入住人数 (1)"
    assert "1 处需要处理" in editor.summary.text() or "max_adults" in editor.summary.text()
    editor.field("max_adults").widget.setValue(2)
    settle(qtbot, editor)
    assert message.isHidden() and editor.form.tabText(2) == "空间与入住人数"


def test_an_invalid_form_is_not_saved_and_the_cursor_goes_to_the_problem(open_editor, qtbot, detail):
    editor = open_editor("LKV")
    before = detail("LKV")
    editor.field("name_zh").widget.setText("房" * 50)
    editor.field("max_adults").widget.setValue(4)
    editor.save()
    assert editor.form.message("name_zh").text() == "最多 40 个字，现在 50 个"
    assert editor.form.currentIndex() == 0 and editor.focusWidget() is editor.field("name_zh").widget
    editor.ctx.db_tasks.wait()
    assert detail("LKV").version == before.version


def test_a_refusal_from_the_database_shows_at_its_field(open_editor, qtbot, detail):
    editor = open_editor("LKV")
    editor.field("room_code").widget.setText("GTW")  # taken: only the database knows
    editor.save()
    qtbot.waitUntil(lambda: not editor.form.message("room_code").isHidden(), timeout=5000)
    assert "已被房型「庭院双床房」使用" in editor.form.message("room_code").text()
    assert detail("LKV").code == "LKV"
    editor.field("room_code").widget.setText("LKV1")  # once changed, the old refusal is gone
    settle(qtbot, editor)
    assert editor.form.message("room_code").isHidden()


@pytest.mark.parametrize("answer, closed, saved", [
    (QMessageBox.StandardButton.Cancel, False, False),
    (QMessageBox.StandardButton.Discard, True, False),
    (QMessageBox.StandardButton.Save, True, True),
])
def test_leaving_with_unsaved_changes_asks(open_editor, qtbot, monkeypatch, detail, answer, closed, saved):
    editor = open_editor("LKV")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args) or answer)
    editor.field("summary_en").widget.setText("Sunrise over the lake, from bed")
    editor.reject()  # what Close, Esc and the window's close button do
    assert len(asked) == 1
    qtbot.waitUntil(lambda: editor.isVisible() != closed, timeout=5000)
    assert (detail("LKV").attributes["summary_en"] == "Sunrise over the lake, from bed") is saved


def test_closing_without_changes_does_not_ask(open_editor, monkeypatch):
    editor = open_editor("LKV")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked without changes"))
    editor.field("area_sqm").widget.setValue(40)
    editor.field("area_sqm").widget.setValue(32)  # changed and changed back: nothing to save
    editor.reject()
    assert not editor.isVisible()


def test_badges_score_the_form_as_it_is_typed(open_editor, qtbot):
    editor = open_editor("CQN")
    badge = editor.badges.badges["fliggy"]
    assert badge.text() == "飞猪 64%"
    f = editor.field
    f("bathroom_type").widget.setCurrentIndex(1)
    f("breakfast").widget.setCurrentIndex(1)
    settle(qtbot, editor)
    assert badge.text() == "飞猪 77%"  # 3×12 required + 1 recommended of 3×13 + 9


def test_clicking_a_badge_goes_to_the_first_missing_field(open_editor, qtbot):
    editor = open_editor("CQN")
    editor.badges.badges["airbnb"].click()  # Airbnb misses bedroom_count first
    assert editor.form.currentIndex() == 0
    assert editor.focusWidget() is editor.field("bedroom_count").widget
    editor.badges.badges["booking"].click()  # Booking.com misses max_adults first
    assert editor.form.tabText(editor.form.currentIndex()) == "空间与入住人数"
    assert editor.focusWidget() is editor.field("max_adults").widget


def test_the_badge_scrolls_a_field_far_down_into_view(open_editor, qtbot, services, detail, actor):
    cqn = detail("CQN")
    services.room_types.update(actor, cqn.id, {"bedroom_count": 1, "bathroom_type": "private", "bathroom_count": 1})
    editor = open_editor("CQN")
    editor.resize(900, 420)  # a small window: house rules sit below the fold
    qtbot.wait(50)
    editor.badges.badges["airbnb"].click()  # now the first missing is house_rules, last on 政策
    scroll = editor.form.currentWidget()
    assert editor.form.tabText(editor.form.currentIndex()) == "政策"
    assert editor.focusWidget() is editor.field("house_rules").widget
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().value() > 0)
    field = editor.field("house_rules").widget
    top = field.mapTo(scroll.viewport(), field.rect().topLeft()).y()
    assert 0 <= top < scroll.viewport().height()


def test_english_labels_follow_the_language(open_editor):
    editor = open_editor("LKV", lang="en")
    assert editor.form.tabText(1) == "Beds"
    assert editor.field("bed_type").widget.currentText() == "King bed"


def test_decimal_fields_send_exact_text(open_editor):
    editor = open_editor("LKV")
    field = editor.field("bed_width_m")
    field.widget.setValue(1.8)
    assert field.value() == "1.80" and Decimal(field.value()) == Decimal("1.8")
    field.widget.clear()
    field.widget.interpretText()
    assert field.value() is None  # clearing the text means "not filled"
    field.widget.stepBy(1)
    assert field.value() == "0.60"  # from "—", one step up is the lowest allowed width
