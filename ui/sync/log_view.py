"""The sync log: every request sent, filtered by channel and result, exported to CSV."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from channelmgr.sync.channels import ChannelInfo
from channelmgr.sync.drift import AuditStatus
from channelmgr.sync.sync_log import AUDIT_PREFIX
from channelmgr.sync.hold import HOLD_MESSAGE
from channelmgr.sync.sync_log import NOTE_MESSAGE, RESULTS

from ..file_dialogs import remember, start_path
from ..i18n import core_language
from ..context import AppContext
from ..models.record_table import SORT_ROLE, Column, RecordTableModel
from ..tasks import while_alive
from .channel_labels import ChannelLabels
from .drift_view import DriftTexts
from .texts import SyncTexts, local_time

LOG_LIMIT = 2000  # newest rows shown; the CSV export takes the same filtered rows


class SyncLogView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync_log")
        self.ctx = ctx
        self.texts = SyncTexts(self)
        self.drift_texts = DriftTexts(self)
        self.channels = ChannelLabels()
        self.channel = QComboBox(self)
        self.channel.setObjectName("sync_log_channel")
        self.result = QComboBox(self)
        self.result.setObjectName("sync_log_result")
        self.result.addItem(self.tr("All results"), None)
        for result in RESULTS:
            self.result.addItem(self.texts.result(result), result)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setObjectName("sync_log_export")
        self.count = QLabel(self)

        self.model = RecordTableModel(self._columns(), self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("sync_log_table")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Channel")))
        filters.addWidget(self.channel)
        filters.addWidget(QLabel(self.tr("Result")))
        filters.addWidget(self.result)
        filters.addStretch(1)
        filters.addWidget(self.count)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.channel.currentIndexChanged.connect(lambda _i: self.reload())
        self.result.currentIndexChanged.connect(lambda _i: self.reload())
        self.export_button.clicked.connect(self._export)

    def set_channels(self, channels: list[ChannelInfo]) -> None:
        """The filter lists each channel by the owner's name; its data stay the short name the log keeps."""
        self.channels.set_channels(channels)
        current = self.channel.currentData()
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("All channels"), None)
        for channel in channels:
            self.channel.addItem(channel.label, channel.name)
        self.channel.setCurrentIndex(max(0, self.channel.findData(current)))
        self.channel.blockSignals(False)

    def reload(self) -> None:
        pid, channel, result = self.ctx.property_id, self.channel.currentData(), self.result.currentData()
        self.ctx.db_tasks.submit(
            lambda: self.ctx.services.sync.log(pid, channel=channel, result=result, limit=LOG_LIMIT),
            while_alive(self, self._show), key="sync_log")

    def _show(self, entries) -> None:
        self.model.set_rows(entries)
        self.count.setText(self.tr("%n request(s)", "", len(entries)))

    def _export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export sync log"), start_path("sync-log.csv"),
                                                    self.tr("CSV files (*.csv)"))
        if path:
            remember(path)
            self.export_to(path)

    def export_to(self, path: str) -> None:
        entries = list(self.model.rows)
        language = core_language()  # headers and notes as this page words them
        self.ctx.db_tasks.submit(
            lambda: self.ctx.services.sync.export_log(entries, path, language=language),
            while_alive(self, lambda n: self.ctx.events.status_message.emit(
                self.tr("%n row(s) exported to %1", "", n).replace("%1", path))),
            while_alive(self, lambda exc: self.ctx.events.status_message.emit(str(exc))),
        )

    def _message(self, entry) -> str:
        """The request's name as sent (OTA_HotelRateAmountNotifRQ…); a drift audit's row, which the
        core stores as ``audit:<status>``, in words; a capability note's row in words too."""
        if entry.message == NOTE_MESSAGE:
            return self.tr("What the channel cannot carry")
        if entry.message == HOLD_MESSAGE:
            return self.tr("The channel asks to wait")
        if entry.message.startswith(AUDIT_PREFIX):
            try:
                status = AuditStatus(entry.message.removeprefix(AUDIT_PREFIX))
            except ValueError:  # a status a newer desk wrote: shown as stored
                return entry.message
            return self.tr("Drift audit: %1").replace("%1", self.drift_texts.status(status, entry.cells))
        return entry.message

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Time"), lambda e: local_time(e.at), False, lambda e: e.at),
            self.channels.column(self.tr("Channel"), lambda e: e.channel),
            Column(self.tr("Message"), self._message, tooltip=lambda e: e.message),
            Column(self.tr("Cells"), lambda e: str(e.cells), True, lambda e: e.cells),
            Column(self.tr("Ranges"), lambda e: str(e.ranges), True, lambda e: e.ranges),
            Column(self.tr("Bytes"), lambda e: str(e.bytes), True, lambda e: e.bytes),
            Column(self.tr("ms"), lambda e: str(e.latency_ms), True, lambda e: e.latency_ms),
            Column(self.tr("Attempts"), lambda e: str(e.attempts), True, lambda e: e.attempts),
            Column(self.tr("Result"), lambda e: self.texts.result(e.result)),
            # A long error is elided in its cell; the tooltip always carries the whole text.
            # An audit row's text repeats its message in the log's English: the tooltip keeps it.
            Column(self.tr("Error"), lambda e: "" if e.message.startswith(AUDIT_PREFIX) else self._error(e),
                   tooltip=self._error),
        ]

    def _error(self, entry) -> str:
        """A request's error as stored; a capability note in the desk's language, worded from its
        codes as the dry run words them (a note stored before the codes keeps its English text)."""
        if entry.hold is not None:
            return self.texts.hold(self.channels.label(entry.channel), entry.hold)
        if entry.notes:
            return self.texts.capabilities_line(self.channels.label(entry.channel), entry.notes)
        return entry.error
