"""The Channels page: each OTA channel with its sync status, its mappings (and what is unmapped),
push now / dry run / full resync, the sync log, and the drift audit (audit now, the differences,
push again / accept theirs; ui.sync.drift_view). Channels are added, changed, removed and
mapped here too (ui.sync.channel_setup), so an owner never needs the command line.

Every push is previewed first: the dry run runs on a network worker, its result opens the
preview, and only "Push now" in the preview sends. The GUI thread never waits on either.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QMessageBox,
                               QPushButton, QStyle, QTableView, QTabWidget, QVBoxLayout, QWidget)

from channelmgr.security.roles import Permission
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.sync.mappings import Mapping
from channelmgr.sync.report import PassReport

from ..permissions import gate_all
from ..context import AppContext
from ..fit_columns import fit_columns
from ..models.record_table import Column, RecordTableModel
from ..sync.adapter import SyncStatusRelay
from ..tasks import while_alive
from ..sync.channel_setup import ChannelSetup
from ..sync.channel_table import ChannelRow, ChannelTableModel
from ..sync.drift_view import DriftView
from ..sync.dry_run_dialog import DryRunDialog
from ..sync.log_view import SyncLogView
from ..sync.texts import SyncTexts
from .base import Page

PUSH_TIMEOUT_SECONDS = 600  # a network worker waits at most this long for a channel's lane


class ChannelsPage(Page):
    page_id = "channels"
    icon_name = QStyle.StandardPixmap.SP_DriveNetIcon

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.texts = SyncTexts(self)
        self.loaded = False
        self._busy = False  # a preview or a push is on its way: one at a time
        self.heading = QLabel(self)
        self.model = ChannelTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("channel_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Channel, name, endpoint, status and last audit give way first: the address is the longest.
        fit_columns(self.table, elastic=(0, 1, 3, 5, 7))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_mappings())
        self.table.doubleClicked.connect(lambda _index: self.edit_channel())

        self.setup = ChannelSetup(ctx, self)
        self.setup.changed.connect(self._setup_changed)
        self.add_button = self._button("add_channel", self.tr("Add channel…"), self.setup.add)
        self.edit_button = self._button("edit_channel", self.tr("Edit…"), self.edit_channel)
        self.remove_button = self._button("remove_channel", self.tr("Remove…"), self.remove_channel)
        self.push_button = self._button("push_now", self.tr("Push now"), self.push_now)
        self.dry_run_button = self._button("dry_run", self.tr("Dry run"), self.dry_run)
        self.full_button = self._button("full_resync", self.tr("Full resync"), self.full_resync)
        self.audit_button = self._button("audit_now", self.tr("Audit now"), self.audit_now)  # only reads
        gate_all((self.add_button, self.edit_button, self.remove_button), Permission.CHANNELS)
        gate_all((self.push_button, self.full_button), Permission.SYNC)  # a dry run only reads
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addSpacing(24)
        for button in (self.push_button, self.dry_run_button, self.full_button, self.audit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.mapping_model = RecordTableModel(self._mapping_columns(), self)
        self.mappings = QTableView(self)
        self.mappings.setObjectName("mapping_table")
        self.mappings.setModel(self.mapping_model)
        self.mappings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mappings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mappings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mappings.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.mappings.doubleClicked.connect(lambda _index: self.map_room())
        self.mappings.verticalHeader().setVisible(False)
        fit_columns(self.mappings, elastic=(1, 2, 3, 4))
        self.warnings = QListWidget(self)
        self.warnings.setObjectName("mapping_warnings")
        self.warnings.setMaximumHeight(120)
        self.map_button = self._button("map_room", self.tr("Map…"), self.map_room)
        self.unmap_button = self._button("unmap_room", self.tr("Unmap"), self.unmap_room)
        gate_all((self.map_button, self.unmap_button), Permission.CHANNELS)
        mapping_buttons = QHBoxLayout()
        mapping_buttons.addWidget(self.map_button)
        mapping_buttons.addWidget(self.unmap_button)
        mapping_buttons.addStretch(1)
        mapping_tab = QWidget(self)
        mapping_layout = QVBoxLayout(mapping_tab)
        mapping_layout.addLayout(mapping_buttons)
        mapping_layout.addWidget(self.mappings, 1)
        mapping_layout.addWidget(self.warnings)
        self.log_view = SyncLogView(ctx, self)
        self.drift_view = DriftView(ctx, self)
        self.drift_view.acted.connect(self.reload)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(mapping_tab, self.tr("Mappings"))
        self.tabs.addTab(self.log_view, self.tr("Sync log"))
        self.tabs.addTab(self.drift_view, self.tr("Drift audit"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 3)

        self.relay = SyncStatusRelay(ctx, self)
        self.relay.changed.connect(self._status_changed)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Channels")

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        pid = self.ctx.property_id
        services = self.ctx.services
        self.ctx.db_tasks.submit(lambda: (services.channels.list(pid), services.sync.drift.last_runs(pid)),
                                 while_alive(self, self._show_channels), while_alive(self, self._failed),
                                 key="channels")
        self.log_view.reload()

    def _show_channels(self, loaded) -> None:
        channels, audits = loaded
        selected = self.selected_channel()
        board = self.ctx.services.sync.statuses
        self.model.set_rows([ChannelRow(info, board.get(info.id), audits.get(info.id)) for info in channels])
        self.log_view.set_channels(channels)
        self.drift_view.channels.set_channels(channels)
        self.heading.setText(f"<h2>{self.title()}</h2>" + self.tr("%n channel(s)", "", len(channels)))
        row = self.model.row_of(selected.info.id) if selected else None
        if self.model.rowCount():
            self.table.selectRow(row if row is not None else 0)
        self._update_buttons()
        self.loaded = True

    def _load_mappings(self) -> None:
        self._update_buttons()
        row = self.selected_channel()
        if row is None:
            self.mapping_model.set_rows([])
            self.warnings.clear()
            return
        channel_id = row.info.id
        report = self.ctx.services.sync.drift.last_report(channel_id)
        if self.drift_view.report is None or self.drift_view.report.channel_id != channel_id:
            self.drift_view.show_report(report, row.info.label)
        channels = self.ctx.services.channels
        self.ctx.db_tasks.submit(lambda: (channels.mappings(channel_id), channels.warnings(channel_id)),
                                 while_alive(self, self._show_mappings), while_alive(self, self._failed),
                                 key="channel_mappings")

    def _show_mappings(self, result) -> None:
        mappings, warnings = result
        self.mapping_model.set_rows(mappings)
        self.warnings.clear()
        self.warnings.addItems([self.texts.warning(w) for w in warnings])
        self.warnings.setVisible(bool(warnings))
        self._update_buttons()  # the mapping selection went with the reset

    def _setup_changed(self) -> None:
        self.reload()  # mapping counts and the list itself
        self._load_mappings()  # the same channel may stay selected: its mappings would not reload

    def _status_changed(self, status) -> None:
        self.model.update_status(status)
        self.log_view.reload()

    def _failed(self, exc: Exception) -> None:
        self.ctx.events.status_message.emit(str(exc))

    # --- actions ------------------------------------------------------------------------------

    def selected_channel(self) -> ChannelRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def selected_mapping(self) -> Mapping | None:
        index = self.mappings.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= len(self.mapping_model.rows):
            return None
        return self.mapping_model.rows[index.row()]

    def edit_channel(self) -> None:
        row = self.selected_channel()
        if row is not None:
            self.setup.edit(row.info)

    def remove_channel(self) -> None:
        row = self.selected_channel()
        if row is not None:
            self.setup.remove(row.info)

    def map_room(self) -> None:
        row = self.selected_channel()
        if row is not None:
            self.setup.map(row.info, self.selected_mapping())

    def unmap_room(self) -> None:
        row, mapping = self.selected_channel(), self.selected_mapping()
        if row is not None and mapping is not None:
            self.setup.unmap(row.info, mapping)

    def audit_now(self) -> None:
        row = self.selected_channel()
        if row is not None:
            self.tabs.setCurrentWidget(self.drift_view)
            self.drift_view.audit(row.info.id, row.info.label)

    def push_now(self) -> None:
        self._preview(full=False, confirm=True)

    def dry_run(self) -> None:
        self._preview(full=False, confirm=False)

    def full_resync(self) -> None:
        row = self.selected_channel()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Full resync"),
            self.tr("Send everything to %1 again, whatever it confirmed before?").replace("%1", row.info.label))
        if answer == QMessageBox.StandardButton.Yes:
            self._preview(full=True, confirm=True)

    def _preview(self, *, full: bool, confirm: bool) -> None:
        row = self.selected_channel()
        if row is None:
            return
        channel_id, label = row.info.id, row.info.label
        self._set_busy(True)
        self.ctx.net_tasks.submit(
            lambda: self.ctx.services.sync.dry_run(channel_id, full=full),
            while_alive(self, lambda report: self._show_preview(report, label, full=full, confirm=confirm)),
            while_alive(self, self._task_failed), key=f"sync_preview_{channel_id}")

    def _show_preview(self, report: PassReport, label: str, *, full: bool, confirm: bool) -> None:
        self._set_busy(False)
        self.preview = DryRunDialog(report, label, confirm=confirm, parent=self)
        if confirm:
            self.preview.accepted.connect(lambda: self._push(report.channel_id, label, full=full))
        self.preview.open()  # window-modal, not exec(): the event loop (and sync statuses) keep running

    def _push(self, channel_id: int, label: str, *, full: bool) -> None:
        self._set_busy(True)
        self.ctx.events.status_message.emit(self.tr("Pushing to %1…").replace("%1", label))
        actor = desk_actor("channels page: push")
        self.ctx.net_tasks.submit(
            lambda: self.ctx.services.sync.push(channel_id, actor=actor, full=full).result(PUSH_TIMEOUT_SECONDS),
            while_alive(self, lambda report: self._pushed(report, label)), while_alive(self, self._task_failed))

    def _pushed(self, report: PassReport, label: str) -> None:
        self._set_busy(False)
        if report.held is not None and not report.in_sync:
            # Nothing (more) was sent: the channel said when it takes us again, and the lane's
            # follow-up pass sends then on its own.
            text = self.texts.hold(label, report.held)
        elif report.in_sync:
            text = self.tr("%1 is in sync: %n cell(s) confirmed", "", report.cells_acknowledged)
        else:
            text = self.tr("%1: %n cell(s) still pending", "", report.pending_cells)
            if report.failures:
                text += " — " + SyncTexts(self).failure(report.failures[0], label)
            elif report.errors:
                text += " — " + report.errors[0]
        self.ctx.events.status_message.emit(text.replace("%1", label))
        self.reload()

    def _task_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._failed(exc)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.selected_channel() is not None
        ready = selected and not self._busy
        for button in (self.push_button, self.dry_run_button, self.full_button, self.audit_button):
            button.setEnabled(ready)
        for button in (self.edit_button, self.remove_button, self.map_button):
            button.setEnabled(selected)
        self.unmap_button.setEnabled(selected and self.selected_mapping() is not None)

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _mapping_columns(self) -> list[Column]:
        return [
            Column(self.tr("Room type"), lambda m: m.room_type.code),
            Column(self.tr("Rate plan"), lambda m: m.rate_plan.code if m.rate_plan else self.tr("(rooms to sell)")),
            Column(self.tr("Remote room"), lambda m: m.remote_room),
            Column(self.tr("Remote rate"), lambda m: m.remote_rate or ""),
            Column(self.tr("Note"), lambda m: self.tr("Archived: not sent") if m.archived else ""),
        ]
