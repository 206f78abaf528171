"""The preview shown before a restore: what the backup holds, and a confirmation to tick before
the Restore button may be pressed (a restore replaces everything typed since that backup)."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout,
                               QWidget)

from channelmgr.backups.service import Preview


class BackupPreviewDialog(QDialog):
    def __init__(self, preview: Preview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backup_preview")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.preview = preview
        c = preview.contents
        form = QFormLayout()
        path = QLabel(str(preview.file.path), self)
        path.setWordWrap(True)
        form.addRow(self.tr("File"), path)
        form.addRow(self.tr("Made"), QLabel(f"{preview.file.at:%Y-%m-%d %H:%M:%S}", self))
        form.addRow(self.tr("Schema revision"), QLabel(c.revision, self))
        names = {"room_types": self.tr("Room types"), "reservations": self.tr("Reservations"),
                 "calendar_nights": self.tr("Calendar nights"), "channels": self.tr("Channels"),
                 "users": self.tr("Users")}
        self.counts: dict[str, QLabel] = {}
        for key, name in names.items():
            value = c.counts.get(key)
            self.counts[key] = QLabel("—" if value is None else f"{value:,}", self)
            form.addRow(name, self.counts[key])
        newest = QLabel(c.newest_change or "—", self)
        newest.setWordWrap(True)
        form.addRow(self.tr("Newest change"), newest)
        warning = QLabel(self.tr("Restoring replaces the whole database with this backup. The current database "
                                 "is backed up first; channelmgr then has to be started again."), self)
        warning.setWordWrap(True)
        self.confirm = QCheckBox(self.tr("Replace the current database with this backup"), self)
        self.confirm.setObjectName("confirm_restore")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore")
        self.restore_button.setEnabled(False)
        self.confirm.toggled.connect(self.restore_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
