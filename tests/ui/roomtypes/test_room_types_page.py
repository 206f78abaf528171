"""The room-types page: list with completeness, reorder, duplicate, archive, and the rooms panel."""

import pytest
from PySide6.QtCore import Qt

from ui.pages.room_types import RoomTypesPage


@pytest.fixture
def page(qtbot, app_context):
    page = RoomTypesPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.loaded)
    yield page
    if page.editor is not None:
        page.editor.hide()
    page.thumbnails.wait()


def codes(page):
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def select(page, qtbot, code):
    page.view.selectRow(codes(page).index(code))
    assert page.selected().code == code
    panel = page.rooms
    qtbot.waitUntil(lambda: panel.model.rowCount() == page.selected().room_count
                    and all(r.room_type_code == code for r in panel.model.rows))


def reloaded(page, qtbot, condition):
    qtbot.waitUntil(condition, timeout=5000)


def test_the_list_shows_completeness_per_channel(page):
    assert codes(page) == ["LKV", "GTW", "FAM", "LFT", "CQN", "RTS"]
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers[4:10] == ["美团", "携程", "途家", "飞猪", "Airbnb", "Booking"]
    cqn = codes(page).index("CQN")
    assert [page.model.index(cqn, c).data() for c in range(4, 10)] == ["46%", "50%", "47%", "64%", "41%", "40%"]
    assert page.heading.text() == "6 个房型 · 18 间房"


def test_move_down_reorders(page, qtbot):
    select(page, qtbot, "LKV")
    assert not page.up_button.isEnabled()
    page.down_button.click()
    reloaded(page, qtbot, lambda: codes(page)[:2] == ["GTW", "LKV"])
    assert page.selected().code == "LKV" and page.up_button.isEnabled()


def test_duplicate_selects_the_copy(page, qtbot):
    select(page, qtbot, "LKV")
    page.duplicate_selected("LKV2")
    reloaded(page, qtbot, lambda: "LKV2" in codes(page))
    assert codes(page)[:2] == ["LKV", "LKV2"] and page.selected().code == "LKV2"


def test_archive_refusal_is_shown_and_archive_works_on_an_empty_type(page, qtbot, services, actor, app_context):
    select(page, qtbot, "LKV")
    page.archive_button.click()
    reloaded(page, qtbot, lambda: "还有 4 间房" in page.message.text())
    services.room_types.create(actor, app_context.property_id, {"room_code": "OLD", "name_zh": "旧房型",
                                                                  "max_occupancy": 2})
    page.reload()
    reloaded(page, qtbot, lambda: "OLD" in codes(page))
    select(page, qtbot, "OLD")
    page.archive_button.click()
    reloaded(page, qtbot, lambda: "OLD" not in codes(page))
    page.show_archived.setChecked(True)
    reloaded(page, qtbot, lambda: "OLD" in codes(page))
    select(page, qtbot, "OLD")
    assert page.archive_button.text() == "取消归档"
    assert not page.rooms.add_button.isEnabled()  # no rooms for an archived type


def test_rooms_panel_bulk_create_bad_range_and_collision(page, qtbot):
    select(page, qtbot, "CQN")
    panel = page.rooms
    panel.range_edit.setText("401–403")
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 7, timeout=5000)
    assert panel.message.text() == "已添加 3 间房：401, 402, 403"
    assert [panel.model.index(r, 1).data() for r in range(4, 7)] == ["4", "4", "4"]
    reloaded(page, qtbot, lambda: page.selected().room_count == 7)  # the list's count follows
    panel.range_edit.setText("409-405")
    panel.add_button.click()
    qtbot.waitUntil(lambda: "结束房号小于起始房号" in panel.message.text(), timeout=5000)
    panel.range_edit.setText("403-405")
    panel.add_button.click()
    qtbot.waitUntil(lambda: "房号已存在：403" in panel.message.text(), timeout=5000)
    assert panel.model.rowCount() == 7


def test_rooms_panel_moves_a_room(page, qtbot, services, app_context):
    select(page, qtbot, "CQN")
    panel = page.rooms
    panel.view.selectRow(0)
    moving = panel.selected_room().number
    panel.target_box.setCurrentIndex(panel.target_box.findData(services.room_types.find(app_context.property_id,
                                                                                         "LKV").id))
    panel.move_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
    assert moving not in [panel.model.index(r, 0).data() for r in range(3)]
    assert panel.message.text() == f"房间 {moving} 已移至 LKV"


def test_edit_opens_the_editor_and_saving_refreshes_the_list(page, qtbot, monkeypatch):
    select(page, qtbot, "CQN")
    page.edit_selected()
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=5000)
    editor = page.editor
    assert editor.isModal() and editor.field("room_code").value() == "CQN"
    editor.field("bathroom_type").widget.setCurrentIndex(1)
    editor.field("breakfast").widget.setCurrentIndex(1)
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    row = codes(page).index("CQN")
    reloaded(page, qtbot, lambda: page.model.index(row, 7).data() == "77%")  # 飞猪 went up from 64


def test_edit_a_room_from_the_panel(page, qtbot, services, app_context):
    select(page, qtbot, "GTW")
    panel = page.rooms
    panel.view.selectRow(0)
    dialog = panel.edit_selected()
    assert dialog.number.text() == "101" and dialog.floor.value() == 1
    dialog.notes.setText("靠近前台")
    dialog.status.setCurrentIndex(dialog.status.findData("dirty"))
    dialog.number.setText("102")  # GTW's next room: refused, the dialog stays open with the reason
    dialog.save()
    qtbot.waitUntil(lambda: "房号已存在：102" in dialog.message.text(), timeout=5000)
    assert dialog.isVisible()
    dialog.number.setText("101")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    qtbot.waitUntil(lambda: panel.model.index(0, 3).data() == "靠近前台", timeout=5000)
    assert panel.model.index(0, 2).data() == "待清洁"  # one word for a dirty room everywhere (the room board says 待清洁 too)
    room = next(r for r in services.rooms.list(app_context.property_id) if r.number == "101")
    assert (room.notes, room.status) == ("靠近前台", "dirty")
