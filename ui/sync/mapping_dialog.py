"""Mapping a local room type (and optionally one of its rate plans) to the channel's codes.

Without a rate plan the mapping carries the rooms to sell; with one, that plan's prices and
restrictions. The choices are loaded on the database worker when the dialog opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.services import Services
from channelmgr.sync.channels import ChannelInfo
from channelmgr.sync.mappings import Mapping

from ..context import AppContext
from ..pricing.texts import pick
from ..tasks import while_alive
from .service_dialog import ServiceDialog


@dataclass(frozen=True)
class LocalChoices:
    room_types: list[tuple[str, str]]  # (code, label)
    plans: dict[str, list[tuple[str, str]]]  # room type code → [(plan code, label)]


def load_local_choices(services: Services, property_id: int) -> LocalChoices:
    """Room types that are sold (archived ones are not sent) and their rate plans; runs on the worker."""
    types = [(t.code, f"{t.code} · {pick(t.name_zh, t.name_en)}") for t in services.room_types.list(property_id)]
    plans: dict[str, list[tuple[str, str]]] = {}
    for plan in services.pricing.rate_plans(property_id):
        plans.setdefault(plan.room_type, []).append((plan.code, f"{plan.code} · {pick(plan.name_zh, plan.name_en)}"))
    return LocalChoices(types, plans)


class MappingDialog(ServiceDialog):
    """``current`` (a mapping of this channel) starts the dialog from it, to change its codes."""

    def __init__(self, ctx: AppContext, channel: ChannelInfo, current: Mapping | None = None,
                 parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("mapping_dialog")
        self.channel = channel
        self.current = current
        self.choices: LocalChoices | None = None
        self.setWindowTitle(self.tr("Map to %1").replace("%1", channel.label))
        self.room_type = QComboBox(self)
        self.room_type.setObjectName("mapping_room_type")
        self.rate_plan = QComboBox(self)
        self.rate_plan.setObjectName("mapping_rate_plan")
        self.remote_room = QLineEdit(self)
        self.remote_room.setObjectName("mapping_remote_room")
        self.remote_rate = QLineEdit(self)
        self.remote_rate.setObjectName("mapping_remote_rate")
        self.room_type.currentIndexChanged.connect(lambda _i: self._fill_plans())
        self.rate_plan.currentIndexChanged.connect(lambda _i: self._plan_changed())
        hint = QLabel(self.tr("Codes exactly as the channel's extranet shows them. Without a rate plan, "
                              "the mapping sends the rooms to sell."), self)
        hint.setWordWrap(True)
        form = self.new_form()
        form.addRow(self.tr("Room type"), self.room_type)
        form.addRow(self.tr("Rate plan"), self.rate_plan)
        form.addRow(self.tr("Remote room code"), self.remote_room)
        form.addRow(self.tr("Remote rate code"), self.remote_rate)
        self.body.addWidget(hint)
        self.body.addLayout(form)
        self.ok_button.setEnabled(False)  # until the choices are there
        self.resize(460, self.sizeHint().height())
        services, property_id = ctx.services, ctx.property_id
        ctx.db_tasks.submit(lambda: load_local_choices(services, property_id), while_alive(self, self._show_choices),
                            while_alive(self, self._refused))

    @property
    def loaded(self) -> bool:
        return self.choices is not None

    def _show_choices(self, choices: LocalChoices) -> None:
        self.choices = choices
        for code, label in choices.room_types:
            self.room_type.addItem(label, code)
        if self.current is not None:
            self.room_type.setCurrentIndex(max(0, self.room_type.findData(self.current.room_type.code)))
            self._fill_plans()
            if self.current.rate_plan is not None:
                self.rate_plan.setCurrentIndex(max(0, self.rate_plan.findData(self.current.rate_plan.code)))
            self.remote_room.setText(self.current.remote_room)
            self.remote_rate.setText(self.current.remote_rate or "")
        self.ok_button.setEnabled(self.room_type.count() > 0)

    def _fill_plans(self) -> None:
        code = self.room_type.currentData()
        self.rate_plan.clear()
        self.rate_plan.addItem(self.tr("None (rooms to sell)"), None)
        for plan_code, label in (self.choices.plans.get(code, []) if self.choices else []):
            self.rate_plan.addItem(label, plan_code)

    def _plan_changed(self) -> None:
        with_plan = self.rate_plan.currentData() is not None
        self.remote_rate.setEnabled(with_plan)  # a room-only mapping has no remote rate
        if not with_plan:
            self.remote_rate.clear()

    def service_call(self) -> Callable[[], Any]:
        channels, actor, channel_id = self.ctx.services.channels, desk_actor("channels page"), self.channel.id
        room_type, rate_plan = self.room_type.currentData(), self.rate_plan.currentData()
        remote_room = self.remote_room.text().strip()
        remote_rate = self.remote_rate.text().strip() if rate_plan is not None else None
        return lambda: channels.map(actor, channel_id, room_type=room_type, rate_plan=rate_plan,
                                    remote_room=remote_room, remote_rate=remote_rate)
