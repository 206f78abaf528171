"""What every page needs: the services facade, the background runners, the current property."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from channelmgr.services import Services

from .tasks import TaskRunner


class AppEvents(QObject):
    """The UI's small event bus: pages announce changes, other pages refresh what they show."""

    property_changed = Signal(int)
    data_changed = Signal(str)  # which area changed: "calendar", "reservations", …
    status_message = Signal(str)


@dataclass
class AppContext:
    services: Services
    db_tasks: TaskRunner  # one thread: database work is serialised
    net_tasks: TaskRunner  # a few threads: channels talk in parallel
    property_id: int
    events: AppEvents = field(default_factory=AppEvents)

    def set_property(self, property_id: int) -> None:
        self.property_id = property_id
        self.events.property_changed.emit(property_id)
