"""The channel list of the Channels page: one row per channel, its sync status kept current.

Status changes arrive many times a minute; each repaints its own row (``dataChanged`` on one row)
instead of resetting the model, so the selection and the scroll position stay where they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject

from channelmgr.sync.channels import ChannelInfo
from channelmgr.sync.drift_audit import AuditRun
from channelmgr.sync.report import SyncState
from channelmgr.sync.status import ChannelStatus

from ..models.record_table import Column, RecordTableModel
from .drift_view import DriftTexts
from .texts import SyncTexts, local_time


@dataclass(frozen=True)
class ChannelRow:
    info: ChannelInfo
    status: ChannelStatus | None
    audit: AuditRun | None = None  # the channel's last drift audit (the sync log keeps it)


class ChannelTableModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__([], parent)
        self.texts = SyncTexts(self)
        self.drift_texts = DriftTexts(self)
        self.columns = self._columns()

    def update_status(self, status: ChannelStatus) -> None:
        for row, current in enumerate(self.rows):
            if current.info.id == status.channel_id:
                self.rows[row] = replace(current, status=status)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return

    def row_of(self, channel_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.info.id == channel_id), None)

    def _status_text(self, row: ChannelRow) -> str:
        if not row.info.enabled:
            return self.texts.state(SyncState.DISABLED)
        if row.status is None:
            return self.texts.not_checked()
        text = self.texts.state(row.status.state, row.status.pending_cells, row.status.pending_content)
        if row.status.held is not None and row.status.state is not SyncState.IN_SYNC:
            # Said before the 429 it came from: it says what happens next.
            return self.texts.with_reason(text, self.texts.hold(row.info.label, row.status.held))
        if row.status.failures:
            return self.texts.with_reason(text, self.texts.failure(row.status.failures[0], row.info.label))
        return self.texts.with_reason(text, row.status.errors[0]) if row.status.errors else text

    @staticmethod
    def _status_detail(row: ChannelRow) -> str:
        """The full technical text of the failures, for the status cell's tooltip."""
        return "\n".join(row.status.errors) if row.status else ""

    def _last_success(self, row: ChannelRow) -> str:
        when = row.status.last_success if row.status and row.status.last_success else row.info.last_ok_at
        return local_time(when) if when else ""

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Channel"), lambda r: r.info.label),
            Column(self.tr("Name"), lambda r: r.info.name),
            Column(self.tr("Hotel code"), lambda r: r.info.hotel_code),
            Column(self.tr("Endpoint"), lambda r: r.info.endpoint),
            Column(self.tr("Mappings"), lambda r: str(r.info.mapping_count), True, lambda r: r.info.mapping_count),
            Column(self.tr("Status"), self._status_text, tooltip=self._status_detail),
            Column(self.tr("Last in sync"), self._last_success),
            Column(self.tr("Last audit"), lambda r: self.drift_texts.run(r.audit),
                   tooltip=lambda r: r.audit.text if r.audit else ""),
        ]
