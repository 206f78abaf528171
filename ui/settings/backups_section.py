"""Settings › Backups: the folder and retention (administrators), the last backup, "Back up now"
and "Restore…" (preview, confirmation, then the restore on the database thread).

After a restore every cache of the running desk (prices, the signed-in account, open pages) is of
the old database, so the desk says so and closes; started again it reads the restored one.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QSpinBox, QWidget)

from channelmgr.backups.service import BackupSettings, Restored
from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.security.roles import Permission

from ..context import AppContext
from ..permissions import gate
from .backup_preview_dialog import BackupPreviewDialog
from .section import SettingsSection


class BackupsSection(SettingsSection):
    restored = Signal(object)  # Restored, after the database was replaced

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Backups"), parent)
        self.setObjectName("settings_backups")
        self.settings: BackupSettings | None = None
        self.preview_dialog: BackupPreviewDialog | None = None
        self.folder = QLineEdit(self)
        self.folder.setObjectName("backup_folder")
        self.folder.setPlaceholderText(self.tr("backups folder in the data folder"))
        self.keep_daily = self._spin("keep_daily", 1)
        self.keep_weekly = self._spin("keep_weekly", 0)
        self.last = QLabel(self)
        self.last.setObjectName("last_backup")
        self.last.setWordWrap(True)
        self.back_up_button = QPushButton(self.tr("Back up now"), self)
        self.back_up_button.setObjectName("back_up_now")
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.restore_button.setObjectName("restore_backup")
        keep = QHBoxLayout()
        keep.addWidget(self.keep_daily)
        keep.addWidget(QLabel(self.tr("daily"), self))
        keep.addWidget(self.keep_weekly)
        keep.addWidget(QLabel(self.tr("weekly"), self))
        keep.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Folder"), self.folder)
        form.addRow(self.tr("Keep"), keep)
        form.addRow(self.tr("Last backup"), self.last)
        form.addRow("", buttons)
        form.addRow(self.save_row())
        self.save_button.setObjectName("save_backups")
        self.save_button.clicked.connect(self.save)
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.choose_restore)
        for widget in (self.folder, self.keep_daily, self.keep_weekly, self.save_button):
            gate(widget, Permission.SETTINGS)
        gate(self.back_up_button, Permission.BACKUP)
        gate(self.restore_button, Permission.RESTORE)
        self.after_restore = self._close_for_restart  # the tests watch the signal instead
        # the daily backup (ui/daily_backup.py) announces each one it makes: the last backup shown follows
        ctx.events.data_changed.connect(self._data_changed)
        self.reload()

    def _data_changed(self, area: str) -> None:
        if area == "backups" and shiboken6.isValid(self):
            self.reload()

    def _spin(self, name: str, least: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(least, 1000)
        return spin

    def reload(self) -> None:
        backups = self.ctx.services.backups

        def load():
            if not backups.db.is_sqlite:
                return None
            return backups.settings(), backups.folder(), backups.last()

        self.run("settings.backups.load", load, self._show)

    def _show(self, loaded) -> None:
        if loaded is None:  # PostgreSQL: the database server's own tools back it up
            self.setEnabled(False)
            self.last.setText(self.tr("This database is PostgreSQL: back it up with pg_dump, restore with pg_restore."))
            return
        settings, folder, last = loaded
        self.settings = settings
        self.folder.setText(settings.folder or str(folder))
        self.keep_daily.setValue(settings.keep_daily)
        self.keep_weekly.setValue(settings.keep_weekly)
        self.last.setText(self.tr("None yet") if last is None else
                          self.tr("%1 (%2 MB)").replace("%1", f"{last.at:%Y-%m-%d %H:%M}")
                          .replace("%2", f"{last.size / 1e6:.1f}"))

    def save(self) -> None:
        if self.settings is None:
            return
        chosen = BackupSettings(self.folder.text(), self.keep_daily.value(), self.keep_weekly.value())
        self.saving()
        backups = self.ctx.services.backups
        self.run("settings.backups.save", lambda: backups.update_settings(chosen, desk_actor("settings page")),
                 lambda _saved: (self.reload(), self.saved(self.tr("Backup settings saved."))))

    def back_up_now(self) -> None:
        self.back_up_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Backing up…"))
        backups = self.ctx.services.backups
        self.run("settings.backups.create", lambda: backups.create(desk_actor("Back up now")), self._backed_up)

    def _backed_up(self, made) -> None:
        self.back_up_button.setEnabled(True)
        self.reload()
        self.saved(self.tr("Backed up to %1").replace("%1", str(made.path)))

    def failed(self, exc: Exception) -> None:
        super().failed(exc)
        self.back_up_button.setEnabled(True)
        self.restore_button.setEnabled(True)

    def choose_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore a backup"), self.folder.text(),
                                              self.tr("channelmgr backups (*.sqlite3);;All files (*)"))
        if path:
            self.preview_file(path)

    def preview_file(self, path: str) -> None:
        """Read what ``path`` holds off the GUI thread, then show it for confirmation."""
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Reading the backup…"))
        backups = self.ctx.services.backups
        self.run("settings.backups.preview", lambda: backups.restore_preview(path, desk_actor("Restore…")),
                 self._show_preview)

    def _show_preview(self, preview) -> None:
        self.status.setText("")
        self.preview_dialog = BackupPreviewDialog(preview, self)
        self.preview_dialog.accepted.connect(lambda: self._restore(preview.file.path))
        self.preview_dialog.open()

    def _restore(self, path) -> None:
        self.restore_button.setEnabled(False)
        self.back_up_button.setEnabled(False)
        self.status.setText(self.tr("Restoring…"))
        backups = self.ctx.services.backups
        self.run("settings.backups.restore", lambda: backups.restore(path, desk_actor("Restore…")), self._restored)

    def _restored(self, done: Restored) -> None:
        self.status.setText(self.tr("Restored. The database as it was is in %1")
                            .replace("%1", str(done.safety_backup.path)))
        self.restored.emit(done)
        self.after_restore(done)

    def _close_for_restart(self, done: Restored) -> None:
        QMessageBox.information(self, self.tr("Backup restored"),
                                self.tr("The backup was restored. channelmgr closes now: start it again to work "
                                        "on the restored database.\n\nThe database as it was is in %1")
                                .replace("%1", str(done.safety_backup.path)))
        if self.window() is not None:
            self.window().close()
        QCoreApplication.quit()
