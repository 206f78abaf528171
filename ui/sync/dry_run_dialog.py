"""The dry-run preview: what a push would send to one channel, grouped by kind and room."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QListWidget,
                               QTableView, QVBoxLayout, QWidget)

from channelmgr.catalog.attributes import by_key
from channelmgr.sync.report import PassReport

from ..models.record_table import Column, RecordTableModel
from ..roomtypes.language import catalog_language, label
from .texts import SyncTexts, local_time


class DryRunDialog(QDialog):
    """Shows a dry-run ``PassReport``. With ``confirm`` it asks "Push now?" (accept = push)."""

    def __init__(self, report: PassReport, channel_label: str, *, confirm: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dry_run_dialog")
        self.report = report
        self.texts = SyncTexts(self)
        title = self.tr("Full resync preview: %1") if report.full else self.tr("Dry run: %1")
        self.setWindowTitle(title.replace("%1", channel_label))

        self.summary = QLabel(self._summary(report, channel_label))
        self.summary.setObjectName("dry_run_summary")
        self.summary.setWordWrap(True)
        # What this channel cannot carry as we hold it, said before what it will get.
        self.capabilities = QLabel(self.texts.capabilities_line(channel_label, report.capabilities))
        self.capabilities.setObjectName("dry_run_capabilities")
        self.capabilities.setWordWrap(True)
        self.capabilities.setVisible(bool(report.capabilities))
        # The listing content the push would send (channels with a content message only).
        self.content = QLabel(self.texts.content(report.content) if report.content else "")
        self.content.setObjectName("dry_run_content")
        self.content.setWordWrap(True)
        self.content.setVisible(report.content is not None)
        if report.content is not None and report.content.not_carried:
            language = catalog_language()
            self.content.setToolTip(self.tr("Not carried: %1").replace(
                "%1", self.tr(", ").join(label(by_key(key), language) for key in report.content.not_carried)))
        # The channel asked us to wait: a push now would send nothing before its time.
        self.hold = QLabel(self.texts.hold(channel_label, report.held) if report.held else "")
        self.hold.setObjectName("dry_run_hold")
        self.hold.setWordWrap(True)
        self.hold.setVisible(report.held is not None)
        self.model = RecordTableModel(self._columns(), self)
        self.model.set_rows(report.groups)
        self.table = QTableView(self)
        self.table.setObjectName("dry_run_groups")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.warnings = QListWidget(self)
        self.warnings.setObjectName("dry_run_warnings")
        self.warnings.addItems([self.texts.warning(w) for w in report.warnings] + list(report.errors))
        self.warnings.setVisible(self.warnings.count() > 0)
        self.warnings.setMaximumHeight(110)

        buttons = QDialogButtonBox(self)
        if confirm and not report.nothing_pending:
            # Held: the button offers to wait — the pass it asks for sends when the channel takes us.
            text = (self.tr("Push at %1").replace("%1", local_time(report.held.not_before, "%H:%M"))
                    if report.held else self.tr("Push now"))
            self.push_button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
            self.push_button.setObjectName("dry_run_push")
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.push_button = None
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.hold)
        layout.addWidget(self.capabilities)
        layout.addWidget(self.content)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def _summary(self, r: PassReport, label: str) -> str:
        if r.nothing_pending:
            return self.tr("%1 already shows the desired state: nothing to send.").replace("%1", label)
        text = self.tr("%1: %2 cell(s) in %3 range(s) would be sent in %4 request(s).")
        return (text.replace("%1", label).replace("%2", str(r.cells)).replace("%3", str(r.ranges))
                .replace("%4", str(r.requests_planned)))

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("What"), lambda g: self.texts.kind(g.kind)),
            Column(self.tr("Room type"), lambda g: g.room_type),
            Column(self.tr("Rate plan"), lambda g: g.rate_plan or ""),
            Column(self.tr("Channel code"), lambda g: f"{g.remote_room}/{g.remote_rate}" if g.remote_rate
                   else g.remote_room),
            Column(self.tr("Nights"), lambda g: str(g.cells), True, lambda g: g.cells),
            Column(self.tr("From"), lambda g: g.first.isoformat()),
            Column(self.tr("To"), lambda g: g.last.isoformat()),
        ]
