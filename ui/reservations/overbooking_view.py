"""The overbooking board on screen: each conflict highlighted, the bookings in it (the one that came
last marked), and the suggested fixes: upgrade to a free room type, a free room of the same type,
or contact the guest.

A few dozen rows at most, so a QTreeWidget is the simple right tool here (the big lists use
models); it is rebuilt from the board's plain data on every load.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from channelmgr.reservations.overbooking_board import Conflict

from .texts import conflict_kind_label, source_label

CONFLICT_BRUSH = QBrush(QColor("#fbd5d3"))


class OverbookingView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel()
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("overbooking_board")
        self.tree.setHeaderLabels([self.tr("Night"), self.tr("Room type"), self.tr("Problem"), self.tr("Details")])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.conflicts: list[Conflict] = []
        self.show_conflicts([])

    def show_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = list(conflicts)
        self.tree.clear()
        if not conflicts:
            self.summary.setText(self.tr("No overbooking: every booking has a room."))
            return
        self.summary.setText(self.tr("%n conflict(s) to resolve", "", len(conflicts)))
        for c in conflicts:
            if c.room_number:
                problem = self.tr("Room %1 holds %2 bookings").replace("%1", c.room_number).replace("%2", str(len(c.bookings)))
            else:
                problem = self.tr("%1 booked for %2 rooms").replace("%1", str(c.held)).replace("%2", str(c.rooms))
            top = QTreeWidgetItem([c.night.isoformat(), f"{c.room_type_code} {c.room_type_name}",
                                   conflict_kind_label(c.kind), problem])
            for column in range(4):
                top.setBackground(column, CONFLICT_BRUSH)
            self.tree.addTopLevelItem(top)
            for b in c.bookings:
                who = f"#{b.id} {b.guest_name} {b.guest_phone}".strip()
                origin = b.channel or source_label(b.source)
                when = self.tr("booked %1").replace("%1", f"{b.created_at:%Y-%m-%d %H:%M}")
                item = QTreeWidgetItem(["", origin, who, f"{b.arrival} → {b.departure} · {when}"])
                if b.id == c.last.id:
                    item.setText(2, who + " · " + self.tr("came last"))
                    font = QFont(item.font(2))
                    font.setBold(True)
                    item.setFont(2, font)
                top.addChild(item)
            for fix in self.fixes(c):
                top.addChild(QTreeWidgetItem(["", "", self.tr("Suggested fix"), fix]))
            top.setExpanded(True)
        for column in range(4):
            self.tree.resizeColumnToContents(column)

    def fixes(self, c: Conflict) -> list[str]:
        fixes = [
            self.tr("Upgrade %1 to %2 (%3 free for the whole stay)").replace("%1", c.last.guest_name)
            .replace("%2", f"{u.code} {u.name_zh}").replace("%3", str(u.free_rooms))
            for u in c.upgrades
        ]
        if c.free_rooms:
            fixes.append(self.tr("Move %1 to room %2 (free for the whole stay)").replace("%1", c.last.guest_name)
                         .replace("%2", ", ".join(c.free_rooms)))
        contact = f"{c.last.guest_name} {c.last.guest_phone}".strip()
        fixes.append(self.tr("Contact %1 about another date or a house nearby").replace("%1", contact))
        return fixes
