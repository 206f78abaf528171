"""The drift audit's tab on the Channels page: the differences of a channel's last audit, and
"Push again" / "Accept theirs" for the selected rows.

Only presents: the audit, push-again and accept-theirs are ``Services.sync.drift``'s, run on a
network worker (each ends with a fresh audit, so the list shows what is left); this widget shows
their reports and words them through ``DriftTexts``.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from channelmgr.money import format_minor
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.security.roles import Permission
from channelmgr.sync.drift import BLOCKED, AuditReport, AuditStatus, Drift
from channelmgr.sync.drift_audit import AuditRun

from ..context import AppContext
from ..models.record_table import Column, RecordTableModel
from ..permissions import gate
from ..tasks import while_alive
from .channel_labels import ChannelLabels
from .texts import SyncTexts, local_time

WAIT_SECONDS = 600


class DriftTexts(QObject):
    """The audit's words: fields, values, results."""

    def field(self, name: str) -> str:
        return {
            "availability": self.tr("Rooms to sell"), "price": self.tr("Price"), "currency": self.tr("Currency"),
            "min_stay": self.tr("Min stay"), "max_stay": self.tr("Max stay"), "cta": self.tr("Closed to arrival"),
            "ctd": self.tr("Closed to departure"), "stop_sell": self.tr("Stop-sell"),
            "restrictions": self.tr("Restrictions"), "blocked": self.tr("Taken (iCal)"),
        }.get(name, name)

    def value(self, drift: Drift, value) -> str:
        if value is None and not drift.shown:
            return self.tr("(not shown)")
        if drift.field == "price":
            return format_minor(value)
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if value is None:
            return self.tr("No limit")
        if isinstance(value, tuple):  # a whole restriction cell
            stop, cta, ctd, low, high = value
            flags = [self.tr("Stop-sell") if stop else "", self.tr("CTA") if cta else "", self.tr("CTD") if ctd else ""]
            text = self.tr("min %1, max %2").replace("%1", str(low)).replace("%2", str(high) if high else "-")
            return " ".join([f for f in flags if f] + [text])
        return str(value)

    def run(self, run: AuditRun | None) -> str:
        """A channel's last audit, for its row in the channel list."""
        if run is None:
            return self.tr("Not audited yet")
        when = local_time(run.at, "%Y-%m-%d %H:%M")
        return f"{when} {self.status(run.status, run.differences)}"

    def status(self, status: AuditStatus, differences: int = 0) -> str:
        if status is AuditStatus.CLEAN:
            return self.tr("No difference")
        if status is AuditStatus.DIFFERENCES:
            return self.tr("%n difference(s)", "", differences)
        if status is AuditStatus.CANNOT_READ_BACK:
            return self.tr("Cannot be read back")
        return self.tr("Audit failed")

    def summary(self, report: AuditReport, label: str) -> str:
        if report.status is AuditStatus.CLEAN:
            return self.tr("%1 shows what it should: %n cell(s) compared", "", report.cells_compared).replace("%1", label)
        if report.status is AuditStatus.DIFFERENCES:
            return (self.tr("%1 shows %n difference(s) in %2 cell(s) compared", "", len(report.differences))
                    .replace("%1", label).replace("%2", str(report.cells_compared)))
        if report.status is AuditStatus.CANNOT_READ_BACK:
            return self.tr("%1 cannot be read back: the audit cannot compare it").replace("%1", label)
        return (self.tr("The audit of %1 failed; nothing was compared: %2").replace("%1", label)
                .replace("%2", SyncTexts(self).failure(report.failure, label)))


class DriftView(QWidget):
    acted = Signal()  # a push again or accept theirs changed something: the page reloads

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.texts = DriftTexts(self)
        self.channels = ChannelLabels()  # the Channels page fills it with each load of its list
        self.report: AuditReport | None = None
        self.label = ""
        self._busy = False
        self.summary = QLabel(self.tr("Choose a channel and press “Audit now”."), self)
        self.summary.setObjectName("drift_summary")
        self.summary.setWordWrap(True)
        self.model = RecordTableModel(self._columns(), self)
        self.table = QTableView(self)
        self.table.setObjectName("drift_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.push_again_button = self._button("push_again", self.tr("Push again"), self.push_again)
        self.accept_button = self._button("accept_theirs", self.tr("Accept theirs"), self.accept_theirs)
        self._may_push = gate(self.push_again_button, Permission.SYNC)
        self._may_accept = gate(self.accept_button, Permission.CALENDAR)
        buttons = QHBoxLayout()
        buttons.addWidget(self.push_again_button)
        buttons.addWidget(self.accept_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- showing ------------------------------------------------------------------------------

    def show_report(self, report: AuditReport | None, label: str) -> None:
        self.report, self.label = report, label
        self.model.set_rows(list(report.differences) if report else [])
        if report is None:
            self.summary.setText(self.tr("%1 has not been audited since the app started: press “Audit now”.")
                                 .replace("%1", label))
        else:
            self.summary.setText(self.texts.summary(report, label))
            self.summary.setToolTip(report.failure.detail if report.failure else report.reason)
        self._set_busy(False)

    def selected_drifts(self) -> list[Drift]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    # --- acting -------------------------------------------------------------------------------

    def audit(self, channel_id: int, label: str) -> None:
        self._set_busy(True)
        self.summary.setText(self.tr("Reading %1 back…").replace("%1", label))
        drift = self.ctx.services.sync.drift
        self.ctx.net_tasks.submit(lambda: drift.audit(channel_id).result(WAIT_SECONDS),
                                  while_alive(self, lambda report: self._audited(report, label)),
                                  while_alive(self, self._failed), key=f"drift_audit_{channel_id}")

    def push_again(self) -> None:
        chosen, report = self.selected_drifts(), self.report
        if not chosen or report is None:
            return
        drift, actor = self.ctx.services.sync.drift, desk_actor("channels page: push again")

        def work():
            drift.push_again(report.channel_id, chosen, actor=actor).result(WAIT_SECONDS)
            return drift.audit(report.channel_id).result(WAIT_SECONDS)

        self._run(work, self.tr("%n difference(s) pushed again to %1", "", len(chosen)))

    def accept_theirs(self) -> None:
        chosen, report = self.selected_drifts(), self.report
        if not chosen or report is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Accept theirs"),
            self.tr("Write the values %1 shows into our calendar for %n difference(s)? The change is in the "
                    "audit trail and reaches the other channels.", "", len(chosen)).replace("%1", self.label))
        if answer != QMessageBox.StandardButton.Yes:
            return
        drift, actor = self.ctx.services.sync.drift, desk_actor("channels page: accept theirs")

        def work():
            result = drift.accept_theirs(report, chosen, actor=actor)
            after = drift.audit(report.channel_id).result(WAIT_SECONDS)
            return after, result

        def done(outcome) -> None:
            after, result = outcome
            text = self.tr("%n difference(s) taken into our calendar", "", len(result.accepted))
            if result.skipped:  # the core words its reasons in both languages; the desk's decides
                first = result.skipped[0]
                reason = first.reason_zh if QLocale().language() == QLocale.Language.Chinese else first.reason
                text = self.tr("%1; %n not taken: %2", "", len(result.skipped)).replace("%1", text).replace("%2", reason)
            self._acted(after, text)

        self._set_busy(True)
        self.ctx.net_tasks.submit(work, while_alive(self, done), while_alive(self, self._failed))

    def _run(self, work, text: str) -> None:
        self._set_busy(True)
        self.ctx.net_tasks.submit(work, while_alive(self, lambda report: self._acted(report, text)),
                                  while_alive(self, self._failed))

    def _acted(self, report: AuditReport, text: str) -> None:
        self.show_report(report, self.label)
        self.ctx.events.status_message.emit(text.replace("%1", self.label))
        self.acted.emit()

    def _audited(self, report: AuditReport, label: str) -> None:
        self.show_report(report, label)
        self.acted.emit()  # the channel list shows the new "last audit"

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.ctx.events.status_message.emit(str(exc))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = bool(self.selected_drifts()) and not self._busy
        # An iCal channel downloads our feed: nothing can be pushed to it (accepting imports its feed).
        feed = any(d.field == BLOCKED for d in self.model.rows)
        self.push_again_button.setEnabled(ready and self._may_push and not feed)
        self.accept_button.setEnabled(ready and self._may_accept)

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _columns(self) -> list[Column]:
        return [
            self.channels.column(self.tr("Channel"), lambda d: d.channel),
            Column(self.tr("Room type"), lambda d: d.room_type),
            Column(self.tr("Rate plan"), lambda d: d.rate_plan or ""),
            Column(self.tr("Night"), lambda d: d.night.isoformat()),
            Column(self.tr("Field"), lambda d: self.texts.field(d.field)),
            Column(self.tr("Ours"), lambda d: self.texts.value(d, d.ours)),
            Column(self.tr("Theirs"), lambda d: self.texts.value(d, d.theirs)),
            Column(self.tr("Note"), lambda d: self.tr("Ours not sent yet") if d.pending else ""),
        ]
