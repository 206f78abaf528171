"""The calendar page offscreen: the model, selecting and bulk-editing cells, undo/redo, details."""

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from channelmgr.inventory.bulk_edit import Operation
from tests.core.calendar.builders import TODAY
from ui.calendar.model import CELL_ROLE, DAY_ROLE, CalendarModel
from ui.pages.calendar import HORIZON_DAYS


def _stop_sell(page, rows, columns):
    return [[page.model.cell(r, c).stop_sell for c in columns] for r in rows]


def test_the_model_passes_qtmodeltester(qtmodeltester, calendar_context):
    snapshot = calendar_context.services.calendar.availability.snapshot(
        calendar_context.property_id, TODAY, TODAY + timedelta(days=45)
    )
    model = CalendarModel()
    model.set_snapshot(snapshot)
    qtmodeltester.check(model)
    assert model.rowCount() == 6 and model.columnCount() == 45
    assert model.index(0, 0).data() == "2/4"  # the demo's lake view rooms: two booked tonight
    assert model.index(0, 0).data(CELL_ROLE).booked == 2
    assert model.headerData(0, Qt.Orientation.Horizontal, DAY_ROLE).night == TODAY
    assert model.headerData(0, Qt.Orientation.Vertical) in ("洱海景观大床房", "Lake View King")


def test_the_page_loads_two_years_from_tonight(page):
    assert page.model.rowCount() == 6
    assert page.model.columnCount() == HORIZON_DAYS
    assert page.model.night(0) == TODAY
    assert page.view.horizontalHeader().sectionResizeMode(0).name == "Fixed"
    assert page.view.verticalHeader().isVisible()  # the room type names stay while scrolling


def _open_bulk_edit_on(page, qtbot, rows, first, last):
    page.view.select_block(rows, first, last)
    dialog = page.open_bulk_edit()
    qtbot.waitUntil(lambda: dialog.preview.ok or "0 " in dialog.preview.text(), timeout=3000)
    return dialog


def test_select_cells_bulk_edit_see_them_change_undo_and_redo(page, qtbot):
    columns = range(2, 5)
    outside = [page.model.cell(2, 3), page.model.cell(0, 5)]
    dialog = _open_bulk_edit_on(page, qtbot, range(0, 2), 2, 4)
    assert dialog.types.checked_ids() == tuple(page.model.room_type(r).id for r in range(2))
    dialog.set_operation(Operation.CLOSE)
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=3000)
    assert dialog.preview.text().startswith("6")  # 2 room types × 3 nights

    changed = []
    page.model.dataChanged.connect(lambda top, bottom, _roles: changed.append((top.row(), top.column(), bottom.row(), bottom.column())))
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: _stop_sell(page, range(2), columns) == [[True] * 3] * 2, timeout=3000)
    assert [page.model.cell(2, 3), page.model.cell(0, 5)] == outside
    assert sorted(changed) == [(0, 2, 0, 4), (1, 2, 1, 4)]  # only the edited strip is repainted

    page.actions_["calendar.undo"].trigger()
    qtbot.waitUntil(lambda: _stop_sell(page, range(2), columns) == [[False] * 3] * 2, timeout=3000)
    assert page.actions_["calendar.redo"].isEnabled()
    page.actions_["calendar.redo"].trigger()
    qtbot.waitUntil(lambda: _stop_sell(page, range(2), columns) == [[True] * 3] * 2, timeout=3000)
    assert page.actions_["calendar.undo"].shortcut().toString() == "Ctrl+Z"
    assert page.actions_["calendar.redo"].shortcut().toString() == "Ctrl+Shift+Z"


def test_a_price_edit_shows_the_new_price(page, qtbot):
    dialog = _open_bulk_edit_on(page, qtbot, range(0, 1), 10, 10)
    dialog.set_operation(Operation.PRICE)
    dialog.price.setText("699.50")
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=3000)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: page.model.cell(0, 10).price_minor == 69950, timeout=3000)
    assert page.model.cell(0, 11).price_minor == 58800


def test_a_fat_finger_price_asks_first_go_back_writes_nothing_save_anyway_writes(page, qtbot):
    from PySide6.QtWidgets import QMessageBox

    def guard_box():
        box = getattr(page, "price_guard_box", None)
        return box if box is not None and box.isVisible() else None

    for confirm in (False, True):
        dialog = _open_bulk_edit_on(page, qtbot, range(0, 1), 12, 12)
        dialog.set_operation(Operation.PRICE)
        dialog.price.setText("35800")  # ¥35,800 typed on a ¥588 night
        qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=3000)
        dialog.apply_button.click()
        qtbot.waitUntil(lambda: guard_box() is not None, timeout=5000)
        box = guard_box()
        assert "¥588 → ¥35,800" in box.informativeText() and "LKV · BAR" in box.informativeText()
        role = QMessageBox.ButtonRole.AcceptRole if confirm else QMessageBox.ButtonRole.RejectRole
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()
        if confirm:
            qtbot.waitUntil(lambda: page.model.cell(0, 12).price_minor == 3580000, timeout=5000)
        else:
            page.ctx.db_tasks.wait()
            assert page.model.cell(0, 12).price_minor == 58800
            assert page.ctx.services.calendar.availability.snapshot(
                page.ctx.property_id, page.model.night(12), page.model.night(13)).cell(0, 0).price_minor == 58800


def test_a_refused_edit_says_why_and_cannot_be_applied(page, qtbot):
    dialog = _open_bulk_edit_on(page, qtbot, range(0, 6), 0, 1)
    dialog.set_operation(Operation.ROOMS_CLOSED)
    dialog.count.setValue(3)  # the family suite has only 2 rooms
    qtbot.waitUntil(lambda: "亲子家庭套房" in dialog.preview.text(), timeout=3000)
    assert not dialog.apply_button.isEnabled()
    dialog.reject()
    assert not page.editor.stack.canUndo()


def test_copy_week_repeats_a_closed_saturday(page, qtbot):
    saturday = next(c for c in range(7) if page.model.night(c).weekday() == 5)
    dialog = _open_bulk_edit_on(page, qtbot, range(5, 6), saturday, saturday)
    dialog.set_operation(Operation.CLOSE)
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=3000)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: page.model.cell(5, saturday).stop_sell, timeout=3000)
    page.view.select_block(range(5, 6), 0, 6)
    copy = page.open_copy_week()
    copy.weeks.setValue(3)
    qtbot.waitUntil(lambda: copy.apply_button.isEnabled(), timeout=3000)
    copy.apply_button.click()
    weeks = [saturday + 7 * k for k in range(1, 4)]
    qtbot.waitUntil(lambda: all(page.model.cell(5, c).stop_sell for c in weeks), timeout=3000)
    assert not page.model.cell(5, saturday + 28).stop_sell


def test_clicking_a_cell_shows_bookings_prices_and_changes(page, qtbot):
    index = page.model.index(0, 0)
    page.view.clicked.emit(index)
    qtbot.waitUntil(lambda: page.details.bookings.rowCount() == 2, timeout=3000)
    assert {page.details.bookings.rows[i].guest_name for i in range(2)} == {"王芳", "Emily Carter"}
    assert [p.code for p in page.details.prices.rows] == ["BAR", "BB"]
    assert page.details.prices.rows[1].price_minor == 58800 + 4000


def test_zoom_and_jump(page, qtbot):
    page.zoom.setCurrentIndex(page.zoom.findData(30))
    wide = page.view.columnWidth(0)
    page.zoom.setCurrentIndex(page.zoom.findData(90))
    assert page.view.columnWidth(0) < wide
    page.jump_to(TODAY + timedelta(days=400))
    assert page.view.first_visible_column() >= 390
    far = TODAY + timedelta(days=900)
    page.jump_to(far)
    qtbot.waitUntil(lambda: page.model.column_of(far) is not None, timeout=5000)
    assert page.model.night(0) == far - timedelta(days=7)


def test_the_grid_paints_states_at_every_level_of_detail(page):
    from ui.calendar.delegate import STATE_COLOURS
    from channelmgr.inventory.availability import AvailabilityState

    family = page.model.row_of(next(rt.id for rt in page.model.room_types() if rt.code == "FAM"))
    low = next(c for c in range(10) if page.model.cell(family, c).state is AvailabilityState.LOW)
    for days in (30, 60, 90):
        page.zoom.setCurrentIndex(page.zoom.findData(days))
        page.view.scroll_to_column(0)
        image = QImage(page.view.viewport().size(), QImage.Format.Format_ARGB32)
        page.view.viewport().render(image)
        rect = page.view.visualRect(page.model.index(family, low))
        colour = image.pixelColor(rect.right() - 3, rect.center().y() + 1)
        assert colour == STATE_COLOURS[AvailabilityState.LOW], (days, colour.name())


def test_edits_are_announced_and_changes_made_elsewhere_are_shown(page, qtbot):
    from channelmgr.inventory.front_desk import WalkInRequest
    from channelmgr.roomtypes.desk_user import desk_actor

    areas = []
    page.ctx.events.data_changed.connect(areas.append)
    dialog = _open_bulk_edit_on(page, qtbot, range(0, 1), 3, 3)
    dialog.set_operation(Operation.CLOSE)
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=3000)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: areas == ["calendar"], timeout=3000)  # the channel sync listens to this

    loft = page.model.row_of(next(rt.id for rt in page.model.room_types() if rt.code == "LFT"))
    left = page.model.cell(loft, 0).left
    page.ctx.services.calendar.front_desk.walk_in(
        WalkInRequest(page.ctx.property_id, page.model.room_type(loft).id, 1, "别处的订单", 60000), desk_actor("test"))
    page.ctx.events.data_changed.emit("reservations")  # what another page says after booking
    qtbot.waitUntil(lambda: page.model.cell(loft, 0).left == left - 1, timeout=3000)


def test_switching_property_shows_its_room_types_and_forgets_the_undo_history(page, qtbot, db):
    from tests.core.calendar.builders import build_hotel

    dialog = _open_bulk_edit_on(page, qtbot, range(0, 1), 1, 1)
    dialog.set_operation(Operation.CLOSE)
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=3000)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: page.editor.stack.canUndo(), timeout=3000)
    other = build_hotel(db)
    page.ctx.set_property(other.property_id)
    qtbot.waitUntil(lambda: [rt.code for rt in page.model.room_types()] == ["A", "B"], timeout=3000)
    assert not page.editor.stack.canUndo()


def test_double_clicking_a_price_explains_it(page, qtbot):
    from PySide6.QtWidgets import QApplication, QTableView

    from ui.pricing.explain_popup import ExplainPopup

    page.view.clicked.emit(page.model.index(0, 0))
    qtbot.waitUntil(lambda: page.details.prices.rowCount() == 2, timeout=3000)
    prices_view = page.details.findChild(QTableView, "details_prices")
    prices_view.doubleClicked.emit(page.details.prices.index(0, 1))

    def popup():
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, ExplainPopup) and w.isVisible()), None)

    qtbot.waitUntil(lambda: popup() is not None, timeout=3000)
    shown = popup()
    explanation = page.ctx.services.pricing.explain(
        page.ctx.property_id, "LKV", "BAR", None, page.details.details.night
    )
    assert len(shown.step_labels) == len(explanation.steps) >= 1
    assert sum(step.amount_minor for step in explanation.steps) == explanation.steps[-1].price_after_minor
    shown.close()


def test_the_details_panel_says_where_a_minimum_stay_comes_from(page, qtbot):
    from datetime import timedelta

    from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
    from channelmgr.roomtypes.desk_user import desk_actor

    ctx = page.ctx
    lake = page.model.room_type(0)
    night = page.model.night(4)
    ctx.services.calendar.bulk_edit.apply(BulkEditRequest(ctx.property_id, night, night, (lake.id,),
                                                          Operation.MIN_STAY, 3), desk_actor("test"))
    details = ctx.services.calendar.details.details(lake.id, night)
    page.details.show_details(details, "x")
    assert page.details.restrictions.text() == "min stay 3 night(s), set in the calendar"
    assert page.details.minimumHeight() >= page.details.fontMetrics().lineSpacing() * 10
    quiet = ctx.services.calendar.details.details(lake.id, night + timedelta(days=1))
    page.details.show_details(quiet, "x")
    assert page.details.restrictions.text() == "No restrictions this night"
