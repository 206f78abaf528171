"""Settings › Privacy: how long guest personal data is kept after check-out (off, or N days), how
many bookings a purge would change now, and "Purge now" after a confirmation.

The period and the purge are the administrator's (Permission.SETTINGS, checked again by the core);
the preview changes nothing, so every role sees it. The daily purge itself runs from the desk
(ui/daily_purge.py) on the period saved here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox, QWidget

from channelmgr.privacy.service import MAX_DAYS, SUGGESTED_DAYS, PrivacySettings, PurgeReport
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.security.roles import Permission

from ..context import AppContext
from ..permissions import gate_all
from .section import SettingsSection


class PrivacySection(SettingsSection):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Privacy"), parent)
        self.setObjectName("settings_privacy")
        self.settings: PrivacySettings | None = None
        self.report: PurgeReport | None = None  # the preview shown, for the days in the box
        self.confirm_box: QMessageBox | None = None
        self.enabled = QCheckBox(self.tr("Purge guest names, phones and notes automatically"), self)
        self.enabled.setObjectName("purge_enabled")
        self.days = QSpinBox(self)
        self.days.setObjectName("purge_after_days")
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(SUGGESTED_DAYS)
        self.days.setSuffix(self.tr(" days after check-out"))
        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("purge_preview")
        self.preview_label.setWordWrap(True)
        self.purge_button = QPushButton(self.tr("Purge now…"), self)
        self.purge_button.setObjectName("purge_now")
        period = QHBoxLayout()
        period.addWidget(self.enabled)
        period.addWidget(self.days)
        period.addStretch(1)
        purge = QHBoxLayout()
        purge.addWidget(self.purge_button)
        purge.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Keep guest data"), period)
        form.addRow(self.tr("A purge now"), self.preview_label)
        form.addRow("", purge)
        form.addRow(self.save_row())
        self.save_button.setObjectName("save_privacy")
        self.save_button.clicked.connect(self.save)
        self.purge_button.clicked.connect(self.ask_purge)
        self.days.valueChanged.connect(self.refresh_preview)
        gate_all((self.enabled, self.days, self.purge_button), Permission.SETTINGS)
        ctx.events.property_changed.connect(lambda _pid: self.reload())
        self.reload()

    def reload(self) -> None:
        privacy, property_id = self.ctx.services.privacy, self.ctx.property_id
        self.run("settings.privacy.load", lambda: privacy.settings(property_id), self._show)

    def _show(self, settings: PrivacySettings) -> None:
        self.settings = settings
        self.enabled.setChecked(settings.purge_after_days is not None)
        if settings.purge_after_days is not None:
            self.days.setValue(settings.purge_after_days)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        privacy, property_id, days = self.ctx.services.privacy, self.ctx.property_id, self.days.value()
        self.report = None
        self.run("settings.privacy.preview", lambda: privacy.preview(property_id, days), self._show_preview)

    def _show_preview(self, report: PurgeReport) -> None:
        self.report = report
        self.preview_label.setText(
            self.tr("%n booking(s) that checked out before %1 would lose the guest's name, phone and notes "
                    "(amounts, nights and reports stay).", "", report.reservations)
            .replace("%1", report.cutoff.isoformat()))

    def save(self) -> None:
        if self.settings is None:
            return
        days = self.days.value() if self.enabled.isChecked() else None
        self.saving()
        privacy, property_id = self.ctx.services.privacy, self.ctx.property_id
        self.run("settings.privacy.save",
                 lambda: privacy.set_purge_after(desk_actor("settings page"), property_id, days),
                 lambda _saved: (self.reload(), self.saved(self.tr("Privacy settings saved."))))

    def ask_purge(self) -> None:
        """Purging cannot be undone (except by restoring a backup): say what goes, then ask."""
        days = self.days.value()
        count = self.report.reservations if self.report is not None else 0
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Purge guest data"),
                          self.tr("Replace the guest's name, phone and notes of %n booking(s) that checked out "
                                  "more than %1 days ago by [purged]? This cannot be undone.", "", count)
                          .replace("%1", str(days)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Purge"))
        box.buttonClicked.connect(
            lambda button: self.purge(days) if button is box.button(QMessageBox.StandardButton.Yes) else None)
        self.confirm_box = box
        box.open()

    def purge(self, days: int) -> None:
        self.purge_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Purging…"))
        privacy, property_id = self.ctx.services.privacy, self.ctx.property_id
        self.run("settings.privacy.purge",
                 lambda: privacy.purge(desk_actor("Purge now"), property_id, days), self._purged)

    def _purged(self, report: PurgeReport) -> None:
        self.purge_button.setEnabled(True)
        self.refresh_preview()
        self.saved(self.tr("Guest data of %n booking(s) purged.", "", report.reservations))
        self.ctx.events.data_changed.emit("reservations")

    def failed(self, exc: Exception) -> None:
        super().failed(exc)
        self.purge_button.setEnabled(True)
