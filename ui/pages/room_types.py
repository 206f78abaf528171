from __future__ import annotations

from PySide6.QtWidgets import QStyle

from channelmgr.money import format_minor

from ..models.record_table import Column
from .table_page import TablePage


class RoomTypesPage(TablePage):
    page_id = "room_types"
    icon_name = QStyle.StandardPixmap.SP_DirHomeIcon

    def title(self) -> str:
        return self.tr("Room types")

    def columns(self):
        def base_price(rt):
            prices = [rp.base_price_minor for rp in rt.rate_plans if rp.base_price_minor is not None]
            return format_minor(prices[0]) if prices else "—"

        return [
            Column(self.tr("Code"), lambda rt: rt.code),
            Column(self.tr("Name"), lambda rt: rt.name_zh),
            Column(self.tr("English name"), lambda rt: rt.name_en),
            Column(self.tr("Rooms"), lambda rt: str(rt.room_count), True, lambda rt: rt.room_count),
            Column(self.tr("Rate plans"), lambda rt: " / ".join(rp.name_zh for rp in rt.rate_plans)),
            Column(self.tr("Base price"), base_price, True),
        ]

    def fetch(self, property_id: int):
        return self.ctx.services.inventory.room_types(property_id)

    def heading_text(self, rows) -> str:
        rooms = sum(rt.room_count for rt in rows)
        return self.tr("%n room type(s)", "", len(rows)) + " · " + self.tr("%n room(s)", "", rooms)
