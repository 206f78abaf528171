"""Where file dialogs start: the folder last used, else the user's Documents folder.

Qt's default is the program's working folder, which for a desktop user is meaningless (and
for an installed app often not writable). One place, so every dialog behaves the same.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

SETTINGS_KEY = "files/last_folder"


def start_path(file_name: str = "") -> str:
    """The folder a dialog opens in (with ``file_name`` proposed in it)."""
    folder = QSettings().value(SETTINGS_KEY, "") or ""
    if not folder or not Path(folder).is_dir():
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    return str(Path(folder) / file_name) if file_name else folder


def remember(path: str) -> None:
    """After the user chose ``path``: the next dialog starts in its folder."""
    if path:
        QSettings().setValue(SETTINGS_KEY, str(Path(path).parent))
