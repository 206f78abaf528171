"""The base of every navigation page: a title, an icon, and a load that runs off the GUI thread."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QStyle, QVBoxLayout, QWidget

from ..context import AppContext


class Page(QWidget):
    page_id = "page"
    icon_name: QStyle.StandardPixmap = QStyle.StandardPixmap.SP_FileIcon

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page_{self.page_id}")
        ctx.events.property_changed.connect(lambda _pid: self.reload())

    def title(self) -> str:
        raise NotImplementedError

    def icon(self) -> QIcon:
        return self.style().standardIcon(self.icon_name)

    def reload(self) -> None:
        """Fetch what the page shows; called when shown and when the property changes."""


class PlannedPage(Page):
    """A page whose area is scheduled: it says so plainly instead of showing an empty screen."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{self.title()}</h2>")
        body = QLabel(self.planned_text())
        body.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)

    def planned_text(self) -> str:
        raise NotImplementedError
