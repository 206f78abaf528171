"""The rooms board (房态板) for the front desk: every room as a card with one-click status buttons,
check-in and check-out on the card, repairs for dates, and per room type tonight's availability
with a one-click close/reopen for tonight. A walk-in guest is one button away.

The board never decides: each click is one core call in the background, and the board reloads
from the core's answer. Outcomes go to a message line instead of modal boxes, so the desk keeps
working with the keyboard and mouse where they are.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from channelmgr.inventory.room_board import Arrival, BoardRoom, BoardRoomType, RoomBoard
from channelmgr.reservations.desk_quote import quote_desk_stay
from channelmgr.money import format_minor
from channelmgr.roomtypes.desk_user import desk_actor

from channelmgr.security.roles import Permission
from ..context import AppContext
from ..menu_button import MenuButton
from ..permissions import gate
from . import texts
from .editor import CalendarEditor
from .front_desk_dialogs import OutOfOrderDialog, WalkInDialog

CARDS_PER_LINE = 6
STATUS_COLOURS = {"clean": "#d9f2df", "dirty": "#ffe9b3", "occupied": "#d6e4fa", "out_of_order": "#dcdcdc"}


class RoomCard(QFrame):
    def __init__(self, room: BoardRoom, arrivals: list[Arrival], board: "RoomBoardWidget"):
        super().__init__(board)
        self.setObjectName(f"room_{room.number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#room_{room.number} {{ background: {STATUS_COLOURS.get(room.status, '#ffffff')}; }}")
        self.setMinimumWidth(150)
        number = QLabel(f"<b style='font-size:15pt'>{room.number}</b>", self)
        status = QLabel(texts.room_status_label(room.status), self)
        status.setObjectName("status")
        line = QHBoxLayout()
        line.addWidget(number)
        line.addStretch(1)
        line.addWidget(status)
        who = QLabel(self._who(room), self)
        who.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        for status_name, label in (("clean", self.tr("Clean")), ("dirty", self.tr("Dirty"))):
            button = QToolButton(self)
            button.setObjectName(status_name)
            button.setText(label)
            button.setCheckable(True)
            button.setChecked(room.status == status_name)
            button.setEnabled(room.status != status_name)
            gate(button, Permission.CALENDAR)
            button.clicked.connect(lambda _c=False, s=status_name: board.set_status(room, s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        if room.stay_id is not None:
            out = QToolButton(self)
            out.setObjectName("check_out")
            out.setText(self.tr("Check out"))
            out.clicked.connect(lambda: board.check_out(room))
            gate(out, Permission.RESERVATIONS)
            buttons.addWidget(out)
        elif room.out_of_order_id is not None:
            back = QToolButton(self)
            back.setObjectName("end_repair")
            back.setText(self.tr("Back in service"))
            back.clicked.connect(lambda: board.end_repair(room))
            gate(back, Permission.CALENDAR)
            buttons.addWidget(back)
        else:
            check_in = MenuButton(self.tr("Check in"), self)
            check_in.setObjectName("check_in")
            menu = check_in.menu()
            for arrival in arrivals:
                action = menu.addAction(f"{arrival.guest_name} · {texts.date_text(arrival.arrival)}–{texts.date_text(arrival.departure)}")
                action.triggered.connect(lambda _c=False, a=arrival: board.check_in(room, a))
                gate(action, Permission.RESERVATIONS)
            check_in.setEnabled(bool(arrivals) and room.status != "out_of_order")
            if not arrivals:
                check_in.setToolTip(self.tr("No arrival of this room type is due today"))
            gate(check_in, Permission.RESERVATIONS)
            buttons.addWidget(check_in)
            repair = QToolButton(self)
            repair.setObjectName("out_of_order")
            repair.setText(self.tr("Repair…"))
            repair.clicked.connect(lambda: board.take_out_of_service(room))
            gate(repair, Permission.CALENDAR)
            buttons.addWidget(repair)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(line)
        layout.addWidget(who)
        layout.addLayout(buttons)

    def _who(self, room: BoardRoom) -> str:
        if room.guest_name:
            return self.tr("%1 · leaves %2").replace("%1", room.guest_name).replace("%2", texts.date_text(room.departure))
        if room.back_in_service:
            return self.tr("Repair until %1").replace("%1", texts.date_text(room.back_in_service))
        return " "


class RoomBoardWidget(QWidget):
    changed = Signal(str)  # which area a click changed: "rooms", "reservations" or "calendar"

    def __init__(self, ctx: AppContext, editor: CalendarEditor, name_of: Callable, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("room_board")
        self.ctx = ctx
        self.editor = editor
        self.name_of = name_of
        self.board: RoomBoard | None = None
        self.loaded = False
        self._walk_in_after_load: tuple[int | None] | None = None
        self.walk_in_button = QPushButton(self.tr("Walk-in guest…"), self)
        self.walk_in_button.setObjectName("walk_in")
        self.walk_in_button.clicked.connect(lambda: self.walk_in())
        gate(self.walk_in_button, Permission.RESERVATIONS)
        self.heading = QLabel(self)
        self.message = QLabel(self)
        self.message.setObjectName("board_message")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.walk_in_button)
        self.arrivals = QLabel(self)
        self.arrivals.setWordWrap(True)
        self.content = QWidget(self)
        self.groups = QVBoxLayout(self.content)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.arrivals)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)

    # --- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        pid = self.ctx.property_id
        rooms = self.ctx.services.calendar.room_board
        self.ctx.db_tasks.submit(lambda: rooms.board(pid), self._show, self._failed, key="calendar.room_board")

    def _arrival_text(self, arrival: Arrival, room_type: str, today: date) -> str:
        # The board lists late arrivals too (due on an earlier night, not checked in): said so,
        # or the desk counts one more guest "today" than the dashboard's arrivals show.
        if arrival.late(today):
            return (self.tr("%1 (%2, late: due %3)").replace("%1", arrival.guest_name).replace("%2", room_type)
                    .replace("%3", texts.date_text(arrival.arrival)))
        return self.tr("%1 (%2)").replace("%1", arrival.guest_name).replace("%2", room_type)

    def _show(self, board: RoomBoard) -> None:
        self.board = board
        self.heading.setText(
            f"<b>{texts.day_title(board.today)}</b> · "
            + self.tr("%n room(s)", "", len(board.rooms))
            + " · "
            + self.tr("%n arrival(s) due", "", len(board.arrivals))
        )
        names = {rt.id: self.name_of(rt) for rt in board.room_types}
        self.arrivals.setText("  ".join(self._arrival_text(a, names.get(a.room_type_id, "?"), board.today)
                                        for a in board.arrivals))
        while self.groups.count():
            item = self.groups.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for room_type in board.room_types:
            self.groups.addWidget(self._group(board, room_type))
        self.groups.addStretch(1)
        self.loaded = True
        if self._walk_in_after_load is not None:
            (room_type_id,) = self._walk_in_after_load
            self._walk_in_after_load = None
            self.walk_in(room_type_id)

    def _group(self, board: RoomBoard, room_type: BoardRoomType) -> QGroupBox:
        box = QGroupBox(self.name_of(room_type), self.content)
        box.setObjectName(f"type_{room_type.code}")
        tonight = room_type.tonight
        line = QHBoxLayout()
        summary = self.tr("Tonight %1 of %2 left").replace("%1", str(tonight.rooms_to_sell)).replace("%2", str(tonight.total))
        if tonight.price_minor is not None:
            summary += " · " + format_minor(tonight.price_minor)
        if tonight.stop_sell:
            summary += " · " + texts.setting_label("stop_sell")
        line.addWidget(QLabel(summary, box))
        line.addStretch(1)
        toggle = QPushButton(self.tr("Reopen tonight") if tonight.stop_sell else self.tr("Close tonight"), box)
        toggle.setObjectName("tonight")
        toggle.clicked.connect(lambda: self.close_tonight(room_type, not tonight.stop_sell))
        gate(toggle, Permission.CALENDAR)
        line.addWidget(toggle)
        grid = QGridLayout()
        arrivals = [a for a in board.arrivals if a.room_type_id == room_type.id]
        rooms = [r for r in board.rooms if r.room_type_id == room_type.id]
        for i, room in enumerate(rooms):
            grid.addWidget(RoomCard(room, arrivals, self), i // CARDS_PER_LINE, i % CARDS_PER_LINE)
        grid.setColumnStretch(CARDS_PER_LINE, 1)
        layout = QVBoxLayout(box)
        layout.addLayout(line)
        layout.addLayout(grid)
        return box

    def card(self, number: str) -> RoomCard | None:
        return self.findChild(RoomCard, f"room_{number}")

    # --- actions: one core call each, then reload ------------------------------------------------
    def set_status(self, room: BoardRoom, status: str) -> None:
        rooms = self.ctx.services.calendar.room_board
        self._run(lambda: rooms.set_status(room.id, status, desk_actor("room board")),
                  self.tr("Room %1: %2").replace("%1", room.number).replace("%2", texts.room_status_label(status)), "rooms")

    def check_in(self, room: BoardRoom, arrival: Arrival) -> None:
        desk = self.ctx.services.calendar.front_desk
        self._run(lambda: desk.check_in(arrival.reservation_id, room.id, desk_actor("check-in")),
                  self.tr("%1 checked in to room %2").replace("%1", arrival.guest_name).replace("%2", room.number),
                  "reservations")

    def check_out(self, room: BoardRoom) -> None:
        desk = self.ctx.services.calendar.front_desk
        self._run(lambda: desk.check_out(room.stay_id, desk_actor("check-out")),
                  self.tr("%1 checked out of room %2").replace("%1", room.guest_name or "").replace("%2", room.number),
                  "reservations")

    def take_out_of_service(self, room: BoardRoom) -> OutOfOrderDialog | None:
        if self.board is None:
            return None
        dialog = OutOfOrderDialog(room.number, self.board.today, self)
        rooms = self.ctx.services.calendar.room_board

        def finished(result: int) -> None:
            dialog.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                return
            start, back, reason = dialog.nights()
            self._run(lambda: rooms.mark_out_of_order(room.id, start, back, reason, desk_actor("room board")),
                      self.tr("Room %1 is out of order until %2").replace("%1", room.number)
                      .replace("%2", texts.date_text(back)), "calendar")

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def end_repair(self, room: BoardRoom) -> None:
        rooms = self.ctx.services.calendar.room_board
        self._run(lambda: rooms.end_out_of_order(room.out_of_order_id, desk_actor("room board")),
                  self.tr("Room %1 is back in service").replace("%1", room.number), "calendar")

    def close_tonight(self, room_type: BoardRoomType, close: bool) -> None:
        desk = self.ctx.services.calendar.front_desk
        pid = self.ctx.property_id
        work = desk.close_tonight if close else desk.reopen_tonight
        label = self.tr("Close %1 tonight") if close else self.tr("Reopen %1 tonight")
        self.editor.run(lambda: work(pid, room_type.id, desk_actor("front desk")), label.replace("%1", self.name_of(room_type)),
                        on_done=lambda _changes: self.reload())

    def walk_in(self, room_type_id: int | None = None) -> WalkInDialog | None:
        if self.board is None:  # first open: the dialog needs tonight's rooms and prices
            self._walk_in_after_load = (room_type_id,)
            self.reload()
            return None
        dialog = WalkInDialog(self.board, self.name_of, self._quote_stay, room_type_id, self)
        desk = self.ctx.services.calendar.front_desk

        def finished(result: int) -> None:
            dialog.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                return
            request = dialog.request(self.ctx.property_id)
            self._run(lambda: desk.walk_in(request, desk_actor("walk-in")),
                      self.tr("Walk-in booked for %1").replace("%1", request.guest_name.strip()), "reservations")

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _quote_stay(self, room_type_id: int, nights: int, on_done: Callable[[object], None]) -> None:
        """The stay's price from tonight, quoted as 新建订单 quotes it (``quote_desk_stay``)."""
        services, pid, board = self.ctx.services, self.ctx.property_id, self.board
        room_type = next(rt for rt in board.room_types if rt.id == room_type_id)
        plan_code = room_type.main_rate_plan_code
        self.ctx.db_tasks.submit(
            lambda: quote_desk_stay(services.calendar.availability, services.pricing, pid, room_type_id,
                                    room_type.code, plan_code, board.today, nights),
            on_done, self._failed, key=f"walk_in.quote.{id(self)}")

    def _run(self, work: Callable[[], object], success: str, area: str) -> None:
        def done(_result) -> None:
            self._say(success, ok=True)
            self.reload()
            self.changed.emit(area)

        self.ctx.db_tasks.submit(work, done, lambda error: self._say(texts.refusal_text(error), ok=False))

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet("color: #1e7b34;" if ok else "color: #b3261e;")
        self.message.setText(text)
        self.ctx.events.status_message.emit(text)

    def _failed(self, error: Exception) -> None:
        self._say(texts.refusal_text(error), ok=False)
