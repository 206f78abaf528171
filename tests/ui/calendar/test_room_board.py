"""The rooms board offscreen: walk-ins, check-in/out, repairs, and closing a type tonight."""

from PySide6.QtWidgets import QLabel, QPushButton, QToolButton

from ui.calendar import texts
from ui.calendar.front_desk_dialogs import OutOfOrderDialog
from .conftest import WORK_DEADLINE_MS


def _row(page, code):
    return page.model.row_of(next(rt.id for rt in page.model.room_types() if rt.code == code))


def _open_board(page, qtbot):
    page.actions_["frontdesk.board"].trigger()
    qtbot.waitUntil(lambda: page.board.loaded, timeout=WORK_DEADLINE_MS)
    return page.board


def _walk_in(page, qtbot, code, guest, room_index=0):
    board = _open_board(page, qtbot)
    type_id = page.model.room_type(_row(page, code)).id
    dialog = board.walk_in(type_id)
    dialog.guest.setText(guest)
    dialog.room.setCurrentIndex(room_index)
    dialog.findChild(QPushButton, "ok").click()
    return board


def test_a_walk_in_consumes_availability_on_the_calendar(page, qtbot):
    loft = _row(page, "LFT")
    assert page.model.cell(loft, 0).left == 2  # 3 rooms, one booked tonight
    board = _walk_in(page, qtbot, "LFT", "散客 王五")
    qtbot.waitUntil(lambda: page.model.cell(loft, 0).left == 1, timeout=WORK_DEADLINE_MS)
    assert page.model.cell(loft, 1).left == 3  # one night only
    assert "王五" in board.message.text()


def test_check_in_then_check_out_leaves_the_room_dirty(page, qtbot):
    board = _walk_in(page, qtbot, "RTS", "散客 赵六", room_index=1)  # the first free room
    qtbot.waitUntil(lambda: board.card("305") is not None and board.card("305").findChild(QToolButton, "check_out") is not None,
                    timeout=WORK_DEADLINE_MS)
    assert board.card("305").findChild(QLabel, "status").text() == texts.room_status_label("occupied")
    board.card("305").findChild(QToolButton, "check_out").click()
    qtbot.waitUntil(
        lambda: board.card("305").findChild(QLabel, "status").text() == texts.room_status_label("dirty"),
        timeout=WORK_DEADLINE_MS,
    )
    board.card("305").findChild(QToolButton, "clean").click()
    qtbot.waitUntil(
        lambda: board.card("305").findChild(QLabel, "status").text() == texts.room_status_label("clean"),
        timeout=WORK_DEADLINE_MS,
    )


def test_an_arrival_is_checked_in_from_the_room_card(page, qtbot):
    board = _open_board(page, qtbot)
    menu = board.card("301").findChild(QToolButton, "check_in").menu()
    assert len(menu.actions()) == 2  # the two lake view guests due today
    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: board.card("301").findChild(QToolButton, "check_out") is not None, timeout=WORK_DEADLINE_MS)


def test_close_tonight_from_the_board_and_undo_it(page, qtbot):
    board = _open_board(page, qtbot)
    suite = _row(page, "RTS")
    board.findChild(QPushButton, "tonight").click()  # the first room type: lake view
    lake = _row(page, "LKV")
    qtbot.waitUntil(lambda: page.model.cell(lake, 0).stop_sell, timeout=WORK_DEADLINE_MS)
    assert not page.model.cell(suite, 0).stop_sell and not page.model.cell(lake, 1).stop_sell
    page.actions_["calendar.undo"].trigger()
    qtbot.waitUntil(lambda: not page.model.cell(lake, 0).stop_sell, timeout=WORK_DEADLINE_MS)


def test_a_walk_in_with_no_room_left_is_refused_with_the_reason(page, qtbot):
    suite = _row(page, "RTS")  # two rooms, both free tonight
    board = _walk_in(page, qtbot, "RTS", "散客 甲")
    qtbot.waitUntil(lambda: page.model.cell(suite, 0).left == 1, timeout=WORK_DEADLINE_MS)
    _walk_in(page, qtbot, "RTS", "散客 乙")
    qtbot.waitUntil(lambda: page.model.cell(suite, 0).left == 0, timeout=WORK_DEADLINE_MS)
    _walk_in(page, qtbot, "RTS", "散客 丙")
    qtbot.waitUntil(lambda: "RTS" in board.message.text(), timeout=WORK_DEADLINE_MS)
    assert page.model.cell(suite, 0).booked == 2  # the third guest was not booked


def test_a_repair_takes_the_room_out_of_sale(page, qtbot):
    board = _open_board(page, qtbot)
    twin = _row(page, "GTW")
    before = page.model.cell(twin, 0).left
    board.card("103").findChild(QToolButton, "out_of_order").click()
    dialog = next(d for d in board.findChildren(OutOfOrderDialog) if d.isVisible())
    dialog.reason.setText("漏水")
    dialog.findChild(QPushButton, "ok").click()
    qtbot.waitUntil(lambda: page.model.cell(twin, 0).left == before - 1, timeout=WORK_DEADLINE_MS)
    qtbot.waitUntil(lambda: board.card("103").findChild(QToolButton, "end_repair") is not None, timeout=WORK_DEADLINE_MS)


def test_a_walk_in_is_charged_the_stays_own_prices_not_tonights_times_nights(page, qtbot):
    from datetime import timedelta

    from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
    from channelmgr.roomtypes.desk_user import desk_actor

    ctx = page.ctx
    lake = page.model.room_type(_row(page, "LKV"))
    board = _open_board(page, qtbot)
    tonight = page.model.cell(_row(page, "LKV"), 0).price_minor
    tomorrow = board.board.today + timedelta(days=1)
    ctx.services.calendar.bulk_edit.apply(BulkEditRequest(
        ctx.property_id, tomorrow, tomorrow, (lake.id,), Operation.PRICE, tonight + 8000,
        rate_plan_ids=(lake.main_rate_plan_id,)), desk_actor("test"))
    dialog = board.walk_in(lake.id)
    dialog.nights.setValue(2)
    expected = tonight + tonight + 8000
    qtbot.waitUntil(lambda: dialog.amount.value_minor() == expected, timeout=WORK_DEADLINE_MS)
    dialog.guest.setText("散客 周七")
    dialog.findChild(QPushButton, "ok").click()
    qtbot.waitUntil(lambda: "周七" in board.message.text(), timeout=WORK_DEADLINE_MS)
    booked = [r for r in ctx.services.reservations.list(ctx.property_id, None, None, None) if r.guest_name == "散客 周七"]
    assert [r.amount_minor for r in booked] == [expected]


def test_a_late_arrival_on_the_board_says_it_is_late(page, qtbot):
    # The demo's 王芳 was due yesterday and has not checked in: the board lists her among the
    # arrivals (the desk still checks her in), but says she is late, so "arrivals due" is not
    # read as "due today" beside the dashboard's arrivals of today.
    from datetime import timedelta

    from tests.core.calendar.builders import TODAY

    board = _open_board(page, qtbot)
    late = [a for a in board.board.arrivals if a.arrival < board.board.today]
    assert [a.guest_name for a in late] == ["王芳"]
    text = board.arrivals.text()
    assert "王芳 (" in text and f"late: due {texts.date_text(TODAY - timedelta(days=1))}" in text
    emily = text[text.index("Emily Carter"):]
    assert "late" not in emily.split(")")[0]
